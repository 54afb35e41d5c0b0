package org.marketingworkbench.ui.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.evaluate.CalibrationBin;
import org.marketingworkbench.core.evaluate.Curves;
import org.marketingworkbench.core.evaluate.EvaluateSettings;
import org.marketingworkbench.core.evaluate.EvaluateStepRecord;
import org.marketingworkbench.core.evaluate.FairnessCheck;
import org.marketingworkbench.core.evaluate.FairnessReport;
import org.marketingworkbench.core.evaluate.GainsPoint;
import org.marketingworkbench.core.evaluate.NumberMetrics;
import org.marketingworkbench.core.evaluate.ProfitCurve;
import org.marketingworkbench.core.evaluate.ProfitPoint;
import org.marketingworkbench.core.evaluate.RankedPredictions;
import org.marketingworkbench.core.evaluate.RatePoint;
import org.marketingworkbench.core.evaluate.RocCurve;
import org.marketingworkbench.core.evaluate.SegmentMetrics;
import org.marketingworkbench.core.evaluate.ThresholdMetrics;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.StepRecord;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.Predictions;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.ui.common.Explanation;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.StepViewModel;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/**
 * The Evaluate step: the chosen model's held-out predictions ranked once, then a threshold that moves the
 * confusion matrix and every figure at once (no background job per move), the curves, the profit view whose
 * cut-off moves the threshold, and a check of the figures by group. The threshold, cost and value are kept in
 * the project.
 */
public final class EvaluateViewModel implements StepViewModel {

    /** Everything that follows from the predictions alone, worked out once in the background. */
    public record Analysis(LearnerResult learner, RankedPredictions ranked, RocCurve roc, List<RatePoint> precisionRecall,
                           List<GainsPoint> gains, double[] liftByDecile, List<CalibrationBin> calibration,
                           List<String> groupColumns) {
    }

    private final WorkbenchSession session;
    private final TaskRunner tasks;
    private final ObservableValue<Dataset> trainingTable;

    private final ReadOnlyObjectWrapper<Analysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<NumberMetrics> numberMetrics = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty threshold = new SimpleDoubleProperty(EvaluateSettings.DEFAULT_THRESHOLD);
    private final ObjectBinding<ThresholdMetrics> metrics;
    private final StringProperty cost = new SimpleStringProperty(EvaluateSettings.DEFAULT_COST);
    private final StringProperty value = new SimpleStringProperty(EvaluateSettings.DEFAULT_VALUE);
    private final ReadOnlyObjectWrapper<ProfitCurve> profit = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> profitProblem = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<ProfitPoint> cutOff;
    private final ObservableList<String> groupColumns = FXCollections.observableArrayList();
    private final ObjectProperty<String> groupColumn = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<FairnessReport> fairness = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SegmentMetrics> groupRows =
            FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UserMessage> fairnessProblem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding hasModel;
    private boolean restoring;
    private Grouped grouped;
    private long fairnessRequest;

    public EvaluateViewModel(WorkbenchSession session, TaskRunner tasks, ObservableValue<Dataset> trainingTable) {
        this.session = session;
        this.tasks = tasks;
        this.trainingTable = trainingTable;
        hasModel = session.trainedModelProperty().isNotNull();
        metrics = Bindings.createObjectBinding(() -> analysis.get() == null ? null
                : analysis.get().ranked().at(threshold.get()), analysis, threshold);
        cutOff = Bindings.createObjectBinding(() -> profit.get() == null ? null
                : profit.get().atThreshold(threshold.get()), profit, threshold);
        session.trainedModelProperty().addListener((obs, old, now) -> modelChanged());
        cost.addListener((obs, o, n) -> recomputeProfit());
        value.addListener((obs, o, n) -> recomputeProfit());
        threshold.addListener((obs, o, n) -> {
            followThreshold();
            store();
            updateExplanation();
        });
        groupColumn.addListener((obs, o, n) -> refreshFairness());
        modelChanged();
    }

    // ---- state ------------------------------------------------------------------------------------

    @Override
    public Stage stage() {
        return Stage.EVALUATE;
    }

    @Override
    public ObservableValue<Explanation> explanation() {
        return explanation.getReadOnlyProperty();
    }

