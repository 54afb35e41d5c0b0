package org.marketingworkbench.ui.evaluate;

import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.evaluate.EvaluateException;
import org.marketingworkbench.core.evaluate.EvaluationMetric;
import org.marketingworkbench.core.evaluate.FeatureImportance;
import org.marketingworkbench.core.evaluate.LocalExplanation;
import org.marketingworkbench.core.evaluate.ModelInput;
import org.marketingworkbench.core.evaluate.PermutationImportance;
import org.marketingworkbench.core.evaluate.WhatIf;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;
import tech.tablesaw.columns.Column;
import weka.classifiers.Classifier;
import weka.classifiers.SingleClassifierEnhancer;
import weka.classifiers.trees.J48;
import weka.core.Instances;

/**
 * The state of the "Why the model decides" pane of the Evaluate screen: permutation importance on the rows
 * kept aside, the J48 tree as rules, and one customer explained (a LIME-style local fit) with a what-if that
 * changes one feature and scores again. Follows the session's chosen model and imported table; everything is
 * cleared when either changes. No JavaFX scene types: the view binds to these properties.
 */
public final class WhyViewModel {

    /** Variations of the customer the local fit is made on. */
    public static final int SAMPLES = LocalExplanation.DEFAULT_SAMPLES;
    /** Categories offered in the what-if list; a feature with more is typed in. */
    static final int MAX_CATEGORIES = 200;

    private final WorkbenchSession session;
    private final TaskRunner tasks;
    private final ObservableValue<TrainedModel> model;
    private final ObservableValue<Dataset> data;

    private final BooleanBinding ready;
    private final IntegerProperty repeats = new SimpleIntegerProperty(5);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final ReadOnlyBooleanWrapper importanceRunning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<PermutationImportance.Result> importance = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> importanceError = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> importanceRows = new ReadOnlyObjectWrapper<>();
    private final ObservableValue<UserMessage> importanceFinding;
    private final ObservableValue<UserMessage> importanceAxis;

    private final ReadOnlyObjectWrapper<TreeRule> tree = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> treeNote = new ReadOnlyObjectWrapper<>();

    private final IntegerProperty row = new SimpleIntegerProperty(1);
    private final ReadOnlyIntegerWrapper rowCount = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyBooleanWrapper explaining = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<LocalExplanation> explanation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> customerError = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> customerSummary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> scoreName = new ReadOnlyObjectWrapper<>();
    private Map<String, String> customer = Map.of();
    private int explainedRow = -1;
    private Random random = new Random(1);

    private final ObservableList<String> whatIfFeatures = FXCollections.observableArrayList();
    private final StringProperty whatIfFeature = new SimpleStringProperty();
    private final StringProperty whatIfValue = new SimpleStringProperty("");
    private final ObservableList<String> whatIfCategories = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper whatIfIsNumber = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UserMessage> whatIfCurrent = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WhatIf.Result> whatIfResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> whatIfError = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> whatIfSummary = new ReadOnlyObjectWrapper<>();
    private final ObservableList<UserMessage> whatIfWarnings = FXCollections.observableArrayList();
    private final BooleanBinding canWhatIf;

    /** Explains on the imported table (a model trained without the project's segments). */
    public WhyViewModel(WorkbenchSession session, TaskRunner tasks) {
        this(session, tasks, session.importedDataProperty());
    }

