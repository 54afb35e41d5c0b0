package org.marketingworkbench.core.segment;

import java.util.stream.IntStream;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * The silhouette (see {@link SilhouetteScore}) with Euclidean distances on the prepared features. It
 * compares every pair of customers, so it is exact up to {@link #SAMPLE_SIZE} customers (25 million pairs,
 * well under a second) and measured on a seeded random sample of that many above, as scikit-learn's
 * {@code silhouette_score(sample_size=...)} does: distances within the sample only.
 */
public final class Silhouette {

    /** Customers measured at most; beyond, a seeded random sample of this many. */
    public static final int SAMPLE_SIZE = 5_000;

    private static final int BLOCK = 250;

    private Silhouette() {
    }

    /**
     * The silhouette of {@code labels} (0-based, {@code k} segments) over the rows of {@code m}; a sample of
     * {@code sampleSize} rows drawn with {@code seed} when there are more.
     */
    public static SilhouetteScore of(FeatureMatrix m, int[] labels, int k, int sampleSize, long seed, Progress progress) {
        int n = m.rows();
        int[] picked = Sampling.rows(n, sampleSize, seed);
        int s = picked.length;
        int d = m.cols();
        double[] x = new double[s * d];
        int[] lab = new int[s];
        for (int i = 0; i < s; i++) {
            lab[i] = labels[picked[i]];
            for (int j = 0; j < d; j++) {
                x[i * d + j] = m.get(picked[i], j);
            }
        }
        double[] values = values(x, s, d, lab, k, progress);
        double[] sum = new double[k];
        int[] count = new int[k];
        double total = 0;
        for (int i = 0; i < s; i++) {
            total += values[i];
            sum[lab[i]] += values[i];
            count[lab[i]]++;
        }
        int segments = 0;
        for (int c : count) {
            if (c > 0) {
                segments++;
            }
        }
        double[] per = new double[k];
        for (int c = 0; c < k; c++) {
            per[c] = count[c] == 0 || segments < 2 ? Double.NaN : sum[c] / count[c];
        }
        return new SilhouetteScore(segments < 2 || s == 0 ? Double.NaN : total / s, per, s, s == n);
    }

    /** Each point's silhouette; {@code x} is row-major, {@code s} rows of {@code d} values. */
    static double[] values(double[] x, int s, int d, int[] lab, int k, Progress progress) {
        int[] size = new int[k];
        for (int l : lab) {
            size[l]++;
        }
        double[] out = new double[s];
        for (int b0 = 0; b0 < s; b0 += BLOCK) {
            progress.throwIfCancelled();
            int from = b0;
            int to = Math.min(s, b0 + BLOCK);
            IntStream.range(from, to).parallel().forEach(i -> {
                if (progress.isCancelled()) {
                    throw new CancelledException();
                }
                out[i] = one(x, s, d, lab, k, size, i);
            });
            progress.report((double) to / s);
        }
        return out;
    }

    private static double one(double[] x, int s, int d, int[] lab, int k, int[] size, int i) {
        int own = lab[i];
        if (size[own] <= 1) {
            return 0;
        }
        double[] sum = new double[k];
        int oi = i * d;
        for (int j = 0; j < s; j++) {
            int oj = j * d;
            double ss = 0;
            for (int t = 0; t < d; t++) {
                double diff = x[oi + t] - x[oj + t];
                ss += diff * diff;
            }
            sum[lab[j]] += Math.sqrt(ss);
        }
        double a = sum[own] / (size[own] - 1);
        double b = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            if (c != own && size[c] > 0) {
                b = Math.min(b, sum[c] / size[c]);
            }
        }
        if (b == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double max = Math.max(a, b);
        return max == 0 ? 0 : (b - a) / max;
    }
}
