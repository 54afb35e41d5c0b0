package org.marketingworkbench.core.ingest;

import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;

/** How one column is read: its name, type, the reason for the type and, for dates, the pattern. */
record ColumnPlan(String name, ColumnType type, UserMessage reason, DatePattern datePattern) {

    ColumnSpec spec() {
        return new ColumnSpec(name, type, reason);
    }
}
