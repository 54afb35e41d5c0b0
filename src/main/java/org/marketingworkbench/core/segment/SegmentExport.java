package org.marketingworkbench.core.segment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.ImportException;
import org.marketingworkbench.core.ingest.NormalisedCsvWriter;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * The customer list with each customer's segment and the segment's name, for a CSV file: every input row and
 * column as it is, plus {@code segment} (the number) and {@code segment_name} (numbered, {@code segment_name_2},
 * if the data already has such a column); both empty for customers left out. Written by
 * {@link NormalisedCsvWriter} through the workbench's one atomic file writer, by default with text cells that a
 * spreadsheet would run as a formula ({@code = + - @}, tab, carriage return) kept as text, names included.
 */
public final class SegmentExport {

    /** The name column's name (numbered if the table already has one). */
    public static final String NAME_COLUMN = "segment_name";

    private SegmentExport() {
    }

    /**
     * Each segment's name to export: the user's own where they typed one, otherwise the proposed name in
     * {@code locale}.
     */
    public static Map<Integer, String> names(List<SegmentCard> cards, Map<Integer, String> userNames, Locale locale) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (SegmentCard c : cards) {
            out.put(c.number(), c.displayName(userNames, locale));
        }
        return out;
    }

    /**
     * {@code data} with its rows' segment and segment name added (a new dataset; {@code data} is not changed).
     * {@code names} maps segment numbers to names; a segment without one gets an empty name.
     */
    public static Dataset withSegmentAndName(Dataset data, SegmentationResult result, Map<Integer, String> names) {
        Dataset withSegment = result.withSegmentColumn(data);
        String name = NAME_COLUMN;
        for (int i = 2; withSegment.spec(name).isPresent(); i++) {
            name = NAME_COLUMN + "_" + i;
        }
        int[] segmentOfRow = result.segmentOfRow();
        StringColumn col = StringColumn.create(name, segmentOfRow.length);
        for (int r = 0; r < segmentOfRow.length; r++) {
            col.set(r, segmentOfRow[r] == 0 ? "" : names.getOrDefault(segmentOfRow[r], ""));
        }
        List<Column<?>> columns = new ArrayList<>(withSegment.table().columns());
        columns.add(col);
        List<ColumnSpec> specs = new ArrayList<>(withSegment.columns());
        specs.add(new ColumnSpec(name, ColumnType.TEXT, UserMessage.of("segment.export.nameReason")));
        return Dataset.of(data.table().name(), columns, specs);
    }

    /** Writes the customer list with segments and names to {@code target} (CSV, UTF-8), atomically. */
    public static void write(Dataset data, SegmentationResult result, Map<Integer, String> names, Path target,
                             NormalisedCsvWriter.Cells cells) throws ImportException {
        NormalisedCsvWriter.write(withSegmentAndName(data, result, names), target, cells);
    }

    /** As {@link #write(Dataset, SegmentationResult, Map, Path, NormalisedCsvWriter.Cells)}, for spreadsheets. */
    public static void write(Dataset data, SegmentationResult result, Map<Integer, String> names, Path target)
            throws ImportException {
        write(data, result, names, target, NormalisedCsvWriter.Cells.FOR_SPREADSHEETS);
    }
}
