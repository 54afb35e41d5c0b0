package org.marketingworkbench.core.evaluate;

/**
 * A point of a curve swept by the threshold: customers scoring at or above {@code threshold} are predicted
 * positive. ROC: x = false-positive rate, y = true-positive rate (recall). Precision–recall: x = recall,
 * y = precision. The first ROC point (0, 0) has the threshold +∞.
 */
public record RatePoint(double threshold, double x, double y) {
}
