package org.marketingworkbench.core.clean.table;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/**
 * A cleaning step or recipe cannot run on this data. The input dataset is never changed when this is
 * thrown, so the project stays as it was.
 */
public class CleanException extends WorkbenchException {

    /** What went wrong, for code that reacts differently (tests, the CLI, the recipe panel). */
    public enum Reason {
        /** The step would leave a table without rows. */
        ALL_ROWS_REMOVED,
        /** Scaling a column whose values are all the same (range or standard deviation is 0). */
        CONSTANT_COLUMN,
        /** A date column whose values use more than one format. */
        MIXED_DATE_FORMATS,
        /** A step names a column that the data does not have. */
        COLUMN_MISSING,
        /** A step was given a column of a type it cannot work on. */
        WRONG_COLUMN_TYPE,
        /** The step's settings are not usable (e.g. a ratio whose result column already exists). */
        INVALID_SETTINGS,
        /** A recipe file written by a newer version of the app. */
        NEWER_VERSION,
        /** A recipe file that cannot be read. */
        CORRUPT_RECIPE,
        /** Applying a step that has not learned its statistics yet. */
        NOT_FITTED
    }

    private final Reason reason;

    public CleanException(Reason reason, UserMessage message) {
        this(reason, message, null);
    }

    public CleanException(Reason reason, UserMessage message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
