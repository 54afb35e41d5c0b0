package org.marketingworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.BadRowPolicy;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.FileFormat;
import org.marketingworkbench.core.ingest.ImportException;
import org.marketingworkbench.core.ingest.ImportProblem;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.ingest.NormalisedCsvWriter;
import org.marketingworkbench.core.pipeline.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.columns.Column;

/**
 * {@code import FILE}: reads a customer file as the Import step would and prints the detected
 * settings, the columns (type, reason, missing count) and the row, skip and problem counts.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a CSV/TSV/TXT (.gz), Excel or ARFF file: print the detected settings, the columns "
                + "and the problems; optionally write the typed table as plain CSV.")
final class ImportCommand implements Callable<Integer> {

    private static final int SHOWN_PROBLEMS = 20;

    @Parameters(index = "0", paramLabel = "FILE", description = "The data file.")
    Path file;

    @Option(names = "--format", description = "csv, excel or arff (default: from the file name).")
    String format;

    @Option(names = "--encoding", description = "Text encoding, e.g. UTF-8, GB18030, windows-1252 (default: detect).")
    String encoding;

    @Option(names = "--delimiter", description = "Field delimiter: , ; | or 'tab' (default: detect).")
    String delimiter;

    @Option(names = "--quote", description = "Quote character (default: detect).")
    Character quote;

    @Option(names = "--header", negatable = true, description = "Whether the first row holds column names "
            + "(default: detect).")
    Boolean header;

    @Option(names = "--decimal-comma", negatable = true, description = "Numbers written 1,5 (default: detect).")
    Boolean decimalComma;

    @Option(names = "--thousands", description = "Thousands separator, or 'none' (default: detect).")
    String thousands;

    @Option(names = "--date-format", description = "Date pattern such as dd.MM.yyyy (repeatable; default: detect).")
    List<String> dateFormats;

    @Option(names = "--missing", description = "An extra value meaning missing, e.g. unknown (repeatable; added to "
            + "NA, N/A, null, -, ? and blank).")
    List<String> missing;

    @Option(names = "--sheet", description = "Excel sheet name (default: the first sheet).")
    String sheet;

    @Option(names = "--type", description = "Column type override NAME=TYPE, TYPE one of number, category, text, "
            + "datetime, identifier, ignore (repeatable).")
    Map<String, String> types;

    @Option(names = "--on-bad-row", description = "skip (default) or stop.")
    String onBadRow;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--out", paramLabel = "TABLE.csv", description = "Write the typed table as UTF-8, comma-separated CSV.")
    Path out;

    @Mixin
    SpreadsheetCells spreadsheetCells;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImportSettings settings = settings();
        if (out != null && Files.exists(file) && Files.exists(out) && Files.isSameFile(file, out)) {
            throw new ImportException(UserMessage.of("ingest.error.outIsInput", String.valueOf(out)));
        }
        ImportResult r = new DataImporter().read(file, settings, Progress.none());
        if (out != null) {
            NormalisedCsvWriter.write(withoutIgnored(r.dataset()), out,
                    spreadsheetCells.cells());
        }
        PrintWriter pw = spec.commandLine().getOut();
        Locale locale = Locale.getDefault();
        if (json) {
            pw.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(r, locale)));
        } else {
            printText(pw, r, locale);
        }
        if (out != null && !json) {
            pw.println(UserMessage.of("ingest.cli.written", out).format(locale));
        }
        return WorkbenchCli.OK;
    }

    /**
     * The table without the columns set to "ignore" (by the user, or because every value is missing,
     * such as column_3 from trailing delimiters): an ignored column is not part of the data.
     */
    static Dataset withoutIgnored(Dataset d) {
        List<Column<?>> kept = new ArrayList<>();
        List<ColumnSpec> specs = new ArrayList<>();
        for (int i = 0; i < d.columns().size(); i++) {
            if (d.columns().get(i).type() != ColumnType.IGNORE) {
                kept.add(d.table().column(i));
                specs.add(d.columns().get(i));
            }
        }
        return kept.size() == d.columns().size() ? d : Dataset.of(d.table().name(), kept, specs);
    }

    ImportSettings settings() throws ImportException {
        ImportSettings s = ImportSettings.auto().withFormat(choice(FileFormat.class, format, "--format"))
                .withEncoding(encoding).withQuote(quote)
                .withHeader(header).withDecimalComma(decimalComma).withDateFormats(dateFormats).withSheet(sheet);
        if (delimiter != null) {
            String d = delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (d.length() != 1) {
                throw new ImportException(UserMessage.of("ingest.error.badDelimiter", delimiter));
            }
            s = s.withDelimiter(d.charAt(0));
        }
        if (thousands != null) {
            String t = thousands.equalsIgnoreCase("none") ? "" : thousands;
            if (t.length() > 1) {
                throw new ImportException(UserMessage.of("ingest.error.badThousands", thousands));
            }
            s = s.withThousandsSeparator(t);
        }
        if (missing != null) {
            List<String> markers = new ArrayList<>(ImportSettings.DEFAULT_MISSING_MARKERS);
            markers.addAll(missing);
            s = s.withMissingMarkers(markers);
        }
        if (onBadRow != null) {
            s = s.withOnBadRow(choice(BadRowPolicy.class, onBadRow, "--on-bad-row"));
        }
        if (types != null) {
            Map<String, ColumnType> m = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : types.entrySet()) {
                try {
                    m.put(e.getKey(), ColumnType.valueOf(e.getValue().trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException ex) {
                    throw new ImportException(UserMessage.of("ingest.error.badType", e.getValue(), e.getKey()), ex);
                }
            }
            s = s.withColumnTypeOverrides(m);
        }
        return s;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String option) throws ImportException {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ImportException(UserMessage.of("ingest.error.badChoice", value, option), e);
        }
    }

    private void printText(PrintWriter pw, ImportResult r, Locale locale) {
        ImportSettings s = r.resolvedSettings();
        String none = UserMessage.of("ingest.cli.none").format(locale);
        pw.println(UserMessage.of("ingest.cli.file", file).format(locale));
        if (s.format() == FileFormat.CSV) {
            pw.println(UserMessage.of("ingest.cli.format", s.format().name().toLowerCase(Locale.ROOT), s.encoding(),
                    show(s.delimiter()), show(s.quote()), s.hasHeader()).format(locale));
        } else {
            pw.println(UserMessage.of("ingest.cli.format", s.format().name().toLowerCase(Locale.ROOT), "-", "-", "-",
                    s.hasHeader()).format(locale));
        }
        if (s.sheet() != null) {
            pw.println(UserMessage.of("ingest.cli.sheet", s.sheet()).format(locale));
        }
        pw.println(UserMessage.of("ingest.cli.numbers", Boolean.TRUE.equals(s.decimalComma()) ? "," : ".",
                s.thousandsSeparator() == null || s.thousandsSeparator().isEmpty() ? none
                        : show(s.thousandsSeparator().charAt(0)),
                s.dateFormats() == null || s.dateFormats().isEmpty() ? none : String.join(", ", s.dateFormats()))
                .format(locale));
        pw.println(UserMessage.of("ingest.cli.missing", String.join(" ", s.effectiveMissingMarkers())).format(locale));
        pw.println(UserMessage.of("ingest.cli.columns").format(locale));
        int nameWidth = r.columns().stream().mapToInt(c -> c.name().length()).max().orElse(4);
        for (int i = 0; i < r.columns().size(); i++) {
            ColumnSpec c = r.columns().get(i);
            int missingCount = r.dataset().table().column(i).countMissing();
            pw.printf(locale, "  %-" + nameWidth + "s  %-10s  %,9d  %s%n", c.name(), c.type().id(), missingCount,
                    c.reason() == null ? "" : c.reason().format(locale));
        }
        pw.println(UserMessage.of("ingest.cli.rows", r.rowsRead(), r.rowsSkipped(), r.problemCount(),
                Math.max(1, r.estimatedBytes() >> 20)).format(locale));
        if (!r.problems().isEmpty()) {
            pw.println(UserMessage.of("ingest.cli.problems", Math.min(SHOWN_PROBLEMS, r.problems().size())).format(locale));
            r.problems().stream().limit(SHOWN_PROBLEMS).forEach(p -> pw.println("  "
                    + (p.line() > 0 ? p.line() + ": " : "") + p.message().format(locale)));
        }
    }

    private static String show(Character c) {
        return c == null ? "-" : c == '\t' ? "TAB" : c == ' ' ? "SPACE" : c.toString();
    }

    private ObjectNode toJson(ImportResult r, Locale locale) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("file", file.toString());
        o.set("settings", r.resolvedSettings().toJson());
        ArrayNode cols = o.putArray("columns");
        for (int i = 0; i < r.columns().size(); i++) {
            ColumnSpec c = r.columns().get(i);
            ObjectNode n = cols.addObject();
            n.put("name", c.name());
            n.put("type", c.type().id());
            n.put("role", c.type().isFeature() ? "feature" : c.type() == ColumnType.IDENTIFIER ? "identifier" : "none");
            n.put("reason", c.reason() == null ? null : c.reason().format(locale));
            n.put("missing", r.dataset().table().column(i).countMissing());
        }
        o.put("rowsRead", r.rowsRead());
        o.put("rowsSkipped", r.rowsSkipped());
        o.put("problemCount", r.problemCount());
        o.put("estimatedBytes", r.estimatedBytes());
        o.put("sha256", r.sha256());
        ArrayNode ps = o.putArray("problems");
        for (ImportProblem p : r.problems()) {
            ObjectNode n = ps.addObject();
            n.put("line", p.line());
            n.put("kind", p.kind().name());
            n.put("column", p.column());
            n.put("rawText", p.rawText());
            n.put("message", p.message().format(locale));
        }
        return o;
    }
}
