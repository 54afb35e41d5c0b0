package org.marketingworkbench.core.report;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/** The report could not be made or written; the message says why in words a user can act on. */
public class ReportException extends WorkbenchException {

    /** What went wrong, for code that reacts differently (the CLI's exit code, the window asking to overwrite). */
    public enum Reason {
        /** The project's data file is not where the project says. */
        DATA_MISSING,
        /** The data file could not be read again with the project's settings. */
        DATA_UNREADABLE,
        /** The report file exists and overwriting was not allowed. */
        EXISTS,
        READ_ONLY,
        NO_FOLDER,
        TARGET_IS_FOLDER,
        DISK_FULL,
        WRITE_FAILED,
        /** The charting library is missing from the application (a broken installation). */
        PLOTLY_MISSING
    }

    private final Reason reason;

    public ReportException(Reason reason, UserMessage message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
