package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingListener;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.core.train.Validation;
import tech.tablesaw.api.Table;

/**
 * Model files written by earlier versions keep opening and scoring the same: the first form (no manifest,
 * "version 0", made with the first {@code train --save}'s own writer, {@link FirstFormWriter}) and a version 1
 * bundle with import settings and validation figures. Both are committed fixtures of one tiny logistic model, with
 * the scores they gave when they were made ({@code tiny-customers-scored.csv}). If a change to the format or the
 * reader breaks either, this test says so; do not regenerate the fixtures to make it pass.
 */
class OlderBundlesTest {

    static final Path FIXTURES = Path.of("src", "test", "resources", "org", "marketingworkbench", "core", "deploy");
    static final Path TINY = FIXTURES.resolve("tiny-customers.csv");
    static final Path FIRST_FORM = FIXTURES.resolve("first-form-logistic.mwbmodel");
    static final Path VERSION_1 = FIXTURES.resolve("v1-logistic.mwbmodel");
    static final Path GOLDEN = FIXTURES.resolve("tiny-customers-scored.csv");

    @Test
    void aFirstFormFileWithoutChecksumsOpensWithANoticeAndScoresAsItDid() throws Exception {
        LoadedBundle b = ModelBundleReader.read(FIRST_FORM);

        assertThat(b.version()).isZero();
        assertThat(b.integrityChecked()).isFalse();
        assertThat(b.notices()).hasSize(1);
        assertThat(b.notices().get(0).format(Locale.ENGLISH)).contains("first-form-logistic.mwbmodel")
                .contains("saved by an earlier version").contains("integrity cannot be checked");
        assertThat(b.notices().get(0).format(Locale.SIMPLIFIED_CHINESE)).contains("无法检查其完整性");
        assertThat(b.threshold()).isEqualTo(ModelBundle.DEFAULT_THRESHOLD);
        assertThat(b.provenance().path("wekaClass").asText()).isEqualTo("weka.classifiers.functions.Logistic");
        assertThat(b.importSettings()).isNull();
        assertThat(b.evaluation()).isNull();
        assertThat(b.model().learnerId()).isEqualTo("logistic");

        assertScoresAsGolden(b, 0.5);
    }

    @Test
    void aVersionOneBundleOpensWithItsSettingsAndFiguresAndScoresAsItDid() throws Exception {
        LoadedBundle b = ModelBundleReader.read(VERSION_1);

        assertThat(b.version()).isEqualTo(1);
        assertThat(b.integrityChecked()).isTrue();
        assertThat(b.notices()).isEmpty();
        assertThat(b.threshold()).isEqualTo(0.3);
        assertThat(b.importSettings().delimiter()).isEqualTo(',');
        assertThat(b.importSettings().hasHeader()).isTrue();
        assertThat(b.evaluation().learnerId()).isEqualTo("logistic");
        assertThat(b.evaluation().validation()).isEqualTo(Validation.crossValidation(3, 0));
        assertThat(b.evaluation().heldOutRows()).isEqualTo(120);
        assertThat(b.provenance().path("sourceSha256").asText()).isEqualTo(ModelBundle.sha256(TINY));

        assertScoresAsGolden(b, 0.3);
    }

    @Test
    void theFixturesAreSmall() throws Exception {
        assertThat(Files.size(FIRST_FORM)).isLessThan(16 * 1024);
        assertThat(Files.size(VERSION_1)).isLessThan(16 * 1024);
    }

    /** Scores in the golden file (both fixtures hold the same model), predicted classes at {@code threshold}. */
    private static void assertScoresAsGolden(LoadedBundle b, double threshold) throws Exception {
        Dataset data = new ScoringFile().read(TINY, b, ScoringFile.Mode.STORED_SETTINGS, Progress.none()).dataset();
        Table scored = Scorer.score(b, data, Scorer.UnseenCategories.MISSING, Progress.none()).table();
        List<String> golden = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);
        assertThat(golden.get(0)).isEqualTo("customer_id,score,rank,decile");
        assertThat(scored.rowCount()).isEqualTo(golden.size() - 1);
        for (int r = 0; r < scored.rowCount(); r++) {
            String[] g = golden.get(r + 1).split(",");
            double score = Double.parseDouble(g[1]);
            assertThat(scored.stringColumn("customer_id").get(r)).isEqualTo(g[0]);
            assertThat(scored.doubleColumn("score").getDouble(r)).as("score of " + g[0]).isCloseTo(score, within(1e-12));
            assertThat(scored.stringColumn("predicted").get(r)).isEqualTo(score >= threshold ? "yes" : "no");
            assertThat(scored.doubleColumn("rank").getDouble(r)).isEqualTo(Double.parseDouble(g[2]));
            assertThat(scored.doubleColumn("decile").getDouble(r)).isEqualTo(Double.parseDouble(g[3]));
        }
    }

    /**
     * Makes the fixtures. Run once, on purpose, and commit what it writes:
     * {@code mvn -o test -Dtest=OlderBundlesTest -Dmwb.deploy.writeFixtures=true}.
     */
    @Test
    @EnabledIfSystemProperty(named = "mwb.deploy.writeFixtures", matches = "true")
    void writeTheFixtures() throws Exception {
        ImportResult imported = new DataImporter().read(TINY, ImportSettings.auto(), Progress.none());
        Dataset data = imported.dataset();
        List<String> features = TrainingData.defaultFeatures(TrainingData.candidates(data, "responded", Progress.none()));
        TrainingSettings s = TrainingSettings.of("responded", "yes", features, List.of(LearnerChoice.defaults("logistic")))
                .withValidation(Validation.crossValidation(3, 0));
        TrainStep step = new TrainStep();
        TrainingResult result = step.run(data, Recipe.empty(), s, TrainingListener.NONE, Progress.none());
        TrainedModel model = step.fitFinal(data, Recipe.empty(), s, "logistic", Progress.none());

        FirstFormWriter.write(model, FIRST_FORM);
        ModelBundle.write(BundleContents.of(model).withThreshold(0.3).withSourceSha256(imported.sha256())
                .withImportSettings(imported.resolvedSettings()).withEvaluation(EvaluationSummary.of(result)), VERSION_1);

        LoadedBundle b = ModelBundleReader.read(VERSION_1);
        Table scored = Scorer.score(b, data, Scorer.UnseenCategories.MISSING, Progress.none()).table();
        List<String> lines = new ArrayList<>(List.of("customer_id,score,rank,decile"));
        for (int r = 0; r < scored.rowCount(); r++) {
            lines.add(scored.stringColumn("customer_id").get(r) + "," + scored.doubleColumn("score").getDouble(r) + ","
                    + (int) scored.doubleColumn("rank").getDouble(r) + "," + (int) scored.doubleColumn("decile").getDouble(r));
        }
        Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
    }
}
