package org.marketingworkbench.core.evaluate;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/**
 * The evaluation asked for cannot be computed on these predictions with these inputs. The message says what to
 * change; the predictions, the model and the data are left as they were.
 */
public final class EvaluateException extends WorkbenchException {

    /** What went wrong, for code that reacts differently (tests, the CLI, the form). */
    public enum Reason {
        /** The held-out customers have no positive (or no negative) outcome: recall, AUC, lift are undefined. */
        ONE_CLASS_ONLY,
        /** A view that needs two classes (thresholds, lift, profit) on a multi-class or number target. */
        NOT_TWO_CLASSES,
        /** A view that needs a number target (RMSE, MAE, R²) on a class target. */
        NOT_A_NUMBER_TARGET,
        /** No held-out predictions at all. */
        NO_PREDICTIONS,
        /** A cost per contact or value per conversion that is negative or not a number. */
        INVALID_MONEY,
        /** A threshold outside [0, 1], a non-positive number of repeats or samples. */
        INVALID_SETTING,
        /** A column or feature the data or the model does not have. */
        UNKNOWN_COLUMN,
        /** A grouping column with more groups than can be compared on screen. */
        TOO_MANY_GROUPS,
        /** A what-if value that cannot be read as the feature's type. */
        WRONG_TYPE,
        /** The model or the recipe failed on the customers given. */
        MODEL_FAILED
    }

    private final Reason reason;

    public EvaluateException(Reason reason, UserMessage message) {
        this(reason, message, null);
    }

    public EvaluateException(Reason reason, UserMessage message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
