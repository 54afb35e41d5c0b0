package org.marketingworkbench.core.clean;

import java.util.ArrayList;
import java.util.List;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Small datasets built in code for the clean tests. */
public final class Fixtures {

    private final Table table = Table.create("t");
    private final List<ColumnSpec> specs = new ArrayList<>();

    public static Fixtures table() {
        return new Fixtures();
    }

    public Fixtures num(String name, double... values) {
        return add(DoubleColumn.create(name, values), ColumnType.NUMBER);
    }

    public Fixtures cat(String name, String... values) {
        return add(StringColumn.create(name, values), ColumnType.CATEGORY);
    }

    public Fixtures text(String name, String... values) {
        return add(StringColumn.create(name, values), ColumnType.TEXT);
    }

    public Fixtures id(String name, String... values) {
        return add(StringColumn.create(name, values), ColumnType.IDENTIFIER);
    }

    public Fixtures date(String name, String... isoDates) {
        DateTimeColumn c = DateTimeColumn.create(name);
        for (String s : isoDates) {
            if (s == null) {
                c.appendMissing();
            } else {
                c.append(java.time.LocalDate.parse(s).atStartOfDay());
            }
        }
        return add(c, ColumnType.DATETIME);
    }

    public Fixtures add(Column<?> c, ColumnType type) {
        table.addColumns(c);
        specs.add(new ColumnSpec(c.name(), type, UserMessage.of("test")));
        return this;
    }

    public Dataset build() {
        return new Dataset(table, specs);
    }

    public static double[] seq(int n, java.util.function.IntToDoubleFunction f) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = f.applyAsDouble(i);
        }
        return v;
    }

    public static String[] strs(int n, java.util.function.IntFunction<String> f) {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = f.apply(i);
        }
        return v;
    }
}
