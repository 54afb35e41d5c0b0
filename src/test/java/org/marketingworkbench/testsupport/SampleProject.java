package org.marketingworkbench.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketingworkbench.core.clean.CleanStepRecord;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.RecipeSuggester;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.profile.DatasetProfile;
import org.marketingworkbench.core.clean.step.MaskPersonalStep;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.step.RemoveDuplicatesStep;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;
import org.marketingworkbench.core.evaluate.EvaluateSettings;
import org.marketingworkbench.core.evaluate.EvaluateStepRecord;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.ingest.IngestStepRecord;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.ContentHash;
import org.marketingworkbench.core.project.DataSource;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.core.project.OpenedProject;
import org.marketingworkbench.core.project.ProjectStore;
import org.marketingworkbench.core.report.ProjectReplay;
import org.marketingworkbench.core.report.ProjectResults;
import org.marketingworkbench.core.env.LibraryVersions;
import java.time.Clock;
import java.time.ZoneOffset;
import org.marketingworkbench.core.segment.FeatureChoice;
import org.marketingworkbench.core.segment.SegmentStepRecord;
import org.marketingworkbench.core.segment.Segmentation;
import org.marketingworkbench.core.segment.SegmentationSettings;
import org.marketingworkbench.core.train.Imbalance;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainStepRecord;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingListener;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.core.train.Validation;

/**
 * A project over the sample customers ({@code sample-data/customers.csv}, target {@code churned}) with every step
 * run, built with the core steps and kept in each step's record exactly as the screens keep it: the suggested
 * cleaning recipe, four k-means segments (one renamed), logistic regression and a random forest by 5-fold
 * cross-validation with a 20% test part, and an evaluation at threshold 0.3, cost 5 and value 50. The project
 * also has a few consultant's notes.
 *
 * <p>{@code java -cp <test classpath> org.marketingworkbench.testsupport.SampleProject sample-data} writes
 * {@code sample-data/sample.mwb} next to the sample customers (a project file the window opens).
 */
public final class SampleProject {

    public static final Path CUSTOMERS = Path.of("sample-data", "customers.csv");
    public static final String TARGET = "churned";
    public static final EvaluateSettings EVALUATION = new EvaluateSettings(0.3, "5", "50");
    /** The name typed for segment 1. */
    public static final String SEGMENT_ONE_NAME = "Loyal regulars";

    /** Where the tests keep the sample project and its reports (under Maven's target folder). */
    public static final Path WORK = Path.of("target", "test-report");
    /** The date every test report says it was made on, so reports compare across runs. */
    public static final Instant REPORT_DATE = Instant.parse("2026-07-01T10:00:00Z");
    /** Versions fixed for the tests' reports. */
    public static final LibraryVersions VERSIONS = new LibraryVersions("0.1.0", "3.8.6", "0.44.4", "OpenJDK 17");

    private static Path projectFile;
    private static ProjectResults replayed;

    private SampleProject() {
    }

    /** The sample project, written once per test JVM under {@link #WORK}. */
    public static synchronized Path file() throws Exception {
        if (projectFile == null) {
            projectFile = create(WORK.resolve("sample"));
        }
        return projectFile;
    }

    /** The sample project replayed headless (once per test JVM), dated {@link #REPORT_DATE}. */
    public static synchronized ProjectResults replayed() throws Exception {
        if (replayed == null) {
            OpenedProject opened = new ProjectStore("test").open(file());
            replayed = ProjectReplay.run(opened, ProjectResults.builder(opened.project(), opened.file())
                    .clock(Clock.fixed(REPORT_DATE, ZoneOffset.UTC)).versions(VERSIONS), Progress.none());
        }
        return replayed;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-data");
        Path file = write(dir, dir.resolve("customers.csv"), "Sample: who is about to churn");
        System.out.println("wrote " + file);
    }

    /**
     * Copies the sample customers into {@code dir} and writes {@code dir/sample.mwb} over them, every step run.
     * Returns the project file.
     */
    public static Path create(Path dir) throws Exception {
        Files.createDirectories(dir);
        Path data = dir.resolve("customers.csv");
        Files.copy(CUSTOMERS, data, StandardCopyOption.REPLACE_EXISTING);
        return write(dir, data, "Churn study (sample customers)");
    }

    private static Path write(Path dir, Path data, String name) throws Exception {
        AppDirs dirs = AppDirs.forCurrentUser();
        Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
        Project project = build(data, name);
        Path file = dir.resolve("sample.mwb");
        new ProjectStore("test").save(project, file);
        return file;
    }

