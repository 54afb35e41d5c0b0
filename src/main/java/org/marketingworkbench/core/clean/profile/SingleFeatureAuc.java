package org.marketingworkbench.core.clean.profile;

import java.util.Arrays;

/**
 * Area under the ROC curve reached by one column on its own, used to spot target leakage.
 *
 * <p>For a number the column's value is the score: AUC = P(score of a random positive row > score of a
 * random negative row) + ½ P(equal), the Mann–Whitney statistic, computed from two sorted primitive
 * arrays in O(n log n). For a category each label is scored by its share of positive rows (the best a
 * single category can do on the data it was learned from). Rows with a missing value or a missing
 * label are left out. The result is folded to max(AUC, 1 − AUC): a column that predicts the target
 * backwards is just as informative.
 */
public final class SingleFeatureAuc {

    /** Label codes: {@code POSITIVE}, {@code NEGATIVE}, or {@code SKIP} for rows without a target. */
    public static final byte POSITIVE = 1;
    public static final byte NEGATIVE = 0;
    public static final byte SKIP = -1;

    private SingleFeatureAuc() {
    }

    /** AUC of scores {@code x} (NaN = missing) against labels; NaN when a class has no rows. */
    public static double numeric(double[] x, byte[] label) {
        int np = 0;
        int nn = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && label[i] != SKIP) {
                if (label[i] == POSITIVE) {
                    np++;
                } else {
                    nn++;
                }
            }
        }
        if (np == 0 || nn == 0) {
            return Double.NaN;
        }
        double[] pos = new double[np];
        double[] neg = new double[nn];
        int p = 0;
        int q = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && label[i] != SKIP) {
                if (label[i] == POSITIVE) {
                    pos[p++] = x[i];
                } else {
                    neg[q++] = x[i];
                }
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double wins = 0;
        int lt = 0; // negatives strictly below the current positive value
        int le = 0; // negatives at or below it
        for (int i = 0; i < np; i++) {
            double v = pos[i];
            while (lt < nn && neg[lt] < v) {
                lt++;
            }
            if (le < lt) {
                le = lt;
            }
            while (le < nn && neg[le] <= v) {
                le++;
            }
            wins += lt + 0.5 * (le - lt);
        }
        return fold(wins / ((double) np * nn));
    }

    /**
     * AUC of a category column given as codes in [0, levels) with −1 for missing (missing is treated
     * as a label of its own).
     */
    public static double categorical(int[] codes, int levels, byte[] label) {
        long[] pos = new long[levels + 1];
        long[] neg = new long[levels + 1];
        for (int i = 0; i < codes.length; i++) {
            if (label[i] == SKIP) {
                continue;
            }
            int c = codes[i] < 0 ? levels : codes[i];
            if (label[i] == POSITIVE) {
                pos[c]++;
            } else {
                neg[c]++;
            }
        }
        long np = Arrays.stream(pos).sum();
        long nn = Arrays.stream(neg).sum();
        if (np == 0 || nn == 0) {
            return Double.NaN;
        }
        Integer[] order = new Integer[levels + 1];
        double[] rate = new double[levels + 1];
        for (int c = 0; c <= levels; c++) {
            order[c] = c;
            long n = pos[c] + neg[c];
            rate[c] = n == 0 ? -1 : (double) pos[c] / n;
        }
        Arrays.sort(order, (a, b) -> Double.compare(rate[a], rate[b]));
        double wins = 0;
        long negBelow = 0;
        int i = 0;
        while (i <= levels) {
            int j = i;
            long gp = 0;
            long gn = 0;
            while (j <= levels && rate[order[j]] == rate[order[i]]) {
                gp += pos[order[j]];
                gn += neg[order[j]];
                j++;
            }
            wins += gp * (double) negBelow + 0.5 * gp * (double) gn;
            negBelow += gn;
            i = j;
        }
        return fold(wins / ((double) np * nn));
    }

    private static double fold(double auc) {
        return Math.max(auc, 1 - auc);
    }
}