    public BooleanBinding hasModel() {
        return hasModel;
    }

    public ReadOnlyObjectProperty<Analysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** For a number target: RMSE, MAE and R² of the held-out predictions. */
    public ReadOnlyObjectProperty<NumberMetrics> numberMetricsProperty() {
        return numberMetrics.getReadOnlyProperty();
    }

    /** The score from which a customer counts as "yes" (two classes). */
    public DoubleProperty thresholdProperty() {
        return threshold;
    }

    /** The confusion matrix and figures at the threshold, recomputed at once on every move. */
    public ObjectBinding<ThresholdMetrics> metrics() {
        return metrics;
    }

    /** The cost of one contact, as typed. */
    public StringProperty costProperty() {
        return cost;
    }

    /** The value of one conversion, as typed. */
    public StringProperty valueProperty() {
        return value;
    }

    public ReadOnlyObjectProperty<ProfitCurve> profitProperty() {
        return profit.getReadOnlyProperty();
    }

    /** Why the profit view cannot be drawn (a cost that is not a number, …), or null. */
    public ReadOnlyObjectProperty<UserMessage> profitProblemProperty() {
        return profitProblem.getReadOnlyProperty();
    }

    /** The profit of contacting everyone scoring at least the threshold. */
    public ObjectBinding<ProfitPoint> cutOff() {
        return cutOff;
    }

    /** Columns to check the figures by (categories with few values, the segment). */
    public ObservableList<String> groupColumns() {
        return groupColumns;
    }

    public ObjectProperty<String> groupColumnProperty() {
        return groupColumn;
    }

    public ReadOnlyObjectProperty<FairnessReport> fairnessProperty() {
        return fairness.getReadOnlyProperty();
    }

    /** Each group's figures at the threshold and, when the cost and value are numbers, its own profit view. */
    public ObservableList<SegmentMetrics> groupRows() {
        return groupRows;
    }

