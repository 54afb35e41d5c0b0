package org.marketingworkbench.core.segment.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.project.StepRecord;

class RfmSettingsTest {

    @Test
    void settingsSurviveJson() throws Exception {
        RfmSettings s = RfmSettings.ofQuantityTimesPrice("c", "d", "q", "p").withInvoice("i")
                .withAsOf(LocalDate.of(2026, 6, 30));
        assertThat(RfmSettings.fromJson(s.toJson())).isEqualTo(s);
        RfmSettings a = RfmSettings.ofAmount("c", "d", "a");
        assertThat(RfmSettings.fromJson(a.toJson())).isEqualTo(a);
    }

    @Test
    void settingsWithoutAVersionAreVersionOneAndANewerVersionIsRefused() throws Exception {
        ObjectNode old = JsonNodeFactory.instance.objectNode().put("customer", "c").put("date", "d").put("amount", "a");
        assertThat(RfmSettings.fromJson(old)).isEqualTo(RfmSettings.ofAmount("c", "d", "a"));
        ObjectNode newer = RfmSettings.ofAmount("c", "d", "a").toJson().put("version", 99);
        assertThatThrownBy(() -> RfmSettings.fromJson(newer)).isInstanceOf(RfmException.class)
                .hasMessageContaining("newer Marketing Workbench")
                .extracting(e -> ((RfmException) e).reason()).isEqualTo(RfmException.Reason.UNREADABLE_SETTINGS);
        assertThatThrownBy(() -> RfmSettings.fromJson(old.deepCopy().put("asOf", "soon")))
                .isInstanceOf(RfmException.class);
    }

    @Test
    void theSampleLogsColumnsAreSuggested() {
        Dataset sample = Logs.create()
                .text("customer_id", ColumnType.IDENTIFIER, "C1")
                .text("invoice", ColumnType.IDENTIFIER, "500001")
                .dates("invoice_date", "2024-01-01")
                .text("product", ColumnType.CATEGORY, "Jeans")
                .number("quantity", 1)
                .number("unit_price", 2)
                .build();
        assertThat(RfmSettings.suggest(sample)).isEqualTo(RfmSettings.ofQuantityTimesPrice("customer_id", "invoice_date",
                "quantity", "unit_price").withInvoice("invoice"));
    }

    @Test
    void anAmountColumnIsPreferredAndChineseNamesAreFound() {
        Dataset zh = Logs.create()
                .text("订单号", ColumnType.IDENTIFIER, "1")
                .text("客户编号", ColumnType.IDENTIFIER, "C1")
                .dates("下单时间", "2024-01-01")
                .number("数量", 1)
                .number("单价", 2)
                .number("金额", 2)
                .build();
        assertThat(RfmSettings.suggest(zh)).isEqualTo(RfmSettings.ofAmount("客户编号", "下单时间", "金额").withInvoice("订单号"));
    }

    @Test
    void whatIsNotFoundIsLeftForTheUser() {
        Dataset other = Logs.create().number("x", 1).dates("when", "2024-01-01").build();
        RfmSettings s = RfmSettings.suggest(other);
        assertThat(s.customer()).isNull();
        assertThat(s.date()).isEqualTo("when");   // the only date column
        assertThat(s.problem()).isPresent();
    }

    @Test
    void aProjectKeepsTheSettingsWithTheReferenceDateUsed() throws Exception {
        RfmSettings s = RfmSettings.ofAmount("customer_id", "invoice_date", "amount").withInvoice("invoice");
        RfmResult r = new RfmStep().run(Logs.handLog(), s, Progress.none());
        StepRecord record = RfmStepRecord.of(s, r);
        assertThat(record.done()).isTrue();
        assertThat(RfmStepRecord.settings(record)).isEqualTo(s.withAsOf(LocalDate.of(2024, 3, 2)));
        assertThat(record.result().path("segments").path("hibernating").path("customers").asInt()).isEqualTo(2);
        assertThat(record.result().path("rows").path("returnLines").asInt()).isEqualTo(3);
        assertThat(RfmStepRecord.of(s, null).done()).isFalse();
    }
}
