package org.marketingworkbench.ui.ingest;

import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;

/** One line of the Columns table: a column's name, its type, why, and how many values are missing. */
public record ColumnRow(String name, ColumnType type, UserMessage reason, int missing, boolean overridden) {
}
