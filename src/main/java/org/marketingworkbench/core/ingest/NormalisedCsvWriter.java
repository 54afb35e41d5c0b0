package org.marketingworkbench.core.ingest;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes a typed table as plain CSV: UTF-8, comma, a header row, numbers with a decimal point and
 * no grouping, dates as {@code yyyy-MM-dd HH:mm:ss}, missing values as empty fields. The file is
 * written next to the target and moved into place, so a failure never leaves half a file.
 */
public final class NormalisedCsvWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NormalisedCsvWriter() {
    }

    public static void write(Dataset dataset, Path target) throws ImportException {
        Path tmp = target.toAbsolutePath().resolveSibling(target.getFileName() + ".part");
        Table t = dataset.table();
        int width = t.columnCount();
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    CsvWriter csv = CsvWriter.builder().build(w)) {
                csv.writeRecord(t.columnNames());
                String[] row = new String[width];
                for (int r = 0; r < t.rowCount(); r++) {
                    for (int c = 0; c < width; c++) {
                        row[c] = cell(t.column(c), r);
                    }
                    csv.writeRecord(row);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original failure is the one to report
            }
            throw new ImportException(UserMessage.of("ingest.error.write", String.valueOf(target),
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
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
