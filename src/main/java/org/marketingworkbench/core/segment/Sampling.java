package org.marketingworkbench.core.segment;

import java.util.Arrays;
import java.util.Random;

/** Seeded random samples of row indices: the same seed and sizes always pick the same rows. */
final class Sampling {

    private Sampling() {
    }

    /**
     * {@code m} distinct indices of {@code [0, n)}, ascending, drawn uniformly without replacement by a
     * partial Fisher–Yates shuffle seeded with {@code seed}; all of them when {@code m >= n}.
     */
    static int[] rows(int n, int m, long seed) {
        if (m >= n) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        Random rnd = new Random(seed);
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, m);
        Arrays.sort(out);
        return out;
    }
}
