package org.marketingworkbench.core.train;

/** What to do about a rare class. */
public enum Imbalance {
    NONE,
    /** Weka's {@code ClassBalancer} filter inside a {@code FilteredClassifier}: each class weighs the same. */
    BALANCE_CLASSES,
    /** Weka's {@code CostSensitiveClassifier}, missing the rare class costing as much as all others together. */
    COST_SENSITIVE
}
