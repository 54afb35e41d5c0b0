package org.marketingworkbench.ui.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.marketingworkbench.core.clean.CleanStepRecord;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.StepRecord;
import org.marketingworkbench.core.train.CurveKind;
import org.marketingworkbench.core.train.CurvePoint;
import org.marketingworkbench.core.train.Exclusion;
import org.marketingworkbench.core.train.FeatureCandidate;
import org.marketingworkbench.core.train.Imbalance;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.LearnerDefinition;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.MetricId;
import org.marketingworkbench.core.train.TargetInfo;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainStepRecord;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingListener;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.core.train.Validation;
import org.marketingworkbench.ui.common.Explanation;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.StepViewModel;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/**
 * The Train step: the target and its task, the features (identifiers and leakage suspects left out, with the
 * reason and a one-click override), the validation, the learners with their settings, the run (progress per
 * learner and live curves, cancel) and the leaderboard from which the user picks the model for Evaluate.
 * Training works on the imported table with the Clean step's recipe, which the core fits inside each fold.
 */
public final class TrainViewModel implements StepViewModel {

    /** A column in the feature list. */
    public record FeatureItem(String name, ColumnType type, boolean includedByDefault, Exclusion exclusion,
                              UserMessage reason) {
        public boolean leakageSuspect() {
            return exclusion == Exclusion.LEAKAGE_SUSPECT;
        }
    }

    /** A learner the user may tick, with its plain settings and its Weka options. */
    public static final class LearnerItem {
        private final LearnerDefinition definition;
        private final BooleanProperty selected = new SimpleBooleanProperty();
        private final ObservableMap<String, String> values = FXCollections.observableMap(new LinkedHashMap<>());
        private final StringProperty advanced = new SimpleStringProperty("");

        LearnerItem(LearnerDefinition definition) {
            this.definition = definition;
            values.putAll(definition.defaults());
        }

        public LearnerDefinition definition() {
            return definition;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }

        /** The plain settings, by option id. */
        public ObservableMap<String, String> values() {
            return values;
        }

        /** A Weka option string that overrides the plain settings; blank: from the plain settings. */
        public StringProperty advancedProperty() {
            return advanced;
        }

        LearnerChoice choice() {
            return new LearnerChoice(definition.id(), Map.copyOf(values), advanced.get() == null ? "" : advanced.get().strip());
        }

        void restore(LearnerChoice c) {
            values.clear();
            values.putAll(definition.defaults());
            values.putAll(c.options());
            advanced.set(c.advancedWekaOptions() == null ? "" : c.advancedWekaOptions());
            selected.set(true);
        }
    }

    /** One learner while it trains: how far it is, and its live curve. */
    public static final class LearnerRun {
        private final String learnerId;
        private final CurveKind curveKind;
        private final javafx.beans.property.DoubleProperty fraction = new javafx.beans.property.SimpleDoubleProperty();
        private final ObjectProperty<UserMessage> status = new SimpleObjectProperty<>();
        private final ObservableList<CurvePoint> curve = FXCollections.observableArrayList();
        private final ObjectProperty<LearnerResult> result = new SimpleObjectProperty<>();

        LearnerRun(String learnerId, CurveKind curveKind) {
            this.learnerId = learnerId;
            this.curveKind = curveKind;
        }

        public String learnerId() {
            return learnerId;
        }

        public CurveKind curveKind() {
            return curveKind;
        }

        public javafx.beans.property.ReadOnlyDoubleProperty fractionProperty() {
            return fraction;
        }

        public ReadOnlyObjectProperty<UserMessage> statusProperty() {
            return status;
        }

        public ObservableList<CurvePoint> curve() {
            return curve;
        }

        public ReadOnlyObjectProperty<LearnerResult> resultProperty() {
            return result;
        }
    }

    private final WorkbenchSession session;
    private final TaskRunner tasks;

