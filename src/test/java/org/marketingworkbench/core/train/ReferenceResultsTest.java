package org.marketingworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.testsupport.SharedDatasets;

/** The reference AUCs of {@code ../shared/datasets/REFERENCE_RESULTS.md}, within ±0.01. */
class ReferenceResultsTest {

    @BeforeAll
    static void quietWeka() throws Exception {
        WekaForTests.configure();
    }

    private static Dataset read(String name) throws Exception {
        return new DataImporter().read(SharedDatasets.file(name), ImportSettings.auto(), Progress.none()).dataset();
    }

    @Test
    void telcoLogisticRegressionMatchesWekaWithTheCustomerIdLeftOutByItself() throws Exception {
        Dataset data = read("WA_Fn-UseC_-Telco-Customer-Churn.csv");
        List<FeatureCandidate> candidates = TrainingData.candidates(data, "Churn", Progress.none());
        assertThat(candidates).filteredOn(c -> c.name().equals("customerID"))
                .singleElement().satisfies(c -> assertThat(c.exclusion()).isEqualTo(Exclusion.IDENTIFIER));
        TrainingSettings s = TrainingSettings.of("Churn", "Yes", TrainingData.defaultFeatures(candidates),
                List.of(LearnerChoice.defaults(Learners.LOGISTIC)));
        long start = System.nanoTime();
        TrainingResult r = new TrainStep().run(data, Recipe.empty(), s, TrainingListener.NONE, Progress.none());
        double seconds = (System.nanoTime() - start) / 1e9;
        double pooled = Metrics.pooledAuc(r.best().heldOut());
        System.out.printf("telco logistic 10-fold: AUC %.4f ± %.4f (pooled %.4f), %.1f s%n",
                r.best().metrics().get(MetricId.AUC).mean(), r.best().metrics().get(MetricId.AUC).sd(), pooled, seconds);
        assertThat(pooled).isCloseTo(0.845, within(0.01));
        assertThat(r.best().heldOut().size()).isEqualTo(7043);
    }

    @Test
    void bankLogisticRegressionWithoutDurationMatchesWekaAndDurationIsALeakageSuspect() throws Exception {
        Dataset data = read("bank-full.csv");
        List<FeatureCandidate> candidates = TrainingData.candidates(data, "y", Progress.none());
        assertThat(candidates).filteredOn(c -> c.name().equals("duration"))
                .singleElement().satisfies(c -> {
                    assertThat(c.exclusion()).isEqualTo(Exclusion.LEAKAGE_SUSPECT);
                    assertThat(c.includedByDefault()).isFalse();
                });
        List<String> features = TrainingData.defaultFeatures(candidates);
        assertThat(features).doesNotContain("duration", "y");
        // 5 folds rather than the reference's 10 keep this test near 10 s; the AUC hardly depends on it
        TrainingSettings s = TrainingSettings.of("y", "yes", features, List.of(LearnerChoice.defaults(Learners.LOGISTIC)))
                .withValidation(Validation.crossValidation(5, 0));
        long start = System.nanoTime();
        TrainingResult r = new TrainStep().run(data, Recipe.empty(), s, TrainingListener.NONE, Progress.none());
        double seconds = (System.nanoTime() - start) / 1e9;
        double pooled = Metrics.pooledAuc(r.best().heldOut());
        System.out.printf("bank logistic 5-fold, no duration: AUC %.4f ± %.4f (pooled %.4f), %.1f s; features %s%n",
                r.best().metrics().get(MetricId.AUC).mean(), r.best().metrics().get(MetricId.AUC).sd(), pooled, seconds,
                features);
        assertThat(pooled).isCloseTo(0.766, within(0.01));
    }
}
