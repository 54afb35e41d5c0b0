package org.marketingworkbench.core.data;

import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * A typed customer table: the Tablesaw table and, for each of its columns in order, the column's
 * spec. Steps never change a dataset in place; they return a new one.
 */
public record Dataset(Table table, List<ColumnSpec> columns) {

    public Dataset {
        columns = List.copyOf(columns);
        if (table.columnCount() != columns.size()) {
            throw new IllegalArgumentException("table has " + table.columnCount() + " columns but "
                    + columns.size() + " specs");
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!table.column(i).name().equals(columns.get(i).name())) {
                throw new IllegalArgumentException("column " + i + " is '" + table.column(i).name()
                        + "' but its spec names '" + columns.get(i).name() + "'");
            }
        }
    }

    public int rowCount() {
        return table.rowCount();
    }

    public Optional<ColumnSpec> spec(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
