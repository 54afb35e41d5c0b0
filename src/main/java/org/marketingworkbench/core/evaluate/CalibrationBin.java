package org.marketingworkbench.core.evaluate;

/**
 * Customers whose predicted probability lies in [from, to) (the last bin includes 1): their mean predicted
 * probability and the share of them that were actually positive. Both are NaN for an empty bin.
 */
public record CalibrationBin(double from, double to, int count, double meanPredicted, double observedRate) {
}
