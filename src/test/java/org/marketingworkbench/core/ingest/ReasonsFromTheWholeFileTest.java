package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * Types are chosen from the first rows, but a reason that counts states the count of the whole file
 * ("38 different values", not the 15 of the first rows), or says that it counts the first rows.
 */
class ReasonsFromTheWholeFileTest {

    private static final int ROWS = 40_000;
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");

    @TempDir
    Path dir;
    Path log;

    /** A log sorted by date: the first rows hold 2 months, the file 12; notes and refs grow later. */
    @BeforeEach
    void writeLog() throws Exception {
        log = dir.resolve("log.csv");
        try (BufferedWriter w = Files.newBufferedWriter(log)) {
            w.write("month,note,ref,amount,mixed\n");
            for (int i = 0; i < ROWS; i++) {
                String month = i < 12_000 ? MONTHS.get(4 + i % 2) : MONTHS.get(i % 12);
                String note = "note number " + (i < 12_000 ? i % 6_000 : 6_000 + i % 2_000);
                String ref = "K" + (i < 20_000 ? i : i % 100) + "x";
                String amount = i >= 20_000 && i % 10 == 0 ? "unknown" : String.valueOf(i % 97);
                String mixed = i < 12_000 ? (i % 2 == 0 ? "red" : String.valueOf(i % 7)) : "blue";
                w.write(month + "," + note + "," + ref + "," + amount + "," + mixed + "\n");
            }
        }
        assertThat(Files.size(log)).isGreaterThan(DataImporter.SAMPLE_BYTES);
    }

    private static ColumnSpec spec(List<ColumnSpec> specs, String name) {
        return specs.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static UserMessage inner(UserMessage m) {
        assertThat(m.key()).isEqualTo("ingest.reason.inSample");
        return (UserMessage) m.args()[1];
    }

    @Test
    void thePreviewSaysItsCountsComeFromTheFirstRows() throws Exception {
        ImportPreview p = new DataImporter().detect(log, ImportSettings.auto());
        UserMessage month = spec(p.columns(), "month").reason();
        assertThat(month.args()[0]).isEqualTo(10_000);
        assertThat(inner(month)).isEqualTo(UserMessage.of("ingest.reason.fewDistinct", 2));
        assertThat(month.format(java.util.Locale.ENGLISH)).isEqualTo(
                "in the first 10,000 rows: 2 different values → category");
        assertThat(inner(spec(p.columns(), "note").reason()).key()).isEqualTo("ingest.reason.freeText");
        assertThat(inner(spec(p.columns(), "ref").reason()).key()).isEqualTo("ingest.reason.allUnique");
        assertThat(inner(spec(p.columns(), "mixed").reason()).key()).isEqualTo("ingest.reason.mixedTypes");
        assertThat(p.problems()).filteredOn(q -> "mixed".equals(q.column())).singleElement()
                .satisfies(q -> assertThat(q.message().key()).isEqualTo("ingest.problem.inSample"));
    }

    @Test
    void theReadStatesTheCountsOfTheWholeFile() throws Exception {
        ImportResult r = new DataImporter().read(log, ImportSettings.auto(), Progress.none());
        List<ColumnSpec> c = r.columns();
        assertThat(spec(c, "month").type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(spec(c, "month").reason()).isEqualTo(UserMessage.of("ingest.reason.fewDistinct", 12));
        assertThat(spec(c, "note").type()).isEqualTo(ColumnType.TEXT);
        assertThat(spec(c, "note").reason()).isEqualTo(UserMessage.of("ingest.reason.freeText", 8_000, 16));
        // unique in the first rows only: the type stands, the reason says what the file holds
        assertThat(spec(c, "ref").type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(spec(c, "ref").reason()).isEqualTo(UserMessage.of("ingest.reason.uniqueInSample", 10_000,
                20_000, ROWS));
        // words only after the first rows: the number column says how many values were numbers
        assertThat(spec(c, "amount").type()).isEqualTo(ColumnType.NUMBER);
        assertThat(spec(c, "amount").reason()).isEqualTo(UserMessage.of("ingest.reason.mostlyNumbers", 95));
        assertThat(spec(c, "mixed").reason()).isEqualTo(UserMessage.of("ingest.reason.mixedTypes", 15));
        assertThat(r.problems()).filteredOn(q -> q.kind() == ImportProblem.Kind.MIXED_TYPES).singleElement()
                .satisfies(q -> assertThat(q.message()).isEqualTo(
                        UserMessage.of("ingest.problem.mixedTypes", "mixed", 15)));
    }

    @Test
    void aSmallFileWithMoreRowsThanTheSampleIsNotTakenAsWhole() throws Exception {
        Path small = dir.resolve("short-rows.csv");
        try (BufferedWriter w = Files.newBufferedWriter(small)) {
            w.write("k\n");
            for (int i = 0; i < 25_000; i++) {
                w.write((i < 15_000 ? "a" : String.valueOf((char) ('a' + i % 20))) + "\n");
            }
        }
        assertThat(Files.size(small)).isLessThan(DataImporter.SAMPLE_BYTES);
        ImportPreview p = new DataImporter().detect(small, ImportSettings.auto());
        assertThat(p.columns().get(0).reason().key()).isEqualTo("ingest.reason.inSample");
        assertThat(p.estimatedRows()).isBetween(24_000L, 26_000L);
        ImportResult r = new DataImporter().read(small, ImportSettings.auto(), Progress.none());
        assertThat(r.columns().get(0).reason()).isEqualTo(UserMessage.of("ingest.reason.fewDistinct", 20));
    }

    @Test
    void aFileReadWholeInTheSampleStatesPlainCounts() throws Exception {
        ImportPreview p = Fixtures.detect("bank-style.csv");
        assertThat(p.columns()).allSatisfy(c -> assertThat(c.reason().key()).doesNotEndWith("inSample"));
    }
}
