package org.marketingworkbench.core.segment;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/**
 * Segmenting cannot run on this data with these settings. The message says what to change; the dataset
 * and the project are left as they were.
 */
public class SegmentException extends WorkbenchException {

    /** What went wrong, for code that reacts differently (tests, the CLI, the settings form). */
    public enum Reason {
        /** No feature chosen. */
        NO_FEATURES,
        /** A feature the data does not have. */
        UNKNOWN_FEATURE,
        /** A feature that is not a number or a category (an identifier, free text, a date). */
        UNUSABLE_FEATURE,
        /** A feature missing for every customer. */
        ALL_MISSING,
        /** No customer has every chosen feature. */
        NO_COMPLETE_ROWS,
        /** Every chosen feature has the same value for every customer. */
        ALL_CONSTANT,
        /** Fewer customers than segments asked for. */
        FEWER_ROWS_THAN_K,
        /** Fewer different customers (by the chosen features) than segments asked for. */
        TOO_FEW_DISTINCT,
        /** Settings that cannot be used (k below 2, no restarts, a k range the wrong way round). */
        INVALID_SETTINGS,
        /** Settings stored by a newer workbench, or damaged. */
        UNREADABLE_SETTINGS,
        /** The clustering library failed. */
        ALGORITHM_FAILED
    }

    private final Reason reason;

    public SegmentException(Reason reason, UserMessage message) {
        this(reason, message, null);
    }

    public SegmentException(Reason reason, UserMessage message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
