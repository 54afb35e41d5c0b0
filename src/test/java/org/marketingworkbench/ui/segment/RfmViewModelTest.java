package org.marketingworkbench.ui.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.segment.rfm.RfmSegment;
import org.marketingworkbench.core.segment.rfm.RfmSettings;
import org.marketingworkbench.core.segment.rfm.RfmStepRecord;
import org.marketingworkbench.ui.common.SameThreadTaskRunner;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

class RfmViewModelTest {

    @TempDir
    Path dir;

    private final SimpleObjectProperty<Dataset> data = new SimpleObjectProperty<>();
    private final RfmViewModel vm = new RfmViewModel(new SameThreadTaskRunner(), data);

    /** Five customers, one of them named like a spreadsheet formula; a return; a row without a customer. */
    private static Dataset log(String amountName) {
        StringColumn customer = StringColumn.create("customer_id", "A", "A", "B", "C", "=D", "E", "", "A");
        DateTimeColumn date = DateTimeColumn.create("order_date");
        for (String d : List.of("2024-01-01", "2024-02-01", "2024-01-15", "2023-11-30", "2024-02-10", "2023-06-01",
                "2024-01-01", "2024-02-02")) {
            date.append(LocalDateTime.parse(d + "T10:00"));
        }
        DoubleColumn amount = DoubleColumn.create(amountName, 50, 70, 20, 500, 5, 40, 9, -10);
        List<Column<?>> columns = List.of(customer, date, amount);
        return Dataset.of("log", columns, List.of(
                new ColumnSpec("customer_id", ColumnType.IDENTIFIER, UserMessage.of("test")),
                new ColumnSpec("order_date", ColumnType.DATETIME, UserMessage.of("test")),
                new ColumnSpec(amountName, ColumnType.NUMBER, UserMessage.of("test"))));
    }

    @Test
    void aNewTableFillsTheFormWithTheSuggestedColumns() {
        assertThat(vm.hasData().get()).isFalse();
        assertThat(vm.canRun().get()).isFalse();
        data.set(log("revenue"));
        assertThat(vm.columns()).containsExactly("customer_id", "order_date", "revenue");
        assertThat(vm.invoiceChoices()).containsExactly("", "customer_id", "order_date", "revenue");
        assertThat(vm.customerColumnProperty().get()).isEqualTo("customer_id");
        assertThat(vm.dateColumnProperty().get()).isEqualTo("order_date");
        assertThat(vm.amountColumnProperty().get()).isEqualTo("revenue");
        assertThat(vm.quantityTimesPriceProperty().get()).isFalse();
        assertThat(vm.settingsProblem().getValue()).isNull();
        assertThat(vm.canRun().get()).isTrue();
    }

    @Test
    void theFormSaysWhatIsMissingUntilItIsChosen() {
        data.set(log("x"));   // "x" is not a name an amount goes by
        assertThat(vm.amountColumnProperty().get()).isNull();
        assertThat(vm.settingsProblem().getValue()).isEqualTo(UserMessage.of("rfm.error.chooseAmount"));
        assertThat(vm.canRun().get()).isFalse();
        vm.amountColumnProperty().set("x");
        assertThat(vm.canRun().get()).isTrue();
        vm.quantityTimesPriceProperty().set(true);
        assertThat(vm.canRun().get()).isFalse();
    }

    @Test
    void runningFillsTheSegmentsTheCustomersAndTheHandledRows() {
        data.set(log("revenue"));
        vm.run();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.resultProperty().get()).isNotNull();
        assertThat(vm.customers()).hasSize(5);
        assertThat(vm.segments()).hasSize(11);
        assertThat(vm.segmentsWithCustomers()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.customers()).isPositive());
        assertThat(vm.handledRows()).extracting(m -> m.format(Locale.ENGLISH)).containsExactly(
                "8 rows read; 6 purchase lines counted.",
                "1 return or cancellation lines (a negative quantity or amount, or an invoice starting with C) take 10 "
                        + "off Monetary; they are not counted as purchases.",
                "1 rows without a customer are left out.");
        assertThat(vm.summary().getValue().format(Locale.ENGLISH))
                .isEqualTo("5 customers scored as of 2024-02-11 (the day after the last purchase).");
        assertThat(vm.finding().getValue().key()).isEqualTo("rfm.ui.finding");
        // a new table clears the result
        data.set(log("amount"));
        assertThat(vm.resultProperty().get()).isNull();
        assertThat(vm.customers()).isEmpty();
    }

    @Test
    void aFailedRunSaysWhyAndKeepsTheLastResult() {
        data.set(log("revenue"));
        vm.run();
        var before = vm.resultProperty().get();
        vm.asOfProperty().set(LocalDate.of(2000, 1, 1));
        vm.run();
        assertThat(vm.errorProperty().get().key()).isEqualTo("rfm.error.noPurchasesBefore");
        assertThat(vm.resultProperty().get()).isSameAs(before);
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void theExportHasOneRowPerCustomerWithFormulasNeutralised() throws Exception {
        data.set(log("revenue"));
        vm.run();
        Path out = dir.resolve("rfm.csv");
        vm.exportCsv(out, Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.noticeProperty().get()).isEqualTo(UserMessage.of("rfm.ui.exported", 5, out.toString()));
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("customer,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("'=D,1,1,5,"));
        assertThat(String.join("\n", lines)).containsAnyOf("冠军客户", "忠诚客户", "潜在忠诚客户", "新客户", "有潜力客户");
    }

    @Test
    void theProjectRecordKeepsTheSettingsAndRestoreBringsThemBack() throws Exception {
        data.set(log("revenue"));
        vm.invoiceColumnProperty().set("");
        vm.run();
        var record = vm.toStepRecord();
        assertThat(record.done()).isTrue();
        RfmSettings stored = RfmStepRecord.settings(record);
        assertThat(stored.asOf()).isEqualTo(LocalDate.of(2024, 2, 11));
        RfmViewModel other = new RfmViewModel(new SameThreadTaskRunner(), data);
        other.restore(stored);
        assertThat(other.settings().getValue()).isEqualTo(stored);
        assertThat(other.asOfProperty().get()).isEqualTo(LocalDate.of(2024, 2, 11));
    }

    @Test
    void segmentsAreTheElevenInOrder() {
        data.set(log("revenue"));
        vm.run();
        assertThat(vm.segments()).extracting(s -> s.segment()).containsExactly(RfmSegment.values());
        int shown = vm.segmentsWithCustomers().size();
        assertThat(shown + vm.emptySegments().map(List::size).orElse(0)).isEqualTo(11);
    }
}
