package org.marketingworkbench.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

class DatasetTest {

    /** A column that counts how often its name is asked for: each ask is one name comparison. */
    static final class CountingColumn extends DoubleColumn {
        private final AtomicLong asks;

        CountingColumn(String name, AtomicLong asks) {
            super(name, new it.unimi.dsi.fastutil.doubles.DoubleArrayList(new double[] {1, 2}));
            this.asks = asks;
        }

        @Override
        public String name() {
            asks.incrementAndGet();
            return super.name();
        }
    }

    @Test
    void buildingAWideTableLooksAtEachNameAConstantNumberOfTimes() {
        for (int n : new int[] {1_000, 20_000}) {
            AtomicLong asks = new AtomicLong();
            List<Column<?>> columns = new ArrayList<>();
            List<ColumnSpec> specs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                columns.add(new CountingColumn("c" + i, asks));
                specs.add(new ColumnSpec("c" + i, ColumnType.NUMBER, UserMessage.of("x")));
            }
            asks.set(0);
            Dataset d = Dataset.of("wide", columns, specs);
            for (int i = 0; i < n; i++) {
                assertThat(d.spec("c" + i)).isPresent();
            }
            // Table.create(name, columns) asks every earlier column for its name per new column: n² / 2
            assertThat(asks.get()).as("name() calls for %d columns", n).isLessThanOrEqualTo(5L * n);
            assertThat(d.table().columnCount()).isEqualTo(n);
            assertThat(d.table().column("c" + (n - 1)).size()).isEqualTo(2);
        }
    }

    @Test
    void namesEqualIgnoringCaseAreRefusedAsTablesawWould() {
        List<Column<?>> columns = List.of(DoubleColumn.create("Straße", 1.0), DoubleColumn.create("STRASSE", 2.0),
                DoubleColumn.create("straße", 3.0));
        List<ColumnSpec> specs = columns.stream()
                .map(c -> new ColumnSpec(c.name(), ColumnType.NUMBER, UserMessage.of("x"))).toList();
        assertThatThrownBy(() -> Dataset.of("t", columns, specs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("straße");
        assertThatThrownBy(() -> Table.create("t", columns)).isInstanceOf(IllegalArgumentException.class);
        // what Tablesaw accepts, Dataset.of accepts: "Straße" and "STRASSE" differ char by char
        Dataset two = Dataset.of("t", columns.subList(0, 2), specs.subList(0, 2));
        assertThat(two.table().columnNames()).containsExactly("Straße", "STRASSE");
        assertThat(Table.create("t", columns.subList(0, 2)).columnCount()).isEqualTo(2);
    }

    @Test
    void columnsOfDifferentLengthsAreRefused() {
        List<Column<?>> columns = List.of(DoubleColumn.create("a", 1.0, 2.0), StringColumn.create("b", "x"));
        List<ColumnSpec> specs = List.of(new ColumnSpec("a", ColumnType.NUMBER, null),
                new ColumnSpec("b", ColumnType.CATEGORY, null));
        assertThatThrownBy(() -> Dataset.of("t", columns, specs)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b");
    }

    @Test
    void specFindsTheExactNameOnly() {
        Dataset d = Dataset.of("t", List.of(DoubleColumn.create("Age", 1.0)),
                List.of(new ColumnSpec("Age", ColumnType.NUMBER, null)));
        assertThat(d.spec("Age")).map(ColumnSpec::type).contains(ColumnType.NUMBER);
        assertThat(d.spec("age")).isEmpty();
        assertThat(d.rowCount()).isEqualTo(1);
    }
}
