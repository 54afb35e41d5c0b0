package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;
import tech.tablesaw.api.Table;

/** Transaction logs and review files, typed right without any setting changed. */
class TransactionLogTypingTest {

    @Test
    void cancellationInvoicesAndStockCodesAreKeptWhole() throws Exception {
        ImportResult r = Fixtures.read("online-retail-style.csv");
        Table t = r.dataset().table();
        assertThat(r.dataset().spec("InvoiceNo").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(t.stringColumn("InvoiceNo").countMissing()).isZero();
        assertThat(t.stringColumn("InvoiceNo").asSet()).contains("C536374", "536365");
        assertThat(r.dataset().spec("StockCode").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(t.stringColumn("StockCode").asSet()).contains("POST", "21000A");
        assertThat(r.problems()).noneMatch(p -> "InvoiceNo".equals(p.column()) || "StockCode".equals(p.column()));
    }

    @Test
    void aCustomerNumberThatRepeatsIsAKeyNotAFeature() throws Exception {
        ImportResult r = Fixtures.read("online-retail-style.csv");
        assertThat(r.dataset().spec("CustomerID").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(r.dataset().table().stringColumn("CustomerID").asSet()).contains("17850", "");
        assertThat(r.dataset().spec("Quantity").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(r.dataset().spec("UnitPrice").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(r.dataset().spec("Country").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
    }

    @Test
    void chineseReviewsAreTextAndTheOrderNumberIsAKey() throws Exception {
        ImportResult r = Fixtures.read("reviews-zh.csv");
        assertThat(r.dataset().spec("评论").orElseThrow().type()).isEqualTo(ColumnType.TEXT);
        assertThat(r.dataset().spec("订单号").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(r.dataset().spec("评分").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(r.dataset().spec("城市").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
    }
}
