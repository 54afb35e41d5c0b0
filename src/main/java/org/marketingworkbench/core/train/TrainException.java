package org.marketingworkbench.core.train;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/**
 * Training cannot run on this data with these settings. The message says what to change; the dataset and
 * the project are left as they were.
 */
public final class TrainException extends WorkbenchException {

    /** What went wrong, for code that reacts differently (tests, the CLI, the settings form). */
    public enum Reason {
        /** No target chosen, or a column the data does not have. */
        UNKNOWN_TARGET,
        /** The target has no values at all. */
        EMPTY_TARGET,
        /** The target has a single class (or a single number). */
        ONE_CLASS,
        /** The target has more classes than a model can sensibly tell apart. */
        TOO_MANY_CLASSES,
        /** The target column cannot be a target (a date, free text, an identifier). */
        UNUSABLE_TARGET,
        /** The positive class is not one of the target's classes. */
        UNKNOWN_POSITIVE,
        /** No feature left to train on. */
        NO_FEATURES,
        /** A feature the data does not have (or the target itself). */
        UNKNOWN_FEATURE,
        /** A learner that does not exist, or cannot do this task (a number target with a classifier). */
        LEARNER_NOT_FOR_TASK,
        /** A learner setting or Weka option string that cannot be used. */
        INVALID_OPTIONS,
        /** Validation settings that cannot be used with this data (a class with fewer rows than folds). */
        INVALID_VALIDATION,
        /** Settings that cannot be used (no learner, duplicates). */
        INVALID_SETTINGS,
        /** Settings stored by a newer workbench, or damaged. */
        UNREADABLE_SETTINGS,
        /** The cleaning recipe failed on a training part. */
        RECIPE_FAILED,
        /** A learner ran out of memory. */
        OUT_OF_MEMORY,
        /** The learning library failed. */
        LEARNER_FAILED
    }

    private final Reason reason;

    public TrainException(Reason reason, UserMessage message) {
        this(reason, message, null);
    }

    public TrainException(Reason reason, UserMessage message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
