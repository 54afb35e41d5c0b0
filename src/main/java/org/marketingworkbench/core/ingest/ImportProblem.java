package org.marketingworkbench.core.ingest;

import java.util.Objects;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Something in the file the importer could not take as it is: a malformed row, a value that is not
 * a number, a renamed column. {@code line} is the 1-based line in the file (0 for the whole file or
 * a whole column), {@code column} the column's name or null, {@code rawText} what the file says.
 */
public record ImportProblem(long line, Kind kind, String column, String rawText, UserMessage message) {

    public enum Kind {
        /** A row with more or fewer fields than the header. */
        WRONG_FIELD_COUNT,
        /** A quote that is opened and never closed. */
        UNBALANCED_QUOTE,
        /** A value in a number column that is not a number (it becomes missing). */
        BAD_NUMBER,
        /** A value in a date column that does not match the column's date format (it becomes missing). */
        BAD_DATE,
        /** A column without a name was given one. */
        BLANK_NAME,
        /** A column name that occurs twice was made unique. */
        DUPLICATE_NAME,
        /** A column in which every value is missing. */
        EMPTY_COLUMN,
        /** A column whose values are partly numbers and partly text. */
        MIXED_TYPES,
        /** A type was set for a column the file does not have (renamed or removed since). */
        UNKNOWN_COLUMN
    }

    /** Raw text longer than this is cut, so one broken row cannot fill the memory. */
    public static final int MAX_RAW_TEXT = 500;

    public ImportProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        if (rawText != null && rawText.length() > MAX_RAW_TEXT) {
            rawText = rawText.substring(0, MAX_RAW_TEXT) + "…";
        }
    }

    /** Whether the problem concerns a whole row that was skipped (rather than one cell or a column). */
    public boolean isRowProblem() {
        return kind == Kind.WRONG_FIELD_COUNT || kind == Kind.UNBALANCED_QUOTE;
    }
}
