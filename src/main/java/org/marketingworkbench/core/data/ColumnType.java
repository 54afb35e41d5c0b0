package org.marketingworkbench.core.data;

import java.util.Locale;

/**
 * What a column is to the workbench. It fixes both the storage (Tablesaw column type) and the role
 * the column plays later (an identifier is kept for customer lists but never modelled).
 *
 * <ul>
 *   <li>NUMBER: {@code DoubleColumn}, missing = NaN</li>
 *   <li>CATEGORY, TEXT, IDENTIFIER, IGNORE: {@code StringColumn}, missing = ""</li>
 *   <li>DATETIME: {@code DateTimeColumn}, missing = null</li>
 * </ul>
 */
public enum ColumnType {
    NUMBER,
    CATEGORY,
    TEXT,
    DATETIME,
    IDENTIFIER,
    IGNORE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether models and clustering may use the column as a feature. */
    public boolean isFeature() {
        return this == NUMBER || this == CATEGORY || this == DATETIME;
    }
}