    /**
     * @param trainingTable the table the model was trained on (the imported rows, with the segment column when
     *                      the Train step added it), so a model that uses the segments can be explained
     */
    public WhyViewModel(WorkbenchSession session, TaskRunner tasks, javafx.beans.value.ObservableValue<Dataset> trainingTable) {
        this.session = session;
        this.tasks = tasks;
        this.model = session.trainedModelProperty();
        this.data = trainingTable;
        ready = Bindings.createBooleanBinding(() -> model.getValue() != null && data.getValue() != null, model, data);
        importanceFinding = Bindings.createObjectBinding(() -> {
            PermutationImportance.Result r = importance.get();
            if (r == null || r.features().isEmpty()) {
                return null;
            }
            FeatureImportance top = r.features().get(0);
            if (top.meanDrop() <= 0) {
                return UserMessage.of("why.importance.findingNone", metricName(r.metric()));
            }
            return UserMessage.of(r.metric() == EvaluationMetric.RMSE ? "why.importance.findingRmse"
                    : "why.importance.finding", top.feature(), metricName(r.metric()), top.meanDrop());
        }, importance);
        importanceAxis = Bindings.createObjectBinding(() -> {
            PermutationImportance.Result r = importance.get();
            return r == null ? null : UserMessage.of(r.metric() == EvaluationMetric.RMSE ? "why.importance.axisRmse"
                    : "why.importance.axis", metricName(r.metric()), r.repeats(), r.baseline());
        }, importance);
        canWhatIf = Bindings.createBooleanBinding(() -> explainedRow >= 0 && whatIfFeature.get() != null
                && !explaining.get(), explanation, whatIfFeature, explaining);
        whatIfFeature.addListener((obs, old, now) -> featureChosen(now));
        model.addListener((obs, old, now) -> reset());
        data.addListener((obs, old, now) -> reset());
        session.trainingResultProperty().addListener((obs, old, now) -> reset());
        reset();
    }

    // ---- what the pane works on -------------------------------------------------------------------------

    /** Whether there is a chosen model and the table it came from. */
    public BooleanBinding ready() {
        return ready;
    }

    /** The model the pane explains, or null. */
    public ObservableValue<TrainedModel> model() {
        return model;
    }

    /** The running job's progress in [0, 1], or -1 while it has not said (the pane's progress bar). */
    public javafx.beans.property.ReadOnlyDoubleProperty tasksProgress() {
        return tasks.monitor().progressProperty();
    }

    /** What the score is ("chance of churned = yes"), or null without a model. */
    public ReadOnlyObjectProperty<UserMessage> scoreName() {
        return scoreName.getReadOnlyProperty();
    }

    // ---- permutation importance ------------------------------------------------------------------------

