package org.marketingworkbench.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.train.Predictions;
import weka.classifiers.Evaluation;
import weka.classifiers.evaluation.ThresholdCurve;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

class EvaluateMetricsTest {

    private static final double EXACT = 1e-12;

    // ---------------------------------------------------------------- by hand

    @Test
    void confusionAndThresholdFiguresMatchAHandCountOnTenCustomers() throws Exception {
        // top 5 (score ≥ 0.5) contacted: buyers at ranks 1, 2, 4 → TP 3, FP 2, FN 1, TN 4
        ThresholdMetrics m = ThresholdMetrics.at(Preds.tenCustomers(), 0.5);
        assertThat(m.confusion().counts()).isEqualTo(new long[][] {{4, 2}, {1, 3}});
        assertThat(m.confusion().labels()).containsExactly("no", "yes");
        assertThat(m.accuracy()).isCloseTo(0.7, within(EXACT));
        assertThat(m.baselineAccuracy()).isCloseTo(0.6, within(EXACT));
        assertThat(m.precision()).isCloseTo(0.6, within(EXACT));
        assertThat(m.recall()).isCloseTo(0.75, within(EXACT));
        assertThat(m.specificity()).isCloseTo(4 / 6.0, within(EXACT));
        assertThat(m.f1()).isCloseTo(6 / 9.0, within(EXACT));
        assertThat(m.mcc()).isCloseTo(10 / Math.sqrt(600), within(EXACT));
        // buyers outrank 6 + 6 + 5 + 4 of the 4 × 6 pairs
        assertThat(m.auc()).isCloseTo(21 / 24.0, within(EXACT));
        assertThat(m.confusion().rowShares()[1][1]).isCloseTo(0.75, within(EXACT));
    }

    @Test
    void thresholdsIncludeTheirOwnScoreAndNobodyAboveOneIsContacted() throws Exception {
        RankedPredictions r = RankedPredictions.of(Preds.tenCustomers());
        assertThat(r.countAtOrAbove(0.45)).isEqualTo(6);
        assertThat(r.countAtOrAbove(0.46)).isEqualTo(5);
        assertThat(r.countAtOrAbove(1.01)).isZero();
        assertThat(r.countAtOrAbove(0)).isEqualTo(10);
        assertThat(r.at(1.01).precision()).isNaN();
        assertThat(r.at(0).recall()).isEqualTo(1.0);
    }

    @Test
    void liftAndGainsByDecileMatchAHandCount() throws Exception {
        RankedPredictions r = RankedPredictions.of(Preds.tenCustomers());
        // buyer rate 0.4; top k holds 1, 2, 2, 3, 3, 4, 4, 4, 4, 4 buyers
        int[] found = {1, 2, 2, 3, 3, 4, 4, 4, 4, 4};
        double[] lift = Curves.liftByDecile(r);
        List<GainsPoint> gains = Curves.gains(r);
        for (int d = 0; d < 10; d++) {
            assertThat(lift[d]).as("decile %d", d + 1).isCloseTo(found[d] / (d + 1.0) / 0.4, within(EXACT));
            assertThat(gains.get(d).gain()).isCloseTo(found[d] / 4.0, within(EXACT));
            assertThat(gains.get(d).customers()).isEqualTo(d + 1);
        }
        assertThat(lift[9]).isCloseTo(1, within(EXACT));
    }

    @Test
    void aDecileBoundaryInsideEqualScoresSharesTheirBuyersOut() throws Exception {
        // 10 customers, all the same score, 4 buyers: the top 10% holds 0.4 buyers on average, lift 1
        double[] s = new double[10];
        java.util.Arrays.fill(s, 0.3);
        boolean[] y = {true, false, true, false, false, true, false, true, false, false};
        RankedPredictions r = RankedPredictions.of(Preds.of(s, y));
        assertThat(Curves.liftByDecile(r)).containsOnly(new double[] {1.0}, within(EXACT));
        assertThat(r.auc()).isCloseTo(0.5, within(EXACT));
        assertThat(Curves.roc(r).points()).hasSize(2);
    }

    @Test
    void profitMatchesAHandCount() throws Exception {
        // cost 5, value 50: top k profit 45, 90, 85, 130, 125, 170, 165, 160, 155, 150 → best: top 6 (0.45)
        ProfitCurve c = ProfitCurve.of(Preds.tenCustomers(), 5, 50);
        double[] expected = {0, 45, 90, 85, 130, 125, 170, 165, 160, 155, 150};
        assertThat(c.points()).hasSize(11);
        for (int k = 0; k <= 10; k++) {
            assertThat(c.points().get(k).expectedProfit()).isCloseTo(expected[k], within(EXACT));
        }
        ProfitPoint best = c.best();
        assertThat(best.customers()).isEqualTo(6);
        assertThat(best.share()).isCloseTo(0.6, within(EXACT));
        assertThat(best.expectedProfit()).isCloseTo(170, within(EXACT));
        assertThat(best.threshold()).isEqualTo(0.45);
        assertThat(best.conversions()).isEqualTo(4);
        assertThat(c.atThreshold(best.threshold())).isEqualTo(best);
        assertThat(c.atShare(0.58)).isEqualTo(best);
        // scaled to a base of 1,000 customers: 600 contacted, 17,000
        ProfitPoint scaled = ProfitCurve.of(Preds.tenCustomers(), 5, 50, 1000).best();
        assertThat(scaled.customers()).isEqualTo(600);
        assertThat(scaled.expectedProfit()).isCloseTo(17_000, within(1e-9));
        // nothing pays when a contact costs more than a conversion brings: contact nobody
        assertThat(ProfitCurve.of(Preds.tenCustomers(), 60, 50).best().customers()).isZero();
    }

