package org.marketingworkbench.core.evaluate;

import org.marketingworkbench.core.train.Predictions;

/**
 * The figures of a two-class model at one threshold (customers scoring at or above it are predicted positive),
 * plus the threshold-free AUC and log-loss. A figure whose denominator is zero (precision when nobody is
 * predicted positive) is NaN, shown as "—".
 *
 * @param baselineAccuracy the accuracy of always saying no (the share of actual negatives)
 * @param mcc              Matthews correlation coefficient, −1 … 1, 0 for guessing
 * @param logLoss          mean −ln p(actual class), in nats
 */
public record ThresholdMetrics(double threshold, ConfusionMatrix confusion, double accuracy, double baselineAccuracy,
                               double precision, double recall, double specificity, double f1, double mcc, double auc,
                               double logLoss) {

    /**
     * The figures of {@code p} at {@code threshold}. Sorts the predictions: to follow a slider, rank once with
     * {@link RankedPredictions#of} and call {@link RankedPredictions#at}.
     *
     * @throws EvaluateException not two classes, no predictions, or only one class among the held-out customers
     */
    public static ThresholdMetrics at(Predictions p, double threshold) throws EvaluateException {
        return RankedPredictions.of(p).at(threshold);
    }

    static ThresholdMetrics of(double threshold, ConfusionMatrix m, double auc, double logLoss) {
        double tp = m.tp();
        double tn = m.tn();
        double fp = m.fp();
        double fn = m.fn();
        double n = m.total();
        double precision = ratio(tp, tp + fp);
        double recall = ratio(tp, tp + fn);
        double specificity = ratio(tn, tn + fp);
        double f1 = ratio(2 * tp, 2 * tp + fp + fn);
        double denominator = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
        double mcc = denominator == 0 ? Double.NaN : (tp * tn - fp * fn) / denominator;
        return new ThresholdMetrics(threshold, m, ratio(tp + tn, n), ratio(tn + fp, n), precision, recall, specificity,
                f1, mcc, auc, logLoss);
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    /** The value of {@code metric}; NaN for a number-target metric. */
    public double value(EvaluationMetric metric) {
        return switch (metric) {
            case ACCURACY -> accuracy;
            case BASELINE_ACCURACY -> baselineAccuracy;
            case PRECISION -> precision;
            case RECALL -> recall;
            case SPECIFICITY -> specificity;
            case F1 -> f1;
            case MCC -> mcc;
            case AUC -> auc;
            case LOG_LOSS -> logLoss;
            case RMSE, MAE, R2 -> Double.NaN;
        };
    }
}
