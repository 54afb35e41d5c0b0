package org.marketingworkbench.core.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.FileFormat;
import org.marketingworkbench.core.ingest.ImportException;
import org.marketingworkbench.core.ingest.ImportPreview;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * Reads a file of customers to score the way the model's training file was read: with the import settings stored
 * in the bundle (delimiter, encoding, quote, header, number and date formats, missing markers, the user's column
 * types). A file that clearly does not fit them is caught before it is read: one whose bytes are not text in the
 * stored encoding (or are plainly UTF-8 when another was stored), or one that the stored delimiter splits into
 * fewer of the model's columns than the delimiter detected in it does (a {@code ;} file when the model was trained
 * on a {@code ,} file gives one column). Then, as asked, it either stops with a message that says what the file
 * looks like and what the model expects, or reads it with what was detected and says so.
 *
 * <p>A bundle without import settings (older bundles, a model imported from Weka) reads the file with detected
 * settings. Only settings of the same kind of file are used: a CSV file to score, when the training file was a
 * workbook, keeps only the missing markers, date formats, bad-row policy and column types.
 */
public final class ScoringFile {

    /** What to do when the file clearly does not fit the stored settings. */
    public enum Mode {
        /** Stop with {@link DeployException.Reason#OTHER_DELIMITER} or {@link DeployException.Reason#OTHER_ENCODING}. */
        STORED_SETTINGS,
        /** Read it with the encoding or delimiter detected in it, with a notice. */
        DETECT_WHEN_DIFFERENT
    }

    /**
     * A file read for scoring.
     *
     * @param result  the import (the table is {@code result.dataset()})
     * @param used    the settings it was read with (resolved)
     * @param notices what the user should know: what was detected instead of the stored settings
     */
    public record Read(ImportResult result, ImportSettings used, List<UserMessage> notices) {

        public Read {
            notices = List.copyOf(notices);
        }

        public Dataset dataset() {
            return result.dataset();
        }
    }

    private static final int SAMPLE_BYTES = 1 << 20;

    private final DataImporter importer;

    public ScoringFile() {
        this(new DataImporter());
    }

    public ScoringFile(DataImporter importer) {
        this.importer = importer;
    }

    /**
     * Reads {@code file} for scoring with {@code bundle}.
     *
     * @throws DeployException OTHER_DELIMITER or OTHER_ENCODING (with {@link Mode#STORED_SETTINGS})
     * @throws ImportException whatever the import refuses (an empty file, a header without rows, …)
     */
    public Read read(Path file, LoadedBundle bundle, Mode mode, Progress progress) throws DeployException,
            ImportException {
        ImportSettings stored = bundle.importSettings();
        if (stored == null) {
            ImportResult r = importer.read(file, ImportSettings.auto(), progress);
            return new Read(r, r.resolvedSettings(), List.of());
        }
        FileFormat format = formatOf(file);
        ImportSettings settings = settingsFor(format, stored);
        List<UserMessage> notices = new ArrayList<>();
        if (format == FileFormat.CSV) {
            settings = checkCsv(file, settings, requiredColumns(bundle), mode, notices);
        }
        ImportResult r = importer.read(file, settings, progress);
        return new Read(r, r.resolvedSettings(), notices);
    }

    /** The columns of the file the model and its segmentation need, to judge a delimiter by. */
    static List<String> requiredColumns(LoadedBundle bundle) {
        Set<String> names = new LinkedHashSet<>();
        for (SchemaColumn c : Scorer.required(bundle.model())) {
            names.add(c.name());
        }
        if (bundle.segmentation() != null) {
            names.addAll(SegmentAssigner.requiredColumns(bundle.segmentation()));
        }
        names.remove(bundle.model().target().column());
        return List.copyOf(names);
    }

    /**
     * The stored settings that apply to a file of {@code format}: all of them (but the sheet name) for the same kind
     * of file, otherwise only those that do not depend on it.
     */
    static ImportSettings settingsFor(FileFormat format, ImportSettings stored) {
        FileFormat was = stored.format() == null ? FileFormat.CSV : stored.format();
        if (was == format) {
            return stored.withFormat(format).withSheet(null);
        }
        return ImportSettings.auto().withMissingMarkers(stored.missingMarkers()).withDateFormats(stored.dateFormats())
                .withOnBadRow(stored.onBadRow()).withColumnTypeOverrides(stored.columnTypeOverrides());
    }

