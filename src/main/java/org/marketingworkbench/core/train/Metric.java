package org.marketingworkbench.core.train;

/** A measure's mean and standard deviation over folds (sd 0 for a single validation part; NaN when undefined). */
public record Metric(double mean, double sd) {
}
