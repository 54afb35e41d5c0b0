package org.marketingworkbench.core.ingest;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.io.AtomicFile;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a typed table as plain CSV: UTF-8, comma, a header row, numbers with a decimal point and
 * no grouping, dates as {@code yyyy-MM-dd HH:mm:ss}, missing values as empty fields; text cells that a
 * spreadsheet would run as formulas are neutralised unless {@link Cells#RAW} is asked for.
 */
public final class NormalisedCsvWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** A text cell that is a plain number ("-5", "+3.2") is not a formula and stays as it is. */
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[-+]?\\d+([.,]\\d+)?");

    /** How text cells are written. */
    public enum Cells {
        /**
         * For a file that will be opened in a spreadsheet (the default): a text cell starting with
         * {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so Excel, LibreOffice and
         * Google Sheets show it as text instead of running it as a formula (CSV injection). Numbers,
         * including negative ones, are written as numbers.
         */
        FOR_SPREADSHEETS,
        /** Every value exactly as it is in the table, for programs that read CSV as data. */
        RAW
    }

    private NormalisedCsvWriter() {
    }

    public static void write(Dataset dataset, Path target) throws ImportException {
        write(dataset, target, Cells.FOR_SPREADSHEETS);
    }

    /** Writes through {@link AtomicFile}: a failure or a second writer never leaves half a file or a mix. */
    public static void write(Dataset dataset, Path target, Cells cells) throws ImportException {
        Table t = dataset.table();
        int width = t.columnCount();
        boolean[] text = new boolean[width];
        for (int c = 0; c < width; c++) {
            text[c] = !(t.column(c) instanceof DoubleColumn) && !(t.column(c) instanceof DateTimeColumn);
        }
        try {
            AtomicFile.write(target, out -> {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                CsvWriter csv = CsvWriter.builder().build(w);
                csv.writeRecord(t.columnNames().stream().map(n -> cells == Cells.RAW ? n : neutralise(n)).toList());
                String[] row = new String[width];
                for (int r = 0; r < t.rowCount(); r++) {
                    for (int c = 0; c < width; c++) {
                        String v = cell(t.column(c), r);
                        row[c] = text[c] && cells == Cells.FOR_SPREADSHEETS ? neutralise(v) : v;
                    }
                    csv.writeRecord(row);
                }
                csv.flush();
            });
        } catch (IOException e) {
            throw new ImportException(UserMessage.of("ingest.error.write", String.valueOf(target),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** The cell as a spreadsheet should show it: a would-be formula is kept as text. */
    static String neutralise(String v) {
        if (v.isEmpty()) {
            return v;
        }
        char first = v.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !PLAIN_NUMBER.matcher(v).matches() ? "'" + v : v;
    }

    private static String cell(Column<?> col, int r) {
        if (col.isMissing(r)) {
            return "";
        }
        if (col instanceof DoubleColumn d) {
            return ExcelReader.number(d.getDouble(r));
        }
        if (col instanceof DateTimeColumn d) {
            return d.get(r).format(DATE_TIME);
        }
        return col.getString(r);
    }
}
