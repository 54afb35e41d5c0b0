package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketingworkbench.core.clean.CleanStepRecord;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.StepRecord;
import org.marketingworkbench.core.segment.Algorithm;
import org.marketingworkbench.core.segment.FastKMeans;
import org.marketingworkbench.core.segment.FeatureChoice;
import org.marketingworkbench.core.segment.FeatureExplanation;
import org.marketingworkbench.core.segment.FeaturePreparation;
import org.marketingworkbench.core.segment.KChooser;
import org.marketingworkbench.core.segment.Scaling;
import org.marketingworkbench.core.segment.SegmentException;
import org.marketingworkbench.core.segment.SegmentExport;
import org.marketingworkbench.core.segment.SegmentStep;
import org.marketingworkbench.core.segment.SegmentStepRecord;
import org.marketingworkbench.core.segment.Segmentation;
import org.marketingworkbench.core.segment.rfm.RfmStepRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.marketingworkbench.core.segment.SegmentationResult;
import org.marketingworkbench.core.segment.SegmentationSettings;
import org.marketingworkbench.ui.common.Explanation;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.StepViewModel;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/**
 * The Segment step: which features to segment on, the algorithm and k (with help choosing k), the run,
 * and its results. The input is the cleaned table; the result adds a segment column that the Train step
 * can use. Settings are a draft in properties until "Segment customers" runs them; the project keeps the
 * settings of the last successful run and replays them on reopening or on new data.
 */
public final class SegmentViewModel implements StepViewModel {

    /** One column in the feature list: whether it can be ticked, and why (or why not). */
    public record FeatureItem(String name, org.marketingworkbench.core.data.ColumnType type, boolean usable,
                              boolean suggested, UserMessage reason) {
    }

    private final WorkbenchSession session;
    private final TaskRunner tasks;

    private final ObservableList<FeatureItem> featureItems = FXCollections.observableArrayList();
    private final ObservableList<String> chosen = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call holds its listeners only weakly and loses them to GC. */
    private final ObservableList<String> chosenView = FXCollections.unmodifiableObservableList(chosen);
    private final ObjectProperty<Algorithm> algorithm = nonNull(Algorithm.KMEANS);
    private final IntegerProperty k = new SimpleIntegerProperty(SegmentationSettings.DEFAULT_K);
    private final BooleanProperty automaticK = new SimpleBooleanProperty(false);
    private final IntegerProperty seed = new SimpleIntegerProperty(SegmentationSettings.DEFAULT_SEED);
    private final ObjectProperty<Scaling> scaling = nonNull(Scaling.STANDARDISE);
    private final IntegerProperty kFrom = new SimpleIntegerProperty(KChooser.DEFAULT_FROM);
    private final IntegerProperty kTo = new SimpleIntegerProperty(KChooser.DEFAULT_TO);
    private int restarts = FastKMeans.DEFAULT_RESTARTS;

    private final ReadOnlyObjectWrapper<Dataset> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SegmentationResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Segmentation> segmentation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<KChooser.KChoice> kChoice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FeatureExplanation> featureExplanation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>();
    private static final String RFM = "rfm";
    private final SegmentNames names = new SegmentNames();
    /** RFM from a transaction log, on the same table; kept in the Segment step's record under "rfm". */
    private final RfmViewModel rfm;
    /** Set while RFM re-runs the settings of a just-opened project on its own data: not a change. */
    private boolean rfmRestoring;
    private Optional<String> target = Optional.empty();
    private long preparationRequest;

    private final BooleanBinding hasInput = input.isNotNull();
    private final BooleanBinding hasResult = result.isNotNull();
    private final BooleanBinding canRun = hasInput.and(busy.not()).and(Bindings.isNotEmpty(chosen));
    private final BooleanBinding canContinue = busy.not();
    private final BooleanBinding stale;
    private final javafx.beans.binding.ObjectBinding<UserMessage> summary;

