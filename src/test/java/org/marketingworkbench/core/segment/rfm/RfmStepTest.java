package org.marketingworkbench.core.segment.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * RFM against a hand computation on {@link Logs#handLog()}. Reference date by default: the day after the
 * last purchase, 2024-03-01, so 2024-03-02.
 *
 * <pre>
 *  customer  last purchase  recency  frequency (invoices)   monetary            R  F  M  FM  segment
 *  A         2024-03-01       1      2 (536001, 536002)     100+50+30 = 180     5  3  4  4   Champions
 *  B         2024-02-01      30      1                      20                  2  1  1  1   Hibernating
 *  C         2024-02-10      21      3 (C536006 cancels)    800-100 = 700       3  4  5  5   Loyal
 *  D         2024-02-27       4      3 (536010 is -5)       30-5 = 25           4  4  2  3   Potential loyalists
 *  E         2023-12-01      92      1                      40                  1  1  3  2   Hibernating
 * </pre>
 * Score = ⌈5 × (rank − ½) / 5⌉ = ⌈rank − ½⌉. F ties: B and E share ranks 1–2 (average 1.5 → ⌈1⌉ = 1); C and
 * D share ranks 4–5 (average 4.5 → ⌈4⌉ = 4); A has rank 3 (⌈2.5⌉ = 3). FM = ⌊(F + M + 1) / 2⌋.
 */
class RfmStepTest {

    private static final RfmSettings HAND = RfmSettings.ofAmount("customer_id", "invoice_date", "amount")
            .withInvoice("invoice");

    private static Map<String, CustomerRfm> byCustomer(RfmResult r) {
        return r.customers().stream().collect(Collectors.toMap(CustomerRfm::customer, Function.identity()));
    }

    @Test
    void recencyFrequencyMonetaryScoresAndSegmentsMatchTheHandComputation() throws Exception {
        RfmResult r = new RfmStep().run(Logs.handLog(), HAND, Progress.none());

        assertThat(r.asOf()).isEqualTo(LocalDate.of(2024, 3, 2));
        assertThat(r.asOfIsDefault()).isTrue();
        Map<String, CustomerRfm> c = byCustomer(r);
        assertThat(c).containsOnlyKeys("A", "B", "C", "D", "E");
        assertThat(c.get("A")).isEqualTo(new CustomerRfm("A", LocalDate.of(2024, 3, 1), 1, 2, 180, 5, 3, 4,
                RfmSegment.CHAMPIONS));
        assertThat(c.get("B")).isEqualTo(new CustomerRfm("B", LocalDate.of(2024, 2, 1), 30, 1, 20, 2, 1, 1,
                RfmSegment.HIBERNATING));
        assertThat(c.get("C")).isEqualTo(new CustomerRfm("C", LocalDate.of(2024, 2, 10), 21, 3, 700, 3, 4, 5,
                RfmSegment.LOYAL));
        assertThat(c.get("D")).isEqualTo(new CustomerRfm("D", LocalDate.of(2024, 2, 27), 4, 3, 25, 4, 4, 2,
                RfmSegment.POTENTIAL_LOYALISTS));
        assertThat(c.get("E")).isEqualTo(new CustomerRfm("E", LocalDate.of(2023, 12, 1), 92, 1, 40, 1, 1, 3,
                RfmSegment.HIBERNATING));
        // best segment first, then the bigger spender
        assertThat(r.customers()).extracting(CustomerRfm::customer).containsExactly("A", "C", "D", "E", "B");
    }

    @Test
    void returnsCancellationsAndUnusableRowsAreCountedNotDropped() throws Exception {
        RfmResult r = new RfmStep().run(Logs.handLog(), HAND, Progress.none());
        HandledRows h = r.rows();
        assertThat(h).isEqualTo(new HandledRows(17, 11, 3, 125, 1, 1, "yesterday", 1, "abc", 0, 1));
        assertThat(h.purchaseLines() + h.returnLines() + h.leftOut()).isEqualTo(h.rows());
        assertThat(h.describe(r.asOf())).extracting(m -> m.format(Locale.ENGLISH)).containsExactly(
                "17 rows read; 11 purchase lines counted.",
                "3 return or cancellation lines (a negative quantity or amount, or an invoice starting with C) "
                        + "take 125 off Monetary; they are not counted as purchases.",
                "1 rows without a customer are left out.",
                "1 rows without a readable date (such as \"yesterday\") are left out.",
                "1 rows whose amount is not a number (such as \"abc\") are left out.",
                "1 customers have no purchase on or before the reference date (only returns, or later purchases) "
                        + "and are not scored.");
    }

    @Test
    void segmentSummaryHasEveryNamedSegmentWithCustomersAndRevenueShare() throws Exception {
        RfmResult r = new RfmStep().run(Logs.handLog(), HAND, Progress.none());
        assertThat(r.segments()).hasSize(11).extracting(SegmentSummary::segment).containsExactly(RfmSegment.values());
        assertThat(r.totalRevenue()).isEqualTo(965);
        SegmentSummary loyal = r.segment(RfmSegment.LOYAL);
        assertThat(loyal.customers()).isEqualTo(1);
        assertThat(loyal.customerShare()).isEqualTo(0.2);
        assertThat(loyal.revenue()).isEqualTo(700);
        assertThat(loyal.revenueShare()).isCloseTo(700.0 / 965, within(1e-12));
        assertThat(r.segment(RfmSegment.HIBERNATING).customers()).isEqualTo(2);
        assertThat(r.segment(RfmSegment.HIBERNATING).revenue()).isEqualTo(60);
        assertThat(r.segment(RfmSegment.CHAMPIONS).revenueShare()).isCloseTo(180.0 / 965, within(1e-12));
        assertThat(r.segment(RfmSegment.LOST).customers()).isZero();
        assertThat(r.segments().stream().mapToInt(SegmentSummary::customers).sum()).isEqualTo(5);
    }

    @Test
    void aGivenReferenceDateLeavesOutLaterRowsAndCountsThem() throws Exception {
        RfmResult r = new RfmStep().run(Logs.handLog(), HAND.withAsOf(LocalDate.of(2024, 2, 20)), Progress.none());
        assertThat(r.asOfIsDefault()).isFalse();
        assertThat(r.rows().afterAsOf()).isEqualTo(6);      // A's two lines of 03-01, D's four lines
        assertThat(r.rows().customersWithoutPurchase()).isEqualTo(2);   // D (all later) and H (only a return)
        Map<String, CustomerRfm> c = byCustomer(r);
        assertThat(c).containsOnlyKeys("A", "B", "C", "E");
        assertThat(c.get("A").recencyDays()).isEqualTo(41);
        assertThat(c.get("A").frequency()).isEqualTo(1);
        assertThat(c.get("A").monetary()).isEqualTo(100);
        assertThat(c.get("C").monetary()).isEqualTo(700);   // the cancellation on 02-12 is before 02-20
    }

    @Test
    void withoutAnInvoiceColumnFrequencyCountsPurchaseDays() throws Exception {
        RfmResult r = new RfmStep().run(Logs.handLog(), HAND.withInvoice(null), Progress.none());
        Map<String, CustomerRfm> c = byCustomer(r);
        assertThat(c.get("A").frequency()).isEqualTo(2);   // two lines on 03-01 are one day
        // C536006 is no longer recognised as a cancellation, but its amount is negative: still a return
        assertThat(c.get("C").monetary()).isEqualTo(700);
        assertThat(r.rows().returnLines()).isEqualTo(3);
    }

    @Test
    void quantityTimesPriceGivesTheAmountAndANegativeQuantityIsAReturn() throws Exception {
        Dataset log = Logs.create()
                .text("CustomerID", ColumnType.IDENTIFIER, "X", "X", "Y", "Y", "Z")
                .text("InvoiceNo", ColumnType.IDENTIFIER, "1", "2", "3", "C4", "5")
                .dates("InvoiceDate", "2024-05-01T10:15", "2024-05-03T23:59", "2024-05-10", "2024-05-11", null)
                .number("Quantity", 2, -1, 3, 1, 1)
                .number("UnitPrice", 5, 5, 100, 100, 7)
                .build();
        RfmSettings s = RfmSettings.suggest(log);
        assertThat(s).isEqualTo(RfmSettings.ofQuantityTimesPrice("CustomerID", "InvoiceDate", "Quantity", "UnitPrice")
                .withInvoice("InvoiceNo"));
        RfmResult r = new RfmStep().run(log, s, Progress.none());
        Map<String, CustomerRfm> c = byCustomer(r);
        assertThat(c.get("X").monetary()).isEqualTo(5);      // 2 × 5 − 1 × 5
        assertThat(c.get("X").frequency()).isEqualTo(1);
        assertThat(c.get("X").lastPurchase()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(c.get("Y").monetary()).isEqualTo(200);    // 300 − the cancelled 100 (positive quantity, C invoice)
        assertThat(r.asOf()).isEqualTo(LocalDate.of(2024, 5, 11));
        assertThat(c.get("Y").recencyDays()).isEqualTo(1);
        assertThat(r.rows().returnLines()).isEqualTo(2);
        assertThat(r.rows().badDate()).isEqualTo(1);
        assertThat(r.rows().badDateExample()).isNull();
        assertThat(r.rows().describe(r.asOf()).get(2).format(Locale.ENGLISH))
                .isEqualTo("1 rows without a date are left out.");
    }

    @Test
    void numericCustomerIdsAreWrittenWithoutADecimalPoint() throws Exception {
        Dataset log = Logs.create()
                .number("CustomerID", 17850, 17850, Double.NaN)
                .dates("InvoiceDate", "2024-05-01", "2024-05-02", "2024-05-02")
                .number("amount", 1, 2, 3)
                .build();
        RfmResult r = new RfmStep().run(log, RfmSettings.suggest(log), Progress.none());
        assertThat(r.customers()).extracting(CustomerRfm::customer).containsExactly("17850");
        assertThat(r.rows().withoutCustomer()).isEqualTo(1);
    }

    @Test
    void theResultAsATableHasOneRowPerCustomer() throws Exception {
        RfmResult r = new RfmStep().run(Logs.handLog(), HAND, Progress.none());
        Dataset t = r.toDataset();
        assertThat(t.table().columnNames()).containsExactlyElementsOf(RfmResult.COLUMNS);
        assertThat(t.rowCount()).isEqualTo(5);
        assertThat(t.table().stringColumn("customer").get(0)).isEqualTo("A");
        assertThat(t.table().doubleColumn("recency_days").get(0)).isEqualTo(1);
        assertThat(t.table().stringColumn("rfm_segment").get(0)).isEqualTo("Champions");
        assertThat(t.spec("customer").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(r.toDataset(Locale.SIMPLIFIED_CHINESE).table().stringColumn("rfm_segment").get(0)).isEqualTo("冠军客户");
    }

    @Test
    void cancellingStopsTheStep() {
        Progress p = Progress.none();
        p.cancel();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RfmStep().run(Logs.handLog(), HAND, p))
                .isInstanceOf(CancelledException.class);
    }
}
