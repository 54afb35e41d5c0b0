package org.marketingworkbench.core.segment.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;

/** Each bad log or setting stops RFM with a message that says what to change, in both languages. */
class RfmBadInputTest {

    private static RfmException fail(Dataset log, RfmSettings s) {
        RfmException e = catchThrowableOfType(RfmException.class, () -> new RfmStep().run(log, s, Progress.none()));
        assertThat(e).as("RFM should refuse this input").isNotNull();
        String zh = e.userMessage().format(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).as("a Chinese message, not a key").doesNotStartWith("rfm.").isNotEqualTo(e.getMessage());
        return e;
    }

    private static Logs threeRows() {
        return Logs.create().text("customer", ColumnType.IDENTIFIER, "A", "B", "C");
    }

    @Test
    void datesThatDoNotParse() {
        Dataset log = threeRows().text("date", ColumnType.TEXT, "soon", "later", "")
                .number("amount", 1, 2, 3).build();
        RfmException e = fail(log, RfmSettings.ofAmount("customer", "date", "amount"));
        assertThat(e.reason()).isEqualTo(RfmException.Reason.NO_DATES);
        assertThat(e.getMessage()).isEqualTo("None of the values in column \"date\" is a date (the first is \"soon\"). "
                + "Choose the date column, or write its dates like 2026-06-30 or 30/06/2026.");
    }

    @Test
    void anAmountColumnOfWords() {
        Dataset log = threeRows().dates("date", "2024-01-01", "2024-01-02", "2024-01-03")
                .text("amount", ColumnType.CATEGORY, "ten", "twenty", "").build();
        RfmException e = fail(log, RfmSettings.ofAmount("customer", "date", "amount"));
        assertThat(e.reason()).isEqualTo(RfmException.Reason.NO_NUMBERS);
        assertThat(e.getMessage()).isEqualTo("None of the values in column \"amount\" is a number (the first is \"ten\"). "
                + "Choose the column with the amount of each line, or the quantity and the unit-price columns.");
    }

    @Test
    void aPriceColumnOfWordsWithQuantityTimesPrice() {
        Dataset log = threeRows().dates("date", "2024-01-01", "2024-01-02", "2024-01-03")
                .number("qty", 1, 2, 3).text("price", ColumnType.TEXT, "n/a", "n/a", "n/a").build();
        RfmException e = fail(log, RfmSettings.ofQuantityTimesPrice("customer", "date", "qty", "price"));
        assertThat(e.reason()).isEqualTo(RfmException.Reason.NO_NUMBERS);
        assertThat(e.getMessage()).contains("\"price\"", "\"n/a\"");
    }

    @Test
    void aNumberColumnAsTheDate() {
        Dataset log = threeRows().number("date", 1, 2, 3).number("amount", 1, 2, 3).build();
        RfmException e = fail(log, RfmSettings.ofAmount("customer", "date", "amount"));
        assertThat(e.reason()).isEqualTo(RfmException.Reason.UNUSABLE_COLUMN);
        assertThat(e.getMessage()).contains("holds numbers, not dates");
    }

    @Test
    void aDateColumnAsTheAmount() {
        Dataset log = threeRows().dates("date", "2024-01-01", "2024-01-02", "2024-01-03")
                .dates("paid", "2024-01-01", "2024-01-02", "2024-01-03").build();
        RfmException e = fail(log, RfmSettings.ofAmount("customer", "date", "paid"));
        assertThat(e.reason()).isEqualTo(RfmException.Reason.UNUSABLE_COLUMN);
        assertThat(e.getMessage()).contains("holds dates, not amounts");
    }

    @Test
    void aColumnTheDataDoesNotHave() {
        Dataset log = threeRows().dates("date", "2024-01-01", "2024-01-02", "2024-01-03").number("amount", 1, 2, 3).build();
        RfmException e = fail(log, RfmSettings.ofAmount("customer", "date", "revenue"));
        assertThat(e.reason()).isEqualTo(RfmException.Reason.UNKNOWN_COLUMN);
        assertThat(e.getMessage()).isEqualTo("The data has no column \"revenue\". Choose one of its columns.");
    }

    @Test
    void noCustomerColumnChosen() {
        Dataset log = threeRows().dates("date", "2024-01-01", "2024-01-02", "2024-01-03").number("amount", 1, 2, 3).build();
        RfmException e = fail(log, RfmSettings.ofAmount(null, "date", "amount"));
        assertThat(e.reason()).isEqualTo(RfmException.Reason.MISSING_COLUMN);
        assertThat(e.getMessage()).isEqualTo("Choose the column that names the customer.");
        assertThat(fail(log, RfmSettings.ofQuantityTimesPrice("customer", "date", "amount", null)).getMessage())
                .isEqualTo("Choose the amount column, or the quantity and the unit-price columns.");
    }

    @Test
    void noRowNamesACustomer() {
        Dataset log = Logs.create().text("customer", ColumnType.IDENTIFIER, "", " ", "")
                .dates("date", "2024-01-01", "2024-01-02", "2024-01-03").number("amount", 1, 2, 3).build();
        RfmException e = fail(log, RfmSettings.ofAmount("customer", "date", "amount"));
        assertThat(e.reason()).isEqualTo(RfmException.Reason.NO_CUSTOMERS);
    }

    @Test
    void onlyReturns() {
        Dataset log = threeRows().dates("date", "2024-01-01", "2024-01-02", "2024-01-03").number("amount", -1, -2, -3).build();
        RfmException e = fail(log, RfmSettings.ofAmount("customer", "date", "amount"));
        assertThat(e.reason()).isEqualTo(RfmException.Reason.NO_PURCHASES);
        assertThat(e.getMessage()).startsWith("None of the 3 rows is a purchase");
    }

    @Test
    void aReferenceDateBeforeEveryPurchase() {
        Dataset log = threeRows().dates("date", "2024-01-01", "2024-01-02", "2024-01-03").number("amount", 1, 2, 3).build();
        RfmException e = fail(log, RfmSettings.ofAmount("customer", "date", "amount").withAsOf(LocalDate.of(2023, 1, 1)));
        assertThat(e.reason()).isEqualTo(RfmException.Reason.NO_PURCHASES);
        assertThat(e.getMessage()).isEqualTo("No customer bought anything on or before 2023-01-01. Choose a later reference date.");
    }
}
