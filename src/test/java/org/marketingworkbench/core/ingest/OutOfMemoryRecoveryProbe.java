package org.marketingworkbench.core.ingest;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * Run by {@link RunningOutOfMemoryTest} in a JVM with a small heap: a read that really runs out of
 * memory, then what is left of the heap, then a read that needs most of it. Prints one fact a line.
 */
public final class OutOfMemoryRecoveryProbe {

    private OutOfMemoryRecoveryProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path heavy = Path.of(args[0]);
        Path next = Path.of(args[1]);
        DataImporter importer = new DataImporter();
        try {
            importer.read(heavy, ImportSettings.auto(), Progress.none());
            System.out.println("read: no error");
        } catch (ImportException e) {
            System.out.println("read: " + e.userMessage().key());
            System.out.println("message: " + e.userMessage());
        }
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.println("used after: " + (rt.totalMemory() - rt.freeMemory()) + " of " + rt.maxMemory());
        // a table of 1,000,000 x 4 numbers (32 MB): it only fits if the failed read left nothing behind
        try (BufferedWriter w = Files.newBufferedWriter(next)) {
            w.write("a,b,c,d\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write(i % 97 + "," + i % 89 + "," + i % 83 + "," + i % 79 + "\n");
            }
        }
        ImportResult r = importer.read(next, ImportSettings.auto(), Progress.none());
        System.out.println("next: " + r.rowsRead() + " rows");
    }
}
