package org.marketingworkbench.core.train;

import java.util.Arrays;

/**
 * The measures the workbench computes itself, where Weka's {@code Evaluation} has none in the form needed:
 * log-loss in nats (Weka reports the mean scheme entropy in bits) and the AUC of pooled predictions (rank-based,
 * ties counted half). Tests compare both with Weka's {@code Evaluation} on the same predictions.
 */
public final class Metrics {

    /** Probabilities are clipped to [EPS, 1] before the logarithm, as scikit-learn does. */
    public static final double EPS = 1e-15;

    private Metrics() {
    }

    /** Mean of −ln p(actual class) over rows; {@code actual} holds class indexes. */
    public static double logLoss(double[][] distribution, double[] actual) {
        double sum = 0;
        for (int i = 0; i < actual.length; i++) {
            double p = distribution[i][(int) actual[i]];
            sum -= Math.log(Math.max(EPS, Math.min(1, p)));
        }
        return actual.length == 0 ? Double.NaN : sum / actual.length;
    }

    /**
     * The area under the ROC curve of {@code score} for telling {@code positive} rows from the others: the chance
     * that a random positive row scores above a random negative one, ties counting one half. NaN with no positive
     * or no negative row.
     */
    public static double auc(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPositive = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (positive[order[t]]) {
                    rankSumPositive += midRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** 1 − (sum of squared errors) / (sum of squares about the actual mean); NaN for constant actuals. */
    public static double rSquared(double[] actual, double[] predicted) {
        double mean = Arrays.stream(actual).average().orElse(Double.NaN);
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < actual.length; i++) {
            sse += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
            sst += (actual[i] - mean) * (actual[i] - mean);
        }
        return sst == 0 ? Double.NaN : 1 - sse / sst;
    }

    /** Mean and sample standard deviation of the finite values (NaN mean when there are none; sd 0 for one). */
    static Metric summarise(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d) && !Double.isInfinite(d)).toArray();
        if (v.length == 0) {
            return new Metric(Double.NaN, Double.NaN);
        }
        double mean = Arrays.stream(v).average().orElseThrow();
        if (v.length == 1) {
            return new Metric(mean, 0);
        }
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        return new Metric(mean, Math.sqrt(ss / (v.length - 1)));
    }

    /** The confusion matrix of pooled predictions: [actual][predicted] counts. */
    public static int[][] confusion(Predictions p) {
        int k = p.classes().size();
        int[][] m = new int[k][k];
        double[] a = p.actual();
        double[] pr = p.predicted();
        for (int i = 0; i < a.length; i++) {
            m[(int) a[i]][(int) pr[i]]++;
        }
        return m;
    }

    /** The AUC of the positive class over pooled predictions. */
    public static double pooledAuc(Predictions p) {
        if (p.positiveIndex() < 0) {
            return Double.NaN;
        }
        double[] a = p.actual();
        boolean[] pos = new boolean[a.length];
        for (int i = 0; i < a.length; i++) {
            pos[i] = (int) a[i] == p.positiveIndex();
        }
        return auc(p.positiveProbability(), pos);
    }
}