    private ImportSettings checkCsv(Path file, ImportSettings stored, List<String> required, Mode mode,
                                    List<UserMessage> notices) throws DeployException, ImportException {
        ImportSettings settings = stored;
        // what the file looks like on its own: detected, with only the settings that do not shape the text
        ImportSettings free = ImportSettings.auto().withMissingMarkers(stored.missingMarkers())
                .withOnBadRow(stored.onBadRow()).withColumnTypeOverrides(stored.columnTypeOverrides());
        ImportPreview detected = importer.detect(file, free);
        String storedEncoding = stored.encoding();
        String foundEncoding = detected.resolvedSettings().encoding();
        if (storedEncoding != null && foundEncoding != null && !fits(file, storedEncoding, foundEncoding)) {
            UserMessage message = UserMessage.of("deploy.score.otherEncoding", file.getFileName(), storedEncoding,
                    foundEncoding);
            if (mode == Mode.STORED_SETTINGS) {
                throw new DeployException(DeployException.Reason.OTHER_ENCODING, message);
            }
            notices.add(UserMessage.of("deploy.score.readAsDetected", message));
            settings = settings.withEncoding(foundEncoding);
        }
        Character storedDelimiter = stored.delimiter();
        Character foundDelimiter = detected.resolvedSettings().delimiter();
        if (storedDelimiter != null && foundDelimiter != null && !storedDelimiter.equals(foundDelimiter)) {
            ImportPreview asStored = importer.detect(file, settings);
            ImportPreview asFound = importer.detect(file, settings.withDelimiter(null).withQuote(null)
                    .withDecimalComma(null).withThousandsSeparator(null).withDateFormats(null).withHeader(null));
            int storedHits = found(asStored, required);
            int foundHits = found(asFound, required);
            boolean oneColumn = asStored.columns().size() == 1 && asFound.columns().size() > 1 && required.size() > 1;
            if (foundHits > storedHits || (oneColumn && foundHits >= storedHits)) {
                UserMessage message = UserMessage.of("deploy.score.otherDelimiter", file.getFileName(),
                        delimiter(foundDelimiter), delimiter(storedDelimiter));
                if (mode == Mode.STORED_SETTINGS) {
                    throw new DeployException(DeployException.Reason.OTHER_DELIMITER, message);
                }
                notices.add(UserMessage.of("deploy.score.readAsDetected", message));
                ImportSettings r = asFound.resolvedSettings();
                settings = settings.withDelimiter(r.delimiter()).withQuote(r.quote()).withDecimalComma(r.decimalComma())
                        .withThousandsSeparator(r.thousandsSeparator()).withDateFormats(r.dateFormats())
                        .withHeader(r.hasHeader());
            }
        }
        return settings;
    }

    /** How many of {@code required} the preview's columns name. */
    private static int found(ImportPreview preview, List<String> required) {
        Set<String> names = new HashSet<>();
        for (ColumnSpec c : preview.columns()) {
            names.add(Dataset.foldCase(c.name()));
        }
        int n = 0;
        for (String r : required) {
            if (names.contains(Dataset.foldCase(r))) {
                n++;
            }
        }
        return n;
    }

    /** A delimiter in words ("semicolons (;)"). */
    public static UserMessage delimiter(char c) {
        return switch (c) {
            case ',' -> UserMessage.of("deploy.delimiter.comma");
            case ';' -> UserMessage.of("deploy.delimiter.semicolon");
            case '\t' -> UserMessage.of("deploy.delimiter.tab");
            case '|' -> UserMessage.of("deploy.delimiter.bar");
            default -> UserMessage.of("deploy.delimiter.other", String.valueOf(c));
        };
    }

    /**
     * Whether the file's text reads correctly in the stored encoding although another was detected: it does when
     * the first megabyte is plain ASCII, or when it decodes without error in the stored encoding and the detected
     * one is only a statistical guess (two legacy encodings). It does not when the bytes are not valid in the
     * stored encoding, or when they are valid UTF-8 beyond ASCII (which text in another encoding hardly ever is),
     * or when either is UTF-16 or UTF-32.
     */
    static boolean fits(Path file, String storedName, String foundName) throws ImportException {
        Charset stored;
        Charset found;
        try {
            stored = Charset.forName(storedName);
            found = Charset.forName(foundName);
        } catch (RuntimeException e) {
            return storedName.equalsIgnoreCase(foundName);
        }
        if (stored.equals(found)) {
            return true;
        }
        if (wide(stored) || wide(found)) {
            return false;
        }
        byte[] sample;
        boolean more;
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gzip(file) ? new GZIPInputStream(raw) : raw) {
            sample = in.readNBytes(SAMPLE_BYTES);
            more = in.read() >= 0;
        } catch (IOException e) {
            throw new ImportException(UserMessage.of("ingest.error.io", String.valueOf(file),
                    ModelObjects.reason(e)), e);
        }
        boolean ascii = true;
        for (byte b : sample) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return true;
        }
        if (!decodes(stored, sample, more)) {
            return false;
        }
        return !found.equals(StandardCharsets.UTF_8);
    }

    private static boolean wide(Charset cs) {
        String n = cs.name().toUpperCase(Locale.ROOT);
        return n.startsWith("UTF-16") || n.startsWith("UTF-32");
    }

    private static boolean gzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Whether {@code bytes} are valid text in {@code cs} (a character cut at the end of a sample is allowed). */
    static boolean decodes(Charset cs, byte[] bytes, boolean more) {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = d.decode(in, out, !more);
            if (r.isError()) {
                return false;
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            break;
        }
        if (!more) {
            out.clear();
            return !d.flush(out).isError();
        }
        return true;
    }

    /** CSV unless the name says workbook or ARFF (as the importer decides when no format is set). */
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
}
