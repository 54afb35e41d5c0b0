package org.marketingworkbench.core.evaluate;

import java.util.List;

/**
 * The ROC curve, one point per distinct score from (0, 0) to (1, 1), and its area.
 */
public record RocCurve(List<RatePoint> points, double auc, RankedPredictions ranked) {

    public RocCurve {
        points = List.copyOf(points);
    }

    /** Where the model works at {@code threshold}: (false-positive rate, true-positive rate). */
    public RatePoint operatingPoint(double threshold) {
        ConfusionMatrix m = ranked.confusionAt(threshold);
        return new RatePoint(threshold, (double) m.fp() / m.actualNegatives(), (double) m.tp() / m.actualPositives());
    }
}
