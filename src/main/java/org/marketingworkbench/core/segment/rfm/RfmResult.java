package org.marketingworkbench.core.segment.rfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * What RFM found in a transaction log.
 *
 * @param settings      the settings it ran with
 * @param asOf          the reference date recency was counted to
 * @param asOfIsDefault whether {@code asOf} is the default (the day after the last purchase)
 * @param customers     one row per customer with a purchase, best segment first, then by Monetary (highest
 *                      first), then by customer
 * @param segments      all eleven segments, best first, empty ones included
 * @param rows          what was done with every row of the log
 */
public record RfmResult(RfmSettings settings, LocalDate asOf, boolean asOfIsDefault, List<CustomerRfm> customers,
                        List<SegmentSummary> segments, HandledRows rows) {

    /** Column names of {@link #toDataset}. */
    public static final List<String> COLUMNS = List.of("customer", "recency_days", "frequency", "monetary",
            "r_score", "f_score", "m_score", "rfm_segment");

    public RfmResult {
        customers = List.copyOf(customers);
        segments = List.copyOf(segments);
    }

    /** The net revenue of all scored customers (the sum of their Monetary). */
    public double totalRevenue() {
        return customers.stream().mapToDouble(CustomerRfm::monetary).sum();
    }

    public SegmentSummary segment(RfmSegment s) {
        return segments.get(s.ordinal());
    }

    /** Customers per segment, for tests and summaries. */
    public Map<RfmSegment, Integer> counts() {
        Map<RfmSegment, Integer> out = new EnumMap<>(RfmSegment.class);
        segments.forEach(s -> out.put(s.segment(), s.customers()));
        return out;
    }

    /** {@link #toDataset(Locale)} with the segment names in English. */
    public Dataset toDataset() {
        return toDataset(Locale.ENGLISH);
    }

    /**
     * One row per customer: customer, recency_days, frequency, monetary, r_score, f_score, m_score and
     * rfm_segment (the segment's name in {@code locale}), in the order of {@link #customers}.
     */
    public Dataset toDataset(Locale locale) {
        int n = customers.size();
        StringColumn customer = StringColumn.create(COLUMNS.get(0));
        double[] recency = new double[n];
        double[] frequency = new double[n];
        double[] monetary = new double[n];
        double[] r = new double[n];
        double[] f = new double[n];
        double[] m = new double[n];
        StringColumn segment = StringColumn.create(COLUMNS.get(7));
        Map<RfmSegment, String> names = new EnumMap<>(RfmSegment.class);
        for (RfmSegment s : RfmSegment.values()) {
            names.put(s, UserMessage.of(s.labelKey()).format(locale));
        }
        for (int i = 0; i < n; i++) {
            CustomerRfm c = customers.get(i);
            customer.append(c.customer());
            recency[i] = c.recencyDays();
            frequency[i] = c.frequency();
            monetary[i] = c.monetary();
            r[i] = c.r();
            f[i] = c.f();
            m[i] = c.m();
            segment.append(names.get(c.segment()));
        }
        List<Column<?>> columns = List.of(customer, DoubleColumn.create(COLUMNS.get(1), recency),
                DoubleColumn.create(COLUMNS.get(2), frequency), DoubleColumn.create(COLUMNS.get(3), monetary),
                DoubleColumn.create(COLUMNS.get(4), r), DoubleColumn.create(COLUMNS.get(5), f),
                DoubleColumn.create(COLUMNS.get(6), m), segment);
        List<ColumnSpec> specs = new ArrayList<>();
        for (Column<?> c : columns) {
            ColumnType type = c == customer ? ColumnType.IDENTIFIER : c == segment ? ColumnType.CATEGORY : ColumnType.NUMBER;
            specs.add(new ColumnSpec(c.name(), type, UserMessage.of("rfm.column.reason")));
        }
        return Dataset.of("rfm", columns, specs);
    }
}
