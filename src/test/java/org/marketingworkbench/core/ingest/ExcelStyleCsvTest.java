package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    @Test
    void excelSepLineNamesTheDelimiterAndIsNotData() throws Exception {
        ImportResult r = Fixtures.read("excel-sep-line.csv");
        assertThat(r.resolvedSettings().delimiter()).isEqualTo(';');
        assertThat(r.resolvedSettings().hasHeader()).isTrue();
        assertThat(r.dataset().table().columnNames()).containsExactly("Artikel", "Preis", "Rabatt", "Gewicht");
        assertThat(r.rowsRead()).isEqualTo(40);
        assertThat(r.problems()).isEmpty();
        assertThat(r.dataset().spec("Preis").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        ImportPreview p = Fixtures.detect("excel-sep-line.csv");
        assertThat(p.sampleRows().get(0)).containsExactly("Kaffee", "7,47", "0,48", "1,197");
    }

    static Stream<Arguments> sepLines() {
        return Stream.of(Arguments.of("sep=,", ','), Arguments.of("sep=;", ';'), Arguments.of("sep=\t", '\t'),
                Arguments.of("sep=\\t", '\t'), Arguments.of("SEP=|", '|'));
    }

    @ParameterizedTest
    @MethodSource("sepLines")
    void everySepLineIsHonoured(String sepLine, char d) throws Exception {
        StringBuilder sb = new StringBuilder(sepLine).append("\r\n");
        sb.append("name").append(d).append("visits").append(d).append("segment\r\n");
        for (int i = 0; i < 12; i++) {
            sb.append("C").append(i).append(d).append(i % 5).append(d).append(i % 2 == 0 ? "a" : "b").append("\r\n");
        }
        Path file = dir.resolve("sep.csv");
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        ImportResult r = new DataImporter().read(file, ImportSettings.auto(), Progress.none());
        assertThat(r.resolvedSettings().delimiter()).isEqualTo(d);
        assertThat(r.dataset().table().columnNames()).containsExactly("name", "visits", "segment");
        assertThat(r.rowsRead()).isEqualTo(12);
        assertThat(r.problems()).isEmpty();
        // the resolved settings read the same table again
        ImportResult again = new DataImporter().read(file, r.resolvedSettings(), Progress.none());
        assertThat(again.dataset().table().columnNames()).containsExactly("name", "visits", "segment");
        assertThat(again.rowsRead()).isEqualTo(12);
    }

    @Test
    void sepLineAfterAByteOrderMarkIsHonoured() throws Exception {
        Path file = dir.resolve("bom-sep.csv");
        Files.write(file, ("\uFEFFsep=;\nname;amount\n" + "a;1,5\nb;2,5\nc;3,5\n").getBytes(StandardCharsets.UTF_8));
        ImportResult r = new DataImporter().read(file, ImportSettings.auto(), Progress.none());
        assertThat(r.dataset().table().columnNames()).containsExactly("name", "amount");
        assertThat(((DoubleColumn) r.dataset().table().column("amount")).asDoubleArray()).containsExactly(1.5, 2.5, 3.5);
    }

    @Test
    void blankLinesBeforeTheHeaderAreSkippedAndTheHeaderIsNotReadAgain() throws Exception {
        ImportResult r = Fixtures.read("blank-lines-before-header.csv");
        assertThat(r.resolvedSettings().hasHeader()).isTrue();
        assertThat(r.dataset().table().columnNames()).containsExactly("id", "segment", "amount");
        assertThat(r.rowsRead()).isEqualTo(30);
        assertThat(r.rowsSkipped()).isZero();
        assertThat(r.problems()).isEmpty();
        assertThat(r.dataset().table().column("id").getString(0)).isEqualTo("1");
        assertThat(r.dataset().table().column("amount").isMissing(0)).isFalse();
    }

    @Test
    void problemLinesCountTheBlankAndSepLinesAboveThem() throws Exception {
        Path file = dir.resolve("lines.csv");
        Files.writeString(file, "sep=,\n\nid,amount\n1,10\n2,x\n3,30\n");
        ImportResult r = new DataImporter().read(file, ImportSettings.auto().withColumnType("amount",
                ColumnType.NUMBER), Progress.none());
        assertThat(r.rowsRead()).isEqualTo(3);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(ImportProblem.Kind.BAD_NUMBER);
            assertThat(p.line()).isEqualTo(5);
        });
    }
}
