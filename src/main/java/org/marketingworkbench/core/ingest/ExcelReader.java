package org.marketingworkbench.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.eventusermodel.AbortableHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.DimensionsRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Reads one sheet of an Excel workbook (.xlsx, and .xls) with Apache POI into rows of text:
 * numbers in plain notation, dates as {@code yyyy-MM-dd HH:mm:ss} (or {@code yyyy-MM-dd}),
 * formulas by their cached value. The text then goes through the same type detection as CSV.
 */
final class ExcelReader {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private ExcelReader() {
    }

    /**
     * Heap a workbook takes per cell while it is read (POI's whole-workbook model, which this reader
     * uses, plus the rows as text and the table built from them), measured here (OpenJDK 17, G1, POI
     * 5.4.1) by generating sheets of 50,000 rows × 20 columns with POI and reading them through
     * {@link DataImporter#read} under smaller and smaller -Xmx: an .xlsx of numbers (6.3 MB) read with
     * -Xmx830m and ran out of memory with -Xmx800m; half of its columns text (5.8 MB): 900m yes, 800m no.
     * POI's model alone keeps 618 bytes per number cell and 675 per text cell after loading; the rows as
     * text add 66. So 1,000,000 cells need about 800 MiB: a 37 MB .xlsx of 300,000 × 20 numbers about
     * 4.6 GiB. An .xls of the same table (17 MB) read with -Xmx160m, not with 130m.
     */
    static final long XLSX_BYTES_PER_CELL = 800;
    static final long XLS_BYTES_PER_CELL = 150;

    /**
     * What a workbook holds, read without loading it.
     *
     * @param cells          the cells every sheet spans (POI loads every sheet, not only the one read)
     * @param largestSheet   the sheet that spans the most cells, with its rows and columns
     * @param bytesPerCell   heap per cell while this kind of workbook is read
     */
    record Extent(List<String> sheets, long cells, String largestSheet, long largestRows, long largestColumns,
            long bytesPerCell) {

        long bytesNeeded() {
            return cells > Long.MAX_VALUE / bytesPerCell ? Long.MAX_VALUE : cells * bytesPerCell;
        }

        /** Adds up the sheets and keeps the largest. */
        static final class Builder {
            private long cells;
            private String largest = "";
            private long largestRows;
            private long largestColumns;
            private long largestCells = -1;

            void add(String sheet, long rows, long columns, long sheetCells) {
                cells += sheetCells;
                if (sheetCells > largestCells) {
                    largest = sheet;
                    largestRows = rows;
                    largestColumns = columns;
                    largestCells = sheetCells;
                }
            }

            Extent build(List<String> sheets, long bytesPerCell) {
                return new Extent(List.copyOf(sheets), cells, largest, largestRows, largestColumns, bytesPerCell);
            }
        }
    }

    /**
     * The sheets and how many cells they span, from each sheet's dimension (an .xlsx's
     * {@code <dimension ref="A1:T300001"/>}, an .xls's DIMENSIONS record), reading the file as a stream
     * in constant memory; an .xlsx sheet without a useful dimension has its cells counted. Null when the
     * file cannot be read that way: the full read then says what is wrong with it.
     */
    static Extent extent(Path file) {
        try {
            FileMagic magic = FileMagic.valueOf(file.toFile());
            if (magic == FileMagic.OOXML) {
                return xlsxExtent(file);
            }
            if (magic == FileMagic.OLE2) {
                return xlsExtent(file);
            }
        } catch (IOException | XMLStreamException | OpenXML4JException | RuntimeException e) {
            // not readable as a stream (encrypted, damaged): the full read reports it
        }
        return null;
    }

