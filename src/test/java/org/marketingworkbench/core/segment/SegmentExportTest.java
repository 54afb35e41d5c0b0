package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.NormalisedCsvWriter;
import org.marketingworkbench.core.pipeline.Progress;

class SegmentExportTest {

    @TempDir
    Path dir;

    /** Six customers in two clear groups; one has no income and is left out. */
    private static Dataset customers() {
        return Tables.create()
                .text("note", ColumnType.TEXT, "=cmd()", "-1+2", "@SUM(A1)", "+4", "plain", "-5")
                .number("income", 10, 11, 12, 90, 91, Double.NaN)
                .number("balance", -5.5, -1, 0, 3, 4, 5)
                .build();
    }

    @Test
    void everyRowIsWrittenWithItsSegmentAndNameAndFormulasAreNeutralised() throws Exception {
        Dataset data = customers();
        SegmentationResult r = new SegmentStep().run(data, SegmentationSettings.kMeans(List.of("income"), 2),
                Progress.none());
        List<SegmentCard> cards = SegmentDescriber.describe(data, r);
        Map<Integer, String> names = SegmentExport.names(cards, Map.of(2, "=HYPERLINK(\"x\")"), Locale.ENGLISH);
        Path out = dir.resolve("segments.csv");

        SegmentExport.write(data, r, names, out);

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).containsExactly(
                "note,income,balance,segment,segment_name",
                "'=cmd(),10,-5.5,1,Low earners",
                "'-1+2,11,-1,1,Low earners",
                "'@SUM(A1),12,0,1,Low earners",
                "+4,90,3,2,\"'=HYPERLINK(\"\"x\"\")\"",
                "plain,91,4,2,\"'=HYPERLINK(\"\"x\"\")\"",
                "-5,,5,,");
        assertThat(names.get(1)).isEqualTo(cards.get(0).proposedName().format(Locale.ENGLISH));
    }

    @Test
    void rawCellsAreWrittenAsTheyAre() throws Exception {
        Dataset data = customers();
        SegmentationResult r = new SegmentStep().run(data, SegmentationSettings.kMeans(List.of("income"), 2),
                Progress.none());
        Path out = dir.resolve("raw.csv");

        SegmentExport.write(data, r, Map.of(1, "A", 2, "B"), out, NormalisedCsvWriter.Cells.RAW);

        assertThat(Files.readAllLines(out)).element(1).isEqualTo("=cmd(),10,-5.5,1,A");
    }

    @Test
    void existingSegmentColumnsAreNotOverwritten() throws Exception {
        Dataset data = Tables.create().number("income", 1, 2, 30, 31)
                .text("segment", ColumnType.CATEGORY, "a", "a", "b", "b")
                .text("segment_name", ColumnType.TEXT, "x", "x", "y", "y").build();
        SegmentationResult r = new SegmentStep().run(data, SegmentationSettings.kMeans(List.of("income"), 2),
                Progress.none());
        Dataset out = SegmentExport.withSegmentAndName(data, r, Map.of(1, "One", 2, "Two"));

        assertThat(out.table().columnNames()).containsExactly("income", "segment", "segment_name", "segment_2",
                "segment_name_2");
        assertThat(out.table().stringColumn("segment_name_2").asList()).containsExactly("One", "One", "Two", "Two");
        assertThat(data.table().columnCount()).isEqualTo(3);
    }
}
