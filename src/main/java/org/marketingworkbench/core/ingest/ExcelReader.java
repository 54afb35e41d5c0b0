package org.marketingworkbench.core.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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

    static List<String> sheetNames(Path file) throws ImportException {
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