    private static Extent xlsxExtent(Path file) throws IOException, OpenXML4JException, XMLStreamException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            List<String> names = new ArrayList<>();
            Extent.Builder b = new Extent.Builder();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    names.add(it.getSheetName());
                    long[] size = xlsxSheetSize(in);
                    b.add(it.getSheetName(), size[0], size[1], size[2]);
                }
            }
            return b.build(names, XLSX_BYTES_PER_CELL);
        }
    }

    /** Rows, columns and cells of one sheet: from its dimension, or counted when it has none (or "A1"). */
    private static long[] xlsxSheetSize(InputStream in) throws XMLStreamException {
        XMLStreamReader r = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
        try {
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = r.getLocalName();
                if (element.equals("dimension")) {
                    long[] d = dimension(r.getAttributeValue(null, "ref"));
                    if (d != null && d[2] > 1) {
                        return d;
                    }
                } else if (element.equals("sheetData")) {
                    return countCells(r);
                }
            }
            return new long[] {0, 0, 0};
        } finally {
            r.close();
        }
    }

    private static long[] countCells(XMLStreamReader r) throws XMLStreamException {
        long rows = 0;
        long cells = 0;
        long widest = 0;
        long inRow = 0;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = r.getLocalName();
                if (element.equals("row")) {
                    rows++;
                    inRow = 0;
                } else if (element.equals("c")) {
                    cells++;
                    widest = Math.max(widest, ++inRow);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("sheetData")) {
                break;
            }
        }
        return new long[] {rows, widest, cells};
    }

    /** "A1:T300001" → {300001 rows, 20 columns, their product}; null when it is not a cell range. */
    static long[] dimension(String ref) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String[] ends = ref.trim().split(":");
        long[] first = cellRef(ends[0]);
        long[] last = ends.length > 1 ? cellRef(ends[1]) : first;
        if (first == null || last == null) {
            return null;
        }
        long rows = Math.abs(last[0] - first[0]) + 1;
        long columns = Math.abs(last[1] - first[1]) + 1;
        return new long[] {rows, columns, rows * columns};
    }

    /** "T300001" → {300001, 20}. */
    private static long[] cellRef(String ref) {
        long column = 0;
        int i = 0;
        while (i < ref.length() && Character.isLetter(ref.charAt(i)) && i < 4) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == ref.length() || ref.length() - i > 8) {
            return null;
        }
        long row = 0;
        for (; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            row = row * 10 + (c - '0');
        }
        return new long[] {row, column};
    }

    private static Extent xlsExtent(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            List<String> names = new ArrayList<>();
            List<long[]> sizes = new ArrayList<>();
            HSSFRequest request = new HSSFRequest();
            AbortableHSSFListener listener = new AbortableHSSFListener() {
                @Override
                public short abortableProcessRecord(Record record) {
                    if (record instanceof BoundSheetRecord b) {
                        names.add(b.getSheetname());
                    } else if (record instanceof DimensionsRecord d) {
                        long rows = Math.max(0, d.getLastRow() - d.getFirstRow());
                        long columns = Math.max(0, d.getLastCol() - d.getFirstCol());
                        sizes.add(new long[] {rows, columns, rows * columns});
                    }
                    // each sheet's dimension comes first in its part: stop once the last sheet's is seen
                    return (short) (!names.isEmpty() && sizes.size() >= names.size() ? 1 : 0);
                }
            };
            request.addListener(listener, BoundSheetRecord.sid);
            request.addListener(listener, DimensionsRecord.sid);
            try {
                new HSSFEventFactory().abortableProcessWorkbookEvents(request, fs);
            } catch (org.apache.poi.hssf.eventusermodel.HSSFUserException e) {
                throw new IOException(e);
            }
            Extent.Builder b = new Extent.Builder();
            for (int i = 0; i < sizes.size(); i++) {
                b.add(i < names.size() ? names.get(i) : "", sizes.get(i)[0], sizes.get(i)[1], sizes.get(i)[2]);
            }
            return b.build(names, XLS_BYTES_PER_CELL);
        }
    }

    static List<String> sheetNames(Path file) throws ImportException {
        Extent extent = extent(file);
        if (extent != null && !extent.sheets().isEmpty()) {
            return extent.sheets(); // without loading every sheet of the workbook, as opening it would
        }
        try (Workbook wb = open(file)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                names.add(wb.getSheetName(i));
            }
            return names;
        } catch (IOException e) {
            throw corrupt(file, e);
        }
    }

    static DataImporter.Records read(Path file, String sheetName) throws ImportException {
        try (Workbook wb = open(file)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                names.add(wb.getSheetName(i));
            }
            if (names.isEmpty()) {
                throw new ImportException(UserMessage.of("ingest.error.empty", String.valueOf(file)));
            }
            Sheet sheet = sheetName == null ? wb.getSheetAt(0) : wb.getSheet(sheetName);
            if (sheet == null) {
                throw new ImportException(UserMessage.of("ingest.error.noSheet", sheetName, String.join(", ", names)));
            }
            List<String[]> rows = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            int width = 0;
            for (Row row : sheet) {
                width = Math.max(width, row.getLastCellNum());
            }
            for (Row row : sheet) {
                String[] values = new String[width];
                boolean any = false;
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c, Row.MissingCellPolicy.RETURN_BLANK_AS_NULL);
                    values[c] = cell == null ? "" : text(cell, cell.getCellType());
                    any |= !values[c].isEmpty();
                }
                if (any) {
                    rows.add(values);
                    lines.add(row.getRowNum() + 1L);
                }
            }
            // trailing columns that are blank in every row (formatting only) are not data
            int used = 0;
            for (String[] r : rows) {
                for (int c = r.length - 1; c >= used; c--) {
                    if (!r[c].isEmpty()) {
                        used = c + 1;
                        break;
                    }
                }
            }
            final int w = used;
            List<String[]> trimmed = rows.stream().map(r -> java.util.Arrays.copyOf(r, w)).toList();
            if (trimmed.isEmpty()) {
                throw new ImportException(UserMessage.of("ingest.error.emptySheet", sheet.getSheetName()));
            }
            return new DataImporter.Records(trimmed, lines.stream().mapToLong(Long::longValue).toArray(), names, true,
                    java.util.Map.of(), sheet.getSheetName());
        } catch (IOException e) {
            throw corrupt(file, e);
        }
    }

    private static Workbook open(Path file) throws ImportException {
        try {
            return WorkbookFactory.create(file.toFile(), null, true);
        } catch (EncryptedDocumentException e) {
            throw new ImportException(UserMessage.of("ingest.error.excelPassword", file.getFileName().toString()), e);
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e);
        }
    }

    private static ImportException corrupt(Path file, Exception e) {
        DataImporter.rethrowOutOfMemory(e); // POI may wrap one: memory, not a damaged file
        return new ImportException(UserMessage.of("ingest.error.excelCorrupt", file.getFileName().toString()), e);
    }

    private static String text(Cell cell, CellType type) {
        switch (type) {
            case STRING:
                return cell.getStringCellValue();
            case BOOLEAN:
                return cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case FORMULA:
                return text(cell, cell.getCachedFormulaResultType());
            case NUMERIC:
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime t = cell.getLocalDateTimeCellValue();
                    if (t == null) {
                        return "";
                    }
                    return t.toLocalTime().toSecondOfDay() == 0 ? t.format(DATE) : t.format(DATE_TIME);
                }
                return number(cell.getNumericCellValue());
            default:
                return "";
        }
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
