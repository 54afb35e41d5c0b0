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
                        "\uFEFF", "\"a,b\"", "\"x\n y\"", "\"\"", "1e999", "sep=;\n", "sep=,\r\n", "\n\n",
                        "C536379", "85123A", "质量很好，物流很快"),
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

    @Provide
    Arbitrary<java.util.List<java.util.List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.of("", "NA", "0", "1", "42", "3.5", "-7", "007",
                "C536379", "85123A", "POST", "gold", "silver", "2024-01-31", "New York", "质量很好，物流很快"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(5),
                Arbitraries.integers().between(0, 99999).map(String::valueOf));
        return cell.list().ofSize(3).list().ofMinSize(1).ofMaxSize(40);
    }

    /** Excel's sep line and blank lines above the header are not data: the same table is read. */
    @Property(tries = 60, seed = "20261130")
    void aSepLineAndBlankLinesBeforeTheHeaderChangeNothing(@ForAll("tables") java.util.List<java.util.List<String>> rows,
            @ForAll("prefixes") String prefix) throws Exception {
        StringBuilder body = new StringBuilder("name;amount;code\n");
        for (java.util.List<String> r : rows) {
            body.append(String.join(";", r)).append('\n');
        }
        Path plain = Files.createTempFile(dir, "plain", ".csv");
        Path prefixed = Files.createTempFile(dir, "prefixed", ".csv");
        try {
            Files.writeString(plain, body);
            Files.writeString(prefixed, prefix + body);
            ImportSettings s = ImportSettings.auto().withDelimiter(';').withHeader(true);
            ImportResult a;
            try {
                a = new DataImporter().read(plain, s, Progress.none());
            } catch (ImportException refused) {
                // a table the importer refuses (e.g. only a header) is refused with the prefix too
                String key = refused.userMessage().key();
                assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ImportException.class,
                        () -> new DataImporter().read(prefixed, s, Progress.none())).userMessage().key()).isEqualTo(key);
                return;
            }
            ImportResult b = new DataImporter().read(prefixed, s, Progress.none());
            assertThat(b.dataset().table().columnNames()).isEqualTo(a.dataset().table().columnNames());
            assertThat(b.rowsRead()).isEqualTo(a.rowsRead());
            assertThat(b.rowsSkipped()).isEqualTo(a.rowsSkipped());
            assertThat(b.columns()).extracting(c -> c.type()).isEqualTo(a.columns().stream().map(c -> c.type()).toList());
            assertThat(b.dataset().table().print(1000)).isEqualTo(a.dataset().table().print(1000));
        } finally {
            Files.deleteIfExists(plain);
            Files.deleteIfExists(prefixed);
        }
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("sep=;\n", "sep=;\r\n", "\n", "\r\n\r\n", "sep=;\n\n\n", "\n\n");
    }
}
