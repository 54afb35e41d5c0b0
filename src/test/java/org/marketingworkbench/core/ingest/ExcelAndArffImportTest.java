package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.DoubleColumn;

class ExcelAndArffImportTest {

    @TempDir
    Path tmp;
    Path workbook;

    @BeforeEach
    void writeWorkbook() throws Exception {
        workbook = write(tmp.resolve("customers.xlsx"), new XSSFWorkbook());
    }

    /** Two sheets, the second with text, numbers (one missing), dates and a formula. */
    private static Path write(Path file, Workbook workbook) throws Exception {
        try (Workbook wb = workbook; OutputStream out = Files.newOutputStream(file)) {
            Sheet notes = wb.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue("note");
            notes.createRow(1).createCell(0).setCellValue("Exported from the shop");
            Sheet data = wb.createSheet("Kunden");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row h = data.createRow(0);
            String[] names = {"id", "segment", "revenue", "since", "active"};
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
            for (int r = 1; r <= 5; r++) {
                Row row = data.createRow(r);
                row.createCell(0).setCellValue("K" + r);
                row.createCell(1).setCellValue(r % 2 == 0 ? "gold" : "silver");
                if (r != 3) {
                    row.createCell(2).setCellValue(100.5 * r);
                }
                var since = row.createCell(3);
                since.setCellValue(LocalDateTime.of(2020, r, 10, 0, 0));
                since.setCellStyle(dateStyle);
                row.createCell(4).setCellFormula("IF(C" + (r + 1) + ">200,1,0)");
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"xlsx", "xls"})
    void listsSheetsAndReadsTheChosenOne(String extension) throws Exception {
        if (extension.equals("xls")) {   // Excel 97-2003, still what some CRMs export
            workbook = write(tmp.resolve("customers.xls"), new HSSFWorkbook());
        }
        DataImporter importer = new DataImporter();
        assertThat(importer.sheets(workbook)).containsExactly("Notes", "Kunden");
        ImportResult r = importer.read(workbook, ImportSettings.auto().withSheet("Kunden"), Progress.none());
        assertThat(r.resolvedSettings().format()).isEqualTo(FileFormat.EXCEL);
        assertThat(r.resolvedSettings().sheet()).isEqualTo("Kunden");
        assertThat(r.rowsRead()).isEqualTo(5);
        assertThat(r.dataset().table().columnNames()).containsExactly("id", "segment", "revenue", "since", "active");
        assertThat(r.dataset().spec("revenue").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        DoubleColumn revenue = (DoubleColumn) r.dataset().table().column("revenue");
        assertThat(revenue.get(0)).isEqualTo(100.5);
        assertThat(revenue.isMissing(2)).isTrue();
        assertThat(r.dataset().spec("since").orElseThrow().type()).isEqualTo(ColumnType.DATETIME);
        assertThat(r.dataset().table().dateTimeColumn("since").get(1)).isEqualTo(LocalDateTime.of(2020, 2, 10, 0, 0));
        assertThat(r.dataset().table().stringColumn("active").asList()).containsExactly("0", "1", "0", "1", "1");
    }

    @Test
    void firstSheetIsTheDefaultAndAMissingSheetIsNamedInTheError() throws Exception {
        ImportPreview p = new DataImporter().detect(workbook, ImportSettings.auto());
        assertThat(p.resolvedSettings().sheet()).isEqualTo("Notes");
        assertThat(p.sheets()).containsExactly("Notes", "Kunden");
        try {
            new DataImporter().detect(workbook, ImportSettings.auto().withSheet("Orders"));
        } catch (ImportException e) {
            assertThat(e.userMessage().key()).isEqualTo("ingest.error.noSheet");
            assertThat(e.getMessage()).contains("Notes, Kunden");
            return;
        }
        throw new AssertionError("expected the missing sheet to be refused");
    }

    @Test
    void readsArffWithItsDeclaredTypes() throws Exception {
        ImportResult r = Fixtures.read("customers.arff");
        assertThat(r.resolvedSettings().format()).isEqualTo(FileFormat.ARFF);
        assertThat(r.rowsRead()).isEqualTo(4);
        assertThat(r.columns()).extracting(c -> c.type()).containsExactly(ColumnType.NUMBER, ColumnType.CATEGORY,
                ColumnType.TEXT, ColumnType.DATETIME, ColumnType.CATEGORY);
        assertThat(((DoubleColumn) r.dataset().table().column("age")).isMissing(2)).isTrue();
        assertThat(r.dataset().table().stringColumn("note").get(0)).isEqualTo("likes email");
        assertThat(r.dataset().table().dateTimeColumn("joined").get(0)).isEqualTo(LocalDateTime.of(2021, 3, 4, 0, 0));
        assertThat(r.dataset().table().dateTimeColumn("joined").isMissing(3)).isTrue();
    }

    @Test
    void brokenArffIsRefusedWithAMessage() throws Exception {
        Path bad = tmp.resolve("bad.arff");
        Files.writeString(bad, "@relation x\n@attribute a numeric\n@data\nhello\n");
        try {
            new DataImporter().read(bad, ImportSettings.auto(), Progress.none());
        } catch (ImportException e) {
            assertThat(e.userMessage().key()).isEqualTo("ingest.error.arff");
            return;
        }
        throw new AssertionError("expected the broken ARFF to be refused");
    }
}
