package org.marketingworkbench.core.clean.profile;

import java.util.List;
import java.util.Optional;

/** The profile of every column of a dataset, in column order, optionally relative to a target. */
public record DatasetProfile(int rowCount, Optional<String> target, List<ColumnProfile> columns) {

    public DatasetProfile {
        columns = List.copyOf(columns);
    }

    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Columns that carry the given flag. */
    public List<ColumnProfile> flagged(FlagKind kind) {
        return columns.stream().filter(c -> c.has(kind)).toList();
    }
}