    private final ReadOnlyObjectWrapper<Dataset> input = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> targetCandidates = FXCollections.observableArrayList();
    private final ObjectProperty<String> target = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<TargetInfo> targetInfo = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> classes = FXCollections.observableArrayList();
    private final ObjectProperty<String> positiveClass = new SimpleObjectProperty<>();
    private final ObservableList<FeatureItem> features = FXCollections.observableArrayList();
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    private final ObservableList<String> chosenView = FXCollections.unmodifiableObservableList(chosen);
    private final ObjectProperty<Validation.Kind> validationKind = new SimpleObjectProperty<>(Validation.Kind.CROSS_VALIDATION);
    private final IntegerProperty folds = new SimpleIntegerProperty(10);
    private final IntegerProperty trainPercent = new SimpleIntegerProperty(60);
    private final IntegerProperty validationPercent = new SimpleIntegerProperty(20);
    private final IntegerProperty testPercent = new SimpleIntegerProperty(20);
    private final IntegerProperty seed = new SimpleIntegerProperty(1);
    private final ObjectProperty<Imbalance> imbalance = new SimpleObjectProperty<>(Imbalance.NONE);
    private final ObservableList<LearnerItem> learners = FXCollections.observableArrayList();
    private final ObservableList<LearnerRun> runs = FXCollections.observableArrayList();
    private final ObservableList<LearnerResult> leaderboard = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TrainingResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper chosenLearner = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<TrainedModel> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty selectedLearners = new SimpleIntegerProperty();
    private long featureRequest;

    private final BooleanBinding hasInput = input.isNotNull();
    private final BooleanBinding canTrain;
    private final BooleanBinding canContinue;
    private final javafx.beans.binding.ObjectBinding<UserMessage> summary;

    public TrainViewModel(WorkbenchSession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
        canTrain = hasInput.and(targetInfo.isNotNull()).and(busy.not()).and(preparing.not())
                .and(Bindings.isNotEmpty(chosen)).and(selectedLearners.greaterThan(0));
        canContinue = model.isNotNull().and(busy.not());
        summary = Bindings.createObjectBinding(() -> {
            Dataset data = input.get();
            TrainingResult r = result.get();
            if (data == null) {
                return null;
            }
            if (r == null) {
                return UserMessage.of("train.summary.input", data.rowCount(), chosen.size());
            }
            LearnerResult best = r.best();
            return UserMessage.of("train.summary.result", r.leaderboard().size(), UserMessage.of(
                    Learners.get(best.learnerId()).labelKey()), UserMessage.of(r.primary().labelKey()),
                    best.metric(r.primary()).map(m -> m.mean()).orElse(Double.NaN));
        }, input, result, chosen);
        target.addListener((obs, old, now) -> targetChanged(now, null));
        session.cleanedDataProperty().addListener((obs, old, now) -> inputChanged());
        session.segmentedDataProperty().addListener((obs, old, now) -> inputChanged());
        updateExplanation();
        inputChanged();
    }

    // ---- state ------------------------------------------------------------------------------------

    @Override
    public Stage stage() {
        return Stage.TRAIN;
    }

    @Override
    public ObservableValue<Explanation> explanation() {
        return explanation.getReadOnlyProperty();
    }

    /** The table training works on: the imported one (the recipe is applied inside each fold), with the segment when there is one. */
    public ReadOnlyObjectProperty<Dataset> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ObservableList<String> targetCandidates() {
        return targetCandidates;
    }

    public ObjectProperty<String> targetProperty() {
        return target;
    }

    public ReadOnlyObjectProperty<TargetInfo> targetInfoProperty() {
        return targetInfo.getReadOnlyProperty();
    }

    /** The target's classes (two or several classes), for the positive class. */
    public ObservableList<String> classes() {
        return classes;
    }

    public ObjectProperty<String> positiveClassProperty() {
        return positiveClass;
    }

    public ObservableList<FeatureItem> features() {
        return features;
    }

    public ObservableList<String> chosenFeatures() {
        return chosenView;
    }

    public ObjectProperty<Validation.Kind> validationKindProperty() {
        return validationKind;
    }

    public IntegerProperty foldsProperty() {
        return folds;
    }

    public IntegerProperty trainPercentProperty() {
        return trainPercent;
    }

    public IntegerProperty validationPercentProperty() {
        return validationPercent;
    }

