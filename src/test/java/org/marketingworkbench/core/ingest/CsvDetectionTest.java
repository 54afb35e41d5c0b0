package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class CsvDetectionTest {

    @Test
    void detectsSemicolonDelimiterAndQuotedHeadersOfABankStyleFile() throws Exception {
        ImportResult r = Fixtures.read("bank-style.csv");
        assertThat(r.resolvedSettings().delimiter()).isEqualTo(';');
        assertThat(r.resolvedSettings().quote()).isEqualTo('"');
        assertThat(r.resolvedSettings().hasHeader()).isTrue();
        assertThat(r.dataset().table().columnNames())
                .containsExactly("age", "job", "marital", "balance", "housing", "day", "month", "pdays", "y");
        assertThat(r.rowsRead()).isEqualTo(30);
        assertThat(r.dataset().spec("balance").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(r.dataset().spec("job").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(r.dataset().table().stringColumn("job").asSet()).doesNotContain("\"unknown\"");
    }

    @Test
    void readsCrlfFileWithSingleSpaceBlanksAsMissingNumbers() throws Exception {
        ImportResult r = Fixtures.read("telco-style.csv");
        assertThat(r.rowsRead()).isEqualTo(30);
        assertThat(r.dataset().spec("customerID").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(r.dataset().spec("customerID").orElseThrow().reason().key()).isEqualTo("ingest.reason.allUnique");
        assertThat(r.dataset().spec("TotalCharges").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(((DoubleColumn) r.dataset().table().column("TotalCharges")).countMissing()).isEqualTo(2);
        assertThat(r.dataset().table().stringColumn("Churn").asSet()).containsOnly("Yes", "No");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void readsGb18030FileWithChineseHeaders() throws Exception {
        ImportResult r = Fixtures.read("gb18030-chinese.csv");
        assertThat(r.resolvedSettings().encoding()).isEqualTo("GB18030");
        assertThat(r.dataset().table().columnNames()).containsExactly("客户编号", "姓名", "城市", "会员等级", "年消费额", "注册日期");
        assertThat(r.dataset().table().stringColumn("城市").asSet()).isSubsetOf("北京", "上海", "广州", "深圳", "杭州", "成都");
        assertThat(r.dataset().spec("年消费额").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(r.dataset().spec("注册日期").orElseThrow().type()).isEqualTo(ColumnType.DATETIME);
        assertThat(r.dataset().spec("客户编号").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
    }

    @Test
    void readsLastRowWhenThereIsNoFinalNewline() throws Exception {
        ImportResult r = Fixtures.read("no-final-newline.csv");
        assertThat(r.rowsRead()).isEqualTo(25);
        Table t = r.dataset().table();
        assertThat(t.stringColumn("CustomerID").get(24)).isEqualTo("0025");
        assertThat(r.dataset().spec("CustomerID").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(t.column("Spending Score (1-100)").isMissing(24)).isFalse();
    }

    @Test
    void detectsTabAndPipeDelimiters() throws Exception {
        assertThat(Fixtures.read("tab-separated.tsv").resolvedSettings().delimiter()).isEqualTo('\t');
        assertThat(Fixtures.read("pipe-separated.txt").resolvedSettings().delimiter()).isEqualTo('|');
        assertThat(Fixtures.read("pipe-separated.txt").dataset().table().columnCount()).isEqualTo(3);
    }

    @Test
    void keepsDelimitersAndNewlinesInsideQuotedFields() throws Exception {
        ImportResult r = Fixtures.read("quoted-multiline.csv");
        assertThat(r.rowsRead()).isEqualTo(3);
        assertThat(r.dataset().table().stringColumn("comment").get(0)).isEqualTo("Called, left a message");
        assertThat(r.dataset().table().stringColumn("comment").get(1)).isEqualTo("Said:\n\"call me later\"");
        assertThat(((DoubleColumn) r.dataset().table().column("amount")).sum()).isEqualTo(60);
    }

    @Test
    void detectsAFileWithoutHeaderAndNamesItsColumns() throws Exception {
        ImportResult r = Fixtures.read("no-header.csv");
        assertThat(r.resolvedSettings().hasHeader()).isFalse();
        assertThat(r.rowsRead()).isEqualTo(12);
        assertThat(r.dataset().table().columnNames()).containsExactly("column_1", "column_2", "column_3");
    }

    @Test
    void detectsDecimalCommaThousandsDotAndGermanDates() throws Exception {
        ImportResult r = Fixtures.read("decimal-comma.csv");
        ImportSettings s = r.resolvedSettings();
        assertThat(s.delimiter()).isEqualTo(';');
        assertThat(s.decimalComma()).isTrue();
        assertThat(s.thousandsSeparator()).isEqualTo(".");
        assertThat(s.dateFormats()).containsExactly("dd.MM.yyyy");
        DoubleColumn revenue = (DoubleColumn) r.dataset().table().column("Umsatz");
        assertThat(revenue.asDoubleArray()).containsExactly(1234.56, 987.10, 12000.00, 45.00);
        assertThat(((DoubleColumn) r.dataset().table().column("Rabatt")).isMissing(3)).isTrue();
        assertThat(r.dataset().table().dateTimeColumn("Datum").get(0)).isEqualTo(LocalDateTime.of(2024, 2, 3, 0, 0));
    }

    @Test
    void detectsCommaThousandsSeparatorInQuotedNumbers() throws Exception {
        ImportResult r = Fixtures.read("thousands-separator.csv");
        assertThat(r.resolvedSettings().decimalComma()).isFalse();
        assertThat(r.resolvedSettings().thousandsSeparator()).isEqualTo(",");
        assertThat(((DoubleColumn) r.dataset().table().column("revenue")).asDoubleArray())
                .containsExactly(1234.5, 12000.0, 987.25, 1000000.75);
    }

    @Test
    void detectsIsoDatesAndDateTimes() throws Exception {
        ImportResult r = Fixtures.read("dates.csv");
        assertThat(r.dataset().spec("signup").orElseThrow().type()).isEqualTo(ColumnType.DATETIME);
        assertThat(r.dataset().spec("last_order").orElseThrow().type()).isEqualTo(ColumnType.DATETIME);
        assertThat(r.resolvedSettings().dateFormats()).containsExactly("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss");
        assertThat(r.dataset().table().dateTimeColumn("last_order").get(1))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59));
        assertThat(r.dataset().table().dateTimeColumn("last_order").isMissing(2)).isTrue();
    }

    @Test
    void treatsDefaultMarkersAndALoneSpaceAsMissing() throws Exception {
        ImportResult r = Fixtures.read("missing-markers.csv");
        DoubleColumn age = (DoubleColumn) r.dataset().table().column("age");
        assertThat(age.countMissing()).isEqualTo(4);
        assertThat(((DoubleColumn) r.dataset().table().column("income")).countMissing()).isEqualTo(3);
        assertThat(r.dataset().table().stringColumn("region").countOccurrences("unknown")).isEqualTo(2);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void userDefinedMissingMarkerLikeUnknownIsHonoured() throws Exception {
        ImportSettings s = ImportSettings.auto().withMissingMarkers(
                java.util.stream.Stream.concat(ImportSettings.DEFAULT_MISSING_MARKERS.stream(),
                        java.util.stream.Stream.of("unknown")).toList());
        ImportResult r = Fixtures.read("missing-markers.csv", s);
        assertThat(r.dataset().table().stringColumn("region").countMissing()).isEqualTo(2);
        assertThat(r.resolvedSettings().missingMarkers()).contains("unknown");
    }

    @Test
    void numericMissingMarkerLikeMinusOneWinsOverTheNumber() throws Exception {
        ImportResult r = Fixtures.read("bank-style.csv", ImportSettings.auto().withMissingMarkers(java.util.List.of("-1")));
        DoubleColumn pdays = (DoubleColumn) r.dataset().table().column("pdays");
        assertThat(pdays.countMissing()).isPositive();
        assertThat(pdays.asDoubleArray()).doesNotContain(-1.0);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void detectReadsASampleAndReturnsResolvedSettingsAndPreviewRows() throws Exception {
        ImportPreview p = Fixtures.detect("bank-style.csv");
        assertThat(p.resolvedSettings().format()).isEqualTo(FileFormat.CSV);
        assertThat(p.resolvedSettings().encoding()).isEqualTo("UTF-8");
        assertThat(p.columns()).hasSize(9);
        assertThat(p.sampleRows()).hasSize(30);
        assertThat(p.estimatedRows()).isEqualTo(30);
        assertThat(p.estimatedBytes()).isPositive();
    }
}
