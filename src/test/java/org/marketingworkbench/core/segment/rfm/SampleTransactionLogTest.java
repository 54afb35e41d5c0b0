package org.marketingworkbench.core.segment.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.Table;

/**
 * RFM on the sample's {@code transactions.csv} (95,671 lines), checked against {@code customers.csv}, whose
 * {@code n_orders}, {@code total_spend} and {@code days_since_last_purchase} the generator computed from the
 * same purchases (returns subtracted, recency to the snapshot date 2026-06-30; sample-data/README.md).
 */
class SampleTransactionLogTest {

    private static Dataset log;
    private static Dataset customers;

    static Path sample(String name) {
        return Path.of(System.getProperty("mwb.project.dir", System.getProperty("user.dir"))).resolve("sample-data")
                .resolve(name);
    }

    @BeforeAll
    static void read() throws Exception {
        log = new DataImporter().read(sample("transactions.csv"), ImportSettings.auto(), Progress.none()).dataset();
        customers = new DataImporter().read(sample("customers.csv"), ImportSettings.auto(), Progress.none()).dataset();
    }

    @Test
    void everyLineIsAPurchaseOrAReturnAndTheCountsAddUp() throws Exception {
        RfmSettings s = RfmSettings.suggest(log);
        assertThat(s).isEqualTo(RfmSettings.ofQuantityTimesPrice("customer_id", "invoice_date", "quantity", "unit_price")
                .withInvoice("invoice"));
        RfmResult r = new RfmStep().run(log, s, Progress.none());
        HandledRows h = r.rows();
        assertThat(h.rows()).isEqualTo(95_671);
        assertThat(h.returnLines()).isEqualTo(836);   // README: 836 return lines
        assertThat(h.purchaseLines()).isEqualTo(95_671 - 836);
        assertThat(h.leftOut()).isZero();
        assertThat(r.customers()).hasSize(5_000);
        assertThat(r.segments().stream().mapToInt(SegmentSummary::customers).sum()).isEqualTo(5_000);
        assertThat(r.segments().stream().mapToDouble(SegmentSummary::revenueShare).sum()).isCloseTo(1, within(1e-9));
        assertThat(r.segments()).allSatisfy(seg -> assertThat(seg.customers()).as(seg.segment().id()).isPositive());
        // each score holds about a fifth of the customers, except where ties (frequency) pile up
        for (int score = 1; score <= 5; score++) {
            int sc = score;
            long withR = r.customers().stream().filter(c -> c.r() == sc).count();
            long withM = r.customers().stream().filter(c -> c.m() == sc).count();
            assertThat(withR).as("R = " + sc).isBetween(900L, 1100L);
            assertThat(withM).as("M = " + sc).isEqualTo(1000L);
        }
        // the more valuable segments buy more
        assertThat(r.segment(RfmSegment.CHAMPIONS).revenueShare()).isGreaterThan(r.segment(RfmSegment.CHAMPIONS).customerShare());
        assertThat(r.segment(RfmSegment.LOST).revenueShare()).isLessThan(r.segment(RfmSegment.LOST).customerShare());
    }

    @Test
    void recencyFrequencyAndMonetaryAgreeWithTheCustomerFile() throws Exception {
        RfmResult r = new RfmStep().run(log, RfmSettings.suggest(log).withAsOf(LocalDate.of(2026, 6, 30)), Progress.none());
        Map<String, CustomerRfm> byId = new HashMap<>();
        r.customers().forEach(c -> byId.put(c.customer(), c));
        Table t = customers.table();
        int checked = 0;
        int spendDiffers = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            CustomerRfm c = byId.get(t.stringColumn("customer_id").get(i));
            assertThat(c).isNotNull();
            assertThat(c.frequency()).isEqualTo((int) t.doubleColumn("n_orders").getDouble(i));
            assertThat(c.recencyDays()).isEqualTo((long) t.doubleColumn("days_since_last_purchase").getDouble(i));
            if (Math.abs(c.monetary() - t.doubleColumn("total_spend").getDouble(i)) > 0.01) {
                spendDiffers++;   // the deliberate 999999.99 test account (README, "the deliberate mess")
            }
            checked++;
        }
        assertThat(checked).isEqualTo(5_012);
        assertThat(spendDiffers).isEqualTo(1);
    }
}
