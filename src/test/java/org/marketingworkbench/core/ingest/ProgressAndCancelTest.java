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

    private static DataImporter twoThreads() {
        return new DataImporter(DataImporter::freeHeap, 0);
    }

    @Test
    void parsingAndConvertingOnTwoThreadsGivesTheSameTable() throws Exception {
        ImportResult one = new DataImporter().read(file, ImportSettings.auto(), Progress.none());
        ImportResult two = twoThreads().read(file, ImportSettings.auto(), Progress.none());
        assertThat(two.rowsRead()).isEqualTo(one.rowsRead());
        assertThat(two.dataset().table().column("amount").asList()).isEqualTo(one.dataset().table().column("amount").asList());
        assertThat(two.dataset().table().column("segment").asList()).isEqualTo(one.dataset().table().column("segment").asList());
        assertThat(two.sha256()).isEqualTo(one.sha256());
    }

    @Test
    void cancellingOnTwoThreadsThrowsCancelledExceptionAndStopsTheConverter() {
        Progress[] holder = new Progress[1];
        holder[0] = Progress.to((f, m) -> {
            if (f > 0.2) {
                holder[0].cancel();
            }
        });
        assertThatThrownBy(() -> twoThreads().read(file, ImportSettings.auto(), holder[0]))
                .isInstanceOf(CancelledException.class);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("mwb-import-convert")
                && t.isAlive());
    }

    @Test
    void aBadRowStopsTheImportOnTwoThreadsToo() throws Exception {
        Path ragged = tmp.resolve("ragged-big.csv");
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append(i).append(i == 15_000 ? "\n" : ",1\n");
        }
        Files.writeString(ragged, sb);
        assertThatThrownBy(() -> twoThreads().read(ragged, ImportSettings.auto().withOnBadRow(BadRowPolicy.STOP),
                Progress.none()))
                .isInstanceOf(ImportException.class)
                .satisfies(e -> assertThat(((ImportException) e).userMessage().args()[0]).isEqualTo(15_002L));
    }

    @Test
    void alreadyCancelledReadDoesNotStart() {
        Progress p = Progress.none();
        p.cancel();
        assertThatThrownBy(() -> new DataImporter().read(file, ImportSettings.auto(), p))
                .isInstanceOf(CancelledException.class);
    }
}
