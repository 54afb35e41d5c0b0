package org.marketingworkbench.core.segment.rfm;

import java.time.LocalDateTime;
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

/** Small transaction logs for the RFM tests, typed as the importer would type them. */
final class Logs {

    private final List<Column<?>> columns = new ArrayList<>();
    private final List<ColumnSpec> specs = new ArrayList<>();

    static Logs create() {
        return new Logs();
    }

    Logs text(String name, ColumnType type, String... values) {
        columns.add(StringColumn.create(name, values));
        specs.add(new ColumnSpec(name, type, UserMessage.of("test")));
        return this;
    }

    Logs number(String name, double... values) {
        columns.add(DoubleColumn.create(name, values));
        specs.add(new ColumnSpec(name, ColumnType.NUMBER, UserMessage.of("test")));
        return this;
    }

    /** Date-times written "2024-01-10" or "2024-01-10T09:30"; null is a missing date. */
    Logs dates(String name, String... values) {
        DateTimeColumn c = DateTimeColumn.create(name);
        for (String v : values) {
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(LocalDateTime.parse(v.length() == 10 ? v + "T12:00" : v));
            }
        }
        columns.add(c);
        specs.add(new ColumnSpec(name, ColumnType.DATETIME, UserMessage.of("test")));
        return this;
    }

    Dataset build() {
        return Dataset.of("log", columns, specs);
    }

    /**
     * The hand-computed log of {@code RfmStepTest}: five customers A–E, a cancellation invoice, a return by a
     * negative amount, a row without a customer, one with a date that is not a date, one with an amount that
     * is not a number, and a customer (H) with only a cancellation. Dates and amounts are text, as the
     * importer keeps a column whose values are not all dates or numbers.
     */
    static Dataset handLog() {
        return create()
                .text("customer_id", ColumnType.IDENTIFIER,
                        "A", "A", "A", "B", "C", "C", "C", "C", "D", "D", "D", "D", "E", "", "F", "G", "H")
                .text("invoice", ColumnType.IDENTIFIER,
                        "536001", "536002", "536002", "536003", "536004", "536005", "536006", "C536006",
                        "536007", "536008", "536009", "536010", "536011", "536012", "536013", "536014", "C536015")
                .text("invoice_date", ColumnType.TEXT,
                        "2024-01-10", "2024-03-01", "2024-03-01", "2024-02-01", "2024-01-05", "2024-01-20",
                        "2024-02-10", "2024-02-12", "2024-02-25", "2024-02-26", "2024-02-27", "2024-02-28",
                        "2023-12-01", "2024-01-01", "yesterday", "2024-01-02", "2024-01-03")
                .text("amount", ColumnType.TEXT,
                        "100", "50", "30", "20", "500", "200", "100", "-100", "10", "15", "5", "-5", "40", "70", "10",
                        "abc", "-20")
                .build();
    }
}
