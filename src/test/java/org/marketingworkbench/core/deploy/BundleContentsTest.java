package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.clean.FittedRecipe;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.segment.Algorithm;
import org.marketingworkbench.core.segment.SegmentStep;
import org.marketingworkbench.core.segment.SegmentationResult;
import org.marketingworkbench.core.segment.SegmentationSettings;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.MetricId;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingListener;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.core.train.Validation;

/**
 * The optional parts of a model bundle (import settings, the learner's validation figures, a segmentation) are
 * written, checked and read back; the segmentation's clusterer comes through the same filter as the model.
 */
class BundleContentsTest {

    private static ImportResult imported;
    private static Dataset data;
    private static TrainedModel model;
    private static TrainingResult result;
    private static SegmentationResult kMeans;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainAndSegment() throws Exception {
        imported = new DataImporter().read(DeployFixtures.CUSTOMERS, ImportSettings.auto(), Progress.none());
        data = imported.dataset();
        List<String> features = TrainingData.defaultFeatures(TrainingData.candidates(data, "responded", Progress.none()));
        TrainingSettings s = TrainingSettings.of("responded", "yes", features,
                List.of(LearnerChoice.defaults("logistic"), LearnerChoice.defaults("naive_bayes")))
                .withValidation(Validation.crossValidation(3, 0));
        TrainStep step = new TrainStep();
        result = step.run(data, Recipe.empty(), s, TrainingListener.NONE, Progress.none());
        model = step.fitFinal(data, Recipe.empty(), s, "logistic", Progress.none());
        kMeans = new SegmentStep().run(data, SegmentationSettings.kMeans(List.of("total_spend", "n_orders", "channel"), 3),
                Progress.none());
    }

    @BeforeEach
    void resetFlag() {
        HostileObject.RAN.set(false);
    }

    @Test
    void importSettingsAndTheLearnersValidationFiguresComeBack() throws Exception {
        EvaluationSummary evaluation = EvaluationSummary.of(result, "logistic");
        Path file = dir.resolve("m.mwbmodel");
        ModelBundle.write(BundleContents.of(model).withThreshold(0.3).withSourceSha256(imported.sha256())
                .withImportSettings(imported.resolvedSettings()).withEvaluation(evaluation), file);

        LoadedBundle back = ModelBundleReader.read(file);

        assertThat(back.version()).isEqualTo(1);
        assertThat(back.importSettings()).isEqualTo(imported.resolvedSettings());
        assertThat(back.importSettings().delimiter()).isEqualTo(',');
        assertThat(back.importSettings().encoding()).isNotBlank();
        assertThat(back.evaluation()).isEqualTo(evaluation);
        assertThat(back.evaluation().learnerId()).isEqualTo("logistic");
        assertThat(back.evaluation().validation()).isEqualTo(Validation.crossValidation(3, 0));
        assertThat(back.evaluation().heldOutRows()).isEqualTo(data.rowCount());
        assertThat(back.evaluation().learnersCompared()).isEqualTo(2);
        assertThat(back.evaluation().metric(MetricId.AUC).orElseThrow().mean())
                .isEqualTo(result.leaderboard().stream().filter(l -> l.learnerId().equals("logistic")).findFirst()
                        .orElseThrow().metrics().get(MetricId.AUC).mean());
        assertThat(back.evaluation().pooledAuc()).isBetween(0.5, 1.0);
        assertThat(back.segmentation()).isNull();
        assertThat(back.provenance().path("sourceSha256").asText()).isEqualTo(ModelBundle.sha256(DeployFixtures.CUSTOMERS));
    }

