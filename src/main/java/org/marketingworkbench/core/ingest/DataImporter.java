package org.marketingworkbench.core.ingest;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.project.ContentHash;

/**
 * Reads a customer file (CSV/TSV/TXT, optionally .gz; Excel; ARFF) into a typed {@link Dataset}.
 *
 * <p>{@link #detect} reads only the first megabyte (or, for Excel and ARFF, the file) and returns
 * every detected setting with the inferred columns. {@link #read} runs the same detection on the
 * same sample (so the same settings give the same table), checks that the table will fit in
 * memory, then makes a single pass over the file, parsing fields straight into column builders.
 * Every failure is an {@link ImportException}; malformed rows are skipped or stop the import as
 * the settings say, and are always counted and listed.
 */
public final class DataImporter {

    static final int SAMPLE_BYTES = 1 << 20;
    static final int SAMPLE_RECORDS = 10_000;
    /** From this size on, parsing and conversion run on two threads. */
    static final long PARALLEL_FROM_BYTES = 4L << 20;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private final HeapBudget budget;
    private final long parallelFromBytes;

    public DataImporter() {
        this(DataImporter::freeHeap, PARALLEL_FROM_BYTES);
    }

    /** Test seam: how many bytes of heap the import may use. */
    DataImporter(LongSupplier availableMemory) {
        this(availableMemory, PARALLEL_FROM_BYTES);
    }

    /** Test seam: also from which file size on to convert on a second thread. */
    DataImporter(LongSupplier availableMemory, long parallelFromBytes) {
        this.budget = new HeapBudget(availableMemory);
        this.parallelFromBytes = parallelFromBytes;
    }

    static long freeHeap() {
        return HeapBudget.freeHeap();
    }

    /** The sheet names of an Excel workbook, for the sheet chooser. */
    public List<String> sheets(Path file) throws ImportException {
        long size = checkFile(file);
        try {
            return ExcelReader.sheetNames(file);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(file, size, new Figures(), e);
        }
    }

    /**
     * Detects the settings and column types from a sample of the file.
     *
     * @param requested settings the user fixed; null fields are detected
     */
    public ImportPreview detect(Path file, ImportSettings requested) throws ImportException {
        Figures figures = new Figures();
        try {
            return plan(file, requested == null ? ImportSettings.auto() : requested, figures).preview();
        } catch (OutOfMemoryError e) {
            throw outOfMemory(file, figures.fileSize, figures, e);
        }
    }

    /**
     * Reads the whole file. Cancelling through {@code progress} throws {@link CancelledException}
     * and leaves nothing behind.
     */
    public ImportResult read(Path file, ImportSettings settings, Progress progress) throws ImportException {
        Figures figures = new Figures();
        try {
            return readInto(file, settings, progress, figures);
        } catch (OutOfMemoryError e) {
            // readInto's frame, and with it every reference to the rows read so far, is gone: the
            // collector can take them back, and the app goes on with the memory it had before
            throw outOfMemory(file, figures.fileSize, figures, e);
        }
    }

    /**
     * What a read has got to, kept apart from the data so that the figures outlive it when memory runs
     * out: allocated before the read, written with numbers only, so recording them needs no memory.
     */
    static final class Figures {
        volatile long fileSize;
        volatile int columns = -1;
        volatile long rows = -1;
        /** Bytes of text read so far: decompressed, for a .gz. */
        volatile long textBytes = -1;
        /** For a workbook: the cells its sheets span, and its largest sheet. */
        volatile long cells = -1;
        volatile String sheet;
        volatile long sheetRows;
        volatile long sheetColumns;
        volatile long need = -1;
    }

    /** The plain message for a read that ran out of memory, with what is known of the data's size. */
    private static ImportException outOfMemory(Path file, long fileSize, Figures f, OutOfMemoryError e) {
        String name = String.valueOf(file.getFileName());
        long maxHeap = HeapBudget.maxHeap();
        UserMessage message;
        if (f.rows >= 0 && f.columns >= 0) {
            long need = f.need;
            if (need < 0 && f.textBytes > 0 && fileSize > f.textBytes) {
                need = (long) (maxHeap * ((double) fileSize / f.textBytes)); // at this rate, the whole file
            }
            message = UserMessage.of("ingest.error.outOfMemoryRead", name, HeapBudget.mib(fileSize), f.rows, f.columns,
                    HeapBudget.mib(Math.max(0, f.textBytes)), HeapBudget.mib(maxHeap), HeapBudget.advice(need));
        } else if (f.cells >= 0) {
            message = UserMessage.of("ingest.error.outOfMemorySheets", name, HeapBudget.mib(fileSize), f.cells,
                    String.valueOf(f.sheet), f.sheetRows, f.sheetColumns, HeapBudget.mib(maxHeap),
                    HeapBudget.advice(f.need));
        } else {
            message = UserMessage.of("ingest.error.outOfMemory", name, HeapBudget.mib(fileSize),
                    HeapBudget.mib(maxHeap), HeapBudget.advice(f.need));
        }
        return new ImportException(message, e);
    }

