package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * Types come from the first megabyte; a log sorted by date can hide a count behind months of zeros
 * (bank-full's {@code previous}). The full read corrects a "0/1 flag" that turns out to be a count.
 */
class SampleBeyondTheFirstMegabyteTest {

    @TempDir
    Path dir;

    private Path write(String name, int rows, String lateValue) throws Exception {
        Path file = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("customer_note,previous,opted_in\n");
            for (int i = 0; i < rows; i++) {
                w.write("note number " + (i % 50) + "," + (i < rows - 100 ? i % 2 : lateValue) + "," + (i % 2) + "\n");
            }
        }
        return file;
    }

    @Test
    void aFlagInTheSampleThatIsACountInTheFileIsReadAsANumber() throws Exception {
        Path file = write("log.csv", 80_000, "7");
        assertThat(Files.size(file)).isGreaterThan(1 << 20);
        ImportResult r = new DataImporter().read(file, ImportSettings.auto(), Progress.none());
        assertThat(r.dataset().spec("previous").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(r.dataset().spec("previous").orElseThrow().reason().key()).isEqualTo("ingest.reason.countNotFlag");
        assertThat(r.dataset().table().numberColumn("previous").max()).isEqualTo(7.0);
        assertThat(r.dataset().spec("opted_in").orElseThrow().type()).as("a real flag stays a category")
                .isEqualTo(ColumnType.CATEGORY);
    }

    @Test
    void aFlagColumnWithWordsLaterStaysACategory() throws Exception {
        Path file = write("words.csv", 80_000, "maybe");
        ImportResult r = new DataImporter().read(file, ImportSettings.auto(), Progress.none());
        assertThat(r.dataset().spec("previous").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
    }
}
