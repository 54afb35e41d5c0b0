package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.DoubleColumn;

/** The project re-applies stored settings: reading again must give the same table. */
class RereadAndOverrideTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"bank-style.csv", "telco-style.csv", "gb18030-chinese.csv", "decimal-comma.csv",
        "dates.csv", "missing-markers.csv", "ragged.csv", "duplicate-names.csv", "mixed-types.csv", "no-header.csv",
        "customers.arff", "windows1252.csv", "utf16le-bom.csv"})
    void readingWithTheStoredResolvedSettingsGivesTheSameTable(String fixture) throws Exception {
        ImportResult first = Fixtures.read(fixture);
        ObjectMapper mapper = new ObjectMapper();
        ImportSettings stored = ImportSettings.fromJson(
                mapper.readTree(mapper.writeValueAsString(first.resolvedSettings().toJson())));
        ImportResult again = Fixtures.read(fixture, stored);
        assertThat(again.resolvedSettings()).isEqualTo(first.resolvedSettings());
        assertThat(again.columns()).isEqualTo(first.columns());
        assertThat(csv(again)).isEqualTo(csv(first));
        assertThat(again.rowsSkipped()).isEqualTo(first.rowsSkipped());
        assertThat(again.sha256()).isEqualTo(first.sha256()).hasSize(64);
    }

    private String csv(ImportResult r) throws Exception {
        Path out = Files.createTempFile(tmp, "t", ".csv");
        NormalisedCsvWriter.write(r.dataset(), out);
        return Files.readString(out);
    }

    @Test
    void overrideToNumberTurnsWordsIntoMissingValuesAndReportsEachOne() throws Exception {
        ImportResult r = Fixtures.read("mixed-types.csv", ImportSettings.auto().withColumnType("code", ColumnType.NUMBER));
        assertThat(r.dataset().spec("code").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(r.dataset().spec("code").orElseThrow().reason().key()).isEqualTo("ingest.reason.override");
        DoubleColumn code = (DoubleColumn) r.dataset().table().column("code");
        assertThat(code.countMissing()).isEqualTo(20);
        assertThat(r.problems().stream().filter(p -> p.kind() == ImportProblem.Kind.BAD_NUMBER
                && "code".equals(p.column()))).hasSize(20);
    }

    @Test
    void overrideToCategoryKeepsNumbersAsWrittenAndIgnoreKeepsTheColumn() throws Exception {
        ImportResult r = Fixtures.read("postcodes-and-flags.csv", ImportSettings.auto()
                .withColumnType("visits", ColumnType.CATEGORY).withColumnType("customer_no", ColumnType.IGNORE));
        assertThat(r.dataset().table().stringColumn("visits").get(0)).matches("\\d+");
        assertThat(r.dataset().spec("customer_no").orElseThrow().type()).isEqualTo(ColumnType.IGNORE);
        assertThat(r.dataset().table().stringColumn("customer_no").get(0)).isEqualTo("100");
    }

    @Test
    void overrideToDateTimeFindsTheBestPatternAndReportsValuesThatAreNotDates() throws Exception {
        ImportResult r = Fixtures.read("dates.csv", ImportSettings.auto().withColumnType("note", ColumnType.DATETIME));
        assertThat(r.dataset().spec("note").orElseThrow().type()).isEqualTo(ColumnType.DATETIME);
        assertThat(r.dataset().table().dateTimeColumn("note").countMissing()).isEqualTo(4);
        assertThat(r.problems()).filteredOn(p -> p.kind() == ImportProblem.Kind.BAD_DATE).hasSize(4);
    }

    @Test
    void aTypeForAColumnTheFileDoesNotHaveIsReported() throws Exception {
        ImportResult r = Fixtures.read("ragged.csv", ImportSettings.auto().withColumnType("zip", ColumnType.CATEGORY));
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ImportProblem.Kind.UNKNOWN_COLUMN);
            assertThat(p.column()).isEqualTo("zip");
        });
    }

    @Test
    void codesThatAreReallyCategoriesAreNotNumbers() throws Exception {
        ImportResult r = Fixtures.read("postcodes-and-flags.csv");
        assertThat(r.dataset().spec("postcode").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(r.dataset().spec("postcode").orElseThrow().reason().key()).isEqualTo("ingest.reason.leadingZeros");
        assertThat(r.dataset().table().stringColumn("postcode").asSet()).contains("01067");
        assertThat(r.dataset().spec("newsletter").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(r.dataset().spec("visits").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(r.dataset().spec("customer_no").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
    }

    @Test
    void longVariedValuesAreTextAndRepeatedNumbersNamedIdAreKeys() throws Exception {
        ImportResult r = Fixtures.read("free-text.csv");
        assertThat(r.dataset().spec("comment").orElseThrow().type()).isEqualTo(ColumnType.TEXT);
        // a key repeats in a log (one customer, many orders); repeated numbers named otherwise stay
        // numbers (TypeInferenceTest.countsNamedWithNumberOrNumAreNotKeys)
        assertThat(r.dataset().spec("id").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(r.dataset().spec("id").orElseThrow().reason().key()).isEqualTo("ingest.reason.keyName");
    }

    @Test
    void readsGzipCompressedCsv() throws Exception {
        Path gz = tmp.resolve("bank.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Fixtures.path("bank-style.csv")));
        }
        ImportResult r = new DataImporter().read(gz, ImportSettings.auto(), Progress.none());
        assertThat(r.rowsRead()).isEqualTo(30);
        assertThat(csv(r)).isEqualTo(csv(Fixtures.read("bank-style.csv")));
    }

    @Test
    void theUsersFileIsNeverModified() throws Exception {
        Path f = Fixtures.path("ragged.csv");
        byte[] before = Files.readAllBytes(f);
        long modified = Files.getLastModifiedTime(f).toMillis();
        Fixtures.read("ragged.csv");
        assertThat(Files.readAllBytes(f)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(f).toMillis()).isEqualTo(modified);
    }
}
