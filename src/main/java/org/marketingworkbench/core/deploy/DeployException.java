package org.marketingworkbench.core.deploy;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/**
 * A model file cannot be used, or new customers cannot be scored with it. The message says why in words; nothing
 * was deserialised from a file that failed a check, and no partial output file is left behind.
 */
public final class DeployException extends WorkbenchException {

    /** What went wrong, for code that reacts differently (tests, the CLI, the scoring screen). */
    public enum Reason {
        /** The file is missing, a folder, or cannot be read. */
        UNREADABLE,
        /** The file is not a model bundle (not a zip, or a zip without the bundle's parts). */
        NOT_A_MODEL,
        /** The file ends early (an interrupted copy or download). */
        TRUNCATED,
        /** The file or one of its parts is larger than a model file may be. */
        TOO_LARGE,
        /** A part does not match the hash in the manifest: changed after it was written. */
        TAMPERED,
        /** Written by a newer workbench, with a bundle version this one does not know. */
        NEWER_VERSION,
        /** The serialised model holds a class outside the allow-list, or exceeds the limits: refused. */
        UNSAFE_CONTENT,
        /** The file to score has no rows (a header only, or nothing). */
        NO_ROWS,
        /** The file to score lacks columns the model needs. */
        MISSING_COLUMNS,
        /** A column of the file to score has another type than the model was trained on. */
        TYPE_MISMATCH,
        /** A category column has values the model never saw, and the user asked to stop. */
        UNSEEN_CATEGORIES,
        /** The model failed on the data, or the result could not be written. */
        SCORING_FAILED,
        /** The file to score is clearly separated by another delimiter than the model's training file. */
        OTHER_DELIMITER,
        /** The file to score is clearly in another text encoding than the model's training file. */
        OTHER_ENCODING,
        /**
         * A Weka model to import does not go with its header (another header inside the model file, a class
         * attribute that is not there), or uses attributes the workbench cannot score (dates, text, relations).
         */
        UNSUPPORTED_HEADER
    }

    private final Reason reason;

    public DeployException(Reason reason, UserMessage message) {
        this(reason, message, null);
    }

    public DeployException(Reason reason, UserMessage message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
