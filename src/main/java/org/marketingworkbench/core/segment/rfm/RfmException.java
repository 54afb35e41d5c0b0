package org.marketingworkbench.core.segment.rfm;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/**
 * RFM cannot be computed from this log with these settings. The message says what to change; the data is
 * left as it was.
 */
public class RfmException extends WorkbenchException {

    /** What went wrong, for code that reacts differently (tests, the CLI, the form). */
    public enum Reason {
        /** A needed column is not chosen (customer, date, amount or quantity and price). */
        MISSING_COLUMN,
        /** A chosen column the data does not have. */
        UNKNOWN_COLUMN,
        /** A column of the wrong kind (a date column as the amount, a number as the date). */
        UNUSABLE_COLUMN,
        /** No value of the date column is a date. */
        NO_DATES,
        /** No value of the amount (or quantity, or price) column is a number. */
        NO_NUMBERS,
        /** No row names a customer. */
        NO_CUSTOMERS,
        /** Rows are readable, but none is a purchase on or before the reference date. */
        NO_PURCHASES,
        /** Settings that contradict each other (an amount column and quantity × price, a bad date). */
        INVALID_SETTINGS,
        /** Settings stored by a newer workbench, or damaged. */
        UNREADABLE_SETTINGS
    }

    private final Reason reason;

    public RfmException(Reason reason, UserMessage message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
