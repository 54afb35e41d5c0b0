package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.DoubleColumn;

/** Every kind of bad input gets an ImportException with a clear message, or a listed problem. */
class BadInputTest {

    @TempDir
    Path tmp;

    private static String keyOf(ThrowingRead r) {
        try {
            r.run();
        } catch (ImportException e) {
            return e.userMessage().key();
        }
        throw new AssertionError("expected an ImportException");
    }

    @FunctionalInterface
    interface ThrowingRead {
        void run() throws ImportException;
    }

    @Test
    void emptyFileIsRefused() {
        assertThat(keyOf(() -> Fixtures.read("empty.csv"))).isEqualTo("ingest.error.empty");
    }

    @Test
    void fileWithOnlyBlankLinesIsRefusedAsEmpty() {
        assertThat(keyOf(() -> Fixtures.read("blank-lines.csv"))).isEqualTo("ingest.error.empty");
    }

    @Test
    void headerOnlyFileIsRefused() {
        assertThat(keyOf(() -> Fixtures.read("header-only.csv"))).isEqualTo("ingest.error.headerOnly");
    }

    @Test
    void binaryFileRenamedCsvIsRefused() throws IOException {
        Path f = tmp.resolve("photo.csv");
        byte[] bytes = new byte[4096];
        new Random(1).nextBytes(bytes);
        bytes[0] = (byte) 0x89;
        bytes[1] = 'P';
        bytes[2] = 'N';
        bytes[3] = 'G';
        Files.write(f, bytes);
        assertThat(keyOf(() -> new DataImporter().read(f, ImportSettings.auto(), Progress.none())))
                .isEqualTo("ingest.error.binary");
    }

    @Test
    void directoryIsRefused() {
        assertThat(keyOf(() -> new DataImporter().detect(tmp, ImportSettings.auto()))).isEqualTo("ingest.error.isFolder");
    }

    @Test
    void missingFileIsRefused() {
        assertThat(keyOf(() -> new DataImporter().detect(tmp.resolve("nope.csv"), ImportSettings.auto())))
                .isEqualTo("ingest.error.notFound");
    }

    @Test
    void unreadableFileGetsAPermissionMessage() {
        // root can read anything, so the refusal the operating system gives is checked directly
        ImportException e = DataImporter.ioError(tmp.resolve("locked.csv"), new AccessDeniedException("locked.csv"));
        assertThat(e.userMessage().key()).isEqualTo("ingest.error.unreadable");
    }

    @Test
    void raggedRowsAreSkippedListedAndCounted() throws Exception {
        ImportResult r = Fixtures.read("ragged.csv");
        assertThat(r.rowsRead()).isEqualTo(3);
        assertThat(r.rowsSkipped()).isEqualTo(2);
        assertThat(r.problems()).extracting(ImportProblem::line).containsExactly(3L, 5L);
        assertThat(r.problems()).extracting(ImportProblem::kind).containsOnly(ImportProblem.Kind.WRONG_FIELD_COUNT);
        assertThat(r.problems().get(0).rawText()).isEqualTo("4,5");
        assertThat(r.problems().get(1).rawText()).isEqualTo("9,10,11,12");
    }