    @Test
    void aLoadedBundleSavedAgainKeepsEveryPart() throws Exception {
        Path first = dir.resolve("first.mwbmodel");
        ModelBundle.write(BundleContents.of(model).withImportSettings(imported.resolvedSettings())
                .withEvaluation(EvaluationSummary.of(result)).withSourceSha256(imported.sha256())
                .withSegmentation(kMeans, null, Map.of(1, "Loyal")), first);
        LoadedBundle once = ModelBundleReader.read(first);
        Path second = dir.resolve("second.mwbmodel");
        ModelBundle.write(once.contents(), second);
        LoadedBundle twice = ModelBundleReader.read(second);
        assertThat(twice.importSettings()).isEqualTo(once.importSettings());
        assertThat(twice.evaluation()).isEqualTo(once.evaluation());
        assertThat(twice.segmentation().names()).isEqualTo(Map.of(1, "Loyal"));
        assertThat(twice.provenance().path("sourceSha256").asText()).isEqualTo(imported.sha256());
        assertThat(twice.version()).isEqualTo(ModelBundle.VERSION);
    }

    @Test
    void aSegmentationGoesInWithItsHashAndGivesTheSameSegments() throws Exception {
        Map<Integer, String> names = new LinkedHashMap<>();
        names.put(1, "Occasional buyers");
        names.put(2, "  ");
        names.put(3, "Big spenders");
        Path file = dir.resolve("segmented.mwbmodel");
        ModelBundle.write(BundleContents.of(model).withSegmentation(kMeans, null, names), file);

        try (ZipFile zip = new ZipFile(file.toFile())) {
            JsonNode manifest = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry(ModelBundle.MANIFEST)));
            assertThat(manifest.path("version").asInt()).isEqualTo(2);
            assertThat(manifest.path("sha256").path(ModelBundle.SEGMENTS_JSON).asText()).hasSize(64);
            assertThat(manifest.path("sha256").path(ModelBundle.SEGMENTS_MODEL).asText()).hasSize(64);
        }
        LoadedBundle back = ModelBundleReader.read(file);
        BundleSegmentation s = back.segmentation();
        assertThat(back.version()).isEqualTo(2);
        assertThat(s.names()).containsExactly(Map.entry(1, "Occasional buyers"), Map.entry(3, "Big spenders"));
        assertThat(s.settings()).isEqualTo(kMeans.settings());
        assertThat(s.recipe()).isNull();
        assertThat(s.segmentation().algorithm()).isEqualTo(Algorithm.KMEANS);

        SegmentAssigner.Segments segments = SegmentAssigner.assign(s, data, "responded", Progress.none());
        assertThat(segments.segmentOfRow()).isEqualTo(kMeans.segmentOfRow());
        Dataset out = segments.withSegmentAndName(data);
        assertThat(out.table().stringColumn("segment").get(0)).isEqualTo(Integer.toString(kMeans.segmentOfRow()[0]));
        for (int r = 0; r < 50; r++) {
            int seg = kMeans.segmentOfRow()[r];
            assertThat(out.table().stringColumn("segment_name").get(r)).isEqualTo(seg == 2 ? "" : names.get(seg));
        }
    }

    @Test
    void anEmSegmentationWithItsCleaningRecipeComesBackAndGivesTheSameSegments() throws Exception {
        // segments made on the cleaned table: age's missing values filled with the median first
        Recipe recipe = Recipe.of(MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.MEDIAN, false));
        Recipe.Run run = recipe.fitAndApply(data, Progress.none());
        FittedRecipe fitted = run.recipe();
        Dataset cleaned = run.result().dataset();
        SegmentationResult em = new SegmentStep().run(cleaned,
                SegmentationSettings.kMeans(List.of("age", "total_spend", "channel"), 3).withAlgorithm(Algorithm.EM),
                Progress.none());
        assertThat(em.rowsLeftOut()).isZero();
        Path file = dir.resolve("em.mwbmodel");
        ModelBundle.write(BundleContents.of(model).withSegmentation(em, fitted, Map.of()), file);

        BundleSegmentation back = ModelBundleReader.read(file).segmentation();

        assertThat(back.recipe()).isNotNull();
        assertThat(SegmentAssigner.requiredColumns(back)).containsExactlyInAnyOrder("age", "total_spend", "channel");
        // the raw file: the bundle's recipe fills age as the project's did
        assertThat(SegmentAssigner.assign(back, data, "responded", Progress.none()).segmentOfRow())
                .isEqualTo(em.segmentOfRow());
    }

    @Test
    void aHostileObjectInTheSegmentsPartIsRefusedAndNeverRuns() throws Exception {
        Path good = dir.resolve("good.mwbmodel");
        ModelBundle.write(BundleContents.of(model).withSegmentation(kMeans, null, Map.of()), good);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(good.toFile())) {
            for (String p : List.of(ModelBundle.MODEL_JSON, ModelBundle.WEKA_MODEL, ModelBundle.SEGMENTS_JSON)) {
                parts.put(p, zip.getInputStream(zip.getEntry(p)).readAllBytes());
            }
        }
        ByteArrayOutputStream hostile = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(hostile)) {
            oos.writeObject(new HostileObject());
            oos.writeObject(kMeans.fittedSegmentation().orElseThrow().header());
        }
        parts.put(ModelBundle.SEGMENTS_MODEL, hostile.toByteArray());
        Path file = dir.resolve("hostile.mwbmodel");
        ModelBundle.writeParts(parts, file, 2); // a correct manifest: the hashes are no defence, the filter is

        assertThatThrownBy(() -> ModelBundleReader.read(file)).isInstanceOfSatisfying(DeployException.class, e -> {
            assertThat(e.reason()).isEqualTo(DeployException.Reason.UNSAFE_CONTENT);
            assertThat(e.userMessage().format(Locale.ENGLISH)).contains(HostileObject.class.getName());
        });
        assertThat(HostileObject.RAN).isFalse();
    }

    @Test
    void aSegmentsPartChangedOrAddedAfterSavingIsTampering() throws Exception {
        Path good = dir.resolve("good.mwbmodel");
        ModelBundle.write(BundleContents.of(model), good);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        byte[] manifest;
        try (ZipFile zip = new ZipFile(good.toFile())) {
            for (String p : List.of(ModelBundle.MODEL_JSON, ModelBundle.WEKA_MODEL)) {
                parts.put(p, zip.getInputStream(zip.getEntry(p)).readAllBytes());
            }
            manifest = zip.getInputStream(zip.getEntry(ModelBundle.MANIFEST)).readAllBytes();
        }
        // someone adds a segments part to a checked bundle and keeps its manifest
        Path added = dir.resolve("added.mwbmodel");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(added))) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry(ModelBundle.SEGMENTS_JSON));
            zip.write("{}".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry(ModelBundle.MANIFEST));
            zip.write(manifest);
            zip.closeEntry();
        }
        assertThatThrownBy(() -> ModelBundleReader.read(added)).isInstanceOfSatisfying(DeployException.class, e -> {
            assertThat(e.reason()).isEqualTo(DeployException.Reason.TAMPERED);
            assertThat(e.userMessage().format(Locale.ENGLISH)).contains(ModelBundle.SEGMENTS_JSON);
        });
    }

    @Test
    void aResultWithoutItsFittedSegmentationCannotGoIn() {
        SegmentationResult bare = new SegmentationResult(kMeans.settings(), kMeans.k(), kMeans.segments(),
                kMeans.profileColumns(), kMeans.segmentOfRow(), kMeans.withinClusterSumOfSquares(), kMeans.silhouette(),
                kMeans.rowsUsed(), kMeans.rowsLeftOut(), kMeans.rowsFitted(), kMeans.iterations(), kMeans.explanation(),
                kMeans.notes());
        assertThatThrownBy(() -> BundleContents.of(model).withSegmentation(bare, null, Map.of()))
                .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.userMessage().format(Locale.ENGLISH))
                        .contains("segment the customers again"));
    }

    @Test
    void theOldEntryPointsStillWriteABundleOfTheModelAlone() throws Exception {
        Path file = dir.resolve("plain.mwbmodel");
        ModelBundle.write(model, file);
        LoadedBundle back = ModelBundleReader.read(file);
        assertThat(back.threshold()).isEqualTo(ModelBundle.DEFAULT_THRESHOLD);
        assertThat(back.importSettings()).isNull();
        assertThat(back.evaluation()).isNull();
        assertThat(back.segmentation()).isNull();
    }
}
