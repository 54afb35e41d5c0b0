package org.marketingworkbench.ui.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.deploy.ColumnMapping;
import org.marketingworkbench.core.deploy.DeployException;
import org.marketingworkbench.core.deploy.LoadedBundle;
import org.marketingworkbench.core.deploy.ModelBundle;
import org.marketingworkbench.core.deploy.ModelBundleReader;
import org.marketingworkbench.core.deploy.Scorer;
import org.marketingworkbench.core.deploy.ScoringFile;
import org.marketingworkbench.core.deploy.ScoringRun;
import org.marketingworkbench.core.segment.SegmentationResult;
import org.marketingworkbench.core.evaluate.ModelInput;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.ingest.NormalisedCsvWriter;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.DataSource;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.ErrorMessages;
import org.marketingworkbench.ui.common.Explanation;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.StepViewModel;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/**
 * The Score step: which model scores (the one trained in this project, at the threshold chosen in Evaluate, or a
 * saved model file), the customers to score, how their columns map to the model's, what to do with category values
 * the model never saw, and the scored customers (whom to contact first). Saving the project's model writes a model
 * file. Every file is read and written in the background; a failure leaves what was there before.
 */
public final class DeployViewModel implements StepViewModel {

    /** Where the model that scores comes from. */
    public enum ModelSource { PROJECT, FILE }

    /** How many of the best-ranked customers the screen lists (the saved file has them all). */
    public static final int TOP_ROWS = 200;

    private final WorkbenchSession session;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final DataImporter importer;
    private final ObservableValue<SegmentationResult> segmentation;
    private final java.util.function.Supplier<java.util.Map<Integer, String>> segmentNames;

    private final ReadOnlyObjectWrapper<ModelSource> source = new ReadOnlyObjectWrapper<>(ModelSource.PROJECT);
    private final ReadOnlyObjectWrapper<LoadedBundle> model = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> modelFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Dataset> customers = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> customersFile = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ColumnMapping> mapping = new SimpleObjectProperty<>(new ColumnMapping(java.util.Map.of()));
    private final ReadOnlyObjectWrapper<Scorer.Check> check = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<Scorer.UnseenCategories> unseen = new SimpleObjectProperty<>(Scorer.UnseenCategories.MISSING);
    private final ReadOnlyObjectWrapper<Dataset> scored = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ScoreSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Integer> topRows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>();

    private final BooleanBinding projectModelAvailable;
    private final BooleanBinding canScore;
    private final BooleanBinding canSaveModel;
    private final BooleanBinding mappingIncomplete;
    private Object checkRequest;

    /**
     * What scoring found, for the screen and the Explain panel.
     *
     * @param positives customers predicted in the positive class (0 for a number target)
     * @param positive  the positive class, or {@code null}
     */
    public record ScoreSummary(int rows, int positives, String positive, double threshold, double meanScore,
                               double topDecileMeanScore, boolean number) {
    }

    /**
     * @param segmentation the project's segmentation (its segments are added to the scored customers, and the model
     *                     may have been trained on them), or a value that stays {@code null}
     * @param segmentNames the segments' names as the user sees them
     */
    public DeployViewModel(WorkbenchSession session, TaskRunner tasks, DialogService dialogs, DataImporter importer,
                           ObservableValue<SegmentationResult> segmentation,
                           java.util.function.Supplier<java.util.Map<Integer, String>> segmentNames) {
        this.segmentation = Objects.requireNonNull(segmentation);
        this.segmentNames = Objects.requireNonNull(segmentNames);
        this.session = Objects.requireNonNull(session);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.importer = Objects.requireNonNull(importer);
        projectModelAvailable = session.trainedModelProperty().isNotNull();
        mappingIncomplete = Bindings.createBooleanBinding(() -> check.get() != null && !check.get().missing().isEmpty(), check);
        canScore = Bindings.createBooleanBinding(() -> {
            Scorer.Check c = check.get();
            return !busy.get() && model.get() != null && customers.get() != null && c != null && c.missing().isEmpty()
                    && c.typeMismatches().isEmpty()
                    && (c.unseen().isEmpty() || unseen.get() == Scorer.UnseenCategories.MISSING);
        }, busy, model, customers, check, unseen);
        canSaveModel = busy.not().and(source.isEqualTo(ModelSource.PROJECT)).and(model.isNotNull());
        session.trainedModelProperty().addListener((obs, old, now) -> projectModelChanged());
        segmentation.addListener((obs, old, now) -> projectModelChanged());
        session.projectProperty().addListener((obs, old, now) -> {
            if (source.get() == ModelSource.PROJECT && model.get() != null && model.get().threshold() != threshold()) {
                projectModelChanged();   // the threshold moved in Evaluate
            }
        });
        mapping.addListener((obs, old, now) -> recheck());
        projectModelChanged();
    }

