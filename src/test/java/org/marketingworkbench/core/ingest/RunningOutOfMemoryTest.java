package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.testsupport.SmallHeapJvm;

/**
 * Running out of memory ends in one plain message that says how big the data is and what to do, never
 * in a stack trace or another error's message. The memory budget is injected, so a "20 MB heap" is
 * simulated without starting a JVM; {@code OutOfMemoryRecoveryProbe} runs the real thing.
 */
class RunningOutOfMemoryTest {

    private static final long MB = 1 << 20;

    @TempDir
    Path tmp;

    @Test
    void anOutOfMemoryErrorMidReadIsReportedWithTheRowsReadNotAsAQuoteThatNeverCloses() throws Exception {
        Path csv = tmp.resolve("customers.csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv)) {
            w.write("id,spend,city\n");
            for (int i = 0; i < 20_000; i++) {
                w.write(i + "," + (i % 97) + ".5,city" + (i % 13) + "\n");
            }
        }
        // the heap runs out while the parser is busy: FastCSV wraps the error like any other
        AtomicBoolean thrown = new AtomicBoolean();
        Progress failing = Progress.to((fraction, message) -> {
            if (fraction > 0 && fraction < 1 && thrown.compareAndSet(false, true)) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        ImportException e = catchThrowableOfType(ImportException.class,
                () -> new DataImporter().read(csv, ImportSettings.auto(), failing));
        assertThat(e).as("an ImportException, not a raw OutOfMemoryError").isNotNull();
        UserMessage m = e.userMessage();
        assertThat(m.key()).isEqualTo("ingest.error.outOfMemoryRead");
        assertThat((long) m.args()[2]).as("rows read").isPositive();
        assertThat(m.args()[3]).as("columns").isEqualTo(3);
        assertThat(e.getCause()).isInstanceOf(OutOfMemoryError.class);
        String text = m.format(Locale.ENGLISH);
        assertThat(text).startsWith("Memory ran out while reading customers.csv").contains("rows × 3 columns")
                .contains("-Xmx").contains("JAVA_TOOL_OPTIONS").contains("fewer columns").contains("sample")
                .doesNotContain("quote").doesNotContain("\n");
        assertThat(m.format(Locale.SIMPLIFIED_CHINESE)).startsWith("读取 customers.csv").contains("内存不足")
                .contains("-Xmx");
    }

    @Test
    void aGzipThatExpandsPastTheBudgetStopsWithTheTextAndRowsReadSoFar() throws Exception {
        // 60 MB of text in a gzip of a few hundred kB: its size tells the check before the read nothing
        Path gz = tmp.resolve("log.csv.gz");
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(gz), 1 << 16), StandardCharsets.UTF_8))) {
            w.write("order,amount,country\n");
            for (long written = 0, i = 0; written < 60 * MB; i++) {
                long k = i % 1000; // rows repeat every 25 kB, within gzip's window: it compresses them 1000 to 1
                String row = (100_000 + k) + "," + (k % 500) + ".25,Country" + (k % 7) + "\n";
                w.write(row);
                written += row.length();
            }
        }
        assertThat(Files.size(gz)).isLessThan(MB);
        long start = System.nanoTime();
        DataImporter twentyMegabytes = new DataImporter(() -> 20 * MB);
        ImportException e = catchThrowableOfType(ImportException.class,
                () -> twentyMegabytes.read(gz, ImportSettings.auto(), Progress.none()));
        assertThat(e).isNotNull();
        UserMessage m = e.userMessage();
        assertThat(m.key()).isEqualTo("ingest.error.expandsTooFar");
        long textMiB = (long) m.args()[2];
        assertThat(textMiB).as("MiB of text read before stopping").isBetween(2L, 30L);
        assertThat((long) m.args()[3]).as("rows so far").isPositive();
        System.out.println(m.format(Locale.ENGLISH));
        assertThat(m.args()[4]).as("columns").isEqualTo(3);
        assertThat(m.format(Locale.ENGLISH)).contains("log.csv.gz").contains("expands to more than fits in memory")
                .contains("-Xmx");
        assertThat((System.nanoTime() - start) / 1e9).as("seconds: stopped early, not after 60 MB").isLessThan(30);
    }

    @Test
    void aWorkbookTooLargeForTheBudgetIsRefusedBeforeItIsOpened() throws Exception {
        Path xlsx = workbook(tmp.resolve("orders.xlsx"), new SXSSFWorkbook(100), 5_000, 20);
        DataImporter twentyMegabytes = new DataImporter(() -> 20 * MB);
        for (ThrowingRead read : new ThrowingRead[] {
            () -> twentyMegabytes.read(xlsx, ImportSettings.auto(), Progress.none()),
            () -> twentyMegabytes.detect(xlsx, ImportSettings.auto())}) {
            ImportException e = catchThrowableOfType(ImportException.class, read::run);
            assertThat(e).isNotNull();
            UserMessage m = e.userMessage();
            assertThat(m.key()).isEqualTo("ingest.error.workbookTooLarge");
            assertThat(m.args()[2]).as("cells").isEqualTo(5_001L * 20);
            assertThat(m.args()[3]).isEqualTo("orders");
            assertThat(m.args()[4]).as("rows").isEqualTo(5_001L);
            assertThat(m.args()[5]).as("columns").isEqualTo(20L);
            assertThat((long) m.args()[6]).as("MiB needed").isGreaterThan(20);
            assertThat(m.format(Locale.ENGLISH)).contains("100,020 cells").contains("5,001 rows × 20 columns")
                    .contains("-Xmx");
        }
        // with memory enough, the same workbook reads, and its sheet names come without loading it
        ImportResult r = new DataImporter(() -> 1L << 40).read(xlsx, ImportSettings.auto(), Progress.none());
        assertThat(r.rowsRead()).isEqualTo(5_000);
        assertThat(new DataImporter().sheets(xlsx)).containsExactly("orders");
    }

    @Test
    void aSheetWithoutADimensionHasItsCellsCounted() throws Exception {
        Path full = workbook(tmp.resolve("full.xlsx"), new SXSSFWorkbook(100), 3_000, 12);
        Path bare = withoutDimensions(full, tmp.resolve("bare.xlsx"));
        ExcelReader.Extent extent = ExcelReader.extent(bare);
        assertThat(extent).isNotNull();
        assertThat(extent.cells()).isEqualTo(3_001L * 12);
        assertThat(extent.largestRows()).isEqualTo(3_001L);
        assertThat(extent.largestColumns()).isEqualTo(12L);
        ImportException e = catchThrowableOfType(ImportException.class,
                () -> new DataImporter(() -> 5 * MB).read(bare, ImportSettings.auto(), Progress.none()));
        assertThat(e.userMessage().key()).isEqualTo("ingest.error.workbookTooLarge");
    }

    @Test
    void anOldExcelWorkbookIsCheckedFromItsDimensionRecords() throws Exception {
        Path xls = workbook(tmp.resolve("old.xls"), new HSSFWorkbook(), 4_000, 10);
        ExcelReader.Extent extent = ExcelReader.extent(xls);
        assertThat(extent.sheets()).containsExactly("orders");
        assertThat(extent.cells()).isEqualTo(4_001L * 10);
        ImportException e = catchThrowableOfType(ImportException.class,
                () -> new DataImporter(() -> 2 * MB).read(xls, ImportSettings.auto(), Progress.none()));
        assertThat(e.userMessage().key()).isEqualTo("ingest.error.workbookTooLarge");
        assertThat(new DataImporter().read(xls, ImportSettings.auto(), Progress.none()).rowsRead()).isEqualTo(4_000);
    }

    @Test
    void aDimensionIsReadFromItsCellRange() {
        assertThat(ExcelReader.dimension("A1:T300001")).containsExactly(300_001, 20, 6_000_020);
        assertThat(ExcelReader.dimension("B2:D10")).containsExactly(9, 3, 27);
        assertThat(ExcelReader.dimension("XFD1048576")).containsExactly(1, 1, 1);
        assertThat(ExcelReader.dimension("A1:XFD1048576")).containsExactly(1_048_576, 16_384, 1_048_576L * 16_384);
        assertThat(ExcelReader.dimension("")).isNull();
        assertThat(ExcelReader.dimension("1:2")).isNull();
    }

    @Test
    void theAdviceNamesAHeapLargerThanNowAndWhatTheDataNeeds() {
        long now = HeapBudget.maxHeap();
        long suggested = (long) HeapBudget.advice(-1).args()[0];
        assertThat(suggested << 30).isGreaterThanOrEqualTo(2 * now - (1L << 30));
        long big = 40L << 30;
        assertThat((long) HeapBudget.advice(big).args()[0]).isGreaterThanOrEqualTo(60);
    }

    @Test
    void aRealOutOfMemoryLeavesNothingOfTheReadBehindAndTheNextReadFits() throws Exception {
        Path heavy = SmallHeapJvm.csvHeavierThanItsSample(tmp.resolve("heavy.csv"));
        SmallHeapJvm.Run run = SmallHeapJvm.run("96m", tmp, OutOfMemoryRecoveryProbe.class.getName(),
                heavy.toString(), tmp.resolve("next.csv").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("read: ingest.error.outOfMemoryRead")
                .contains("message: Memory ran out while reading heavy.csv").contains("rows × 3 columns")
                .contains("next: 1000000 rows");
        long used = Long.parseLong(run.out().replaceAll("(?s).*used after: (\\d+) of.*", "$1"));
        long max = Long.parseLong(run.out().replaceAll("(?s).*used after: \\d+ of (\\d+).*", "$1"));
        assertThat((double) used / max).as("share of the heap still used after the failed read").isLessThan(0.35);
        assertThat(run.errLines()).isEmpty();
    }

    @FunctionalInterface
    interface ThrowingRead {
        void run() throws Exception;
    }

    private static Path workbook(Path file, Workbook workbook, int rows, int columns) throws IOException {
        try (Workbook wb = workbook; OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("orders");
            Row h = s.createRow(0);
            for (int c = 0; c < columns; c++) {
                h.createCell(c).setCellValue("col" + c);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = s.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellValue(r * 10 + c + 0.5);
                }
            }
            wb.write(out);
            if (wb instanceof SXSSFWorkbook sx) {
                sx.dispose();
            }
        }
        return file;
    }

    /** The same workbook with every sheet's {@code <dimension>} removed, as some exporters write it. */
    private static Path withoutDimensions(Path from, Path to) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes;
                try (var entry = in.getInputStream(e)) {
                    bytes = entry.readAllBytes();
                }
                if (e.getName().startsWith("xl/worksheets/")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    String stripped = xml.replaceAll("<dimension [^>]*/>", "");
                    assertThat(stripped).isNotEqualTo(xml);
                    bytes = stripped.getBytes(StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.closeEntry();
            }
        }
        return to;
    }

}