    @Test
    void calibrationComparesPredictedWithObservedPerBin() throws Exception {
        List<CalibrationBin> bins = Curves.calibration(RankedPredictions.of(Preds.tenCustomers()));
        assertThat(bins).hasSize(10);
        // 0.90 and 0.95 in the last bin, both buyers
        assertThat(bins.get(9).count()).isEqualTo(2);
        assertThat(bins.get(9).meanPredicted()).isCloseTo(0.925, within(EXACT));
        assertThat(bins.get(9).observedRate()).isEqualTo(1.0);
        assertThat(bins.get(5).count()).isZero();
        assertThat(bins.get(5).observedRate()).isNaN();
        assertThat(bins.stream().mapToInt(CalibrationBin::count).sum()).isEqualTo(10);
    }

    // ---------------------------------------------------------------- against Weka

    private static Evaluation weka(Predictions p, double threshold, boolean hard) throws Exception {
        Instances header = new Instances("pooled", new ArrayList<>(List.of(new Attribute("class", p.classes()))), 0);
        header.setClassIndex(0);
        Evaluation ev = new Evaluation(header);
        double[][] dist = p.distribution();
        double[] actual = p.actual();
        for (int i = 0; i < p.size(); i++) {
            Instance inst = new DenseInstance(1.0, new double[] {actual[i]});
            inst.setDataset(header);
            double[] d = hard ? (dist[i][1] >= threshold ? new double[] {0, 1} : new double[] {1, 0}) : dist[i];
            ev.evaluateModelOnceAndRecordPrediction(d, inst);
        }
        return ev;
    }

    @Test
    void everyThresholdFigureAgreesWithWekaEvaluationOnTheSamePredictions() throws Exception {
        Predictions p = Preds.random(2000, 7, 3);
        RankedPredictions r = RankedPredictions.of(p);
        for (double t : new double[] {0.5, 0.3, 0.72}) {
            // a classifier that says yes exactly when the score reaches t, fed to Weka
            Evaluation ev = weka(p, t, true);
            ThresholdMetrics m = r.at(t);
            double[][] cm = ev.confusionMatrix();
            assertThat(m.confusion().counts()).isEqualTo(new long[][] {
                    {(long) cm[0][0], (long) cm[0][1]}, {(long) cm[1][0], (long) cm[1][1]}});
            assertThat(m.accuracy()).isCloseTo(ev.pctCorrect() / 100, within(1e-12));
            assertThat(m.precision()).isCloseTo(ev.precision(1), within(1e-12));
            assertThat(m.recall()).isCloseTo(ev.recall(1), within(1e-12));
            assertThat(m.specificity()).isCloseTo(ev.trueNegativeRate(1), within(1e-12));
            assertThat(m.f1()).isCloseTo(ev.fMeasure(1), within(1e-12));
            assertThat(m.mcc()).isCloseTo(ev.matthewsCorrelationCoefficient(1), within(1e-12));
        }
        Evaluation soft = weka(p, 0.5, false);
        assertThat(r.auc()).isCloseTo(soft.areaUnderROC(1), within(1e-9));
        assertThat(r.logLoss()).isCloseTo(soft.SFMeanSchemeEntropy() * Math.log(2), within(1e-9));
        // the baseline: Weka's ZeroR-like prior, the share of the larger class (here "no")
        assertThat(r.at(0.5).baselineAccuracy()).isCloseTo(soft.numInstances() == 0 ? 0
                : (soft.confusionMatrix()[0][0] + soft.confusionMatrix()[0][1]) / soft.numInstances(), within(1e-12));
    }

    @Test
    void rocAreaAndPointsAgreeWithWekasThresholdCurveEvenWithTies() throws Exception {
        Predictions p = Preds.random(1500, 11, 1);
        RankedPredictions r = RankedPredictions.of(p);
        Evaluation soft = weka(p, 0.5, false);
        Instances curve = new ThresholdCurve().getCurve(soft.predictions(), 1);
        RocCurve roc = Curves.roc(r);
        assertThat(roc.auc()).isCloseTo(ThresholdCurve.getROCArea(curve), within(1e-9));
        assertThat(roc.auc()).isCloseTo(r.auc(), within(1e-9));
        // both curves pass through the same (FPR, TPR) points
        int fpr = curve.attribute(ThresholdCurve.FP_RATE_NAME).index();
        int tpr = curve.attribute(ThresholdCurve.TP_RATE_NAME).index();
        for (Instance i : curve) {
            assertThat(roc.points()).anySatisfy(pt -> {
                assertThat(pt.x()).isCloseTo(i.value(fpr), within(1e-9));
                assertThat(pt.y()).isCloseTo(i.value(tpr), within(1e-9));
            });
        }
        RatePoint at = roc.operatingPoint(0.5);
        ThresholdMetrics m = r.at(0.5);
        assertThat(at.y()).isCloseTo(m.recall(), within(1e-12));
        assertThat(at.x()).isCloseTo(1 - m.specificity(), within(1e-12));
        assertThat(Curves.precisionRecall(r).get(0).y()).isBetween(0.0, 1.0);
    }

