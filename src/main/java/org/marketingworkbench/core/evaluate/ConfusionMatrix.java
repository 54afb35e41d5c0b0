package org.marketingworkbench.core.evaluate;

import java.util.List;

/**
 * Counts of a two-class decision: rows are the actual class, columns the predicted class, in the order
 * [negative, positive], i.e. {@code [[TN, FP], [FN, TP]]}.
 *
 * @param labels the negative and the positive class label, in that order
 */
public record ConfusionMatrix(List<String> labels, long tn, long fp, long fn, long tp) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
        if (labels.size() != 2) {
            throw new IllegalArgumentException("two labels expected: " + labels);
        }
    }

    public String negativeLabel() {
        return labels.get(0);
    }

    public String positiveLabel() {
        return labels.get(1);
    }

    /** {@code [[TN, FP], [FN, TP]]}. */
    public long[][] counts() {
        return new long[][] {{tn, fp}, {fn, tp}};
    }

    /** Each count as a share of its row (the actual class); NaN for an empty row. */
    public double[][] rowShares() {
        double neg = tn + fp;
        double pos = fn + tp;
        return new double[][] {{tn / neg, fp / neg}, {fn / pos, tp / pos}};
    }

    public long total() {
        return tn + fp + fn + tp;
    }

    public long actualPositives() {
        return tp + fn;
    }

    public long actualNegatives() {
        return tn + fp;
    }

    public long predictedPositives() {
        return tp + fp;
    }
}