    /**
     * What to build: the project's name, the target and its "yes" class, k, the learners and validation, the name
     * typed for segment 1 and the consultant's notes.
     */
    public record Spec(String name, String target, String positive, int k, List<String> learners,
                       Validation validation, String segmentOneName, Map<String, String> notes) {

        /** The sample project's choices. */
        public static Spec sample(String name) {
            return new Spec(name, TARGET, "yes", 4, List.of(Learners.LOGISTIC, Learners.RANDOM_FOREST),
                    Validation.crossValidation(5, 20), SEGMENT_ONE_NAME, Map.of(
                            "segment", "Segment sizes are stable across seeds; we agreed to name segment 1 with the "
                                    + "retention team.",
                            "evaluate.profit", "Cost per call (5) and value of a kept customer (50) come from the "
                                    + "March retention campaign."));
        }
    }

    /** The project with every step run on {@code data} (a copy of the sample customers). */
    public static Project build(Path data, String name) throws Exception {
        return build(data, Spec.sample(name));
    }

    /** A project with every step run on {@code data} as {@code spec} says, each step kept as its screen keeps it. */
    public static Project build(Path data, Spec spec) throws Exception {
        // Import, as the Import screen stores it: the resolved settings
        ImportResult imported = new DataImporter().read(data, ImportSettings.auto(), Progress.none());
        ImportSettings stored = imported.resolvedSettings().withColumnTypeOverrides(Map.of())
                .withOnBadRow(ImportSettings.auto().onBadRow());
        Project p = new Project(spec.name(), new DataSource(data, ContentHash.sha256(data), Files.size(data)), Map.of(),
                Instant.parse("2026-06-30T09:00:00Z"))
                .withStep(Stage.INGEST, IngestStepRecord.of(stored, imported));
        Dataset table = imported.dataset();

        // Clean: duplicates out, then the profile's suggestions (personal data hashed with the project's salt)
        String salt = MaskPersonalStep.newSalt();
        DatasetProfile profile = ColumnProfiler.profile(table, Optional.of(spec.target()), Progress.none());
        List<RecipeStep> steps = new ArrayList<>();
        steps.add(RemoveDuplicatesStep.exact());
        steps.addAll(RecipeSuggester.suggest(profile, Optional.of(salt)));
        Recipe recipe = new Recipe(steps);
        Recipe.Run run = recipe.fitAndApply(table, Progress.none());
        p = p.withStep(Stage.CLEAN, CleanStepRecord.withHistory(CleanStepRecord.of(true, Optional.of(spec.target()), salt,
                recipe, run.result(), run.recipe()), CleanStepRecord.History.empty()));
        Dataset cleaned = run.result().dataset();

        // Segment: the suggested features, k-means; the user renamed segment 1
        List<String> features = FeatureChoice.defaults(cleaned, Optional.of(spec.target()));
        SegmentationSettings seg = SegmentationSettings.kMeans(features, spec.k());
        Segmentation segmentation = Segmentation.compute(cleaned, seg, Progress.none());
        p = p.withStep(Stage.SEGMENT, SegmentStepRecord.of(seg, segmentation.result(),
                spec.segmentOneName() == null ? Map.of() : Map.of(1, spec.segmentOneName())));
        Dataset segmented = segmentation.result().withSegmentColumn(cleaned);

        // Train: the default features and the spec's learners and validation
        Dataset trainTable = TrainingData.withSegment(table, segmented).data();
        List<String> trainFeatures = TrainingData.defaultFeatures(TrainingData.candidates(trainTable, spec.target(),
                Progress.none()));
        TrainingSettings ts = new TrainingSettings(TrainingSettings.CURRENT_VERSION, spec.target(), spec.positive(),
                trainFeatures, spec.learners().stream().map(LearnerChoice::defaults).toList(), spec.validation(),
                TrainingSettings.DEFAULT_SEED, Imbalance.NONE);
        TrainingResult trained = new TrainStep().run(trainTable, recipe, ts, TrainingListener.NONE, Progress.none());
        p = p.withStep(Stage.TRAIN, TrainStepRecord.of(ts, trained, trained.best().learnerId()));

        // Evaluate: the threshold, cost and value the user settled on
        p = p.withStep(Stage.EVALUATE, EvaluateStepRecord.of(EVALUATION));
        for (Map.Entry<String, String> note : spec.notes().entrySet()) {
            p = p.withNote(note.getKey(), note.getValue());
        }
        return p;
    }

    /** Builds {@code spec} over {@code data} and saves it as {@code data}'s sibling {@code file}. */
    public static Path write(Path data, Spec spec, String file) throws Exception {
        AppDirs dirs = AppDirs.forCurrentUser();
        Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
        Path target = data.resolveSibling(file);
        new ProjectStore("test").save(build(data, spec), target);
        return target;
    }
}
