package org.marketingworkbench.core.train;

import java.util.Arrays;
import java.util.List;

/**
 * Held-out predictions pooled over folds, one entry per held-out row, for the Evaluate step.
 *
 * @param classes       class labels (empty for a number target)
 * @param positiveIndex index of the positive class in {@code classes} (-1 when none)
 * @param rows          row numbers in the imported table
 * @param actual        the actual class index (or number)
 * @param distribution  per row, the predicted probability of each class (empty rows for a number target)
 * @param predicted     the predicted class index (or number)
 */
public record Predictions(List<String> classes, int positiveIndex, int[] rows, double[] actual,
                          double[][] distribution, double[] predicted) {

    public Predictions {
        classes = List.copyOf(classes);
        rows = rows.clone();
        actual = actual.clone();
        distribution = deepCopy(distribution);
        predicted = predicted.clone();
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public double[] actual() {
        return actual.clone();
    }

    @Override
    public double[][] distribution() {
        return deepCopy(distribution);
    }

    @Override
    public double[] predicted() {
        return predicted.clone();
    }

    public int size() {
        return rows.length;
    }

    /** P(positive class) per row; empty when there is no positive class. */
    public double[] positiveProbability() {
        if (positiveIndex < 0) {
            return new double[0];
        }
        double[] p = new double[distribution.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = distribution[i][positiveIndex];
        }
        return p;
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return "Predictions[" + rows.length + " rows, classes=" + classes + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predictions p && classes.equals(p.classes) && positiveIndex == p.positiveIndex
                && Arrays.equals(rows, p.rows) && Arrays.equals(actual, p.actual)
                && Arrays.deepEquals(distribution, p.distribution) && Arrays.equals(predicted, p.predicted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rows) * 31 + Arrays.hashCode(actual);
    }
}
