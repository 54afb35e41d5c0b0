package org.marketingworkbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import weka.core.Instances;
import weka.core.converters.CSVLoader;

/**
 * Import benchmark (not a test): generates a seeded 1,000,000 × 20 customer CSV in target/, then
 * times, in the same run, our importer, Weka's CSVLoader and (if installed) pandas read_csv, and
 * checks our importer's peak heap by running it in a child JVM capped at 3× (and 2×) the file size.
 *
 * <p>Run: {@code mvn -o -Pbench test-compile exec:exec} (arguments: target dir [rows]).
 */
public final class ImportBenchmark {

    private static final long SEED = 20_241_128L;

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("--child")) {
            child(Path.of(args[1]));
            return;
        }
        System.setProperty("weka.packageManager.offline", "true");
        System.setProperty("weka.packageManager.loadPackages", "false");
        System.setProperty("weka.core.loadPackages", "false");
        Path dir = Path.of(args.length > 0 ? args[0] : "target");
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path csv = dir.resolve("bench-customers-" + rows + ".csv");
        if (!Files.exists(csv)) {
            long t = System.nanoTime();
            generate(csv, rows);
            System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", csv, (System.nanoTime() - t) / 1e9);
        }
        long size = Files.size(csv);
        System.out.printf(Locale.ROOT, "file: %s, %,d rows x 20 columns, %.1f MiB%n", csv.getFileName(), rows,
                size / 1048576.0);

        // ours: one warm-up, then the median of three
        DataImporter importer = new DataImporter();
        double[] ours = new double[5];
        double[] oursCpu = new double[ours.length];
        ImportResult last = null;
        importer.read(csv, ImportSettings.auto(), Progress.none());
        for (int i = 0; i < ours.length; i++) {
            System.gc();
            long c = cpu();
            long t = System.nanoTime();
            last = importer.read(csv, ImportSettings.auto(), Progress.none());
            ours[i] = (System.nanoTime() - t) / 1e9;
            oursCpu[i] = (cpu() - c) / 1e9;
        }
        double oursMedian = median(ours);
        double oursBest = Arrays.stream(ours).min().orElseThrow();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long retained = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT, "ours:   %.2f s median (best %.2f) of %s, %,.0f rows/s; CPU %.2f s median of %s;"
                        + " %d rows, %d skipped, table ~%.0f MiB (heap in use after GC with the table held: %.0f MiB)%n",
                oursMedian, oursBest, Arrays.toString(round(ours)), rows / oursMedian, median(oursCpu),
                Arrays.toString(round(oursCpu)), last.rowsRead(), last.rowsSkipped(),
                last.estimatedBytes() / 1048576.0, retained / 1048576.0);
        System.out.println("        types: " + last.columns().stream().map(c -> c.name() + "=" + c.type().id()).toList());
        last = null;

        // peak heap: our importer alone in a JVM capped at 3x and 2x the file size
        for (int factor : new int[] {3, 2}) {
            long capMiB = factor * size / 1048576;
            ChildRun cr = runChild(csv, capMiB);
            System.out.printf(Locale.ROOT, "ours in a JVM with -Xmx%dm (%dx file size): %s%n", capMiB, factor, cr);
        }

        // Weka CSVLoader, given what it needs to succeed on this file
        System.gc();
        long cw = cpu();
        long tw = System.nanoTime();
        CSVLoader loader = new CSVLoader();
        loader.setBufferSize(rows + 10);
        loader.setStringAttributes("1");
        loader.setDateAttributes("20");
        loader.setDateFormat("yyyy-MM-dd");
        loader.setSource(csv.toFile());
        Instances weka = loader.getDataSet();
        double wekaSeconds = (System.nanoTime() - tw) / 1e9;
        double wekaCpu = (cpu() - cw) / 1e9;
        System.out.printf(Locale.ROOT, "weka:   %.2f s, %,.0f rows/s, CPU %.2f s, %d instances%n", wekaSeconds,
                rows / wekaSeconds, wekaCpu, weka.numInstances());
        weka = null;

        // pandas, in a separate process; in-process read_csv time, median of three
        double pandas = Double.NaN;
        double pandasCpu = Double.NaN;
        String pandasOut = pandas(csv);
        if (pandasOut != null) {
            String[] parts = pandasOut.trim().split("\\s+");
            pandas = Double.parseDouble(parts[0]);
            pandasCpu = Double.parseDouble(parts[2]);
            System.out.printf(Locale.ROOT, "pandas: %.2f s median (read_csv in-process), %,.0f rows/s, CPU %.2f s, "
                    + "DataFrame %.0f MiB%n", pandas, rows / pandas, pandasCpu, Double.parseDouble(parts[1]) / 1048576.0);
        } else {
            System.out.println("pandas: not available");
        }
        System.out.printf(Locale.ROOT, "ratios (wall, medians): weka/ours = %.1fx faster (goal >= 5x); ours/pandas = %.2f "
                + "(goal <= 1.5)%n", wekaSeconds / oursMedian, oursMedian / pandas);
        System.out.printf(Locale.ROOT, "ratios (CPU seconds, less sensitive to other load on the machine): weka/ours = "
                + "%.1fx; ours/pandas = %.2f%n", wekaCpu / median(oursCpu), median(oursCpu) / pandasCpu);
    }

    /** CPU time of this whole process (all threads, including GC), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 100) / 100.0).toArray();
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** Runs in the child JVM: imports once and prints the heap pools' peak. */
    private static void child(Path csv) throws Exception {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t = System.nanoTime();
        ImportResult r = new DataImporter().read(csv, ImportSettings.auto(), Progress.none());
        double s = (System.nanoTime() - t) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "ok %d rows in %.2f s, sum of heap pool peaks %.0f MiB%n", r.rowsRead(), s,
                peak / 1048576.0);
    }

    private record ChildRun(int exit, String output) {
        @Override
        public String toString() {
            return exit == 0 ? output.trim() : "FAILED (exit " + exit + "): " + lastLine(output);
        }

        private static String lastLine(String s) {
            String[] lines = s.trim().split("\n");
            return lines.length == 0 ? "" : lines[0] + (lines.length > 1 ? " ... " + lines[lines.length - 1] : "");
        }
    }

    private static ChildRun runChild(Path csv, long capMiB) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + capMiB + "m", "-cp", System.getProperty("java.class.path"),
                ImportBenchmark.class.getName(), "--child", csv.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.MINUTES);
        return new ChildRun(p.exitValue(), out);
    }

    private static String pandas(Path csv) throws InterruptedException {
        String script = "import sys, time\n"
                + "import pandas as pd\n"
                + "ts = []\n"
                + "cs = []\n"
                + "for i in range(3):\n"
                + "    c = time.process_time(); t = time.perf_counter(); df = pd.read_csv(sys.argv[1])\n"
                + "    ts.append(time.perf_counter() - t); cs.append(time.process_time() - c)\n"
                + "ts.sort(); cs.sort()\n"
                + "print(ts[1], int(df.memory_usage(deep=True).sum()), cs[1])\n";
        try {
            // the system Python is where Debian's python3-pandas lives; a python3 earlier on PATH may lack it
            String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
            ProcessBuilder pb = new ProcessBuilder(python, "-c", script, csv.toString());
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A customer table: an id, 12 numbers (some blank), 6 categories, a date. Seeded. */
    static void generate(Path csv, int rows) throws IOException {
        Files.createDirectories(csv.getParent());
        Random rnd = new Random(SEED);
        String[][] cats = {
            {"north", "south", "east", "west", "central"},
            {"email", "phone", "web", "store"},
            {"bronze", "silver", "gold", "platinum"},
            {"yes", "no"},
            {"male", "female", "other", "unknown"},
            {"student", "employed", "self-employed", "retired", "unemployed", "homemaker"}
        };
        LocalDate start = LocalDate.of(2015, 1, 1);
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>();
            header.add("customer_id");
            for (int i = 1; i <= 12; i++) {
                header.add("num_" + i);
            }
            String[] catNames = {"region", "channel", "tier", "newsletter", "gender", "occupation"};
            header.addAll(Arrays.asList(catNames));
            header.add("signup_date");
            w.write(String.join(",", header));
            w.write('\n');
            StringBuilder sb = new StringBuilder(256);
            for (int r = 0; r < rows; r++) {
                sb.setLength(0);
                sb.append('C').append(String.format(Locale.ROOT, "%07d", r + 1));
                for (int i = 0; i < 12; i++) {
                    sb.append(',');
                    if (rnd.nextInt(50) == 0) {
                        continue; // blank: missing
                    }
                    switch (i % 4) {
                        case 0 -> sb.append(18 + rnd.nextInt(70));
                        case 1 -> sb.append(Math.round(rnd.nextGaussian() * 2500 + 4000) / 100.0);
                        case 2 -> sb.append(rnd.nextInt(1000));
                        default -> sb.append(Math.round(Math.exp(rnd.nextGaussian()) * 10000) / 10000.0);
                    }
                }
                for (String[] c : cats) {
                    sb.append(',').append(c[rnd.nextInt(c.length)]);
                }
                sb.append(',').append(start.plusDays(rnd.nextInt(3650)));
                sb.append('\n');
                w.append(sb);
            }
        }
        Files.move(tmp, csv, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

}
