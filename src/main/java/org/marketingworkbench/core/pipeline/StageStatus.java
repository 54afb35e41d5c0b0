package org.marketingworkbench.core.pipeline;

/** Where a step stands in the current project. */
public enum StageStatus {
    /** The step has a result in the project. */
    DONE,
    /** Every earlier step it needs is done: the user can work on it. */
    READY,
    /** An earlier step must be done first. */
    NEEDS_EARLIER_STEP
}