    public ReadOnlyObjectProperty<UserMessage> fairnessProblemProperty() {
        return fairnessProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** One line under the title: which model, on which customers. */
    public ObservableValue<UserMessage> summary() {
        return Bindings.createObjectBinding(() -> {
            Analysis a = analysis.get();
            if (a == null) {
                return null;
            }
            TrainingResult r = session.trainingResultProperty().get();
            boolean cv = r != null && r.settings().validation().kind()
                    == org.marketingworkbench.core.train.Validation.Kind.CROSS_VALIDATION;
            return UserMessage.of(cv ? "evaluate.ui.summary.cv" : "evaluate.ui.summary.split",
                    UserMessage.of(Learners.get(a.learner().learnerId()).labelKey()), a.ranked().size(),
                    a.ranked().positives());
        }, analysis);
    }

    // ---- gestures ---------------------------------------------------------------------------------

    /** Moves the threshold to the profit view's best cut-off. */
    public void useBestCutOff() {
        ProfitCurve p = profit.get();
        if (p != null) {
            threshold.set(p.best().threshold());
        }
    }

    /** Moves the threshold so that the top {@code share} of customers are contacted (the profit view's slider). */
    public void contactShare(double share) {
        ProfitCurve p = profit.get();
        if (p != null) {
            threshold.set(p.atShare(share).threshold());
        }
    }

    // ---- data -------------------------------------------------------------------------------------

    private void modelChanged() {
        TrainedModel model = session.trainedModelProperty().get();
        TrainingResult result = session.trainingResultProperty().get();
        analysis.set(null);
        numberMetrics.set(null);
        profit.set(null);
        fairness.set(null);
        grouped = null;
        error.set(null);
        if (model == null || result == null) {
            groupColumns.clear();
            updateExplanation();
            return;
        }
        Optional<LearnerResult> chosen = result.leaderboard().stream()
                .filter(l -> l.learnerId().equals(model.learnerId())).findFirst();
        if (chosen.isEmpty()) {
            return;
        }
        LearnerResult learner = chosen.get();
        Predictions p = learner.heldOut();
        restoreSettings();
        if (result.target().task() == Task.NUMBER) {
            try {
                numberMetrics.set(NumberMetrics.of(p));
            } catch (WorkbenchException e) {
                error.set(e.userMessage());
            }
            updateExplanation();
            return;
        }
        busy.set(true);
        Dataset table = trainingTable.getValue();
        String target = result.settings().target();
        tasks.submit(Job.of(UserMessage.of("evaluate.ui.job.rank"), progress -> {
                    RankedPredictions ranked = RankedPredictions.of(p);
                    return new Analysis(learner, ranked, Curves.roc(ranked), Curves.precisionRecall(ranked),
                            Curves.gains(ranked), Curves.liftByDecile(ranked), Curves.calibration(ranked),
                            groupCandidates(table, target));
                })
                .onSuccess(a -> {
                    busy.set(false);
                    if (model != session.trainedModelProperty().get()) {
                        return;
                    }
                    // the figures of a model replayed on a just-opened project's own data are not a change
                    restoring = true;
                    analysis.set(a);
                    groupColumns.setAll(a.groupColumns());
                    recomputeProfit();
                    store();
                    restoring = false;
                    updateExplanation();
                })
                .onFailure(e -> {
                    busy.set(false);
                    error.set(e instanceof WorkbenchException we ? we.userMessage()
                            : UserMessage.of("evaluate.ui.error.unexpected", String.valueOf(e.getMessage())));
                }));
    }

    /** Categories with at most a dozen values (gender, region, segment…): counted off the UI thread. */
    private static List<String> groupCandidates(Dataset data, String target) {
        List<String> out = new ArrayList<>();
        if (data == null) {
            return out;
        }
        for (ColumnSpec c : data.columns()) {
            if (c.type() == ColumnType.CATEGORY && !c.name().equals(target)
                    && data.table().column(c.name()).unique().size() <= 12) {
                out.add(c.name());
            }
        }
        return out;
    }

    private void recomputeProfit() {
        Analysis a = analysis.get();
        profitProblem.set(null);
        if (a == null) {
            return;
        }
        java.util.OptionalDouble c = EvaluateSettings.amount(cost.get());
        java.util.OptionalDouble v = EvaluateSettings.amount(value.get());
        if (c.isEmpty() || v.isEmpty()) {
            profit.set(null);
            profitProblem.set(UserMessage.of("evaluate.ui.profit.notANumber"));
            return;
        }
        try {
            profit.set(ProfitCurve.of(a.ranked(), c.getAsDouble(), v.getAsDouble(), a.ranked().size()));
        } catch (WorkbenchException e) {
            profit.set(null);
            profitProblem.set(e.userMessage());
            refreshFairness();
            return;
        }
        refreshFairness();
        store();
        updateExplanation();
    }

    /**
     * Groups the held-out customers by the chosen column and works out each group's profit view, in the
     * background (grouping sorts each group's scores); a threshold move then only re-reads them
     * ({@link #followThreshold}). Newest request wins.
     */
    private void refreshFairness() {
        Analysis a = analysis.get();
        String column = groupColumn.get();
        Dataset data = trainingTable.getValue();
        long request = ++fairnessRequest;
        grouped = null;
        fairness.set(null);
        fairnessProblem.set(null);
        groupRows.clear();
        if (a == null || column == null || data == null) {
            return;
        }
        double t = threshold.get();
        ProfitCurve p = profit.get();
        tasks.submit(Job.of(UserMessage.of("evaluate.ui.job.groups", column), progress -> {
                    FairnessReport report = FairnessCheck.by(a.learner().heldOut(), data, column, t);
                    java.util.Map<String, Optional<ProfitCurve>> profits = new java.util.HashMap<>();
                    if (p != null) {
                        for (SegmentMetrics m : SegmentMetrics.of(report.groups(), p.costPerContact(),
                                p.valuePerConversion())) {
                            profits.put(m.metrics().group(), m.profit());
                        }
                    }
                    return new Grouped(report, profits);
                })
                .onSuccess(g -> {
                    if (request == fairnessRequest && a == analysis.get()) {
                        grouped = g;
                        followThreshold();
                    }
                })
                .onFailure(e -> {
                    if (request == fairnessRequest) {
                        fairnessProblem.set(e instanceof WorkbenchException we ? we.userMessage()
                                : UserMessage.of("evaluate.ui.error.unexpected", String.valueOf(e.getMessage())));
                    }
                }));
    }

    /** The groups at the current threshold, from their ranked scores: no grouping or sorting on a move. */
    private void followThreshold() {
        Analysis a = analysis.get();
        if (grouped == null || a == null) {
            return;
        }
        FairnessReport report = FairnessCheck.at(grouped.report(), a.ranked(), threshold.get());
        groupRows.setAll(report.groups().stream().map(g -> new SegmentMetrics(g,
                grouped.profits().getOrDefault(g.group(), Optional.empty()))).toList());
        fairness.set(report);
    }

    /** The customers grouped by a column once, with each group's profit view. */
    private record Grouped(FairnessReport report, java.util.Map<String, Optional<ProfitCurve>> profits) {
    }

    // ---- the project ------------------------------------------------------------------------------

    /**
     * Puts the project's threshold, cost and value back, read as the report's replay reads them
     * ({@link EvaluateStepRecord#settings}); a setting the record does not have leaves the one on screen as it is.
     */
    private void restoreSettings() {
        StepRecord stored = session.project().step(Stage.EVALUATE);
        EvaluateSettings kept = EvaluateStepRecord.settings(stored);
        var s = stored.settings();
        if (s.has("threshold")) {
            threshold.set(kept.threshold());
        }
        if (s.has("cost")) {
            cost.set(kept.cost());
        }
        if (s.has("value")) {
            value.set(kept.value());
        }
    }

    /** Keeps the threshold, cost and value in the project (version 1 of the Evaluate record). */
    private void store() {
        if (analysis.get() == null) {
            return;
        }
        StepRecord updated = EvaluateStepRecord.of(new EvaluateSettings(threshold.get(), cost.get(), value.get()));
        var p = session.project();
        if (updated.equals(p.step(Stage.EVALUATE))) {
            return;
        }
        if (restoring && session.importedDataIsRestored()) {
            session.restore(p.withStep(Stage.EVALUATE, updated));
        } else {
            session.update(p.withStep(Stage.EVALUATE, updated));
        }
    }

    // ---- explain ----------------------------------------------------------------------------------

    private void updateExplanation() {
        List<UserMessage> paragraphs = new ArrayList<>();
        paragraphs.add(UserMessage.of("evaluate.ui.explainPanel.what"));
        ThresholdMetrics m = metrics.get();
        if (m != null) {
            var c = m.confusion();
            paragraphs.add(UserMessage.of("evaluate.ui.explain.threshold", threshold.get(), c.tp() + c.fp(),
                    c.tp() + c.fp() + c.tn() + c.fn()));
            paragraphs.add(UserMessage.of("evaluate.ui.explain.precision", c.tp(), c.fp(), m.precision()));
            paragraphs.add(UserMessage.of("evaluate.ui.explain.recall", c.tp(), c.fn(), m.recall()));
            paragraphs.add(UserMessage.of("evaluate.ui.explain.accuracy", c.tp(), c.tn(), c.tp() + c.fp() + c.tn() + c.fn(),
                    m.accuracy(), m.baselineAccuracy()));
        }
        Analysis a = analysis.get();
        if (a != null && a.liftByDecile().length > 0) {
            int n = a.ranked().size();
            int top = Math.max(1, n / 10);
            paragraphs.add(UserMessage.of("evaluate.ui.explain.lift", top, a.ranked().positivesInTop(top),
                    a.ranked().positives(), n, a.liftByDecile()[0]));
        }
        ProfitPoint point = cutOff.get();
        ProfitCurve p = profit.get();
        if (point != null && p != null) {
            paragraphs.add(UserMessage.of("evaluate.ui.explain.profit", point.conversions(), p.valuePerConversion(),
                    point.customers(), p.costPerContact(), point.expectedProfit()));
        }
        NumberMetrics nm = numberMetrics.get();
        if (nm != null) {
            paragraphs.add(UserMessage.of("evaluate.ui.explain.number", nm.rmse(), nm.mae(), nm.r2()));
        }
        explanation.set(new Explanation(UserMessage.of("evaluate.ui.explainPanel.title"), paragraphs));
    }
}
