package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.Table;

/**
 * A log repeats values over consecutive rows (an invoice's lines share its number and time); the
 * reader reuses what it read for the previous row, and that must never change what a row holds.
 */
class RepeatedValuesTest {

    @TempDir
    Path dir;

    private ImportResult read(String csv) throws Exception {
        Path file = dir.resolve("log.csv");
        Files.writeString(file, csv);
        return new DataImporter().read(file, ImportSettings.auto().withColumnType("when", org.marketingworkbench.core.data
                .ColumnType.DATETIME), Progress.none());
    }

    @Test
    void aBadDateRepeatedIsReportedOnEveryRowAndAGoodOneKeepsItsValue() throws Exception {
        StringBuilder csv = new StringBuilder("invoice,when,country\n");
        for (int i = 0; i < 30; i++) {
            csv.append("536365,2010-12-01 08:26:00,United Kingdom\n");
        }
        csv.append("536366,2010-13-01 08:28:00,France\n");
        csv.append("536366,2010-13-01 08:28:00,France\n");
        csv.append("536366,2010-13-01 08:28:00,France\n");
        csv.append("536367,NA,France\n");
        csv.append("536367,NA,France\n");
        csv.append("536368,2010-12-01 08:26:00,NA\n");
        csv.append("536368,2010-12-01 08:26:00,NA\n");
        ImportResult r = read(csv.toString());
        Table t = r.dataset().table();
        assertThat(r.problems()).filteredOn(p -> p.kind() == ImportProblem.Kind.BAD_DATE).hasSize(3)
                .allSatisfy(p -> assertThat(p.rawText()).isEqualTo("2010-13-01 08:28:00"));
        assertThat(t.dateTimeColumn("when").get(0)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
        assertThat(t.dateTimeColumn("when").get(29)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
        assertThat(t.dateTimeColumn("when").countMissing()).isEqualTo(5);
        assertThat(t.dateTimeColumn("when").get(35)).isEqualTo(LocalDateTime.of(2010, 12, 1, 8, 26));
        assertThat(t.stringColumn("country").get(35)).isEmpty();
        assertThat(t.stringColumn("country").get(30)).isEqualTo("France");
    }

    @Test
    void aValueOnlyInASkippedRowLeavesNoTrace() throws Exception {
        StringBuilder csv = new StringBuilder("invoice,when,country\n");
        for (int i = 0; i < 30; i++) {
            csv.append("C536379,2011-01-0").append(1 + i % 9).append(" 10:00:00,").append(i % 2 == 0 ? "EIRE" : "Spain")
                    .append('\n');
        }
        csv.append("C999999,2011-01-01 10:00:00,Atlantis,extra\n"); // one field too many: skipped
        csv.append("C536379,2011-01-01 10:00:00,Spain\n");
        ImportResult r = read(csv.toString());
        Table t = r.dataset().table();
        assertThat(r.rowsSkipped()).isEqualTo(1);
        assertThat(t.rowCount()).isEqualTo(31);
        assertThat(t.stringColumn("country").unique().asList()).containsExactlyInAnyOrder("EIRE", "Spain");
        assertThat(t.stringColumn("invoice").unique().asList()).containsExactly("C536379");
    }
}
