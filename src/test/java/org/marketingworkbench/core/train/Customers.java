package org.marketingworkbench.core.train;

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

/** Small generated customer tables for the Train tests: who buys depends on income, visits and the plan. */
final class Customers {

    private final List<Column<?>> columns = new ArrayList<>();
    private final List<ColumnSpec> specs = new ArrayList<>();

    static Customers create() {
        return new Customers();
    }

    Customers number(String name, double... values) {
        columns.add(DoubleColumn.create(name, values));
        specs.add(new ColumnSpec(name, ColumnType.NUMBER, UserMessage.of("test")));
        return this;
    }

    Customers text(String name, ColumnType type, String... values) {
        columns.add(StringColumn.create(name, values));
        specs.add(new ColumnSpec(name, type, UserMessage.of("test")));
        return this;
    }

    Customers category(String name, String... values) {
        return text(name, ColumnType.CATEGORY, values);
    }

    Dataset build() {
        return new Dataset(Table.create("customers", columns.toArray(new Column<?>[0])), specs);
    }

    /**
     * {@code n} customers: id, income (some missing), visits, plan (basic/plus/pro), spend (a number target),
     * tier (a three-class target) and bought (yes/no, about 30% yes).
     */
    static Dataset buyers(int n, long seed) {
        Random rnd = new Random(seed);
        String[] id = new String[n];
        double[] income = new double[n];
        double[] visits = new double[n];
        String[] plan = new String[n];
        double[] spend = new double[n];
        String[] tier = new String[n];
        String[] bought = new String[n];
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < n; i++) {
            id[i] = "C" + i;
            double inc = 30 + rnd.nextGaussian() * 10;
            income[i] = rnd.nextDouble() < 0.05 ? Double.NaN : inc;
            visits[i] = Math.max(0, Math.round(3 + rnd.nextGaussian() * 2));
            int p = rnd.nextInt(3);
            plan[i] = plans[p];
            double score = 0.08 * (inc - 30) + 0.5 * (visits[i] - 3) + 0.8 * (p - 1) - 1 + rnd.nextGaussian();
            bought[i] = score > 0 ? "yes" : "no";
            spend[i] = 10 + 2 * inc + 5 * visits[i] + 10 * p + rnd.nextGaussian() * 5;
            tier[i] = score < -1.2 ? "low" : score < 0.3 ? "mid" : "high";
        }
        return create()
                .text("id", ColumnType.IDENTIFIER, id)
                .number("income", income)
                .number("visits", visits)
                .category("plan", plan)
                .number("spend", spend)
                .category("tier", tier)
                .category("bought", bought)
                .build();
    }
}