    public SegmentViewModel(WorkbenchSession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
        stale = Bindings.createBooleanBinding(() -> result.get() != null && !settings().equals(result.get().settings()),
                result, chosen, algorithm, k, automaticK, seed, scaling);
        summary = Bindings.createObjectBinding(() -> {
            Dataset data = input.get();
            SegmentationResult r = result.get();
            if (data == null) {
                return null;
            }
            if (r == null) {
                return UserMessage.of("segment.summary.input", data.rowCount(), chosen.size());
            }
            return UserMessage.of("segment.summary.result", r.rowsUsed(), r.k(), r.averageSilhouette(), r.rowsLeftOut());
        }, input, result, chosen);
        rfm = new RfmViewModel(tasks, input.getReadOnlyProperty());
        rfm.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                storeRfm();
            }
            updateExplanation();
        });
        session.cleanedDataProperty().addListener((obs, old, now) -> inputChanged(now));
        chosen.addListener((javafx.collections.ListChangeListener<String>) c -> prepareExplanation());
        scaling.addListener((obs, o, n) -> prepareExplanation());
        algorithm.addListener((obs, o, n) -> {
            if (!n.choosesK()) {
                automaticK.set(false);
            }
            updateExplanation();
        });
        updateExplanation();
        inputChanged(session.cleanedDataProperty().get());
    }

    /**
     * A setting that always has a value: a control that passes through "nothing" (a combo box relabelled
     * after a language switch) leaves it as it was.
     */
    private static <T> ObjectProperty<T> nonNull(T initial) {
        return new SimpleObjectProperty<>(initial) {
            @Override
            public void set(T value) {
                if (value != null) {
                    super.set(value);
                }
            }
        };
    }

    // ---- state ------------------------------------------------------------------------------------

    @Override
    public Stage stage() {
        return Stage.SEGMENT;
    }

    @Override
    public ObservableValue<Explanation> explanation() {
        return explanation.getReadOnlyProperty();
    }

    /** The cleaned table the step works on, or null before there is one. */
    public ReadOnlyObjectProperty<Dataset> inputProperty() {
        return input.getReadOnlyProperty();
    }

    /** Every column of the input with whether it can describe a segment. */
    public ObservableList<FeatureItem> featureItems() {
        return featureItems;
    }

    /** The ticked features, in table order (read-only for views: use {@link #choose}). */
    public ObservableList<String> chosenFeatures() {
        return chosenView;
    }

    public ObjectProperty<Algorithm> algorithmProperty() {
        return algorithm;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    /** EM only: let the algorithm choose the number of segments. */
    public BooleanProperty automaticKProperty() {
        return automaticK;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<Scaling> scalingProperty() {
        return scaling;
    }

    public IntegerProperty kFromProperty() {
        return kFrom;
    }

    public IntegerProperty kToProperty() {
        return kTo;
    }

    public ReadOnlyObjectProperty<SegmentationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The result with its cards and map, worked out in the same background job. */
    public ReadOnlyObjectProperty<Segmentation> segmentationProperty() {
        return segmentation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KChooser.KChoice> kChoiceProperty() {
        return kChoice.getReadOnlyProperty();
    }

    /** How the chosen features are prepared, on the user's data (shown before and after a run). */
    public ReadOnlyObjectProperty<FeatureExplanation> featureExplanationProperty() {
        return featureExplanation.getReadOnlyProperty();
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

    public BooleanBinding hasResult() {
        return hasResult;
    }

    public BooleanBinding canRun() {
        return canRun;
    }

    /** Segment is optional: the user may go on to Train without segments, but not while a job runs. */
    public BooleanBinding canContinue() {
        return canContinue;
    }

    /** Whether the settings on screen differ from those the shown segments were made with. */
    public BooleanBinding stale() {
        return stale;
    }

    /** One line under the title: what the step works on, and what it found. */
    public ObservableValue<UserMessage> summary() {
        return summary;
    }

    /** The RFM pane's state. */
    public RfmViewModel rfm() {
        return rfm;
    }

    /** Segment names: proposed and edited. */
    public SegmentNames names() {
        return names;
    }

    /** The settings on screen, as the step would run them. */
    public SegmentationSettings settings() {
        return new SegmentationSettings(SegmentationSettings.CURRENT_VERSION, List.copyOf(chosen),
                automaticK.get() && algorithm.get().choosesK() ? SegmentationSettings.AUTOMATIC_K : k.get(),
                algorithm.get(), seed.get(), scaling.get(), restarts);
    }

    // ---- gestures ---------------------------------------------------------------------------------

    /** Ticks or unticks a feature; columns that cannot describe a segment are never ticked. */
    public void choose(String feature, boolean on) {
        Optional<FeatureItem> item = featureItems.stream().filter(f -> f.name().equals(feature)).findFirst();
        if (item.isEmpty() || (on && !item.get().usable()) || chosen.contains(feature) == on) {
            return;
        }
        Set<String> wanted = new LinkedHashSet<>(chosen);
        if (on) {
            wanted.add(feature);
        } else {
            wanted.remove(feature);
        }
        chosen.setAll(inTableOrder(wanted));
    }

    /** Ticks exactly {@code features} (those that can be ticked). */
    public void chooseOnly(List<String> features) {
        Set<String> usable = new java.util.HashSet<>();
        featureItems.stream().filter(FeatureItem::usable).forEach(f -> usable.add(f.name()));
        chosen.setAll(inTableOrder(features.stream().filter(usable::contains).toList()));
    }

    /** Back to the suggested features. */
    public void chooseSuggested() {
        Dataset data = input.get();
        if (data != null) {
            chooseOnly(FeatureChoice.defaults(data, target));
        }
    }

    private List<String> inTableOrder(java.util.Collection<String> names) {
        return featureItems.stream().map(FeatureItem::name).filter(names::contains).toList();
    }

    /** Tries k from {@link #kFromProperty()} to {@link #kToProperty()} in the background; the user decides. */
    public void chooseK() {
        Dataset data = input.get();
        if (data == null || busy.get()) {
            return;
        }
        SegmentationSettings s = settings().withAlgorithm(Algorithm.KMEANS);
        int from = kFrom.get();
        int to = kTo.get();
        busy.set(true);
        error.set(null);
        tasks.submit(Job.of(UserMessage.of("segment.job.chooseK", from, to),
                        progress -> new KChooser().choose(data, s, from, to, progress))
                .onSuccess(choice -> {
                    busy.set(false);
                    if (data != input.get()) {
                        return;
                    }
                    kChoice.set(choice);
                    featureExplanation.set(choice.explanation());
                    updateExplanation();
                })
                .onFailure(e -> {
                    busy.set(false);
                    error.set(messageOf(e));
                })
                .onCancelled(() -> busy.set(false)));
    }

    /** Takes the k chooser's recommendation. */
    public void useRecommendedK() {
        KChooser.KChoice c = kChoice.get();
        if (c != null) {
            automaticK.set(false);
            k.set(c.recommendedK());
        }
    }

    /** Segments the customers with the settings on screen. */
    public void run() {
        if (!canRun.get()) {
            return;
        }
        run(settings(), false, namedOnScreen());
    }

    /**
     * The segments on screen with the names typed for them, as the project keeps them (a replay that finds the
     * same segments keeps the names: {@link SegmentStepRecord#namesFor}); null when no segments are shown.
     */
    private StepRecord namedOnScreen() {
        SegmentationResult shown = result.get();
        return shown == null ? null : SegmentStepRecord.of(shown.settings(), shown, names.edited());
    }

    /**
     * @param restoring   the stored settings re-run on a just-opened project's unchanged data: not a change
     * @param named       a record of segments the user named (or null): the names are kept when the run finds
     *                    the same segments again
     */
    private void run(SegmentationSettings s, boolean restoring, StepRecord named) {
        Dataset data = input.get();
        busy.set(true);
        error.set(null);
        tasks.submit(Job.of(UserMessage.of("segment.job.run"), progress -> Segmentation.compute(data, s, progress))
                .onSuccess(done -> {
                    busy.set(false);
                    if (data != input.get()) {
                        return;   // new data arrived meanwhile: this run is stale
                    }
                    SegmentationResult r = done.result();
                    // the names first: the screen draws the new segments with them
                    java.util.Map<Integer, String> kept = named == null ? java.util.Map.of()
                            : SegmentStepRecord.namesFor(named, r);
                    names.reset(done.cards(), kept);
                    result.set(r);
                    segmentation.set(done);
                    featureExplanation.set(r.explanation());
                    if (named != null && kept.isEmpty() && !SegmentStepRecord.names(named).isEmpty()) {
                        notice.set(UserMessage.of("segment.notice.namesReset"));
                    }
                    session.segmentedDataProperty().set(r.withSegmentColumn(data));
                    store(restoring);
                    updateExplanation();
                })
                .onFailure(e -> {
                    busy.set(false);
                    error.set(messageOf(e));
                })
                .onCancelled(() -> busy.set(false)));
    }

    /**
     * Writes every customer of the input with their segment number and name (as shown in {@code locale}) to
     * {@code target}, in the background; cells a spreadsheet would run as formulas are neutralised.
     */
    public void export(java.nio.file.Path target, java.util.Locale locale) {
        Segmentation s = segmentation.get();
        Dataset data = input.get();
        if (s == null || data == null) {
            return;
        }
        java.util.Map<Integer, String> shown = names.displayNames(locale);
        tasks.submit(Job.of(UserMessage.of("segment.job.export"), progress -> {
                    SegmentExport.write(data, s.result(), shown, target);
                    return target;
                })
                .onSuccess(path -> notice.set(UserMessage.of("segment.export.done", s.result().segmentOfRow().length,
                        path.getFileName().toString())))
                .onFailure(e -> error.set(e instanceof WorkbenchException we ? we.userMessage()
                        : UserMessage.of("segment.error.exportFailed", target, String.valueOf(e.getMessage())))));
    }

    /** Renames segment {@code number}; a blank name goes back to the proposed one. Stored in the project. */
    public void rename(int number, String name) {
        if (result.get() == null || !names.rename(number, name)) {
            return;
        }
        store(false);
    }

    private void store(boolean restoring) {
        SegmentationResult r = result.get();
        var p = session.project();
        StepRecord updated = withRfmOf(p.step(Stage.SEGMENT), SegmentStepRecord.of(r.settings(), r, names.edited()));
        if (restoring) {
            session.restore(p.withStep(Stage.SEGMENT, updated));
        } else {
            session.update(p.withStep(Stage.SEGMENT, updated));
        }
    }

    /** {@code updated} with the RFM settings and summary that {@code old} kept. */
    private static StepRecord withRfmOf(StepRecord old, StepRecord updated) {
        JsonNode kept = old.settings().get(RFM);
        if (kept == null) {
            return updated;
        }
        ObjectNode settings = updated.settings();
        settings.set(RFM, kept);
        return new StepRecord(updated.done(), settings, updated.result());
    }

    /** Keeps the RFM run in the project, beside the segmentation (which it leaves as it is). */
    private void storeRfm() {
        var p = session.project();
        StepRecord base = p.step(Stage.SEGMENT);
        StepRecord run = rfm.toStepRecord();
        ObjectNode settings = base.settings();
        ObjectNode node = settings.putObject(RFM);
        node.set("settings", run.settings());
        node.set("result", run.result());
        StepRecord updated = new StepRecord(base.done(), settings, base.result());
        if (rfmRestoring) {
            session.restore(p.withStep(Stage.SEGMENT, updated));
        } else {
            session.update(p.withStep(Stage.SEGMENT, updated));
        }
        rfmRestoring = false;
    }

    /** Puts a project's RFM settings back and re-runs them when this table has their columns. */
    private void restoreRfm(StepRecord stored) {
        JsonNode node = stored.settings().path(RFM).get("settings");
        if (!(node instanceof ObjectNode rfmSettings)) {
            return;
        }
        try {
            rfm.restore(RfmStepRecord.settings(new StepRecord(true, rfmSettings, null)));
        } catch (WorkbenchException e) {
            notice.set(e.userMessage());
            return;
        }
        if (rfm.canRun().get()) {
            rfmRestoring = session.importedDataIsRestored();
            rfm.run();
        }
    }

    // ---- data -------------------------------------------------------------------------------------

    private void inputChanged(Dataset data) {
        // the names typed for the segments on screen: a replay that finds the same segments keeps them (the
        // project's record may already have lost them, when the step before changed)
        StepRecord shown = namedOnScreen();
        input.set(data);
        result.set(null);
        segmentation.set(null);
        kChoice.set(null);
        featureExplanation.set(null);
        error.set(null);
        notice.set(null);
        names.reset(List.of(), java.util.Map.of());
        session.segmentedDataProperty().set(null);
        if (data == null) {
            featureItems.clear();
            chosen.clear();
            updateExplanation();
            return;
        }
        target = CleanStepRecord.target(session.project().step(Stage.CLEAN));
        List<FeatureItem> items = new ArrayList<>();
        for (FeatureChoice.Candidate c : FeatureChoice.candidates(data, target)) {
            items.add(new FeatureItem(c.name(), c.type(), c.usable(), c.suggested(), c.reason()));
        }
        featureItems.setAll(items);
        StepRecord stored = session.project().step(Stage.SEGMENT);
        restoreRfm(stored);
        SegmentationSettings s = null;
        if (stored.settings().has("features")) {
            try {
                s = SegmentStepRecord.settings(stored);
            } catch (SegmentException e) {
                error.set(e.userMessage());
            }
        }
        if (s == null) {
            chooseSuggested();
            updateExplanation();
            return;
        }
        algorithm.set(s.algorithm());
        automaticK.set(s.automaticK());
        if (!s.automaticK()) {
            k.set(s.k());
        }
        seed.set(s.seed());
        scaling.set(s.scaling());
        restarts = s.restarts();
        List<String> absent = s.features().stream().filter(f -> data.spec(f).isEmpty()).toList();
        chooseOnly(s.features());
        if (!absent.isEmpty()) {
            notice.set(UserMessage.of("segment.notice.featuresAbsent", String.join(", ", absent)));
            updateExplanation();
            return;
        }
        // the project was segmented before: replay its settings on this data
        run(s, stored.done() && session.importedDataIsRestored(), shown != null ? shown : stored);
    }

    /** How the ticked features would be prepared, worked out in the background (newest request wins). */
    private void prepareExplanation() {
        Dataset data = input.get();
        long request = ++preparationRequest;
        List<String> features = List.copyOf(chosen);
        if (data == null || features.isEmpty()) {
            featureExplanation.set(null);
            updateExplanation();
            return;
        }
        Scaling sc = scaling.get();
        tasks.submit(Job.of(UserMessage.of("segment.job.prepare"),
                        progress -> FeaturePreparation.prepare(data, features, sc).explanation())
                .onSuccess(expl -> {
                    if (request == preparationRequest) {
                        featureExplanation.set(expl);
                        updateExplanation();
                    }
                })
                .onFailure(e -> {
                    if (request == preparationRequest) {
                        featureExplanation.set(null);
                        updateExplanation();
                    }
                }));
    }

    private static UserMessage messageOf(Throwable e) {
        return e instanceof WorkbenchException we ? we.userMessage()
                : UserMessage.of("segment.error.unexpected", String.valueOf(e.getMessage()));
    }

    private void updateExplanation() {
        List<UserMessage> paragraphs = new ArrayList<>();
        paragraphs.add(UserMessage.of("segment.explainPanel.what"));
        FeatureExplanation fe = featureExplanation.get();
        if (fe != null) {
            paragraphs.addAll(fe.lines());
        }
        paragraphs.add(algorithm.get().explanation());
        KChooser.KChoice choice = kChoice.get();
        if (choice != null) {
            paragraphs.add(choice.reason());
            paragraphs.addAll(choice.notes());
        }
        SegmentationResult r = result.get();
        if (r != null) {
            paragraphs.add(UserMessage.of("segment.explainPanel.wcss", r.withinClusterSumOfSquares(), r.rowsUsed(),
                    r.k(), r.withinClusterSumOfSquares() / Math.max(1, r.rowsUsed())));
            if (!Double.isNaN(r.averageSilhouette())) {
                paragraphs.add(UserMessage.of("segment.explainPanel.silhouette", r.averageSilhouette(),
                        r.silhouette().sampleSize()));
            }
            paragraphs.addAll(r.notes());
        }
        var rfmResult = rfm == null ? null : rfm.resultProperty().get();
        if (rfmResult != null && !rfmResult.customers().isEmpty()) {
            var c = rfmResult.customers().get(0);
            paragraphs.add(UserMessage.of("segment.explainPanel.rfm", rfmResult.customers().size(),
                    rfmResult.asOf().toString()));
            paragraphs.add(UserMessage.of("segment.explainPanel.rfmExample", c.customer(), c.lastPurchase().toString(),
                    c.recencyDays(), c.frequency(), c.monetary(), c.scoreCode(), UserMessage.of(c.segment().labelKey())));
        }
        explanation.set(new Explanation(UserMessage.of("segment.explainPanel.title"), paragraphs));
    }
}
