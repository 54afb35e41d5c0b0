package org.marketingworkbench.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Stratified, seeded partitions of rows: the test part kept aside, then folds (or a training and a validation
 * part). Each class's rows are shuffled with the seed and dealt out, so every part has about the class shares of
 * the whole; the same seed and rows give the same parts.
 *
 * @param all   every row partitioned (sorted)
 * @param test  rows kept aside until Evaluate (sorted)
 * @param folds held-out rows of each fold (sorted); for a split, one fold: the validation part
 */
record Folds(int[] all, int[] test, List<int[]> folds) {

    /** Rows that are neither in the test part nor in fold {@code f}: the training part of that fold. */
    int[] training(int f) {
        return without(all, test, folds.get(f));
    }

    /** Every row that is not in the test part. */
    int[] nonTest() {
        return without(all, test, new int[0]);
    }

    private static int[] without(int[] rows, int[] a, int[] b) {
        Set<Integer> drop = new HashSet<>();
        for (int r : a) {
            drop.add(r);
        }
        for (int r : b) {
            drop.add(r);
        }
        return Arrays.stream(rows).filter(r -> !drop.contains(r)).toArray();
    }

    /**
     * Partitions {@code rows} (row numbers) by their {@code strata} (class index per entry of {@code rows}, or
     * all 0 for a number target).
     */
    static Folds of(int[] rows, int[] strata, Validation v, int seed) {
        int k = 0;
        for (int s : strata) {
            k = Math.max(k, s + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < rows.length; i++) {
            byClass.get(strata[i]).add(rows[i]);
        }
        Random random = new Random(seed);
        List<Integer> test = new ArrayList<>();
        int parts = v.kind() == Validation.Kind.SPLIT ? 1 : v.folds();
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < parts; f++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        for (List<Integer> cls : byClass) {
            Collections.shuffle(cls, random);
            int n = cls.size();
            int nTest = (int) Math.round(n * v.testPercent() / 100.0);
            test.addAll(cls.subList(0, nTest));
            List<Integer> rest = cls.subList(nTest, n);
            if (v.kind() == Validation.Kind.SPLIT) {
                int nVal = (int) Math.round(n * v.validationPercent() / 100.0);
                folds.get(0).addAll(rest.subList(0, Math.min(nVal, rest.size())));
            } else {
                // deal on from where the previous class stopped, so fold sizes differ by at most one
                for (int r : rest) {
                    folds.get(next).add(r);
                    next = (next + 1) % parts;
                }
            }
        }
        int[] all = rows.clone();
        Arrays.sort(all);
        return new Folds(all, sorted(test), folds.stream().map(Folds::sorted).toList());
    }

    private static int[] sorted(List<Integer> l) {
        int[] a = l.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
