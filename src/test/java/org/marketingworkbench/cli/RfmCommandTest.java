package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RfmCommandTest extends CliTest {

    @TempDir
    Path dir;

    private Path log;

    /** The UCI Online Retail layout: quantity × price, C-invoices, a row without a customer; one id starts with "=". */
    @BeforeEach
    void transactionLog() throws Exception {
        log = Files.writeString(dir.resolve("retail.csv"), """
                InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID
                536365,85123A,6,2010-12-01 08:26:00,2.55,17850
                536366,71053,2,2010-12-03 09:00:00,3.39,17850
                C536367,85123A,-1,2010-12-04 10:00:00,2.55,17850
                536368,84406B,10,2010-12-02 11:00:00,1.00,13047
                536369,22633,4,2010-12-05 12:00:00,1.85,
                536370,22632,3,2010-12-01 13:00:00,5.00,=SUM(A1)
                """);
    }

    @Test
    void scoresEachCustomerAndSaysWhatWasDoneWithEveryRow() throws Exception {
        Path out = dir.resolve("rfm.csv");
        assertThat(run("rfm", log.toString(), "--customer", "CustomerID", "--date", "InvoiceDate", "--quantity", "Quantity",
                "--price", "UnitPrice", "--invoice", "InvoiceNo", "--out", out.toString())).as(err.toString()).isZero();
        assertThat(this.out.toString())
                .contains("Customer: CustomerID; date: InvoiceDate; amount: Quantity × UnitPrice; invoice: InvoiceNo.")
                .contains("Scored 3 customers as of 2010-12-04 (the day after the last purchase).")
                .contains("6 rows read; 4 purchase lines counted.")
                .contains("1 return or cancellation lines")
                .contains("take 2.55 off Monetary")
                .contains("1 rows without a customer are left out.")
                .contains("Champions: ")
                .contains("Wrote 3 customers with their scores and segment to");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("customer,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment");
        assertThat(lines).hasSize(4);
        // 17850: 6 × 2.55 + 2 × 3.39 − 2.55 = 19.53, two invoices, last bought 12-03
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("17850,1,2,19.53,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("'=SUM(A1),3,1,15,"));
    }

    @Test
    void columnsNotGivenAreGuessedAndJsonHasTheSegmentsAndCounts() throws Exception {
        assertThat(run("rfm", log.toString(), "--as-of", "2010-12-31", "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("asOf").asText()).isEqualTo("2010-12-31");
        assertThat(json.get("asOfIsDefault").asBoolean()).isFalse();
        assertThat(json.get("settings").get("quantity").asText()).isEqualTo("Quantity");
        assertThat(json.get("settings").get("invoice").asText()).isEqualTo("InvoiceNo");
        assertThat(json.get("customers").asInt()).isEqualTo(3);
        assertThat(json.get("rows").get("returnLines").asInt()).isEqualTo(1);
        assertThat(json.get("rows").get("withoutCustomer").asInt()).isEqualTo(1);
        assertThat(json.get("segments")).hasSize(11);
        assertThat(json.get("segments").get(0).get("name").asText()).isEqualTo("Champions");
        assertThat(json.get("customerScores")).hasSize(3);
        JsonNode first = json.get("customerScores").get(0);
        assertThat(first.get("r").asInt()).isBetween(1, 5);
    }

    @Test
    void anAmountColumnOfWordsIsOneClearLine() throws Exception {
        Path words = Files.writeString(dir.resolve("words.csv"), """
                customer,date,amount
                A,2024-01-01,ten
                B,2024-01-02,twenty
                C,2024-01-03,thirty
                """);
        assertThat(run("rfm", words.toString(), "--customer", "customer", "--date", "date", "--amount", "amount")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: None of the values in column \"amount\" is a number "
                + "(the first is \"ten\"). Choose the column with the amount of each line, or the quantity and the "
                + "unit-price columns.");
    }

    @Test
    void datesThatDoNotParseAreOneClearLineInChinese() throws Exception {
        Path bad = Files.writeString(dir.resolve("dates.csv"), """
                customer,date,amount
                A,soon,1
                B,later,2
                C,never,3
                """);
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(run("rfm", bad.toString(), "--customer", "customer", "--date", "date", "--amount", "amount")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: “date”列中没有任何值是日期（第一个值是“soon”）");
    }

    @Test
    void contradictorySettingsAndABadReferenceDateAreRefused() {
        assertThat(run("rfm", log.toString(), "--amount", "UnitPrice", "--quantity", "Quantity")).isEqualTo(1);
        assertThat(err.toString()).contains("Give either --amount, or --quantity with --price, not both.");
        assertThat(run("rfm", log.toString(), "--as-of", "31/12/2010")).isEqualTo(1);
        assertThat(err.toString()).contains("--as-of \"31/12/2010\" is not a date");
        assertThat(run("rfm", log.toString(), "--out", log.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("RFM never overwrites its input");
    }
}
