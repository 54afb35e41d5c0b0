package org.marketingworkbench.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated Gaussian blobs with a known structure, for the clustering tests. */
final class Blobs {

    final FeatureMatrix matrix;
    /** The blob each row was drawn from. */
    final int[] truth;

    private Blobs(FeatureMatrix matrix, int[] truth) {
        this.matrix = matrix;
        this.truth = truth;
    }

    /**
     * {@code sizes[b]} rows around centre {@code b}: centres drawn uniformly in [-spread, spread]^d, each
     * row the centre plus Gaussian noise of standard deviation {@code sd}. Rows are shuffled.
     */
    static Blobs generate(long seed, int d, int[] sizes, double spread, double sd) {
        Random rnd = new Random(seed);
        double[][] centres = new double[sizes.length][d];
        for (double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = (rnd.nextDouble() * 2 - 1) * spread;
            }
        }
        return around(rnd, centres, sizes, sd);
    }

    /** Blobs around the given centres. */
    static Blobs around(long seed, double[][] centres, int[] sizes, double sd) {
        return around(new Random(seed), centres, sizes, sd);
    }

    private static Blobs around(Random rnd, double[][] centres, int[] sizes, double sd) {
        int d = centres[0].length;
        List<Integer> owner = new ArrayList<>();
        for (int b = 0; b < sizes.length; b++) {
            for (int i = 0; i < sizes[b]; i++) {
                owner.add(b);
            }
        }
        java.util.Collections.shuffle(owner, rnd);
        int n = owner.size();
        double[] v = new double[n * d];
        int[] truth = new int[n];
        for (int i = 0; i < n; i++) {
            int b = owner.get(i);
            truth[i] = b;
            for (int j = 0; j < d; j++) {
                v[j * n + i] = centres[b][j] + rnd.nextGaussian() * sd;
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return new Blobs(FeatureMatrix.columnMajor(v, n, d, names), truth);
    }

    /** Whether two labelings make the same partition (the same groups, whatever their numbers). */
    static boolean samePartition(int[] a, int[] b) {
        if (a.length != b.length) {
            return false;
        }
        java.util.Map<Integer, Integer> ab = new java.util.HashMap<>();
        java.util.Map<Integer, Integer> ba = new java.util.HashMap<>();
        for (int i = 0; i < a.length; i++) {
            Integer x = ab.putIfAbsent(a[i], b[i]);
            Integer y = ba.putIfAbsent(b[i], a[i]);
            if ((x != null && x != b[i]) || (y != null && y != a[i])) {
                return false;
            }
        }
        return true;
    }
}
