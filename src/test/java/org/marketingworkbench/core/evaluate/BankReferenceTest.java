package org.marketingworkbench.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.Predictions;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingListener;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.core.train.Validation;
import org.marketingworkbench.testsupport.SharedDatasets;

/**
 * The reference figures of issue 13 on bank-full (target y, positive yes, duration left out, logistic regression,
 * stratified cross-validation, predictions pooled over folds). The only Evaluate test that trains on the whole
 * file; it uses 5 folds rather than the reference's 10 to stay near 15 s (10 folds took 34 s on the 2-core
 * machine and gave [[39384, 538], [4340, 949]], lift 4.11, profit 104,005). Our folds are not Weka's {@code -s 1}
 * folds, so counts may differ a little.
 */
class BankReferenceTest {

    @BeforeAll
    static void quietWeka() throws Exception {
        AppDirs dirs = AppDirs.forCurrentUser();
        java.nio.file.Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
    }

    @Test
    void bankLogisticFiveFoldConfusionLiftAndProfitMatchTheReference() throws Exception {
        Dataset data = new DataImporter().read(SharedDatasets.file("bank-full.csv"), ImportSettings.auto(),
                Progress.none()).dataset();
        List<String> features = TrainingData.defaultFeatures(TrainingData.candidates(data, "y", Progress.none()));
        assertThat(features).doesNotContain("duration");
        TrainingSettings s = TrainingSettings.of("y", "yes", features, List.of(LearnerChoice.defaults(Learners.LOGISTIC)))
                .withValidation(Validation.crossValidation(5, 0));
        long start = System.nanoTime();
        Predictions p = new TrainStep().run(data, Recipe.empty(), s, TrainingListener.NONE, Progress.none())
                .best().heldOut();
        double trainSeconds = (System.nanoTime() - start) / 1e9;

        long t0 = System.nanoTime();
        RankedPredictions r = RankedPredictions.of(p);
        double rankMillis = (System.nanoTime() - t0) / 1e6;
        ConfusionMatrix m = r.confusionAt(0.5);
        double[] lift = Curves.liftByDecile(r);
        ProfitCurve profit = ProfitCurve.of(r, 5, 50, r.size());
        ProfitPoint best = profit.best();
        ProfitPoint at24 = profit.atShare(0.244);
        System.out.printf("bank logistic 5-fold: %.1f s; ranked in %.0f ms; confusion %s; AUC %.4f; lift %s; "
                        + "best cut-off %.4f (%d customers), profit %.0f at threshold %.4f%n", trainSeconds, rankMillis,
                java.util.Arrays.deepToString(m.counts()), r.auc(), java.util.Arrays.toString(lift), best.share(),
                best.customers(), best.expectedProfit(), best.threshold());
        System.out.printf("  at 24.4%%: %d customers, profit %.0f at threshold %.4f%n", at24.customers(),
                at24.expectedProfit(), at24.threshold());

        // Weka: [[39388, 534], [4335, 954]]
        assertThat(m.total()).isEqualTo(45_211);
        assertThat(m.actualPositives()).isEqualTo(5_289);
        assertThat(m.tp()).isCloseTo(954, within(80L));
        assertThat(m.fp()).isCloseTo(534, within(80L));
        assertThat(r.auc()).isCloseTo(0.766, within(0.01));
        // 41% of the buyers in the top 10%
        assertThat(lift[0]).isCloseTo(4.1, within(0.2));
        assertThat(lift[9]).isCloseTo(1.0, within(1e-9));
        // scikit-learn on its own folds: 11,050 customers, 103,950
        // the curve is flat around its top (a contact pays where about 1 in 10 buys): the argmax moves between
        // about 24% and 30% with the folds, the profit hardly
        assertThat(best.share()).isCloseTo(0.24, within(0.07));
        assertThat(best.expectedProfit()).isCloseTo(104_000, within(6_000.0));
        assertThat(at24.expectedProfit()).isCloseTo(best.expectedProfit(), within(0.03 * best.expectedProfit()));
        assertThat(best.threshold()).isCloseTo(0.1, within(0.03));
    }
}
