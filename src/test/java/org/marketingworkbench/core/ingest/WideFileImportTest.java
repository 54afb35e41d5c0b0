package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * A file with tens of thousands of columns (an ARFF of gene expressions, a pivoted log) imports in
 * time proportional to its size: 200,000 attributes once took over five minutes because every new
 * column's name was checked against all earlier ones.
 */
class WideFileImportTest {

    @TempDir
    Path tmp;

    /**
     * The work is counted as the bytes the import allocates, which the load of a shared machine does
     * not change (before the fix: 482 MB for 5,000 attributes, 37,870 MB for 50,000, a ratio of 79;
     * after: 37 MB and 376 MB, 10). CPU time is checked too, with room for a busy machine, where a long
     * run is interrupted more often than a short one (before: 0.64 s and 77 s, 120; after: about 10).
     */
    @Test
    void tenTimesTheAttributesTakeAboutTenTimesTheWorkNotAHundred() throws Exception {
        Path narrow = arff(tmp.resolve("narrow.arff"), 5_000);
        Path wide = arff(tmp.resolve("wide.arff"), 50_000);
        // warm up: class loading, the JIT and growing the heap belong to neither figure
        importAndLookUpEverySpec(narrow);
        importAndLookUpEverySpec(wide);
        Work small = Work.NONE;
        Work large = Work.NONE;
        for (int round = 0; round < 2; round++) { // the least of two: a shared machine only ever adds time
            small = small.least(importAndLookUpEverySpec(narrow));
            large = large.least(importAndLookUpEverySpec(wide));
        }
        System.out.printf("5,000 attributes: %s; 50,000: %s%n", small, large);
        assertThat((double) large.bytes() / small.bytes()).as("bytes allocated for 50,000 attributes / for 5,000")
                .isLessThan(20);
        assertThat((double) large.cpuNanos() / small.cpuNanos()).as("CPU time for 50,000 attributes / for 5,000")
                .isLessThan(60);
    }

    @Test
    void namesThatDifferOnlyInCaseAreRenamedNotRefused() throws Exception {
        Path csv = Files.writeString(tmp.resolve("case.csv"), "id,ID,Id,id_2\n1,2,3,4\n5,6,7,8\n");
        ImportResult r = new DataImporter().read(csv, ImportSettings.auto(), Progress.none());
        assertThat(r.columns()).extracting(ColumnSpec::name).containsExactly("id", "ID_3", "Id_4", "id_2");
        assertThat(r.dataset().table().columnNames()).containsExactly("id", "ID_3", "Id_4", "id_2");
        assertThat(r.problems()).extracting(ImportProblem::kind)
                .containsExactly(ImportProblem.Kind.DUPLICATE_NAME, ImportProblem.Kind.DUPLICATE_NAME);
        // "id_2" is a name of its own further on, so the repeats skip it
        assertThat(r.problems().get(0).message().toString()).isEqualTo("The column names ID and id differ only in "
                + "upper and lower case, which the table cannot tell apart; this one was renamed ID_3.");
    }

    @Test
    void exactRepeatsAreStillRenamedWithTheirOwnMessage() throws Exception {
        Path csv = Files.writeString(tmp.resolve("dup.csv"), "a,b,a,a\n1,2,3,4\n");
        ImportResult r = new DataImporter().read(csv, ImportSettings.auto(), Progress.none());
        assertThat(r.columns()).extracting(ColumnSpec::name).containsExactly("a", "b", "a_2", "a_3");
        assertThat(r.problems().get(0).message().key()).isEqualTo("ingest.problem.duplicateName");
    }

    record Work(long cpuNanos, long bytes) {
        static final Work NONE = new Work(Long.MAX_VALUE, Long.MAX_VALUE);

        Work least(Work other) {
            return new Work(Math.min(cpuNanos, other.cpuNanos), Math.min(bytes, other.bytes));
        }

        @Override
        public String toString() {
            return String.format("%.3f s CPU, %.1f MB allocated", cpuNanos / 1e9, bytes / 1e6);
        }
    }

    /** One import plus one spec lookup per column (what the cleaning steps do), on this thread. */
    private static Work importAndLookUpEverySpec(Path file) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long bytes = threads.getCurrentThreadAllocatedBytes();
        Dataset d = new DataImporter().read(file, ImportSettings.auto(), Progress.none()).dataset();
        for (ColumnSpec c : d.columns()) {
            if (d.spec(c.name()).isEmpty()) {
                throw new AssertionError("no spec for " + c.name());
            }
        }
        return new Work(Math.max(1, threads.getCurrentThreadCpuTime() - cpu),
                Math.max(1, threads.getCurrentThreadAllocatedBytes() - bytes));
    }

    private static Path arff(Path file, int attributes) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("@relation wide\n");
            for (int a = 0; a < attributes; a++) {
                w.write("@attribute gene" + a + " numeric\n");
            }
            w.write("@data\n");
            for (int r = 0; r < 3; r++) {
                StringBuilder row = new StringBuilder();
                for (int a = 0; a < attributes; a++) {
                    row.append(a == 0 ? "" : ",").append((a * 7 + r) % 10);
                }
                w.write(row.append('\n').toString());
            }
        }
        return file;
    }
}