    public IntegerProperty testPercentProperty() {
        return testPercent;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<Imbalance> imbalanceProperty() {
        return imbalance;
    }

    public ObservableList<LearnerItem> learners() {
        return learners;
    }

    /** The learners of the current or last run, with their progress and curves. */
    public ObservableList<LearnerRun> runs() {
        return runs;
    }

    /** The last run's learners, best first. */
    public ObservableList<LearnerResult> leaderboard() {
        return leaderboard;
    }

    public ReadOnlyObjectProperty<TrainingResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The learner whose model goes on to Evaluate. */
    public ReadOnlyStringProperty chosenLearnerProperty() {
        return chosenLearner.getReadOnlyProperty();
    }

    /** The chosen learner trained on every row outside the test part, for Evaluate. */
    public ReadOnlyObjectProperty<TrainedModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding hasInput() {
        return hasInput;
    }

    public BooleanBinding canTrain() {
        return canTrain;
    }

    public BooleanBinding canContinue() {
        return canContinue;
    }

    /** One line under the title: what training works on, and what the last run found. */
    public ObservableValue<UserMessage> summary() {
        return summary;
    }

    /** The primary metric of the task: AUC for two classes, accuracy for several, RMSE for numbers. */
    public MetricId primaryMetric() {
        TargetInfo t = targetInfo.get();
        return t == null || t.task() == Task.BINARY ? MetricId.AUC : t.task() == Task.MULTICLASS ? MetricId.ACCURACY
                : MetricId.RMSE;
    }

    /** The settings on screen, as a run would use them. */
    public TrainingSettings settings() {
        Validation v = validationKind.get() == Validation.Kind.CROSS_VALIDATION
                ? Validation.crossValidation(folds.get(), testPercent.get())
                : Validation.split(trainPercent.get(), validationPercent.get(), testPercent.get());
        List<LearnerChoice> picked = learners.stream().filter(l -> l.selectedProperty().get()).map(LearnerItem::choice).toList();
        return new TrainingSettings(TrainingSettings.CURRENT_VERSION, target.get(), positiveClass.get(),
                List.copyOf(chosen), picked, v, seed.get(), imbalance.get());
    }

    // ---- gestures ---------------------------------------------------------------------------------

    /** Ticks or unticks a feature (a leakage suspect too: the warning stays beside it). */
    public void choose(String feature, boolean on) {
        Optional<FeatureItem> item = features.stream().filter(f -> f.name().equals(feature)).findFirst();
        if (item.isEmpty() || chosen.contains(feature) == on || (on && !usable(item.get()))) {
            return;
        }
        List<String> wanted = new ArrayList<>(chosen);
        if (on) {
            wanted.add(feature);
        } else {
            wanted.remove(feature);
        }
        chosen.setAll(features.stream().map(FeatureItem::name).filter(wanted::contains).toList());
        updateExplanation();
    }

    /** Identifiers and the target cannot be features; constants and types the learners cannot read neither. */
    private static boolean usable(FeatureItem f) {
        return f.exclusion() == Exclusion.NONE || f.exclusion() == Exclusion.LEAKAGE_SUSPECT;
    }

    /** Ticks every leakage suspect again (the one-click override); the warnings stay shown. */
    public void includeLeakageSuspects() {
        features.stream().filter(FeatureItem::leakageSuspect).forEach(f -> choose(f.name(), true));
    }

    /** Back to the features suggested for this target. */
    public void chooseSuggested() {
        chosen.setAll(features.stream().filter(FeatureItem::includedByDefault).map(FeatureItem::name).toList());
        updateExplanation();
    }

    /** Trains the ticked learners in the background; the project changes only when the run succeeds. */
    public void train() {
        if (!canTrain.get()) {
            return;
        }
        TrainingSettings s = settings();
        Optional<UserMessage> problem = s.problem();
        if (problem.isPresent()) {
            error.set(problem.get());
            return;
        }
        train(s, false, null);
    }

    private void train(TrainingSettings s, boolean restoring, String restoreChoice) {
        Dataset data = input.get();
        Recipe recipe = recipe();
        busy.set(true);
        error.set(null);
        notice.set(null);
        List<LearnerRun> newRuns = new ArrayList<>();
        Map<String, LearnerRun> byId = new LinkedHashMap<>();
        for (LearnerChoice c : s.learners()) {
            LearnerRun run = new LearnerRun(c.learnerId(), Learners.get(c.learnerId()).curve());
            newRuns.add(run);
            byId.put(c.learnerId(), run);
        }
        runs.setAll(newRuns);
        TrainingListener listener = new BatchedListener(byId);
        tasks.submit(Job.of(UserMessage.of("train.job.run", s.learners().size()),
                        progress -> new TrainStep().run(data, recipe, s, listener, progress))
                .onSuccess(r -> {
                    if (data != input.get()) {
                        busy.set(false);
                        return;
                    }
                    // busy stays set: the chosen model is trained next, in the same breath
                    result.set(r);
                    leaderboard.setAll(r.leaderboard());
                    for (LearnerResult lr : r.leaderboard()) {
                        LearnerRun run = byId.get(lr.choice().learnerId());
                        if (run != null) {
                            run.result.set(lr);
                            run.fraction.set(1);
                            if (lr.curve().size() > run.curve.size()) {
                                run.curve.setAll(lr.curve());
                            }
                        }
                    }
                    String pick = restoreChoice != null && byId.containsKey(restoreChoice) ? restoreChoice
                            : r.best().choice().learnerId();
                    chosenLearner.set(pick);
                    store(restoring);
                    fitChosen(restoring);
                    updateExplanation();
                })
                .onFailure(e -> {
                    busy.set(false);
                    runs.clear();
                    error.set(messageOf(e));
                })
                .onCancelled(() -> {
                    busy.set(false);
                    runs.clear();
                    notice.set(UserMessage.of("train.notice.cancelled"));
                }));
    }

    /** Picks the model that goes on to Evaluate, and trains it on every row outside the test part. */
    public void chooseModel(String learnerId) {
        TrainingResult r = result.get();
        if (r == null || busy.get() || learnerId == null || learnerId.equals(chosenLearner.get())
                || r.leaderboard().stream().noneMatch(l -> l.choice().learnerId().equals(learnerId))) {
            return;
        }
        chosenLearner.set(learnerId);
        store(false);
        fitChosen(false);
    }

    /** Stops the run; the project stays as it was. */
    public void cancel() {
        if (busy.get()) {
            tasks.monitor().cancel();
        }
    }

    private void fitChosen(boolean restoring) {
        Dataset data = input.get();
        TrainingResult r = result.get();
        String learner = chosenLearner.get();
        if (data == null || r == null || learner == null) {
            busy.set(false);
            return;
        }
        model.set(null);
        session.trainedModelProperty().set(null);
        busy.set(true);
        tasks.submit(Job.of(UserMessage.of("train.job.final", learner),
                        progress -> new TrainStep().fitFinal(data, recipe(), r.settings(), learner, progress))
                .onSuccess(m -> {
                    busy.set(false);
                    if (data == input.get() && learner.equals(chosenLearner.get())) {
                        model.set(m);
                        session.trainingResultProperty().set(r);
                        session.trainedModelProperty().set(m);
                    }
                })
                .onFailure(e -> {
                    busy.set(false);
                    error.set(messageOf(e));
                })
                .onCancelled(() -> busy.set(false)));
    }

    private void store(boolean restoring) {
        var p = session.project();
        StepRecord updated = TrainStepRecord.of(result.get().settings(), result.get(), chosenLearner.get());
        if (restoring) {
            session.restore(p.withStep(Stage.TRAIN, updated));
        } else {
            session.update(p.withStep(Stage.TRAIN, updated));
        }
    }

    // ---- data -------------------------------------------------------------------------------------

    /** The Clean step's recipe (it is fitted again inside each fold). */
    private Recipe recipe() {
        try {
            return CleanStepRecord.recipe(session.project().step(Stage.CLEAN));
        } catch (WorkbenchException e) {
            return Recipe.empty();
        }
    }

    /**
     * The imported table, plus the segment column when the project has segments and cleaning kept every row
     * ({@link TrainingData#withSegment}, as the report's replay builds it); its notice when they cannot be lined up.
     */
    private Dataset trainingTable() {
        Dataset imported = session.importedDataProperty().get();
        Dataset cleaned = session.cleanedDataProperty().get();
        if (imported == null || cleaned == null) {
            return null;
        }
        TrainingData.Table table = TrainingData.withSegment(imported, session.segmentedDataProperty().get());
        table.notice().ifPresent(notice::set);
        return table.data();
    }

    private void inputChanged() {
        Dataset data = trainingTable();
        if (data == input.get()) {
            return;
        }
        input.set(data);
        result.set(null);
        leaderboard.clear();
        runs.clear();
        model.set(null);
        chosenLearner.set(null);
        session.trainedModelProperty().set(null);
        session.trainingResultProperty().set(null);
        error.set(null);
        if (data == null) {
            targetCandidates.clear();
            features.clear();
            chosen.clear();
            learners.clear();
            targetInfo.set(null);
            updateExplanation();
            return;
        }
        // which columns can be a target: every column is read, so off the UI thread
        targetCandidates.clear();
        preparing.set(true);
        tasks.submit(Job.of(UserMessage.of("train.job.targets"), progress -> TrainingData.targetCandidates(data))
                .onSuccess(list -> {
                    preparing.set(false);
                    if (data == input.get()) {
                        targetsFound(list);
                    }
                })
                .onFailure(e -> {
                    preparing.set(false);
                    error.set(messageOf(e));
                })
                .onCancelled(() -> preparing.set(false)));
        updateExplanation();
    }

    /** The target columns of new data are known: the project's target (or the Clean step's) is chosen again. */
    private void targetsFound(List<String> candidates) {
        targetCandidates.setAll(candidates);
        StepRecord stored = session.project().step(Stage.TRAIN);
        TrainingSettings s = null;
        if (stored.settings().has("target")) {
            try {
                s = TrainStepRecord.settings(stored);
            } catch (WorkbenchException e) {
                error.set(e.userMessage());
            }
        }
        String wanted = s != null && targetCandidates.contains(s.target()) ? s.target()
                : CleanStepRecord.target(session.project().step(Stage.CLEAN)).filter(targetCandidates::contains).orElse(null);
        if (s != null && wanted != null && wanted.equals(s.target())) {
            restore(s);
        }
        if (java.util.Objects.equals(target.get(), wanted)) {
            targetChanged(wanted, s);
        } else {
            pendingRestore = s;
            target.set(wanted);
        }
        updateExplanation();
    }

    /** Settings waiting for the target's features to be worked out (a project reopened). */
    private TrainingSettings pendingRestore;

    private void restore(TrainingSettings s) {
        Validation v = s.validation();
        validationKind.set(v.kind());
        folds.set(v.folds());
        trainPercent.set(v.trainPercent());
        validationPercent.set(v.validationPercent());
        testPercent.set(v.testPercent());
        seed.set(s.seed());
        imbalance.set(s.imbalance());
    }

    private void targetChanged(String now, TrainingSettings restoring) {
        TrainingSettings s = restoring != null ? restoring : pendingRestore;
        pendingRestore = null;
        Dataset data = input.get();
        targetInfo.set(null);
        classes.clear();
        features.clear();
        chosen.clear();
        error.set(null);
        if (data == null || now == null) {
            learners.clear();
            updateExplanation();
            return;
        }
        TargetInfo info;
        try {
            info = TrainingData.analyse(data, now);
        } catch (WorkbenchException e) {
            error.set(e.userMessage());
            learners.clear();
            updateExplanation();
            return;
        }
        targetInfo.set(info);
        classes.setAll(info.task() == Task.NUMBER ? List.of() : info.classes());
        positiveClass.set(s != null && info.classes().contains(s.positiveClass()) ? s.positiveClass()
                : info.suggestedPositive().orElse(null));
        setLearners(info.task(), s);
        long request = ++featureRequest;
        preparing.set(true);
        TrainingSettings restoreAfter = s;
        tasks.submit(Job.of(UserMessage.of("train.job.features", now),
                        progress -> TrainingData.candidates(data, now, progress))
                .onSuccess(list -> {
                    if (request != featureRequest) {
                        return;
                    }
                    preparing.set(false);
                    features.setAll(list.stream().map(c -> new FeatureItem(c.name(), c.type(), c.includedByDefault(),
                            c.exclusion(), c.reason())).toList());
                    if (restoreAfter != null) {
                        chosen.setAll(features.stream().map(FeatureItem::name)
                                .filter(restoreAfter.features()::contains).toList());
                    } else {
                        chooseSuggested();
                    }
                    updateExplanation();
                    StepRecord stored = session.project().step(Stage.TRAIN);
                    if (restoreAfter != null && stored.done() && canTrain.get()) {
                        // the project was trained before: replay its settings (the seed included) on this data
                        train(settings(), session.importedDataIsRestored(), TrainStepRecord.chosen(stored).orElse(null));
                    }
                })
                .onFailure(e -> {
                    if (request == featureRequest) {
                        preparing.set(false);
                        error.set(messageOf(e));
                    }
                })
                .onCancelled(() -> preparing.set(false)));
    }

    private void setLearners(Task task, TrainingSettings restoring) {
        List<LearnerItem> items = new ArrayList<>();
        for (LearnerDefinition d : Learners.forTask(task)) {
            LearnerItem item = new LearnerItem(d);
            item.selectedProperty().addListener((obs, o, n) -> countSelected());
            items.add(item);
        }
        if (restoring != null) {
            for (LearnerChoice c : restoring.learners()) {
                items.stream().filter(i -> i.definition().id().equals(c.learnerId())).findFirst()
                        .ifPresent(i -> i.restore(c));
            }
        } else {
            // two quick, sound learners to start with: a linear model and a forest
            for (LearnerItem i : items) {
                String id = i.definition().id();
                i.selectedProperty().set(id.equals("logistic") || id.equals("linear") || id.equals("rf"));
            }
        }
        learners.setAll(items);
        countSelected();
    }

    private void countSelected() {
        selectedLearners.set((int) learners.stream().filter(l -> l.selectedProperty().get()).count());
    }

    private static UserMessage messageOf(Throwable e) {
        return org.marketingworkbench.ui.common.ErrorMessages.of(e, "train.error.unexpected", "train.ui.error.outOfMemory");
    }

    // ---- live updates -----------------------------------------------------------------------------

    /**
     * Collects what the workers report and hands it to the UI thread in batches: however fast a neural
     * network's epochs come, the UI thread gets at most one pending update.
     */
    private final class BatchedListener implements TrainingListener {
        private final Map<String, LearnerRun> runsById;
        private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        BatchedListener(Map<String, LearnerRun> runsById) {
            this.runsById = runsById;
        }

        @Override
        public void learnerProgress(String learnerId, double fraction, UserMessage status) {
            LearnerRun run = runsById.get(learnerId);
            if (run != null) {
                enqueue(() -> {
                    run.fraction.set(fraction);
                    run.status.set(status);
                });
            }
        }

        @Override
        public void curvePoint(String learnerId, CurvePoint point) {
            LearnerRun run = runsById.get(learnerId);
            if (run != null) {
                enqueue(() -> run.curve.add(point));
            }
        }

        @Override
        public void learnerDone(LearnerResult r) {
            LearnerRun run = runsById.get(r.choice().learnerId());
            if (run != null) {
                enqueue(() -> {
                    run.fraction.set(1);
                    run.result.set(r);
                });
            }
        }

        private void enqueue(Runnable update) {
            pending.add(update);
            if (scheduled.compareAndSet(false, true)) {
                tasks.post(() -> {
                    scheduled.set(false);
                    Runnable u;
                    while ((u = pending.poll()) != null) {
                        u.run();
                    }
                });
            }
        }
    }

    // ---- explain ----------------------------------------------------------------------------------

    private void updateExplanation() {
        List<UserMessage> paragraphs = new ArrayList<>();
        paragraphs.add(UserMessage.of("train.explainPanel.what"));
        TargetInfo info = targetInfo.get();
        Dataset data = input.get();
        if (info != null && data != null) {
            TrainExplanations.of(info, positiveClass.get(), data, settings(), features).forEach(paragraphs::add);
        }
        TrainingResult r = result.get();
        if (r != null) {
            paragraphs.addAll(r.notes());
        }
        explanation.set(new Explanation(UserMessage.of("train.explainPanel.title"), paragraphs));
    }
}
