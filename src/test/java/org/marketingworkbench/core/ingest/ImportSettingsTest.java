package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;

class ImportSettingsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private ImportSettings roundTrip(ImportSettings s) throws Exception {
        String json = mapper.writeValueAsString(s.toJson());
        return ImportSettings.fromJson(mapper.readTree(json));
    }

    @Test
    void autoSettingsSurviveAJsonRoundTrip() throws Exception {
        assertThat(roundTrip(ImportSettings.auto())).isEqualTo(ImportSettings.auto());
    }

    @Test
    void everySettingSurvivesAJsonRoundTrip() throws Exception {
        ImportSettings s = new ImportSettings(1, FileFormat.EXCEL, "GB18030", '\t', '\'', false, true, ".",
                List.of("dd.MM.yyyy"), List.of("NA", "unknown", " "), "Kunden", BadRowPolicy.STOP,
                Map.of("plz", ColumnType.CATEGORY, "umsatz", ColumnType.NUMBER));
        assertThat(roundTrip(s)).isEqualTo(s);
    }

    @Test
    void settingsWithoutAVersionAreReadAsTheFirstVersion() throws Exception {
        JsonNode old = mapper.readTree("{\"delimiter\":\";\",\"hasHeader\":true}");
        ImportSettings s = ImportSettings.fromJson(old);
        assertThat(s.version()).isEqualTo(ImportSettings.CURRENT_VERSION);
        assertThat(s.delimiter()).isEqualTo(';');
        assertThat(s.encoding()).isNull();
        assertThat(s.onBadRow()).isEqualTo(BadRowPolicy.SKIP);
    }

    @Test
    void settingsFromANewerWorkbenchAreRefused() throws Exception {
        JsonNode future = mapper.readTree("{\"version\":99}");
        assertThatThrownBy(() -> ImportSettings.fromJson(future)).isInstanceOf(ImportException.class)
                .extracting(e -> ((ImportException) e).userMessage().key()).isEqualTo("ingest.error.settingsNewer");
    }

    @Test
    void damagedSettingsAreRefusedWithAMessage() throws Exception {
        JsonNode bad = mapper.readTree("{\"version\":1,\"columnTypeOverrides\":{\"a\":\"COLOUR\"}}");
        assertThatThrownBy(() -> ImportSettings.fromJson(bad)).isInstanceOf(ImportException.class)
                .extracting(e -> ((ImportException) e).userMessage().key()).isEqualTo("ingest.error.settingsInvalid");
    }

    @Test
    void withColumnTypeAddsAndRemovesOneOverride() {
        ImportSettings s = ImportSettings.auto().withColumnType("plz", ColumnType.CATEGORY);
        assertThat(s.columnTypeOverrides()).containsEntry("plz", ColumnType.CATEGORY);
        assertThat(s.withColumnType("plz", null).columnTypeOverrides()).isEmpty();
    }
}