    @Test
    void raggedRowStopsTheImportWhenAskedTo() {
        ImportSettings stop = ImportSettings.auto().withOnBadRow(BadRowPolicy.STOP);
        assertThatThrownBy(() -> Fixtures.read("ragged.csv", stop))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> {
                    ImportException ie = (ImportException) e;
                    assertThat(ie.userMessage().key()).isEqualTo("ingest.error.badRowStop");
                    assertThat(ie.userMessage().args()[0]).isEqualTo(3L);
                });
    }

    @Test
    void unbalancedQuoteIsReportedNotSilentlySwallowed() throws Exception {
        ImportResult r = Fixtures.read("unbalanced-quote.csv");
        assertThat(r.rowsRead()).isEqualTo(1);
        assertThat(r.rowsSkipped()).isEqualTo(1);
        assertThat(r.problems()).extracting(ImportProblem::kind).containsExactly(ImportProblem.Kind.UNBALANCED_QUOTE);
        assertThat(r.problems().get(0).line()).isEqualTo(3);
    }

    @Test
    void duplicateAndBlankColumnNamesAreRenamedDeterministicallyAndReported() throws Exception {
        ImportResult r = Fixtures.read("duplicate-names.csv");
        assertThat(r.dataset().table().columnNames()).containsExactly("name", "name_2", "column_3", "age", "column_5");
        assertThat(r.problems()).extracting(ImportProblem::kind).containsExactly(ImportProblem.Kind.DUPLICATE_NAME,
                ImportProblem.Kind.BLANK_NAME, ImportProblem.Kind.BLANK_NAME);
    }

    @Test
    void columnThatIsAllMissingIsIgnoredAndReported() throws Exception {
        ImportResult r = Fixtures.read("empty-column.csv");
        assertThat(r.dataset().spec("empty").orElseThrow().type()).isEqualTo(ColumnType.IGNORE);
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ImportProblem.Kind.EMPTY_COLUMN);
            assertThat(p.column()).isEqualTo("empty");
        });
    }

    @Test
    void mixedTypesAreReportedPerColumnAndStrayWordsInNumbersBecomeListedMissingValues() throws Exception {
        ImportResult r = Fixtures.read("mixed-types.csv");
        assertThat(r.dataset().spec("code").orElseThrow().type()).isEqualTo(ColumnType.TEXT);
        assertThat(r.dataset().spec("code").orElseThrow().reason().key()).isEqualTo("ingest.reason.mixedTypes");
        assertThat(r.dataset().spec("amount").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(((DoubleColumn) r.dataset().table().column("amount")).countMissing()).isEqualTo(1);
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(ImportProblem.Kind.BAD_NUMBER);
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.rawText()).isEqualTo("n.a.");
        });
        assertThat(r.problems()).filteredOn(p -> p.kind() == ImportProblem.Kind.MIXED_TYPES).hasSize(2);
    }

    @Test
    void fileLargerThanAvailableMemoryIsRefusedBeforeLoading() {
        DataImporter tiny = new DataImporter(() -> 1_000);
        assertThat(keyOf(() -> tiny.read(Fixtures.path("bank-style.csv"), ImportSettings.auto(), Progress.none())))
                .isEqualTo("ingest.error.tooLarge");
    }

    @Test
    void passwordProtectedWorkbookIsRefusedWithAClearMessage() throws Exception {
        Path plain = tmp.resolve("plain.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
            wb.createSheet("data").createRow(0).createCell(0).setCellValue("id");
            wb.write(out);
        }
        Path locked = tmp.resolve("locked.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (OutputStream os = enc.getDataStream(fs)) {
                Files.copy(plain, os);
            }
            try (OutputStream out = Files.newOutputStream(locked)) {
                fs.writeFilesystem(out);
            }
        }
        assertThat(keyOf(() -> new DataImporter().read(locked, ImportSettings.auto(), Progress.none())))
                .isEqualTo("ingest.error.excelPassword");
    }

    @Test
    void corruptWorkbookIsRefusedWithAClearMessage() throws Exception {
        Path broken = tmp.resolve("broken.xlsx");
        Files.write(broken, "PK\u0003\u0004 this is not really a zip".getBytes());
        assertThat(keyOf(() -> new DataImporter().read(broken, ImportSettings.auto(), Progress.none())))
                .isEqualTo("ingest.error.excelCorrupt");
    }

    @Test
    void truncatedGzipIsRefused() throws Exception {
        Path gz = tmp.resolve("data.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(Fixtures.path("bank-style.csv")));
        }
        byte[] all = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
        assertThat(keyOf(() -> new DataImporter().read(gz, ImportSettings.auto(), Progress.none())))
                .isIn("ingest.error.badGzip", "ingest.error.io");
    }

    @Test
    void unknownEncodingNameIsRefused() {
        assertThat(keyOf(() -> Fixtures.read("bank-style.csv", ImportSettings.auto().withEncoding("klingon-8"))))
                .isEqualTo("ingest.error.unknownEncoding");
    }

    @Test
    void everyErrorKeyHasAnEnglishAndAChineseText() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties zh = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/org/marketingworkbench/i18n/messages.properties");
                var b = getClass().getResourceAsStream("/org/marketingworkbench/i18n/messages_zh_CN.properties")) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            zh.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
        }
        var enKeys = en.stringPropertyNames().stream().filter(k -> k.startsWith("ingest.")).toList();
        assertThat(enKeys).hasSizeGreaterThan(50);
        assertThat(zh.stringPropertyNames().stream().filter(k -> k.startsWith("ingest.")).toList())
                .containsExactlyInAnyOrderElementsOf(enKeys);
    }
}
