package org.marketingworkbench.core.clean.table;

import java.util.ArrayList;
import java.util.List;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Builds a new dataset from an old one by replacing, adding and removing columns. Columns that are not
 * touched are shared with the input: datasets are treated as immutable values, so sharing is safe and
 * saves copying a million cells per unchanged column. Changed columns are always new objects.
 */
public final class DatasetEdit {

    private final String tableName;
    private final List<Column<?>> columns = new ArrayList<>();
    private final List<ColumnSpec> specs = new ArrayList<>();

    public DatasetEdit(Dataset source) {
        this.tableName = source.table().name();
        for (int i = 0; i < source.columns().size(); i++) {
            columns.add(source.table().column(i));
            specs.add(source.columns().get(i));
        }
    }

    public int indexOf(String name) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    public DatasetEdit replace(Column<?> column, ColumnSpec spec) {
        int i = indexOf(spec.name());
        if (i < 0) {
            throw new IllegalArgumentException("no column " + spec.name());
        }
        columns.set(i, column);
        specs.set(i, spec);
        return this;
    }

    /** Adds a column right after {@code after} (or at the end when {@code after} is null or absent). */
    public DatasetEdit addAfter(String after, Column<?> column, ColumnSpec spec) {
        int i = after == null ? -1 : indexOf(after);
        int at = i < 0 ? columns.size() : i + 1;
        while (at < columns.size() && specs.get(at).name().startsWith(after + "_")) {
            at++; // keep several derived columns of the same source in the order they were added
        }
        columns.add(at, column);
        specs.add(at, spec);
        return this;
    }

    public DatasetEdit remove(String name) {
        int i = indexOf(name);
        if (i >= 0) {
            columns.remove(i);
            specs.remove(i);
        }
        return this;
    }

    public Dataset build() {
        return Dataset.of(tableName, columns, specs);
    }

    // ---- small shared helpers for steps ----

    public static ColumnSpec derivedSpec(String name, ColumnType type, UserMessage reason) {
        return new ColumnSpec(name, type, reason);
    }

    static ColumnType typeOf(Dataset d, String name) {
        return d.spec(name).map(ColumnSpec::type).orElse(null);
    }

    public static DoubleColumn doubles(Dataset d, String name) {
        return (DoubleColumn) d.table().column(name);
    }

    public static StringColumn strings(Dataset d, String name) {
        return (StringColumn) d.table().column(name);
    }

    public static DateTimeColumn dates(Dataset d, String name) {
        return (DateTimeColumn) d.table().column(name);
    }

    /** Storage kind of a column type: NUMBER → double, DATETIME → date-time, everything else text. */
    public static boolean isText(ColumnType t) {
        return t != ColumnType.NUMBER && t != ColumnType.DATETIME;
    }
}