    // ---- state for the view ----------------------------------------------------------------------

    @Override
    public Stage stage() {
        return Stage.DEPLOY;
    }

    @Override
    public ObservableValue<Explanation> explanation() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelSource> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The model that scores; {@code null} until the project has one or a file is opened. */
    public ReadOnlyObjectProperty<LoadedBundle> modelProperty() {
        return model.getReadOnlyProperty();
    }

    /** The model file in use (source FILE), or {@code null}. */
    public ReadOnlyObjectProperty<Path> modelFileProperty() {
        return modelFile.getReadOnlyProperty();
    }

    public ObservableValue<Boolean> projectModelAvailableProperty() {
        return projectModelAvailable;
    }

    public ReadOnlyObjectProperty<Dataset> customersProperty() {
        return customers.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> customersFileProperty() {
        return customersFile.getReadOnlyProperty();
    }

    /** Model column → file column; the mapping dialog edits it. */
    public ObjectProperty<ColumnMapping> mappingProperty() {
        return mapping;
    }

    /** How the customers' file differs from what the model needs (after the mapping); {@code null} while unknown. */
    public ReadOnlyObjectProperty<Scorer.Check> checkProperty() {
        return check.getReadOnlyProperty();
    }

    public ObjectProperty<Scorer.UnseenCategories> unseenProperty() {
        return unseen;
    }

    public ReadOnlyObjectProperty<Dataset> scoredProperty() {
        return scored.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScoreSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Row indexes of the scored table, best-ranked first, at most {@link #TOP_ROWS}. */
    public ObservableList<Integer> topRows() {
        return topRows;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What just happened ("model saved to …"), or {@code null}. */
    public ReadOnlyObjectProperty<UserMessage> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObservableValue<Boolean> canScoreProperty() {
        return canScore;
    }

    public ObservableValue<Boolean> canSaveModelProperty() {
        return canSaveModel;
    }

    /** Some column the model needs has no column of the file: the mapping dialog should be opened. */
    public ObservableValue<Boolean> mappingIncompleteProperty() {
        return mappingIncomplete;
    }

    /** The columns the model needs, in its order, for the mapping dialog. */
    public List<SchemaColumn> requiredColumns() {
        LoadedBundle m = model.get();
        return m == null ? List.of() : ScoringRun.required(m);
    }

    /** The customers' file's column names, for the mapping dialog. */
    public List<String> fileColumns() {
        Dataset d = customers.get();
        return d == null ? List.of() : d.columns().stream().map(ColumnSpec::name).toList();
    }

    // ---- gestures --------------------------------------------------------------------------------

    /** Scores with the model trained in this project (at Evaluate's threshold). */
    public void useProjectModel() {
        source.set(ModelSource.PROJECT);
        modelFile.set(null);
        projectModelChanged();
    }

    /** Asks for a model file and loads it in the background (checked, filtered: see {@link ModelBundleReader}). */
    public void openModel() {
        dialogs.chooseModelFile().ifPresent(this::openModel);
    }

    public void openModel(Path file) {
        error.set(null);
        busy.set(true);
        tasks.submit(Job.of(UserMessage.of("deploy.job.openModel", file.getFileName()), progress -> ModelBundleReader.read(file))
                .onSuccess(loaded -> {
                    busy.set(false);
                    source.set(ModelSource.FILE);
                    modelFile.set(file);
                    notice.set(UserMessage.of("deploy.ui.notice.modelOpened", file.getFileName()));
                    setModel(loaded);
                })
                .onFailure(e -> fail(e))
                .onCancelled(() -> busy.set(false)));
    }

    /** Writes the project's model, with Evaluate's threshold, to a file the user chooses. */
    public void saveModel() {
        LoadedBundle m = model.get();
        if (m == null || source.get() != ModelSource.PROJECT) {
            return;
        }
        String name = session.project().name().replaceAll("[\\\\/:*?\"<>|]", "_") + "-" + m.model().target().column();
        dialogs.chooseExportFile(UserMessage.of("deploy.ui.saveModel.title"), name, "mwbmodel").ifPresent(file -> {
            String sourceSha = session.project().data().map(DataSource::sha256).orElse(null);
            busy.set(true);
            error.set(null);
            tasks.submit(Job.<Path>of(UserMessage.of("deploy.job.saveModel"), progress -> {
                var contents = m.contents();
                ModelBundle.write(sourceSha == null ? contents : contents.withSourceSha256(sourceSha), file);
                return file;
            }).onSuccess(saved -> {
                busy.set(false);
                notice.set(UserMessage.of("deploy.ui.notice.modelSaved", saved));
            }).onFailure(this::fail).onCancelled(() -> busy.set(false)));
        });
    }

    /**
     * Writes the model in use as a plain Weka {@code .model} (classifier and header, as Weka's Explorer saves them),
     * for Weka users; the header is the model's input after the cleaning recipe.
     */
    public void exportForWeka() {
        LoadedBundle m = model.get();
        if (m == null) {
            return;
        }
        String name = m.model().target().column() + "-" + m.model().learnerId();
        dialogs.chooseExportFile(UserMessage.of("deploy.ui.exportWeka.title"), name, "model").ifPresent(file -> {
            busy.set(true);
            error.set(null);
            tasks.submit(Job.<Path>of(UserMessage.of("deploy.job.exportWeka"), progress -> {
                org.marketingworkbench.core.deploy.WekaExchange.export(m.model(), file);
                return file;
            }).onSuccess(saved -> {
                busy.set(false);
                notice.set(UserMessage.of("deploy.ui.notice.wekaExported", saved));
            }).onFailure(this::fail).onCancelled(() -> busy.set(false)));
        });
    }

    /** Asks for the customers to score and reads them in the background. */
    public void chooseCustomers() {
        dialogs.chooseDataFile().ifPresent(this::readCustomers);
    }

    public void readCustomers(Path file) {
        error.set(null);
        busy.set(true);
        LoadedBundle m = model.get();
        tasks.submit(Job.of(UserMessage.of("deploy.job.readCustomers", file.getFileName()), progress -> {
                    // the model's own import settings when it has them (read as detected when the file plainly differs)
                    if (m != null && m.importSettings() != null) {
                        ScoringFile.Read read = new ScoringFile(importer).read(file, m, ScoringFile.Mode.DETECT_WHEN_DIFFERENT,
                                progress);
                        return new Customers(read.dataset(), read.notices());
                    }
                    return new Customers(importer.read(file, ImportSettings.auto(), progress).dataset(), List.of());
                })
                .onSuccess(read -> {
                    busy.set(false);
                    Dataset data = read.data();
                    notice.set(read.notices().isEmpty() ? null : read.notices().get(0));
                    if (data.rowCount() == 0) {
                        error.set(UserMessage.of("deploy.ui.error.noRows", file.getFileName()));
                        return;
                    }
                    customersFile.set(file);
                    customers.set(data);
                    clearScores();
                    suggestMapping();
                })
                .onFailure(this::fail)
                .onCancelled(() -> busy.set(false)));
    }

    /** Scores the customers with the model in the background; the result replaces the last one when it succeeds. */
    public void score() {
        if (!canScore.get()) {
            return;
        }
        LoadedBundle m = model.get();
        Dataset data = customers.get();
        ColumnMapping map = mapping.get();
        Scorer.UnseenCategories policy = unseen.get();
        busy.set(true);
        error.set(null);
        tasks.submit(Job.of(UserMessage.of("deploy.job.score", data.rowCount()), progress -> {
            ScoringRun.Result r = ScoringRun.run(m, map.apply(data), policy, progress);
            return new Scored(map.restore(r.scored(), data), summarise(m, r.scored(), r.firstScoreColumn()),
                    r.firstScoreColumn(), top(r.scored(), r.firstScoreColumn()));
        }).onSuccess(s -> {
            busy.set(false);
            if (data != customers.get() || m != model.get()) {
                return;   // another file or model arrived meanwhile
            }
            firstScoreColumn = s.firstScoreColumn();
            scored.set(s.table());
            summary.set(s.summary());
            topRows.setAll(s.top());
            notice.set(null);
            updateExplanation();
        }).onFailure(this::fail).onCancelled(() -> busy.set(false)));
    }

    /** Stops the running job (reading, checking or scoring); what was there before stays. */
    public void cancel() {
        if (busy.get()) {
            tasks.monitor().cancel();
        }
    }

    /** Saves the scored customers as CSV (cells that a spreadsheet would run as formulas are neutralised). */
    public void saveScored() {
        Dataset out = scored.get();
        if (out == null) {
            return;
        }
        String base = customersFile.get() == null ? "customers" : stripExtension(customersFile.get().getFileName().toString());
        dialogs.chooseExportFile(UserMessage.of("deploy.ui.saveScored.title"), base + "-scored", "csv").ifPresent(file -> {
            Path input = customersFile.get();
            try {
                if (input != null && Files.exists(AtomicFile.destinationOf(file))
                        && Files.isSameFile(input, AtomicFile.destinationOf(file))) {
                    error.set(UserMessage.of("deploy.cli.sameAsInput", file.getFileName()));
                    return;
                }
            } catch (java.io.IOException e) {
                // cannot compare: the writer below reports a real problem in words
            }
            busy.set(true);
            error.set(null);
            tasks.submit(Job.<Path>of(UserMessage.of("deploy.job.saveScored"), progress -> {
                NormalisedCsvWriter.write(out, file);
                return file;
            }).onSuccess(saved -> {
                busy.set(false);
                notice.set(UserMessage.of("deploy.ui.notice.scoredSaved", out.rowCount(), saved));
            }).onFailure(this::fail).onCancelled(() -> busy.set(false)));
        });
    }

    // ---- rules -----------------------------------------------------------------------------------

    /** What a scoring job hands to the screen; the best-ranked rows are found in the job, not on the FX thread. */
    private record Scored(Dataset table, ScoreSummary summary, int firstScoreColumn, List<Integer> top) {
    }

    private record Customers(Dataset data, List<UserMessage> notices) {
    }

    /** Where the scorer's four columns start in the scored table. */
    private int firstScoreColumn;

    /** The threshold chosen in Evaluate (0.5 until one is chosen), read as the Evaluate screen reads it. */
    private double threshold() {
        return org.marketingworkbench.core.evaluate.EvaluateStepRecord.settings(
                session.project().step(Stage.EVALUATE)).threshold();
    }

    private void projectModelChanged() {
        if (source.get() != ModelSource.PROJECT) {
            return;
        }
        TrainedModel tm = session.trainedModelProperty().get();
        setModel(tm == null ? null : projectBundle(tm));
    }

    /**
     * This project's model with what a model file would carry: the import settings, the validation figures and
     * the segmentation (with the cleaning it ran on), each left out when the project does not have it.
     */
    private LoadedBundle projectBundle(TrainedModel tm) {
        var project = session.project();
        ImportSettings importSettings;
        try {
            importSettings = org.marketingworkbench.core.ingest.IngestStepRecord.settings(project.step(Stage.INGEST));
        } catch (org.marketingworkbench.core.ingest.ImportException | RuntimeException e) {
            importSettings = null;   // a project without stored settings: the customers' file is read as detected
        }
        var training = session.trainingResultProperty().get();
        org.marketingworkbench.core.deploy.EvaluationSummary evaluation = null;
        if (training != null) {
            try {
                evaluation = org.marketingworkbench.core.deploy.EvaluationSummary.of(training, tm.learnerId());
            } catch (RuntimeException e) {
                evaluation = null;   // the leaderboard does not hold this learner (a restored choice): no figures
            }
        }
        org.marketingworkbench.core.deploy.BundleSegmentation segments = null;
        SegmentationResult seg = segmentation.getValue();
        if (seg != null && seg.fittedSegmentation().isPresent()) {
            try {
                var fitted = org.marketingworkbench.core.clean.CleanStepRecord.fittedJson(project.step(Stage.CLEAN));
                segments = org.marketingworkbench.core.deploy.BundleSegmentation.of(seg,
                        fitted.isPresent() ? org.marketingworkbench.core.clean.RecipeJson.readFitted(fitted.get()) : null,
                        segmentNames.get());
            } catch (DeployException | org.marketingworkbench.core.clean.table.CleanException e) {
                segments = null;
            }
        }
        return new LoadedBundle(ModelBundle.VERSION, tm, threshold(), null, importSettings, evaluation, segments,
                List.of());
    }

    private void setModel(LoadedBundle loaded) {
        if (loaded != null && model.get() != null && loaded.model() == model.get().model()
                && loaded.threshold() == model.get().threshold() && loaded.segmentation() == model.get().segmentation()) {
            return;
        }
        model.set(loaded);
        clearScores();
        suggestMapping();
        updateExplanation();
    }

    private void suggestMapping() {
        if (model.get() == null || customers.get() == null) {
            mapping.set(new ColumnMapping(java.util.Map.of()));
            check.set(null);
            return;
        }
        ColumnMapping suggested = ColumnMapping.suggest(requiredColumns(), fileColumns());
        if (suggested.equals(mapping.get())) {
            recheck();
        } else {
            mapping.set(suggested);   // the listener checks
        }
    }

    /** Checks the file against the model (reads every category value) in the background. */
    private void recheck() {
        LoadedBundle m = model.get();
        Dataset data = customers.get();
        if (m == null || data == null) {
            check.set(null);
            return;
        }
        ColumnMapping map = mapping.get();
        Object request = new Object();
        checkRequest = request;
        check.set(null);
        clearScores();
        tasks.submit(Job.of(UserMessage.of("deploy.job.check"), progress -> {
                    Dataset input = map.apply(data);
                    List<String> missing = ScoringRun.required(m).stream().map(SchemaColumn::name)
                            .filter(n -> input.spec(n).isEmpty()).toList();
                    if (!missing.isEmpty()) {
                        // no segments can be placed without their columns: say what is missing first
                        return new Scorer.Check(missing, java.util.Map.of(), java.util.Map.of(), List.of());
                    }
                    return ScoringRun.prepare(m, input, progress).check(m);
                })
                .onSuccess(c -> {
                    if (request == checkRequest) {
                        check.set(c);
                    }
                })
                .onFailure(this::fail));
    }

    private void clearScores() {
        scored.set(null);
        summary.set(null);
        topRows.clear();
    }

    private void fail(Throwable e) {
        busy.set(false);
        error.set(ErrorMessages.of(e, "deploy.ui.error.unexpected", "deploy.ui.error.memory"));
    }

    static ScoreSummary summarise(LoadedBundle m, Dataset out, int first) {
        TrainedModel tm = m.model();
        boolean number = tm.target().task() == Task.NUMBER;
        var score = out.table().doubleColumn(first);
        var decile = out.table().doubleColumn(first + 3);
        int n = score.size();
        double sum = 0;
        double topSum = 0;
        int top = 0;
        for (int r = 0; r < n; r++) {
            sum += score.getDouble(r);
            if (decile.getDouble(r) == 1) {
                topSum += score.getDouble(r);
                top++;
            }
        }
        int positiveIndex = ModelInput.positiveIndex(tm);
        String positive = positiveIndex < 0 ? null : tm.target().classes().get(positiveIndex);
        int positives = 0;
        if (positive != null) {
            var predicted = out.table().stringColumn(first + 1);
            for (int r = 0; r < n; r++) {
                positives += positive.equals(predicted.get(r)) ? 1 : 0;
            }
        }
        return new ScoreSummary(n, positives, positive, m.threshold(), n == 0 ? 0 : sum / n, top == 0 ? 0 : topSum / top, number);
    }

    /** The scoring columns, in the order the scorer adds them after the input's columns. */
    private static final List<String> SCORE_COLUMNS = List.of("score", "predicted", "rank", "decile");

    /** The column the screen shows for {@code base} (score, predicted, rank, decile) of the scored table. */
    public String scoreColumnName(String base) {
        Dataset out = scored.get();
        return out == null ? base : out.table().column(firstScoreColumn + SCORE_COLUMNS.indexOf(base)).name();
    }

    /** The columns of the scored table that are not the scorer's four (the file's own, and the segments). */
    public List<String> otherColumns() {
        Dataset out = scored.get();
        if (out == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(out.table().columnNames());
        names.subList(firstScoreColumn, firstScoreColumn + SCORE_COLUMNS.size()).clear();
        return names;
    }

    /** When a model file was saved, in the user's words ("30 Nov 2026, 16:35"), or "?" when it does not say. */
    public static String savedOn(LoadedBundle m, java.util.Locale locale) {
        String created = m.provenance() == null ? "" : m.provenance().path("created").asText("");
        try {
            return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM,
                    java.time.format.FormatStyle.SHORT).withLocale(locale).withZone(java.time.ZoneId.systemDefault())
                    .format(java.time.Instant.parse(created));
        } catch (java.time.format.DateTimeParseException e) {
            return "?";
        }
    }

    /** The class a two-class model scores (the one its threshold decides), or "" for other models. */
    public static String positiveClass(LoadedBundle m) {
        int i = ModelInput.positiveIndex(m.model());
        return i < 0 ? "" : m.model().target().classes().get(i);
    }

    private static List<Integer> top(Dataset out, int first) {
        var rank = out.table().doubleColumn(first + 2);
        Integer[] byRank = new Integer[Math.min(TOP_ROWS, rank.size())];
        for (int r = 0; r < rank.size(); r++) {
            int k = (int) rank.getDouble(r) - 1;
            if (k < byRank.length) {
                byRank[k] = r;
            }
        }
        List<Integer> rows = new ArrayList<>();
        for (Integer r : byRank) {
            if (r != null) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void updateExplanation() {
        List<UserMessage> paragraphs = new ArrayList<>();
        paragraphs.add(UserMessage.of("deploy.explain.what"));
        LoadedBundle m = model.get();
        if (m != null) {
            paragraphs.add(UserMessage.of("deploy.explain.recipe", m.model().recipe().steps().size(), requiredColumns().size()));
            if (m.model().target().task() != Task.NUMBER) {
                paragraphs.add(UserMessage.of("deploy.explain.threshold", m.threshold()));
            }
        }
        paragraphs.add(UserMessage.of("deploy.explain.rank"));
        ScoreSummary s = summary.get();
        if (s != null && !s.number()) {
            paragraphs.add(UserMessage.of("deploy.explain.found", s.rows(), s.positives(), s.positive(), s.threshold(),
                    s.topDecileMeanScore(), s.meanScore()));
        }
        paragraphs.add(UserMessage.of("deploy.explain.safety"));
        explanation.set(new Explanation(UserMessage.of("deploy.explain.title"), paragraphs));
    }
}
