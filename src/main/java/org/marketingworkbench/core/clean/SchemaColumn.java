package org.marketingworkbench.core.clean;

import org.marketingworkbench.core.data.ColumnType;

/** A column name and type as stored in a fitted recipe (the schema it was fitted on). */
public record SchemaColumn(String name, ColumnType type) {
}
