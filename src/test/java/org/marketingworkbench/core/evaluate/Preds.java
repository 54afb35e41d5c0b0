package org.marketingworkbench.core.evaluate;

import java.util.List;
import java.util.Random;
import org.marketingworkbench.core.train.Predictions;

/** Two-class predictions for tests: classes [no, yes], yes positive. */
final class Preds {

    private Preds() {
    }

    static Predictions of(double[] score, boolean[] yes) {
        int n = score.length;
        int[] rows = new int[n];
        double[] actual = new double[n];
        double[][] dist = new double[n][];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
            actual[i] = yes[i] ? 1 : 0;
            dist[i] = new double[] {1 - score[i], score[i]};
            predicted[i] = score[i] > 0.5 ? 1 : 0;
        }
        return new Predictions(List.of("no", "yes"), 1, rows, actual, dist, predicted);
    }

    /** Ten customers: four buyers, scores all different (see EvaluateMetricsTest for the hand count). */
    static Predictions tenCustomers() {
        return of(new double[] {0.95, 0.90, 0.80, 0.70, 0.60, 0.45, 0.40, 0.30, 0.20, 0.10},
                new boolean[] {true, true, false, true, false, true, false, false, false, false});
    }

    /** {@code n} customers whose chance of buying rises with the score; scores rounded to make ties. */
    static Predictions random(int n, long seed, int decimals) {
        Random rnd = new Random(seed);
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        double f = Math.pow(10, decimals);
        for (int i = 0; i < n; i++) {
            double p = Math.round(rnd.nextDouble() * f) / f;
            s[i] = Math.min(0.999, Math.max(0.001, p));
            y[i] = rnd.nextDouble() < 0.1 + 0.6 * p;
        }
        return of(s, y);
    }
}