    private ImportResult readInto(Path file, ImportSettings settings, Progress progress, Figures figures)
            throws ImportException {
        Progress p = progress == null ? Progress.none() : progress;
        Plan plan = plan(file, settings == null ? ImportSettings.auto() : settings, figures);
        p.throwIfCancelled();
        long need = plan.estimatedBytes + plan.estimatedBytes / 4;
        long available = budget.availableFor(need);
        if (need > available) {
            throw new ImportException(UserMessage.of("ingest.error.tooLarge", file.getFileName().toString(),
                    mib(plan.fileSize), mib(need), mib(available), HeapBudget.advice(need)));
        }
        figures.columns = plan.columns.size();
        TableAssembler assembler = new TableAssembler(plan.columns, plan.missing, plan.numbers,
                plan.resolved.onBadRow(), plan.estimatedRows + plan.estimatedRows / 10 + 16);
        String sha;
        Dataset dataset;
        try {
            if (plan.allRecords != null) {
                feedRecords(assembler, plan.allRecords, plan.allLines, p.slice(0, 0.9));
                try {
                    sha = ContentHash.sha256(file);
                } catch (IOException e) {
                    throw ioError(file, e);
                }
            } else {
                sha = readCsv(file, plan, assembler, p.slice(0, 0.95), textLimit(plan, available), figures);
            }
            if (assembler.size() == 0) {
                throw new ImportException(UserMessage.of(assembler.rowsSkipped() > 0 ? "ingest.error.allRowsBad"
                        : "ingest.error.headerOnly", assembler.rowsSkipped()));
            }
            p.throwIfCancelled();
            dataset = assembler.build();
        } catch (OutOfMemoryError e) {
            // field reads and writes: recording the figures needs no memory
            figures.rows = assembler.size();
            if (figures.textBytes < 0 && plan.allRecords != null) {
                figures.textBytes = plan.fileSize; // a workbook or ARFF file is read whole first
            }
            throw e;
        }
        List<ImportProblem> problems = new ArrayList<>(plan.notes.size() + assembler.problems().size());
        Map<String, Integer> index = new HashMap<>(Math.max(16, plan.columns.size() * 2));
        for (int i = 0; i < plan.columns.size(); i++) {
            index.put(plan.columns.get(i).name(), i);
        }
        for (ImportProblem note : plan.notes) {
            problems.add(restated(note, index, dataset, assembler));
        }
        problems.addAll(assembler.problems());
        long bytes = estimateBytes(plan.columns, plan.bytesPerRow, dataset.rowCount());
        p.report(1.0);
        return new ImportResult(dataset, plan.resolved, dataset.columns(), problems,
                plan.notes.size() + assembler.problemCount(), dataset.rowCount(), assembler.rowsSkipped(), bytes, sha);
    }

    /** A note on a column's values, with the whole file's counts instead of the sample's. */
    private static ImportProblem restated(ImportProblem note, Map<String, Integer> index, Dataset dataset,
            TableAssembler assembler) {
        if (note.kind() != ImportProblem.Kind.MIXED_TYPES || note.column() == null) {
            return note;
        }
        Integer i = index.get(note.column());
        return i == null ? note
                : TypeInference.restateNote(note, dataset.columns().get(i).type(), assembler.wholeFile(i));
    }

    private static long mib(long bytes) {
        return HeapBudget.mib(bytes);
    }

    /**
     * The most text a .gz may expand to before its table outgrows the memory that was free when the
     * read began: a gzip's size says nothing of what it holds (one of 5 MB can expand to 5 GB), so the
     * check before the read cannot see it. The memory a row takes and the text a row takes both come
     * from the sample. Unlimited for a plain file, whose size the check before the read already used.
     */
    static long textLimit(Plan plan, long available) {
        if (!plan.gzip || plan.textBytesPerRow <= 0) {
            return Long.MAX_VALUE;
        }
        double memoryPerRow = 0;
        for (double b : plan.bytesPerRow) {
            memoryPerRow += b;
        }
        double rows = (available - available / 5) / Math.max(1.0, memoryPerRow); // the same 1.25 as before the read
        return (long) Math.max(SAMPLE_BYTES, Math.min(Long.MAX_VALUE / 2.0, rows * plan.textBytesPerRow));
    }

    // ------------------------------------------------------------------ the plan

    /** Everything detection decides; shared by detect and read so both see the same. */
    static final class Plan {
        ImportSettings resolved;
        Charset charset;
        int bom;
        /** Bytes after the byte-order mark that are not data: Excel's "sep=;" line. */
        int prefixBytes;
        /** Lines before the data's first line that the CSV parser does not see (the "sep=" line). */
        int prefixLines;
        boolean gzip;
        List<ColumnPlan> columns;
        MissingMarkers missing;
        NumberParser numbers;
        List<ImportProblem> notes = new ArrayList<>();
        List<String[]> sampleRecords = List.of();
        List<String> sheets = List.of();
        List<String[]> allRecords; // Excel and ARFF: the whole data, already in memory
        long[] allLines;
        long fileSize;
        /** Bytes of text per data row in the sample: how much text a given number of rows takes. */
        double textBytesPerRow;
        long estimatedRows;
        long estimatedBytes;
        double[] bytesPerRow;

        ImportPreview preview() {
            List<ColumnSpec> specs = columns.stream().map(ColumnPlan::spec).toList();
            List<List<String>> rows = new ArrayList<>();
            for (String[] r : sampleRecords) {
                if (rows.size() >= ImportPreview.SAMPLE_ROWS) {
                    break;
                }
                rows.add(List.of(r));
            }
            return new ImportPreview(resolved, specs, rows, sheets, notes, fileSize, estimatedRows, estimatedBytes);
        }
    }

    private Plan plan(Path file, ImportSettings s, Figures figures) throws ImportException {
        long size = checkFile(file);
        figures.fileSize = size;
        FileFormat format = s.format() != null ? s.format() : formatOf(file);
        Plan plan = new Plan();
        plan.fileSize = size;
        return switch (format) {
            case EXCEL -> {
                checkWorkbookFits(file, size, figures);
                yield planRecords(file, s.withFormat(FileFormat.EXCEL), plan, ExcelReader.read(file, s.sheet()));
            }
            case ARFF -> planRecords(file, s.withFormat(FileFormat.ARFF).withHeader(true).withDecimalComma(false)
                    .withThousandsSeparator(""), plan, ArffReader.read(file));
            default -> planCsv(file, s.withFormat(FileFormat.CSV), plan);
        };
    }

