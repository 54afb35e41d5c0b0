package org.marketingworkbench.core.data;

import java.util.Objects;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * One column's name, type and the reason the type was chosen ("all values unique → identifier"),
 * shown next to the column so the user can judge and override it.
 */
public record ColumnSpec(String name, ColumnType type, UserMessage reason) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public ColumnSpec withType(ColumnType newType, UserMessage newReason) {
        return new ColumnSpec(name, newType, newReason);
    }
}
