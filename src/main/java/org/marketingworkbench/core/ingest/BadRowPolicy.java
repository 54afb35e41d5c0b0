package org.marketingworkbench.core.ingest;

/** What to do with a malformed row (wrong number of fields, unbalanced quote). */
public enum BadRowPolicy {
    /** Leave the row out, list it among the problems and count it as skipped. */
    SKIP,
    /** Stop the import with an {@link ImportException} naming the row. */
    STOP
}