    /**
     * Refuses a workbook that cannot fit before reading it: POI loads every sheet of a workbook at once,
     * at about {@link ExcelReader#XLSX_BYTES_PER_CELL} bytes a cell, so a 37 MB .xlsx of 300,000 × 20
     * numbers needs some 4.6 GiB. The cells are counted from the sheets' dimensions without loading them.
     */
    private void checkWorkbookFits(Path file, long size, Figures figures) throws ImportException {
        ExcelReader.Extent extent = ExcelReader.extent(file);
        if (extent == null) {
            return;
        }
        long need = extent.bytesNeeded();
        figures.cells = extent.cells();
        figures.sheet = extent.largestSheet();
        figures.sheetRows = extent.largestRows();
        figures.sheetColumns = extent.largestColumns();
        figures.need = need;
        long available = budget.availableFor(need);
        if (need > available) {
            throw new ImportException(UserMessage.of("ingest.error.workbookTooLarge", file.getFileName().toString(),
                    mib(size), extent.cells(), extent.largestSheet(), extent.largestRows(), extent.largestColumns(),
                    mib(need), mib(available), HeapBudget.advice(need)));
        }
    }

    private static long checkFile(Path file) throws ImportException {
        String name = String.valueOf(file);
        if (Files.isDirectory(file)) {
            throw new ImportException(UserMessage.of("ingest.error.isFolder", name));
        }
        if (!Files.exists(file)) {
            throw new ImportException(UserMessage.of("ingest.error.notFound", name));
        }
        if (!Files.isReadable(file)) {
            throw new ImportException(UserMessage.of("ingest.error.unreadable", name));
        }
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new ImportException(UserMessage.of("ingest.error.empty", name));
            }
            return size;
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    static ImportException ioError(Path file, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new ImportException(UserMessage.of("ingest.error.unreadable", String.valueOf(file)), e);
        }
        if (e instanceof NoSuchFileException) {
            return new ImportException(UserMessage.of("ingest.error.notFound", String.valueOf(file)), e);
        }
        if (e instanceof ZipException) {
            return new ImportException(UserMessage.of("ingest.error.badGzip", String.valueOf(file)), e);
        }
        return new ImportException(UserMessage.of("ingest.error.io", String.valueOf(file),
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }

    static FileFormat formatOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xlsx") || n.endsWith(".xlsm") || n.endsWith(".xls")) {
            return FileFormat.EXCEL;
        }
        if (n.endsWith(".arff")) {
            return FileFormat.ARFF;
        }
        return FileFormat.CSV;
    }

    // ------------------------------------------------------------------ CSV detection

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    private Plan planCsv(Path file, ImportSettings s, Plan plan) throws ImportException {
        int len;
        boolean truncated;
        long rawConsumed;
        byte[] buf;
        try {
            plan.gzip = isGzip(file);
            buf = new byte[plan.gzip ? SAMPLE_BYTES : (int) Math.min(SAMPLE_BYTES, plan.fileSize)];
            try (CountingStream counting = new CountingStream(Files.newInputStream(file), null);
                    InputStream in = plan.gzip ? new GZIPInputStream(counting, 1 << 16) : counting) {
                len = in.readNBytes(buf, 0, buf.length);
                truncated = len == buf.length && (plan.gzip || len == SAMPLE_BYTES) && in.read() >= 0;
                rawConsumed = plan.gzip ? counting.count : len;
            }
        } catch (IOException e) {
            throw ioError(file, e);
        }
        if (len == 0) {
            throw new ImportException(UserMessage.of("ingest.error.empty", String.valueOf(file)));
        }
        Charset cs;
        int bom;
        if (s.encoding() != null) {
            cs = EncodingDetector.named(s.encoding());
            bom = EncodingDetector.bomLength(buf, len, cs);
        } else {
            EncodingDetector.Detected d = EncodingDetector.detect(buf, len, truncated);
            cs = d.charset();
            bom = d.bomLength();
        }
        plan.charset = cs;
        plan.bom = bom;
        String text = new String(buf, bom, len - bom, cs);
        if (text.isBlank()) {
            throw new ImportException(UserMessage.of("ingest.error.empty", String.valueOf(file)));
        }
        SepLine sep = SepLine.of(text);
        if (sep != null) {
            plan.prefixLines = 1;
            plan.prefixBytes = asciiBytes(text.substring(0, sep.chars()), cs);
            text = text.substring(sep.chars());
        }
        char quote = s.quote() != null ? s.quote() : detectQuote(text);
        char delimiter = s.delimiter() != null ? s.delimiter()
                : sep != null ? sep.delimiter() : detectDelimiter(text, quote);
        if (delimiter == quote) {
            throw new ImportException(UserMessage.of("ingest.error.delimiterIsQuote", String.valueOf(delimiter)));
        }
        List<String[]> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        boolean capped = false; // more records in the text than the sample takes
        try {
            for (java.util.Iterator<CsvRecord> it = reader(delimiter, quote).ofCsvRecord(text).iterator();
                    it.hasNext(); ) {
                CsvRecord r = it.next();
                records.add(r.getFields().toArray(String[]::new));
                lines.add(r.getStartingLineNumber() + plan.prefixLines);
                if (records.size() > SAMPLE_RECORDS) {
                    capped = it.hasNext();
                    break;
                }
            }
        } catch (CsvParseException | java.io.UncheckedIOException e) {
            rethrowOutOfMemory(e);
            throw new ImportException(UserMessage.of("ingest.error.parse", lines.isEmpty() ? 1 : lines.get(
                    lines.size() - 1), e.getMessage()), e);
        }
        if (truncated && !capped && records.size() > 1) { // the last record may be cut by the sample's end
            records.remove(records.size() - 1);
            lines.remove(lines.size() - 1);
        }
        if (records.isEmpty()) {
            throw new ImportException(UserMessage.of("ingest.error.empty", String.valueOf(file)));
        }
        ImportSettings r = s.withEncoding(cs.name()).withDelimiter(delimiter).withQuote(quote);
        plan.estimatedRows = -1;
        Plan done = planRecords(file, r, plan, new Records(records, lines.stream().mapToLong(Long::longValue).toArray(),
                List.of(), !truncated && !capped));
        long dataInSample = Math.max(1, records.size() - (done.resolved.hasHeader() ? 1 : 0));
        double share = 1; // the share of the file the sample records cover
        if (capped) {
            // a file of short rows: the first megabyte holds more rows than the sample takes
            share = (double) lines.get(lines.size() - 1) / Math.max(1, lineCount(text) + plan.prefixLines);
        }
        done.textBytesPerRow = (len - bom - plan.prefixBytes) * Math.min(1.0, share) / records.size();
        if (truncated) {
            share *= (double) Math.max(1, rawConsumed) / plan.fileSize;
        }
        if (share < 1) {
            done.estimatedRows = (long) Math.ceil(dataInSample / share);
            done.estimatedBytes = estimateBytes(done.columns, done.bytesPerRow, done.estimatedRows);
        }
        done.allRecords = null;
        return done;
    }

    private static long lineCount(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return text.isEmpty() || text.charAt(text.length() - 1) == '\n' ? n : n + 1;
    }

    /**
     * Excel's first line {@code sep=;} (also {@code sep=,}, a tab, {@code |}): it names the delimiter
     * and is not part of the table.
     *
     * @param delimiter the named delimiter
     * @param chars     the length of the line with its line end
     */
    record SepLine(char delimiter, int chars) {

        static SepLine of(String text) {
            if (text.length() < 5 || !text.regionMatches(true, 0, "sep=", 0, 4)) {
                return null;
            }
            int i = 4;
            char d;
            if (text.startsWith("\\t", i)) {
                d = '\t';
                i += 2;
            } else {
                d = text.charAt(i++);
            }
            if (d == '\r' || d == '\n' || d == '"' || Character.isLetterOrDigit(d)) {
                return null;
            }
            if (i < text.length() && text.charAt(i) == '\r') {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '\n') {
                i++;
            } else if (i < text.length()) {
                return null; // more on the line: not a sep line
            }
            return new SepLine(d, i);
        }
    }

    /** The number of bytes the ASCII text takes in the file's encoding. */
    static int asciiBytes(String ascii, Charset cs) {
        byte[] b = ascii.getBytes(cs);
        String n = cs.name();
        // Java's UTF-16 and UTF-32 encoders start with a byte-order mark of their own
        return n.equals("UTF-16") ? b.length - 2 : n.equals("UTF-32") ? b.length - 4 : b.length;
    }

    private static CsvReader.CsvReaderBuilder reader(char delimiter, char quote) {
        return CsvReader.builder().fieldSeparator(delimiter).quoteCharacter(quote).allowExtraFields(true)
                .allowMissingFields(true).skipEmptyLines(true).allowExtraCharsAfterClosingQuote(true)
                .detectBomHeader(false);
    }

    static char detectQuote(String text) {
        if (text.indexOf('"') >= 0) {
            return '"';
        }
        int singleStarts = 0;
        for (int i = 0; i + 1 < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == ',' || c == ';' || c == '\t' || c == '|' || c == '\n') && text.charAt(i + 1) == '\'') {
                singleStarts++;
            }
        }
        return singleStarts >= 2 ? '\'' : '"';
    }

    /**
     * The delimiter that splits the first rows, header included, into the most consistent number of
     * fields (above one). A ',' that only ever stands between two digits is a decimal comma, not a
     * delimiter: the way Excel writes CSV in most of Europe ({@code 1,50;0,10}), where splitting at the
     * commas can give as many fields, or more, as splitting at the ';'. Then a consistent other
     * delimiter wins.
     */
    static char detectDelimiter(String text, char quote) {
        char best = ',';
        double bestScore = -1;
        int bestFields = 1;
        double[] scores = new double[DELIMITERS.length];
        // the last record may be cut off by the end of the sample
        boolean lastMayBeCut = !text.isEmpty() && text.charAt(text.length() - 1) != '\n'
                && text.charAt(text.length() - 1) != '\r';
        for (int k = 0; k < DELIMITERS.length; k++) {
            char d = DELIMITERS[k];
            scores[k] = -1;
            if (d == quote) {
                continue;
            }
            Map<Integer, Integer> counts = new HashMap<>();
            int n = 0;
            int lastFields = -1;
            boolean cut = lastMayBeCut;
            try {
                for (CsvRecord r : reader(d, quote).ofCsvRecord(text)) {
                    lastFields = r.getFieldCount();
                    counts.merge(lastFields, 1, Integer::sum);
                    if (++n >= 200) {
                        cut = false; // stopped before the end: the last record counted is whole
                        break;
                    }
                }
            } catch (RuntimeException e) {
                rethrowOutOfMemory(e); // memory, not a sign that this is the wrong delimiter
                continue;
            }
            if (cut && n > 2) {
                counts.merge(lastFields, -1, Integer::sum);
                n--;
            }
            int modeFields = 1;
            int modeCount = 0;
            for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                if (e.getValue() > modeCount || (e.getValue() == modeCount && e.getKey() > modeFields)) {
                    modeFields = e.getKey();
                    modeCount = e.getValue();
                }
            }
            if (modeFields <= 1) {
                continue;
            }
            double score = Math.min(1.0, (double) modeCount / Math.max(1, n));
            scores[k] = score;
            if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && modeFields > bestFields)) {
                best = d;
                bestScore = score;
                bestFields = modeFields;
            }
        }
        if (best == ',' && commasAreDecimal(text, quote)) {
            char other = 0;
            double otherScore = CONSISTENT_DELIMITER;
            for (int k = 0; k < DELIMITERS.length; k++) {
                if (DELIMITERS[k] != ',' && scores[k] >= otherScore) {
                    other = DELIMITERS[k];
                    otherScore = scores[k];
                }
            }
            if (other != 0) {
                return other;
            }
        }
        return best;
    }

    /** Share of the rows a delimiter must split into the same number of fields to count as consistent. */
    private static final double CONSISTENT_DELIMITER = 0.9;

    /** Whether (nearly) every ',' outside quotes in the first lines stands between two digits, as in 1,50. */
    static boolean commasAreDecimal(String text, char quote) {
        int commas = 0;
        int between = 0;
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < text.length() && lines < 200; i++) {
            char c = text.charAt(i);
            if (c == quote) {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                lines++;
            } else if (c == ',' && !quoted) {
                commas++;
                if (i > 0 && i + 1 < text.length() && isDigit(text.charAt(i - 1)) && isDigit(text.charAt(i + 1))) {
                    between++;
                }
            }
        }
        return commas > 0 && between >= 0.95 * commas;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ------------------------------------------------------------------ shared: records → plan

    /** Rows of text (header row included) from any format, with their line numbers. */
    record Records(List<String[]> rows, long[] lines, List<String> sheets, boolean complete,
            Map<Integer, ColumnType> declaredTypes, String sheet) {

        Records(List<String[]> rows, long[] lines, List<String> sheets, boolean complete) {
            this(rows, lines, sheets, complete, Map.of(), null);
        }
    }

    private Plan planRecords(Path file, ImportSettings s, Plan plan, Records rec) throws ImportException {
        List<String[]> records = rec.rows();
        plan.sheets = rec.sheets();
        if (records.isEmpty()) {
            throw new ImportException(UserMessage.of("ingest.error.empty", String.valueOf(file)));
        }
        if (rec.sheet() != null) {
            s = s.withSheet(rec.sheet());
        }
        MissingMarkers missing = new MissingMarkers(s.effectiveMissingMarkers());
        plan.missing = missing;
        boolean header = s.hasHeader() != null ? s.hasHeader() : detectHeader(records, missing);
        int width = header ? records.get(0).length : modeWidth(records);
        if (header && records.size() == 1 && rec.complete()) {
            throw new ImportException(UserMessage.of("ingest.error.headerOnly", 0));
        }
        List<String[]> data = header ? records.subList(1, records.size()) : records;
        List<String> names = columnNames(header ? records.get(0) : null, width, plan.notes);
        Set<String> nameSet = s.columnTypeOverrides().isEmpty() ? Set.of() : new HashSet<>(names);
        for (String overridden : s.columnTypeOverrides().keySet()) {
            if (!nameSet.contains(overridden)) {
                plan.notes.add(new ImportProblem(0, ImportProblem.Kind.UNKNOWN_COLUMN, overridden, null,
                        UserMessage.of("ingest.problem.unknownColumn", overridden)));
            }
        }

        // number format
        boolean decimalComma = s.decimalComma() != null ? s.decimalComma() : detectDecimalComma(data, width, missing);
        char decimal = decimalComma ? ',' : '.';
        String thousands = s.thousandsSeparator() != null ? s.thousandsSeparator()
                : detectThousands(data, width, missing, decimal);
        NumberParser numbers = new NumberParser(decimal, thousands.isEmpty() ? 0 : thousands.charAt(0));
        plan.numbers = numbers;

        List<DatePattern> patterns = new ArrayList<>();
        try {
            for (String p : s.dateFormats() != null ? s.dateFormats() : DatePattern.COMMON) {
                patterns.add(DatePattern.compile(p));
            }
        } catch (IllegalArgumentException e) {
            throw new ImportException(UserMessage.of("ingest.error.badDatePattern", e.getMessage()), e);
        }

        List<ColumnPlan> plans = new ArrayList<>(width);
        LinkedHashSet<String> usedPatterns = new LinkedHashSet<>();
        double[] bytesPerRow = new double[width];
        for (int c = 0; c < width; c++) {
            List<String> values = new ArrayList<>(data.size());
            for (String[] row : data) {
                if (row.length == width || (!header && row.length >= width)) {
                    values.add(c < row.length ? row[c] : "");
                }
            }
            String name = names.get(c);
            ColumnType overridden = s.columnTypeOverrides().get(name);
            ColumnType declared = rec.declaredTypes().get(c);
            TypeInference.Inferred inf = TypeInference.infer(name, values, missing, numbers, patterns);
            if (!rec.complete()) {
                inf = TypeInference.inSample(inf, data.size());
            }
            ColumnPlan cp;
            if (overridden != null) {
                DatePattern dp = null;
                if (overridden == ColumnType.DATETIME) {
                    dp = inf.datePattern() != null ? inf.datePattern()
                            : TypeInference.bestDatePattern(values, missing,
                                    patterns.isEmpty() ? compileAll(DatePattern.COMMON) : patterns);
                    if (dp == null) {
                        dp = (patterns.isEmpty() ? compileAll(DatePattern.COMMON) : patterns).get(0);
                    }
                }
                cp = new ColumnPlan(name, overridden, UserMessage.of("ingest.reason.override"), dp);
            } else if (declared != null) {
                DatePattern dp = declared == ColumnType.DATETIME ? DatePattern.compile(ArffReader.DATE_PATTERN) : null;
                cp = new ColumnPlan(name, declared, UserMessage.of("ingest.reason.declared"), dp);
            } else {
                cp = new ColumnPlan(name, inf.type(), inf.reason(), inf.datePattern());
                if (inf.note() != null) {
                    plan.notes.add(inf.note());
                }
            }
            if (cp.datePattern() != null && (s.dateFormats() != null || overridden == null)) {
                usedPatterns.add(cp.datePattern().pattern());
            }
            plans.add(cp);
            bytesPerRow[c] = bytesPerCell(cp.type(), values, missing);
        }
        plan.columns = plans;
        plan.bytesPerRow = bytesPerRow;
        List<String> resolvedPatterns = s.dateFormats() != null ? s.dateFormats() : List.copyOf(usedPatterns);
        plan.resolved = s.withHeader(header).withDecimalComma(decimalComma).withThousandsSeparator(thousands)
                .withDateFormats(resolvedPatterns)
                .withMissingMarkers(s.effectiveMissingMarkers());
        plan.sampleRecords = data;
        plan.estimatedRows = data.size();
        plan.estimatedBytes = estimateBytes(plans, bytesPerRow, data.size());
        plan.allRecords = data;
        plan.allLines = header ? java.util.Arrays.copyOfRange(rec.lines(), 1, rec.lines().length) : rec.lines();
        return plan;
    }

    private static List<DatePattern> compileAll(List<String> patterns) {
        return patterns.stream().map(DatePattern::compile).toList();
    }

    private static int modeWidth(List<String[]> records) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (String[] r : records) {
            counts.merge(r.length, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .max((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey())
                        : Integer.compare(a.getValue(), b.getValue()))
                .map(Map.Entry::getKey).orElse(1);
    }

    /**
     * The first row is a header when, in some column, the data below are numbers or dates and the
     * first row's value is not; with text columns only, when its values are all filled, distinct and
     * never occur again below.
     */
    static boolean detectHeader(List<String[]> records, MissingMarkers missing) {
        String[] first = records.get(0);
        if (records.size() == 1) {
            NumberParser np = new NumberParser('.', (char) 0);
            for (String v : first) {
                if (!missing.isMissing(v) && np.isNumber(v)) {
                    return false;
                }
            }
            return true;
        }
        NumberParser dot = new NumberParser('.', (char) 0);
        NumberParser comma = new NumberParser(',', '.');
        List<DatePattern> dates = compileAll(DatePattern.COMMON);
        int headerVotes = 0;
        int dataVotes = 0;
        boolean textOnlyHeaderLike = true;
        int limit = Math.min(records.size(), 1000);
        for (int c = 0; c < first.length; c++) {
            int typed = 0;
            int filled = 0;
            Set<String> seen = new HashSet<>();
            for (int i = 1; i < limit; i++) {
                String[] r = records.get(i);
                if (c >= r.length || missing.isMissing(r[c])) {
                    continue;
                }
                filled++;
                seen.add(r[c]);
                String v = r[c];
                if (dot.isNumber(v) || comma.isNumber(v) || matchesAny(dates, v)) {
                    typed++;
                }
            }
            String h = first[c];
            boolean hTyped = !missing.isMissing(h) && (dot.isNumber(h) || comma.isNumber(h) || matchesAny(dates, h));
            if (filled > 0 && typed == filled) {
                if (hTyped) {
                    dataVotes++;
                } else if (!h.isBlank()) {
                    headerVotes++;
                }
            }
            if (h.isBlank() || seen.contains(h) || hTyped) {
                textOnlyHeaderLike = false;
            }
        }
        if (headerVotes + dataVotes > 0) {
            return headerVotes > dataVotes;
        }
        return textOnlyHeaderLike && new HashSet<>(List.of(first)).size() == first.length;
    }

    private static boolean matchesAny(List<DatePattern> patterns, String v) {
        char[] chars = v.toCharArray(); // once, not once per pattern
        for (DatePattern p : patterns) {
            if (p.parse(chars, 0, chars.length) != Long.MIN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Unique, non-blank column names; blank ones become column_N, repeats name_2, name_3. Names are
     * compared ignoring case, as the table does ({@link Dataset#foldCase}): "id" and "ID" are a repeat.
     * One hash lookup per name, so 200,000 columns take no longer than a few.
     */
    static List<String> columnNames(String[] header, int width, List<ImportProblem> notes) {
        List<String> names = new ArrayList<>(width);
        Set<String> used = new HashSet<>();
        if (header != null) {
            for (String h : header) {
                if (h != null && !h.isBlank()) {
                    used.add(Dataset.foldCase(h.trim()));
                }
            }
        }
        Map<String, String> taken = new HashMap<>(Math.max(16, width * 2));
        for (int c = 0; c < width; c++) {
            String raw = header != null && c < header.length && header[c] != null ? header[c].trim() : "";
            String name;
            String earlier = raw.isEmpty() ? null : taken.get(Dataset.foldCase(raw));
            if (raw.isEmpty()) {
                name = "column_" + (c + 1);
                int k = 2;
                while (taken.containsKey(Dataset.foldCase(name)) || used.contains(Dataset.foldCase(name))) {
                    name = "column_" + (c + 1) + "_" + k++;
                }
                if (header != null) {
                    notes.add(new ImportProblem(1, ImportProblem.Kind.BLANK_NAME, name, "",
                            UserMessage.of("ingest.problem.blankName", c + 1, name)));
                }
            } else if (earlier != null) {
                int k = 2;
                name = raw + "_" + k;
                while (taken.containsKey(Dataset.foldCase(name)) || used.contains(Dataset.foldCase(name))) {
                    name = raw + "_" + ++k;
                }
                notes.add(new ImportProblem(1, ImportProblem.Kind.DUPLICATE_NAME, name, raw, earlier.equals(raw)
                        ? UserMessage.of("ingest.problem.duplicateName", raw, name)
                        : UserMessage.of("ingest.problem.duplicateNameCase", raw, earlier, name)));
            } else {
                name = raw;
            }
            taken.put(Dataset.foldCase(name), name);
            names.add(name);
        }
        return names;
    }

    static boolean detectDecimalComma(List<String[]> data, int width, MissingMarkers missing) {
        int comma = 0;
        int dot = 0;
        for (String[] r : data) {
            for (int c = 0; c < Math.min(width, r.length); c++) {
                String v = r[c].trim();
                if (v.isEmpty() || v.length() > 40 || missing.isMissing(v)) {
                    continue;
                }
                char first = v.charAt(0);
                if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.') {
                    continue;
                }
                if (decimalShape(v, ',', '.') && !groupOfThree(v, ',')) {
                    comma++;
                } else if (decimalShape(v, '.', ',') && !groupOfThree(v, '.')) {
                    dot++;
                }
            }
        }
        return comma > dot;
    }

    /** "1,234": the part after the single mark has exactly three digits, so it may be a group. */
    private static boolean groupOfThree(String v, char mark) {
        int i = v.indexOf(mark);
        return i >= 0 && v.indexOf(mark, i + 1) < 0 && v.length() - i - 1 == 3 && v.indexOf(mark == ',' ? '.' : ',') < 0;
    }

    /** [+-]? digits{1,3} (sep digits{3})+ (decimal digits+)? */
    static boolean grouped(String v, char sep, char decimal) {
        int i = 0;
        int n = v.length();
        if (i < n && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
            i++;
        }
        int lead = digits(v, i);
        if (lead < 1 || lead > 3) {
            return false;
        }
        i += lead;
        int groups = 0;
        while (i < n && v.charAt(i) == sep) {
            if (digits(v, i + 1) != 3) {
                return false;
            }
            i += 4;
            groups++;
        }
        if (groups == 0) {
            return false;
        }
        if (i < n && v.charAt(i) == decimal) {
            int f = digits(v, i + 1);
            return f > 0 && i + 1 + f == n;
        }
        return i == n;
    }

    /** [+-]? digits* mark digits+, or [+-]? digits{1,3} (group digits{3})+ mark digits+ */
    static boolean decimalShape(String v, char mark, char group) {
        int m = v.indexOf(mark);
        if (m < 0 || v.indexOf(mark, m + 1) >= 0) {
            return false;
        }
        int f = digits(v, m + 1);
        if (f == 0 || m + 1 + f != v.length()) {
            return false;
        }
        String intPart = v.substring(0, m);
        int i = intPart.startsWith("-") || intPart.startsWith("+") ? 1 : 0;
        int d = digits(intPart, i);
        if (i + d == intPart.length()) {
            return mark == '.' || d > 0;
        }
        return grouped(intPart + mark + "0", group, mark);
    }

    private static int digits(String v, int from) {
        int i = from;
        while (i < v.length() && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    static String detectThousands(List<String[]> data, int width, MissingMarkers missing, char decimal) {
        char[] candidates = decimal == ',' ? new char[] {'.', ' ', '\u00A0', '\''} : new char[] {',', ' ', '\u00A0',
            '\''};
        String best = "";
        int bestCount = 0;
        for (char t : candidates) {
            int count = 0;
            for (String[] r : data) {
                for (int c = 0; c < Math.min(width, r.length); c++) {
                    String v = r[c];
                    if (v.length() < 40 && v.indexOf(t) > 0 && grouped(v.trim(), t, decimal)) {
                        count++;
                    }
                }
            }
            if (count > bestCount) {
                best = String.valueOf(t);
                bestCount = count;
            }
        }
        return best;
    }

    private static double bytesPerCell(ColumnType type, List<String> values, MissingMarkers missing) {
        if (type == ColumnType.NUMBER || type == ColumnType.DATETIME) {
            return 8;
        }
        Set<String> distinct = new HashSet<>(Math.max(16, (int) (values.size() / 0.75f) + 1));
        long chars = 0;
        int n = 0;
        for (String v : values) {
            if (!missing.isMissing(v)) {
                distinct.add(v);
                chars += v.length();
                n++;
            }
        }
        if (n == 0) {
            return 1;
        }
        double uniqueShare = (double) distinct.size() / n;
        // dictionary code per row, plus for each distinct value a String and two hash-map entries
        return 4 + uniqueShare * (56 + 2.0 * chars / n + 40);
    }

    static long estimateBytes(List<ColumnPlan> columns, double[] bytesPerRow, long rows) {
        double perRow = 0;
        for (double b : bytesPerRow) {
            perRow += b;
        }
        return (long) (perRow * Math.max(0, rows)) + 64L * columns.size();
    }

    // ------------------------------------------------------------------ full reads

    private static void feedRecords(TableAssembler assembler, List<String[]> rows, long[] lines, Progress p)
            throws ImportException {
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            assembler.beginRow(lines[i]);
            for (int c = 0; c < r.length; c++) {
                String v = r[c] == null ? "" : r[c];
                assembler.field(c, v.toCharArray(), 0, v.length(), false);
            }
            assembler.endRow(() -> String.join(",", r));
            if (i % 4096 == 0) {
                p.report((double) i / rows.size());
                p.throwIfCancelled();
            }
        }
    }

    /** Thrown by {@link TextCounter} when a .gz expands past its limit; ends the read with a message. */
    private static final class TextLimitReached extends IOException {
        TextLimitReached() {
            super(null, null);
        }
    }

    /** Counts the text (decompressed) bytes the parser reads, and stops a .gz that expands too far. */
    private static final class TextCounter extends FilterInputStream {
        volatile long count;
        private final long limit;

        TextCounter(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TextLimitReached {
            count += n;
            if (count > limit) {
                throw new TextLimitReached();
            }
        }
    }

    /** The OutOfMemoryError somewhere in the causes of {@code t}, rethrown: a wrapped one is not a parse error. */
    static void rethrowOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                throw oom;
            }
        }
    }

    private String readCsv(Path file, Plan plan, TableAssembler assembler, Progress p, long textLimit, Figures figures)
            throws ImportException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        ImportSettings s = plan.resolved;
        CsvRowHandler handler = null;
        TextCounter text = null;
        try (CountingStream counting = new CountingStream(Files.newInputStream(file), digest);
                InputStream raw = plan.gzip ? new GZIPInputStream(counting, 1 << 16) : counting;
                InputStream in = text = new TextCounter(raw, textLimit)) {
            in.skipNBytes(plan.bom + plan.prefixBytes);
            handler = new CsvRowHandler(assembler, s.delimiter(), s.hasHeader(), plan.prefixLines, p,
                    () -> counting.count,
                    plan.fileSize, plan.fileSize >= parallelFromBytes && Runtime.getRuntime().availableProcessors() > 1
                            && !Boolean.getBoolean("mwb.import.singleThread"));
            try (CsvRowHandler h = handler;
                    CsvReader<Boolean> reader = reader(s.delimiter(), s.quote()).build(h,
                    new java.io.InputStreamReader(in, plan.charset.newDecoder()
                            .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)))) {
                for (java.util.Iterator<Boolean> it = reader.iterator(); it.hasNext(); ) {
                    it.next();
                }
                h.finish();
                // read what is left (a gzip trailer) so the hash covers the whole file
                byte[] rest = new byte[1 << 16];
                while (counting.read(rest) >= 0) {
                    // drain
                }
            }
        } catch (CsvRowHandler.Abort e) {
            throw e.cause;
        } catch (CancelledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            figures.textBytes = text == null ? 0 : text.count;
            throw e;
        } catch (CsvParseException e) {
            // FastCSV wraps whatever the parser or the callback throws, an OutOfMemoryError too (a 5 GB
            // .gz was reported as "a quote never closes"): unwrap a stop-at-bad-row, a cancel, an Error
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                if (c instanceof CsvRowHandler.Abort a) {
                    throw a.cause;
                }
                if (c instanceof CancelledException ce) {
                    throw ce;
                }
                if (c instanceof java.io.UncheckedIOException u && u.getCause() instanceof TextLimitReached) {
                    throw expandsTooFar(file, plan, assembler, text, textLimit);
                }
                if (c instanceof OutOfMemoryError) {
                    figures.textBytes = text == null ? 0 : text.count;
                }
                if (c instanceof Error err) {
                    throw err;
                }
            }
            long line = handler == null ? 0 : handler.currentLine();
            throw new ImportException(UserMessage.of("ingest.error.quoteNeverCloses", line), e);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof TextLimitReached) {
                throw expandsTooFar(file, plan, assembler, text, textLimit);
            }
            throw ioError(file, e.getCause());
        } catch (TextLimitReached e) {
            throw expandsTooFar(file, plan, assembler, text, textLimit);
        } catch (IOException e) {
            throw ioError(file, e);
        } catch (RuntimeException e) {
            if (hasOutOfMemory(e)) {
                figures.textBytes = text == null ? 0 : text.count;
                rethrowOutOfMemory(e);
            }
            long line = handler == null ? 0 : handler.currentLine();
            throw new ImportException(UserMessage.of("ingest.error.parse", line, String.valueOf(e.getMessage())), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean hasOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** A .gz whose text outgrew the memory: how far it got and what to do. */
    private ImportException expandsTooFar(Path file, Plan plan, TableAssembler assembler, TextCounter text,
            long textLimit) {
        long textBytes = text == null ? textLimit : text.count;
        long rows = assembler.size();
        // the memory the rows up to the limit take at the sample's rate: what was free when the read began
        long needSoFar = (long) ((double) textLimit / Math.max(1.0, plan.textBytesPerRow)
                * java.util.Arrays.stream(plan.bytesPerRow).sum());
        return new ImportException(UserMessage.of("ingest.error.expandsTooFar", file.getFileName().toString(),
                mib(plan.fileSize), mib(textBytes), rows, plan.columns.size(), mib(needSoFar),
                HeapBudget.advice(2 * needSoFar)));
    }

    /** Counts (and optionally hashes) the raw bytes read from the file. */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;
        private final MessageDigest digest;

        CountingStream(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
                if (digest != null) {
                    digest.update((byte) b);
                }
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                if (digest != null) {
                    digest.update(b, off, n);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] tmp = new byte[(int) Math.min(n, 8192)];
            long done = 0;
            while (done < n) {
                int r = read(tmp, 0, (int) Math.min(tmp.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }
    }
}
