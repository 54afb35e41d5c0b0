package org.marketingworkbench.core.project;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/** A project file could not be read or written; the message says why in words a user can act on. */
public class ProjectException extends WorkbenchException {

    /** What went wrong, for code that reacts differently (tests, the CLI's exit code). */
    public enum Reason { NOT_FOUND, UNREADABLE, EMPTY, TRUNCATED, NOT_A_PROJECT, NEWER_VERSION, CORRUPT,
        READ_ONLY, DISK_FULL, WRITE_FAILED }

    private final Reason reason;

    public ProjectException(Reason reason, UserMessage message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
