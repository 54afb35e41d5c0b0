package org.marketingworkbench.core.train;

/** What live curve a learner can give while it trains (or after, for the forest). */
public enum CurveKind {
    /** The learner gives no hook: no curve is drawn, and the result says so. */
    NONE,
    /** Loss (cross-entropy or squared error) after each epoch of a neural network. */
    LOSS_PER_EPOCH,
    /** Error rate after each boosting iteration. */
    ERROR_PER_ITERATION,
    /** Error rate of the first n trees of a forest, against n. */
    ERROR_PER_TREES
}