    @Test
    void numberFiguresAgreeWithWekaEvaluation() throws Exception {
        double[] actual = {3, 5, 7, 9, 11, 4, 8};
        double[] predicted = {2.5, 5.5, 6, 9.5, 12, 4.2, 7};
        int[] rows = {0, 1, 2, 3, 4, 5, 6};
        double[][] dist = new double[7][0];
        Predictions p = new Predictions(List.of(), -1, rows, actual, dist, predicted);
        Instances numeric = new Instances("n", new ArrayList<>(List.of(new Attribute("y"))), 0);
        numeric.setClassIndex(0);
        Evaluation ev = new Evaluation(numeric);
        for (int i = 0; i < actual.length; i++) {
            Instance inst = new DenseInstance(1.0, new double[] {actual[i]});
            inst.setDataset(numeric);
            ev.evaluateModelOnceAndRecordPrediction(new double[] {predicted[i]}, inst);
        }
        NumberMetrics m = NumberMetrics.of(p);
        assertThat(m.rmse()).isCloseTo(ev.rootMeanSquaredError(), within(1e-12));
        assertThat(m.mae()).isCloseTo(ev.meanAbsoluteError(), within(1e-12));
        double mean = java.util.Arrays.stream(actual).average().orElseThrow();
        double sst = java.util.Arrays.stream(actual).map(a -> (a - mean) * (a - mean)).sum();
        assertThat(m.r2()).isCloseTo(1 - ev.rootMeanSquaredError() * ev.rootMeanSquaredError() * 7 / sst, within(1e-12));
        assertThatThrownBy(() -> NumberMetrics.of(Preds.tenCustomers())).isInstanceOf(EvaluateException.class);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void heldOutCustomersWithoutBuyersAreAClearError() {
        Predictions none = Preds.of(new double[] {0.2, 0.7, 0.4}, new boolean[] {false, false, false});
        assertThatThrownBy(() -> ThresholdMetrics.at(none, 0.5)).isInstanceOfSatisfying(EvaluateException.class, e -> {
            assertThat(e.reason()).isEqualTo(EvaluateException.Reason.ONE_CLASS_ONLY);
            assertThat(e.userMessage().format(java.util.Locale.ENGLISH)).contains("yes").contains("3");
        });
        assertThatThrownBy(() -> ProfitCurve.of(none, 5, 50)).isInstanceOf(EvaluateException.class);
        Predictions empty = Preds.of(new double[0], new boolean[0]);
        assertThatThrownBy(() -> RankedPredictions.of(empty)).isInstanceOfSatisfying(EvaluateException.class,
                e -> assertThat(e.reason()).isEqualTo(EvaluateException.Reason.NO_PREDICTIONS));
    }

    @Test
    void negativeOrNonNumberCostAndValueAreRefused() {
        Predictions p = Preds.tenCustomers();
        for (double[] cv : new double[][] {{-1, 50}, {5, -0.01}, {Double.NaN, 50}, {5, Double.NaN},
                {Double.POSITIVE_INFINITY, 50}}) {
            assertThatThrownBy(() -> ProfitCurve.of(p, cv[0], cv[1])).isInstanceOfSatisfying(EvaluateException.class,
                    e -> {
                        assertThat(e.reason()).isEqualTo(EvaluateException.Reason.INVALID_MONEY);
                        assertThat(e.userMessage().format(java.util.Locale.ENGLISH)).doesNotStartWith("evaluate.");
                    });
        }
    }

    @Test
    void aThreeClassModelHasNoThreshold() {
        Predictions three = new Predictions(List.of("a", "b", "c"), -1, new int[] {0}, new double[] {0},
                new double[][] {{0.2, 0.3, 0.5}}, new double[] {2});
        assertThatThrownBy(() -> RankedPredictions.of(three)).isInstanceOfSatisfying(EvaluateException.class,
                e -> assertThat(e.reason()).isEqualTo(EvaluateException.Reason.NOT_TWO_CLASSES));
    }

    @Test
    void theSliderAnswersFortyFiveThousandRowsWithinAFrame() throws Exception {
        RankedPredictions r = RankedPredictions.of(Preds.random(45_000, 3, 6));
        long start = System.nanoTime();
        for (int i = 0; i <= 1000; i++) {
            r.at(i / 1000.0);
        }
        double perMove = (System.nanoTime() - start) / 1e9 / 1001;
        assertThat(perMove).isLessThan(0.001);
    }
}
