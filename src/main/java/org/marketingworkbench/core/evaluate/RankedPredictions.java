package org.marketingworkbench.core.evaluate;

import java.util.Arrays;
import java.util.List;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.Metrics;
import org.marketingworkbench.core.train.Predictions;

/**
 * Two-class held-out predictions sorted once by the score P(positive), highest first, with cumulative counts of
 * actual positives, so that any threshold or cut-off is answered in O(log n) (a binary search) or O(1): the
 * threshold slider and the profit cut-off recompute every figure on each move without a background job.
 *
 * <p>A customer is predicted positive (contacted) when its score is <em>at or above</em> the threshold. Weka
 * predicts the class with the larger probability, which differs only for a score of exactly 0.5 at threshold
 * 0.5. Customers with the same score are always on the same side of a threshold; where a cut-off by count falls
 * inside a group of equal scores (lift by decile), the group's positives are shared out in proportion.
 */
public final class RankedPredictions {

    private final List<String> labels;
    private final double[] scores;
    private final boolean[] positive;
    private final int[] originalIndex;
    private final int[] cumulativePositives;
    private final int[] groupStart;
    private final int[] groupEnd;
    private final int positives;
    private final double auc;
    private final double logLoss;

    private RankedPredictions(List<String> labels, double[] scores, boolean[] positive, int[] originalIndex,
                              double logLoss) {
        this.labels = labels;
        this.scores = scores;
        this.positive = positive;
        this.originalIndex = originalIndex;
        this.logLoss = logLoss;
        int n = scores.length;
        cumulativePositives = new int[n + 1];
        for (int i = 0; i < n; i++) {
            cumulativePositives[i + 1] = cumulativePositives[i] + (positive[i] ? 1 : 0);
        }
        positives = cumulativePositives[n];
        groupStart = new int[n];
        groupEnd = new int[n];
        double pairs = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[j + 1] == scores[i]) {
                j++;
            }
            int pos = cumulativePositives[j + 1] - cumulativePositives[i];
            int neg = j + 1 - i - pos;
            // negatives of this group rank below every positive above it, and tie with this group's positives
            pairs += neg * (cumulativePositives[i] + pos / 2.0);
            for (int t = i; t <= j; t++) {
                groupStart[t] = i;
                groupEnd[t] = j + 1;
            }
            i = j + 1;
        }
        long negatives = n - positives;
        auc = positives == 0 || negatives == 0 ? Double.NaN : pairs / ((double) positives * negatives);
    }

    /**
     * Ranks two-class predictions.
     *
     * @throws EvaluateException NOT_TWO_CLASSES for a multi-class or number target, NO_PREDICTIONS when empty,
     *         ONE_CLASS_ONLY when the held-out customers include no positive or no negative outcome
     */
    public static RankedPredictions of(Predictions p) throws EvaluateException {
        RankedPredictions r = subset(p, null);
        if (r.size() == 0) {
            throw new EvaluateException(EvaluateException.Reason.NO_PREDICTIONS,
                    UserMessage.of("evaluate.error.noPredictions"));
        }
        if (r.positives == 0 || r.negatives() == 0) {
            String missing = r.positives == 0 ? r.labels.get(1) : r.labels.get(0);
            throw new EvaluateException(EvaluateException.Reason.ONE_CLASS_ONLY,
                    UserMessage.of("evaluate.error.oneClassOnly", missing, r.size()));
        }
        return r;
    }

    /** Checks that {@code p} has two classes and a positive class. */
    static void requireTwoClasses(Predictions p) throws EvaluateException {
        if (p.classes().size() != 2 || p.positiveIndex() < 0) {
            throw new EvaluateException(EvaluateException.Reason.NOT_TWO_CLASSES,
                    UserMessage.of("evaluate.error.notTwoClasses", p.classes().size()));
        }
    }

    /**
     * The rows {@code indexes} of {@code p} (all rows when null), ranked, without the checks of {@link #of}: a
     * group of customers may lack positives, and its undefined figures are NaN.
     */
    static RankedPredictions subset(Predictions p, int[] indexes) throws EvaluateException {
        requireTwoClasses(p);
        int pi = p.positiveIndex();
        List<String> labels = List.of(p.classes().get(1 - pi), p.classes().get(pi));
        double[][] dist = p.distribution();
        double[] actual = p.actual();
        int[] idx = indexes != null ? indexes.clone() : java.util.stream.IntStream.range(0, p.size()).toArray();
        int n = idx.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = idx[i];
        }
        // highest score first; equal scores in row order, so every run gives the same ranking
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(dist[b][pi], dist[a][pi]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        double[] scores = new double[n];
        boolean[] positive = new boolean[n];
        int[] original = new int[n];
        double[][] subDist = new double[n][];
        double[] subActual = new double[n];
        for (int i = 0; i < n; i++) {
            int o = order[i];
            scores[i] = dist[o][pi];
            positive[i] = (int) actual[o] == pi;
            original[i] = o;
            subDist[i] = dist[o];
            subActual[i] = actual[o];
        }
        return new RankedPredictions(labels, scores, positive, original, Metrics.logLoss(subDist, subActual));
    }

    /** The negative and the positive class label. */
    public List<String> labels() {
        return labels;
    }

    public int size() {
        return scores.length;
    }

    public int positives() {
        return positives;
    }

    public int negatives() {
        return scores.length - positives;
    }

    /** The score of the customer at {@code rank} (0 = highest). */
    public double score(int rank) {
        return scores[rank];
    }

    /** Whether the customer at {@code rank} was actually positive. */
    public boolean isPositive(int rank) {
        return positive[rank];
    }

    /** The index in the original {@link Predictions} of the customer at {@code rank}. */
    public int originalIndex(int rank) {
        return originalIndex[rank];
    }

    /** Customers whose score is at or above {@code threshold}: a binary search. */
    public int countAtOrAbove(double threshold) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold is NaN");
        }
        int lo = 0;
        int hi = scores.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (scores[mid] >= threshold) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Actual positives among the {@code k} highest-ranked customers, ties at the cut-off taken in row order. */
    public int positivesInTop(int k) {
        return cumulativePositives[k];
    }

    /**
     * Actual positives expected among the {@code k} highest-ranked customers when a group of equal scores is cut:
     * the group's positives shared out in proportion to the part of it taken.
     */
    public double expectedPositivesInTop(int k) {
        if (k <= 0 || k >= scores.length || scores[k - 1] != scores[k]) {
            return cumulativePositives[Math.max(0, Math.min(k, scores.length))];
        }
        int s = groupStart[k - 1];
        int e = groupEnd[k - 1];
        return cumulativePositives[s] + (double) (k - s) * (cumulativePositives[e] - cumulativePositives[s]) / (e - s);
    }

    /** The end (exclusive rank) of the group of equal scores that rank {@code rank} belongs to. */
    int groupEnd(int rank) {
        return groupEnd[rank];
    }

    /** The confusion matrix when customers scoring at or above {@code threshold} are predicted positive. */
    public ConfusionMatrix confusionAt(double threshold) {
        return confusionOfTop(countAtOrAbove(threshold));
    }

    /** The confusion matrix when the {@code k} highest-ranked customers are predicted positive. */
    ConfusionMatrix confusionOfTop(int k) {
        long tp = cumulativePositives[k];
        long fp = k - tp;
        long fn = positives - tp;
        long tn = negatives() - fp;
        return new ConfusionMatrix(labels, tn, fp, fn, tp);
    }

    /** Every threshold figure at {@code threshold}, in O(log n). */
    public ThresholdMetrics at(double threshold) {
        return ThresholdMetrics.of(threshold, confusionAt(threshold), auc, logLoss);
    }

    /** The chance that a random positive customer scores above a random negative one (ties half). */
    public double auc() {
        return auc;
    }

    /** The mean of −ln p(actual class), in nats. */
    public double logLoss() {
        return logLoss;
    }
}
