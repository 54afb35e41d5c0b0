package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * Property-based fuzzing of the CSV reader: whatever bytes a file holds, detection and reading
 * either succeed or throw ImportException, never anything else.
 */
class CsvReaderFuzzTest {

    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("mwb-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            files.forEach(f -> f.toFile().delete());
        }
        Files.deleteIfExists(dir);
    }

    @Provide
    Arbitrary<String> csvLikeText() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of(",", ";", "\t", "|", "\"", "'", "\n", "\r\n", "\r", " ", "", "NA", "-", "?", "1,5",
                        "1.234,56", "2024-02-30", "01.02.2024", "007", "0", "1", "-3.5e2", "名字", "Zürich", "\u0000",
                        "\uFEFF", "\"a,b\"", "\"x\n y\"", "\"\"", "1e999"),
                Arbitraries.strings().ofMaxLength(6),
                Arbitraries.integers().between(-1000, 100000).map(String::valueOf));
        return token.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 200, seed = "20241128")
    void readerNeverThrowsAnythingButImportException(@ForAll("csvLikeText") String text,
            @ForAll("encodings") String encoding) throws IOException {
        Path f = Files.createTempFile(dir, "fuzz", ".csv");
        try {
            Files.write(f, text.getBytes(encoding));
            try {
                ImportResult r = new DataImporter().read(f, ImportSettings.auto(), Progress.none());
                assertThat(r.rowsRead()).isPositive();
                assertThat(r.dataset().table().rowCount()).isEqualTo((int) r.rowsRead());
            } catch (ImportException expected) {
                assertThat(expected.userMessage()).isNotNull();
            }
        } catch (UncheckedIOException e) {
            throw e;
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.of("UTF-8", "UTF-16LE", "GB18030", "windows-1252");
    }

    @Property(tries = 50, seed = "7")
    void randomBytesNeverThrowAnythingButImportException(@ForAll byte[] bytes) throws IOException {
        Path f = Files.createTempFile(dir, "bytes", ".csv");
        try {
            Files.write(f, bytes);
            try {
                new DataImporter().read(f, ImportSettings.auto(), Progress.none());
            } catch (ImportException expected) {
                assertThat(expected.userMessage()).isNotNull();
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }
}
