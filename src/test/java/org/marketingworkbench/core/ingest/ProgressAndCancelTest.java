package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;

class ProgressAndCancelTest {

    @TempDir
    Path tmp;
    Path file;

    @BeforeEach
    void writeFile() throws Exception {
        file = tmp.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("id,amount,segment\n");
            for (int i = 0; i < 30_000; i++) {
                w.write(i + "," + (i % 97) + ".5," + (i % 3 == 0 ? "a" : "b") + "\n");
            }
        }
    }

    @Test
    void reportsRisingProgressByBytesRead() throws Exception {
        List<Double> seen = new ArrayList<>();
        ImportResult r = new DataImporter().read(file, ImportSettings.auto(), Progress.to((f, m) -> seen.add(f)));
        assertThat(r.rowsRead()).isEqualTo(30_000);
        assertThat(seen).hasSizeGreaterThan(3).isSorted();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
        assertThat(seen.get(1)).isBetween(0.0, 0.9);
    }

    @Test
    void cancellingDuringTheReadThrowsCancelledException() {
        Progress[] holder = new Progress[1];
        holder[0] = Progress.to((f, m) -> {
            if (f > 0.2) {
                holder[0].cancel();
            }
        });
        assertThatThrownBy(() -> new DataImporter().read(file, ImportSettings.auto(), holder[0]))
                .isInstanceOf(CancelledException.class);
        assertThat(tmp.toFile().list()).containsExactly("big.csv");
    }

    @Test
    void alreadyCancelledReadDoesNotStart() {
        Progress p = Progress.none();
        p.cancel();
        assertThatThrownBy(() -> new DataImporter().read(file, ImportSettings.auto(), p))
                .isInstanceOf(CancelledException.class);
    }
}
