package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.DoubleColumn;

/** CSV files as Excel and other spreadsheets write them, read right without any setting changed. */
class ExcelStyleCsvTest {

    @TempDir
    Path dir;

    @Test
    void semicolonFileWithDecimalCommasIsDetectedNotRefused() throws Exception {
        // three decimal columns: split at the commas the rows have as many fields as split at ';'
        ImportResult r = Fixtures.read("excel-europe-semicolon.csv");
        assertThat(r.resolvedSettings().delimiter()).isEqualTo(';');
        assertThat(r.resolvedSettings().decimalComma()).isTrue();
        assertThat(r.rowsRead()).isEqualTo(40);
        assertThat(r.rowsSkipped()).isZero();
        assertThat(r.dataset().table().columnNames()).containsExactly("Artikel", "Preis", "Rabatt", "Gewicht");
        assertThat(r.dataset().spec("Preis").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(((DoubleColumn) r.dataset().table().column("Preis")).get(0)).isEqualTo(7.47);
        assertThat(((DoubleColumn) r.dataset().table().column("Gewicht")).get(0)).isEqualTo(1.197);
    }

    @Test
    void commasInsideNumbersDoNotOutvoteAConsistentSemicolon() {
        // all-number rows: split at ',' every row has 3 fields, at ';' only 2
        String text = "Preis;Rabatt\n1,50;0,10\n2,75;0,05\n3,10;0,20\n12,00;1,00\n";
        assertThat(DataImporter.detectDelimiter(text, '"')).isEqualTo(';');
        String noHeader = "1,50;0,10\n2,75;0,05\n3,10;0,20\n12,00;1,00\n";
        assertThat(DataImporter.detectDelimiter(noHeader, '"')).isEqualTo(';');
    }

    @Test
    void aPlainCommaFileStaysComma() {
        assertThat(DataImporter.detectDelimiter("a,b,c\n1,2,3\n4,5,6\n7,8,9\n", '"')).isEqualTo(',');
        assertThat(DataImporter.detectDelimiter("name,note\nA,x;y\nB,u;v\nC,p;q\n", '"')).isEqualTo(',');
        assertThat(DataImporter.detectDelimiter("id,price\n1,1.50\n2,2.75\n3,0.99\n", '"')).isEqualTo(',');
    }

}
