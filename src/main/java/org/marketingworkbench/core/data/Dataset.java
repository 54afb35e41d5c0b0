package org.marketingworkbench.core.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A typed customer table: the Tablesaw table and, for each of its columns in order, the column's
 * spec. Steps never change a dataset in place; they return a new one.
 *
 * <p>A value class rather than a record so that it can keep an index of its specs by name:
 * {@link #spec} is called once per column by the cleaning steps, and a scan per call made a wide
 * table (an ARFF file with 200,000 attributes) quadratic.
 */
public final class Dataset {

    private final Table table;
    private final List<ColumnSpec> columns;
    private final Map<String, Integer> byName;

    public Dataset(Table table, List<ColumnSpec> columns) {
        this.table = Objects.requireNonNull(table, "table");
        this.columns = List.copyOf(columns);
        if (table.columnCount() != this.columns.size()) {
            throw new IllegalArgumentException("table has " + table.columnCount() + " columns but "
                    + this.columns.size() + " specs");
        }
        byName = new HashMap<>(Math.max(16, this.columns.size() * 2));
        for (int i = 0; i < this.columns.size(); i++) {
            String name = this.columns.get(i).name();
            if (!table.column(i).name().equals(name)) {
                throw new IllegalArgumentException("column " + i + " is '" + table.column(i).name()
                        + "' but its spec names '" + name + "'");
            }
            byName.putIfAbsent(name, i);
        }
    }

    /**
     * A dataset of the given columns, with the table built in one pass. Tablesaw's
     * {@code Table.create(name, columns)} checks each new column's name against every earlier one
     * (lower-casing all of them each time): 200,000 columns took minutes. The same rules are checked
     * here once: names unique ignoring case, as Tablesaw requires, and every column the same length.
     *
     * @throws IllegalArgumentException when two names are equal ignoring case or the lengths differ
     */
    public static Dataset of(String tableName, List<? extends Column<?>> columns, List<ColumnSpec> specs) {
        Map<String, String> seen = new HashMap<>(Math.max(16, columns.size() * 2));
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        Table table = Table.create(tableName);
        for (Column<?> c : columns) {
            Objects.requireNonNull(c, "column");
            String earlier = seen.putIfAbsent(foldCase(c.name()), c.name());
            if (earlier != null) {
                throw new IllegalArgumentException("Cannot add column with duplicate name " + c.name()
                        + " (already has " + earlier + ") to table " + tableName);
            }
            if (c.size() != rows) {
                throw new IllegalArgumentException("Column " + c.name() + " has " + c.size()
                        + " rows but the first column has " + rows);
            }
            table.internalAddWithoutValidation(c);
        }
        return new Dataset(table, specs);
    }

    /**
     * The key under which two names are the same for Tablesaw, which compares them with
     * {@link String#equalsIgnoreCase}: that compares char by char, upper-casing and then lower-casing.
     */
    public static String foldCase(String name) {
        char[] out = new char[name.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Character.toLowerCase(Character.toUpperCase(name.charAt(i)));
        }
        return new String(out);
    }

    public Table table() {
        return table;
    }

    public List<ColumnSpec> columns() {
        return columns;
    }

    public int rowCount() {
        return table.rowCount();
    }

    /** The spec of the column with exactly this name. */
    public Optional<ColumnSpec> spec(String name) {
        Integer i = byName.get(name);
        return i == null ? Optional.empty() : Optional.of(columns.get(i));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && table.equals(d.table) && columns.equals(d.columns);
    }

    @Override
    public int hashCode() {
        return 31 * table.hashCode() + columns.hashCode();
    }

    @Override
    public String toString() {
        return "Dataset[table=" + table.name() + " " + table.rowCount() + " x " + table.columnCount()
                + ", columns=" + columns + "]";
    }
}