    public IntegerProperty repeatsProperty() {
        return repeats;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ReadOnlyBooleanProperty importanceRunning() {
        return importanceRunning.getReadOnlyProperty();
    }

    /** The last measurement: the features with their mean drop and spread, most important first; or null. */
    public ReadOnlyObjectProperty<PermutationImportance.Result> importance() {
        return importance.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> importanceError() {
        return importanceError.getReadOnlyProperty();
    }

    /** Which customers importance is measured on (the test part, or the training rows when none was kept). */
    public ReadOnlyObjectProperty<UserMessage> importanceRows() {
        return importanceRows.getReadOnlyProperty();
    }

    /** The chart's title: the feature that matters most, in words; null before a measurement. */
    public ObservableValue<UserMessage> importanceFinding() {
        return importanceFinding;
    }

    /** The chart's axis: "drop in AUC when the feature is shuffled (mean ± sd over 5 repeats)". */
    public ObservableValue<UserMessage> importanceAxis() {
        return importanceAxis;
    }

    /** Measures permutation importance in the background (progress and cancel through the task runner). */
    public void measureImportance() {
        TrainedModel m = model.getValue();
        Dataset d = data.getValue();
        if (m == null || d == null || importanceRunning.get()) {
            return;
        }
        Dataset heldOut = heldOut(d);
        int r = repeats.get();
        long s = seed.get();
        importanceRunning.set(true);
        importanceError.set(null);
        tasks.submit(Job.of(UserMessage.of("why.importance.job"),
                        progress -> PermutationImportance.of(m, heldOut, r, s, progress))
                .onSuccess(result -> {
                    importanceRunning.set(false);
                    if (m == model.getValue()) {
                        importance.set(result);
                    }
                })
                .onFailure(e -> {
                    importanceRunning.set(false);
                    importanceError.set(messageOf(e));
                })
                .onCancelled(() -> {
                    importanceRunning.set(false);
                    importanceError.set(UserMessage.of("why.importance.cancelled"));
                }));
    }

    /** Asks a running measurement or explanation to stop. */
    public void cancel() {
        if (importanceRunning.get() || explaining.get()) {
            tasks.monitor().cancel();
        }
    }

    // ---- the tree ----------------------------------------------------------------------------------------

    /** The J48 tree as rules, or null when the model is not a J48 tree. */
    public ReadOnlyObjectProperty<TreeRule> tree() {
        return tree.getReadOnlyProperty();
    }

    /** Why no tree is shown (another learner), or what the tree is; null without a model. */
    public ReadOnlyObjectProperty<UserMessage> treeNote() {
        return treeNote.getReadOnlyProperty();
    }

    // ---- one customer ------------------------------------------------------------------------------------

    /** The customer to explain: a row number of the imported table, from 1. */
    public IntegerProperty rowProperty() {
        return row;
    }

    public ReadOnlyIntegerProperty rowCount() {
        return rowCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty explaining() {
        return explaining.getReadOnlyProperty();
    }

    /** The explanation of the customer last explained, or null. */
    public ReadOnlyObjectProperty<LocalExplanation> explanation() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> customerError() {
        return customerError.getReadOnlyProperty();
    }

    /** "Customer 17 (C1017): chance of churned = yes 0.82; a typical customer 0.21", or null. */
    public ReadOnlyObjectProperty<UserMessage> customerSummary() {
        return customerSummary.getReadOnlyProperty();
    }

    /** The explained customer's values by column, as text (empty before an explanation). */
    public Map<String, String> customer() {
        return customer;
    }

    /** Explains the customer in row {@link #rowProperty()}. */
    public void explain() {
        explainRow(row.get() - 1);
    }

    /** Finds the customer with the highest score in the table and explains them. */
    public void explainHighest() {
        TrainedModel m = model.getValue();
        Dataset d = data.getValue();
        if (m == null || d == null || explaining.get()) {
            return;
        }
        explaining.set(true);
        customerError.set(null);
        tasks.submit(Job.of(UserMessage.of("why.customer.findJob"), progress -> highestRow(m, d))
                .onSuccess(best -> {
                    explaining.set(false);
                    row.set(best + 1);
                    explainRow(best);
                })
                .onFailure(e -> {
                    explaining.set(false);
                    customerError.set(messageOf(e));
                })
                .onCancelled(() -> explaining.set(false)));
    }

    /** Explains a customer drawn at random (seeded, so a session is repeatable). */
    public void explainRandom() {
        Dataset d = data.getValue();
        if (d == null || d.rowCount() == 0) {
            return;
        }
        int r = random.nextInt(d.rowCount());
        row.set(r + 1);
        explainRow(r);
    }

    private void explainRow(int index) {
        TrainedModel m = model.getValue();
        Dataset d = data.getValue();
        if (m == null || d == null || explaining.get()) {
            return;
        }
        if (index < 0 || index >= d.rowCount()) {
            customerError.set(UserMessage.of("why.customer.noSuchRow", index + 1, d.rowCount()));
            return;
        }
        Map<String, String> values = valuesOf(m, d, index);
        long s = seed.get();
        explaining.set(true);
        customerError.set(null);
        tasks.submit(Job.of(UserMessage.of("why.customer.job"),
                        progress -> LocalExplanation.of(m, d, values, SAMPLES, s))
                .onSuccess(e -> {
                    explaining.set(false);
                    if (m != model.getValue()) {
                        return;
                    }
                    customer = values;
                    explainedRow = index;
                    customerSummary.set(UserMessage.of("why.customer.summary", customerName(d, index),
                            scoreName.get(), e.score(), e.typicalScore()));
                    whatIfResult.set(null);
                    whatIfError.set(null);
                    whatIfSummary.set(null);
                    whatIfWarnings.clear();
                    explanation.set(e);
                    featureChosen(whatIfFeature.get());
                })
                .onFailure(e -> {
                    explaining.set(false);
                    customerError.set(messageOf(e));
                })
                .onCancelled(() -> explaining.set(false)));
    }

    // ---- what-if -------------------------------------------------------------------------------------------

    /** The features the model was given, which a what-if can change. */
    public ObservableList<String> whatIfFeatures() {
        return whatIfFeatures;
    }

    public StringProperty whatIfFeatureProperty() {
        return whatIfFeature;
    }

    /** The new value, as typed or picked. */
    public StringProperty whatIfValueProperty() {
        return whatIfValue;
    }

    /** The categories the chosen feature takes in the table (empty for a number). */
    public ObservableList<String> whatIfCategories() {
        return whatIfCategories;
    }

    /** Whether the chosen feature holds numbers (typed in) rather than categories (picked). */
    public ReadOnlyBooleanProperty whatIfIsNumber() {
        return whatIfIsNumber.getReadOnlyProperty();
    }

    /** "Now: 167" — the explained customer's value of the chosen feature. */
    public ReadOnlyObjectProperty<UserMessage> whatIfCurrent() {
        return whatIfCurrent.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WhatIf.Result> whatIfResult() {
        return whatIfResult.getReadOnlyProperty();
    }

    /** Why the what-if could not be scored (a value of the wrong type, …), or null. */
    public ReadOnlyObjectProperty<UserMessage> whatIfError() {
        return whatIfError.getReadOnlyProperty();
    }

    /** "Score 0.34 → 0.61 (+0.27)", or null. */
    public ReadOnlyObjectProperty<UserMessage> whatIfSummary() {
        return whatIfSummary.getReadOnlyProperty();
    }

    /** Why the new score may not be trusted (outside the training range, an unseen category). */
    public ObservableList<UserMessage> whatIfWarnings() {
        return whatIfWarnings;
    }

    public BooleanBinding canWhatIf() {
        return canWhatIf;
    }

    /**
     * Scores the explained customer again with the chosen feature set to the new value. Quick (one customer),
     * so it runs at once; bad input leaves the last answer and the customer as they were and says why.
     */
    public void whatIf() {
        TrainedModel m = model.getValue();
        String feature = whatIfFeature.get();
        if (m == null || explainedRow < 0 || feature == null) {
            return;
        }
        String value = whatIfValue.get() == null ? "" : whatIfValue.get().strip();
        if (value.isEmpty()) {
            whatIfError.set(UserMessage.of("why.whatIf.empty", feature));
            return;
        }
        try {
            WhatIf.Result r = WhatIf.rescore(m, data.getValue(), customer, feature, value);
            whatIfError.set(null);
            whatIfWarnings.setAll(r.warnings());
            whatIfResult.set(r);
            String key = Math.abs(r.change()) < 0.005 ? "why.whatIf.same" : r.change() > 0 ? "why.whatIf.up"
                    : "why.whatIf.down";
            whatIfSummary.set(UserMessage.of(key, feature,
                    r.oldValue().isEmpty() ? UserMessage.of("why.whatIf.missing") : r.oldValue(), r.newValue(),
                    r.scoreBefore(), r.scoreAfter(), Math.abs(r.change())));
        } catch (EvaluateException e) {
            whatIfError.set(e.userMessage());
        } catch (RuntimeException e) {
            whatIfError.set(UserMessage.of("why.error.failed", String.valueOf(e.getMessage())));
        }
    }

    // ---- internals ---------------------------------------------------------------------------------------

    private void reset() {
        TrainedModel m = model.getValue();
        Dataset d = data.getValue();
        importance.set(null);
        importanceError.set(null);
        explanation.set(null);
        customerError.set(null);
        customerSummary.set(null);
        customer = Map.of();
        explainedRow = -1;
        random = new Random(seed.get());
        whatIfResult.set(null);
        whatIfError.set(null);
        whatIfSummary.set(null);
        whatIfWarnings.clear();
        rowCount.set(d == null ? 0 : d.rowCount());
        row.set(Math.max(1, Math.min(row.get(), Math.max(1, rowCount.get()))));
        tree.set(null);
        treeNote.set(null);
        scoreName.set(null);
        importanceRows.set(null);
        if (m == null || d == null) {
            whatIfFeatures.clear();
            whatIfFeature.set(null);
            return;
        }
        scoreName.set(scoreNameOf(m));
        int kept = testRows().length;
        importanceRows.set(kept > 0 ? UserMessage.of("why.importance.onTest", kept)
                : UserMessage.of("why.importance.onTraining", d.rowCount()));
        showTree(m);
        List<String> schema = ModelInput.schema(m).stream().map(SchemaColumn::name).toList();
        whatIfFeatures.setAll(m.settings().features().stream().filter(schema::contains).toList());
        whatIfFeature.set(whatIfFeatures.isEmpty() ? null : whatIfFeatures.get(0));
        featureChosen(whatIfFeature.get());
    }

    private int[] testRows() {
        TrainingResult r = session.trainingResultProperty().get();
        return r == null ? new int[0] : r.testRows();
    }

    /**
     * The rows kept aside as the test part; with none (cross-validation), the whole table. The fold models of
     * cross-validation are not kept, so the chosen model cannot be scored on rows it did not see: the pane says
     * so instead of pretending.
     */
    private Dataset heldOut(Dataset d) {
        int[] rows = testRows();
        if (rows.length == 0) {
            return d;
        }
        return new Dataset(d.table().rows(rows), d.columns());
    }

    private void showTree(TrainedModel m) {
        if (!Learners.J48.equals(m.learnerId())) {
            treeNote.set(UserMessage.of("why.tree.notATree", UserMessage.of(Learners.get(m.learnerId()).labelKey())));
            return;
        }
        Classifier c = m.classifier();
        while (c instanceof SingleClassifierEnhancer wrapper) {
            c = wrapper.getClassifier();
        }
        try {
            if (c instanceof J48 j48) {
                TreeRule t = TreeRule.fromDot(j48.graph());
                tree.set(t);
                treeNote.set(UserMessage.of("why.tree.note", t.leaves(), m.target().column()));
                return;
            }
        } catch (Exception | LinkageError e) {
            treeNote.set(UserMessage.of("why.tree.failed", String.valueOf(e.getMessage())));
            return;
        }
        treeNote.set(UserMessage.of("why.tree.failed", c.getClass().getSimpleName()));
    }

    private void featureChosen(String feature) {
        TrainedModel m = model.getValue();
        Dataset d = data.getValue();
        whatIfCategories.clear();
        whatIfError.set(null);
        if (m == null || d == null || feature == null) {
            whatIfIsNumber.set(false);
            whatIfCurrent.set(null);
            return;
        }
        ColumnType type = ModelInput.schema(m).stream().filter(c -> c.name().equals(feature)).map(SchemaColumn::type)
                .findFirst().orElse(ColumnType.CATEGORY);
        whatIfIsNumber.set(type == ColumnType.NUMBER);
        if (type != ColumnType.NUMBER && d.spec(feature).isPresent()) {
            TreeSet<String> seen = new TreeSet<>();
            Column<?> column = d.table().column(feature);
            for (int i = 0; i < column.size() && seen.size() <= MAX_CATEGORIES; i++) {
                String v = text(column, i);
                if (!v.isBlank()) {
                    seen.add(v.strip());
                }
            }
            if (seen.size() <= MAX_CATEGORIES) {
                whatIfCategories.setAll(seen);
            }
        }
        String now = customer.getOrDefault(feature, "");
        whatIfCurrent.set(explainedRow < 0 ? null
                : UserMessage.of("why.whatIf.current", now.isEmpty() ? UserMessage.of("why.whatIf.missing") : now));
        whatIfValue.set(now);
    }

    /** The customer's values as text per column of the model's recipe (as a form would hold them). */
    static Map<String, String> valuesOf(TrainedModel m, Dataset d, int index) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SchemaColumn s : ModelInput.schema(m)) {
            if (d.spec(s.name()).isPresent()) {
                out.put(s.name(), text(d.table().column(s.name()), index));
            }
        }
        return out;
    }

    private static String text(Column<?> column, int index) {
        if (column.isMissing(index)) {
            return "";
        }
        Object v = column.get(index);
        if (v instanceof Double x) {
            return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf(x.longValue()) : String.valueOf(x);
        }
        if (v instanceof Number || v instanceof TemporalAccessor) {
            return v.toString();
        }
        return v == null ? "" : v.toString();
    }

    /** "Customer 17 (C1017)" when the table has an identifier column, else "Customer 17". */
    private static UserMessage customerName(Dataset d, int index) {
        for (ColumnSpec c : d.columns()) {
            if (c.type() == ColumnType.IDENTIFIER) {
                return UserMessage.of("why.customer.nameWithId", index + 1, text(d.table().column(c.name()), index));
            }
        }
        return UserMessage.of("why.customer.name", index + 1);
    }

    private static int highestRow(TrainedModel m, Dataset d) throws EvaluateException {
        Instances all = ModelInput.instances(m, d);
        if (all.numInstances() != d.rowCount()) {
            throw new EvaluateException(EvaluateException.Reason.INVALID_SETTING,
                    UserMessage.of("why.customer.rowsDropped", d.rowCount(), all.numInstances()));
        }
        int pi = ModelInput.positiveIndex(m);
        boolean number = m.target().task() == Task.NUMBER;
        int best = 0;
        double top = Double.NEGATIVE_INFINITY;
        try {
            for (int i = 0; i < all.numInstances(); i++) {
                double[] dist = m.classifier().distributionForInstance(all.instance(i));
                double s = number ? dist[0] : pi >= 0 ? dist[pi] : max(dist);
                if (s > top) {
                    top = s;
                    best = i;
                }
            }
        } catch (Exception e) {
            throw new EvaluateException(EvaluateException.Reason.MODEL_FAILED,
                    UserMessage.of("evaluate.error.model", String.valueOf(e.getMessage())), e);
        }
        return best;
    }

    private static double max(double[] d) {
        double m = 0;
        for (double x : d) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static UserMessage scoreNameOf(TrainedModel m) {
        String target = m.target().column();
        return switch (m.target().task()) {
            case BINARY -> UserMessage.of("why.score.binary", target,
                    m.target().classes().get(Math.max(0, ModelInput.positiveIndex(m))));
            case NUMBER -> UserMessage.of("why.score.number", target);
            default -> UserMessage.of("why.score.classes", target);
        };
    }

    private static UserMessage metricName(EvaluationMetric metric) {
        return switch (metric) {
            case AUC -> UserMessage.of("evaluate.metric.auc");
            case RMSE -> UserMessage.of("evaluate.metric.rmse");
            default -> UserMessage.of("evaluate.metric.accuracy");
        };
    }

    private static UserMessage messageOf(Throwable e) {
        return org.marketingworkbench.ui.common.ErrorMessages.of(e, "why.error.failed", "why.error.memory");
    }

    /** Features of the last measurement, for tests and the report. */
    List<String> importanceOrder() {
        PermutationImportance.Result r = importance.get();
        return r == null ? List.of() : new ArrayList<>(r.features().stream().map(FeatureImportance::feature).toList());
    }
}
