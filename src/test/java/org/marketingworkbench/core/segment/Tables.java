package org.marketingworkbench.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Small typed customer tables for the Segment tests. */
final class Tables {

    private final List<Column<?>> columns = new ArrayList<>();
    private final List<ColumnSpec> specs = new ArrayList<>();

    static Tables create() {
        return new Tables();
    }

    Tables number(String name, double... values) {
        columns.add(DoubleColumn.create(name, values));
        specs.add(new ColumnSpec(name, ColumnType.NUMBER, UserMessage.of("test")));
        return this;
    }

    Tables text(String name, ColumnType type, String... values) {
        columns.add(StringColumn.create(name, values));
        specs.add(new ColumnSpec(name, type, UserMessage.of("test")));
        return this;
    }

    Tables category(String name, String... values) {
        return text(name, ColumnType.CATEGORY, values);
    }

    Dataset build() {
        return new Dataset(Table.create("customers", columns.toArray(new Column<?>[0])), specs);
    }

    /**
     * Customers in {@code groups.length} well-separated groups: income around 20, 60, 100 … (k$, sd 3), age
     * around 25, 45, 65 … (sd 2), and a city that mostly follows the group. Rows are interleaved.
     */
    static Dataset groups(long seed, int... groups) {
        Random rnd = new Random(seed);
        List<Double> income = new ArrayList<>();
        List<Double> age = new ArrayList<>();
        List<String> city = new ArrayList<>();
        List<String> id = new ArrayList<>();
        String[] cities = {"Berlin", "Paris", "Rome", "Madrid", "Vienna"};
        int total = java.util.Arrays.stream(groups).sum();
        int[] left = groups.clone();
        for (int i = 0; i < total; i++) {
            int g;
            do {
                g = rnd.nextInt(groups.length);
            } while (left[g] == 0);
            left[g]--;
            income.add(20 + 40.0 * g + rnd.nextGaussian() * 3);
            age.add(25 + 20.0 * g + rnd.nextGaussian() * 2);
            city.add(rnd.nextDouble() < 0.9 ? cities[g % cities.length] : cities[rnd.nextInt(cities.length)]);
            id.add("C" + i);
        }
        return create()
                .text("id", ColumnType.IDENTIFIER, id.toArray(new String[0]))
                .number("income", income.stream().mapToDouble(Double::doubleValue).toArray())
                .number("age", age.stream().mapToDouble(Double::doubleValue).toArray())
                .category("city", city.toArray(new String[0]))
                .build();
    }
}
