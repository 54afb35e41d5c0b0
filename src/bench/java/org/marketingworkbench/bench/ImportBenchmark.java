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
 * Import benchmark (not a test), on two generated, seeded files in target/: a 1,000,000 × 20 customer
 * table and a 541,909 × 8 transaction log of the shape of the UCI Online Retail file
 * ({@link TransactionLog}). For each it times, in the same run, our importer and (if installed) pandas
 * {@code read_csv} in a python3 process, alternating the two so that both meet the same machine load:
 * one warm-up each, then the median of five, wall and CPU seconds, in-process. It also checks our
 * importer's peak heap in a child JVM capped at 3× (and 2×) the file size, and, on the customer
 * table, times Weka's CSVLoader.
 *
 * <p>Run: {@code mvn -Pbench test-compile exec:exec} (arguments: target dir [customer rows]; the
 * system property {@code bench.shapes}, e.g. {@code retail}, picks the files).
 */
public final class ImportBenchmark {

    private static final long SEED = 20_241_128L;
    private static final int REPEATS = 5;
    /** The goal of issue 10: our in-process import at most this many times pandas' read_csv. */
    private static final double GOAL = 1.2;

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
        String shapes = System.getProperty("bench.shapes", "customers,retail");
        if (shapes.isBlank()) {
            shapes = "customers,retail";
        }
        System.out.printf(Locale.ROOT, "ImportBenchmark: %d cores, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        List<String> summary = new ArrayList<>();
        try (Pandas pandas = Pandas.start()) {
            if (shapes.contains("customers")) {
                Path csv = dir.resolve("bench-customers-" + rows + ".csv");
                if (!Files.exists(csv)) {
                    long t = System.nanoTime();
                    generate(csv, rows);
                    System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", csv, (System.nanoTime() - t) / 1e9);
                }
                Shape s = measure("customers " + rows + " x 20", csv, rows, pandas);
                summary.add(s.line());
                weka(csv, rows, s);
            }
            if (shapes.contains("retail")) {
                Path csv = dir.resolve("bench-retail-" + TransactionLog.ROWS + ".csv");
                if (!Files.exists(csv)) {
                    long t = System.nanoTime();
                    TransactionLog.generate(csv, TransactionLog.ROWS);
                    System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", csv, (System.nanoTime() - t) / 1e9);
                }
                summary.add(measure("transaction log " + TransactionLog.ROWS + " x 8", csv, TransactionLog.ROWS,
                        pandas).line());
            }
        }
        System.out.println();
        System.out.println("summary (in-process, medians of " + REPEATS + ", same run; goal: ours/pandas <= " + GOAL + "):");
        summary.forEach(System.out::println);
    }

    /** Our importer's and pandas' times on one file, alternated. */
    private record Shape(String name, double ours, double oursCpu, double pandas, double pandasCpu) {
        String line() {
            return String.format(Locale.ROOT, "  %-28s ours %.2f s, pandas %.2f s: ratio %.2f%s; CPU %.2f s vs %.2f s: "
                    + "ratio %.2f", name, ours, pandas, ours / pandas, ours <= GOAL * pandas ? " (goal met)"
                    : " (goal NOT met)", oursCpu, pandasCpu, oursCpu / pandasCpu);
        }
    }

    private static Shape measure(String name, Path csv, int rows, Pandas pandas) throws Exception {
        long size = Files.size(csv);
        System.out.printf(Locale.ROOT, "%n== %s: %s, %.1f MiB%n", name, csv.getFileName(), size / 1048576.0);
        DataImporter importer = new DataImporter();
        double[] ours = new double[REPEATS];
        double[] oursCpu = new double[REPEATS];
        double[] pd = new double[REPEATS];
        double[] pdCpu = new double[REPEATS];
        double pandasBytes = Double.NaN;
        // one warm-up each (the JIT; pandas' first read is slower too), reported, not counted
        System.gc();
        long c0 = cpu();
        long t0 = System.nanoTime();
        ImportResult last = importer.read(csv, ImportSettings.auto(), Progress.none());
        double firstOurs = (System.nanoTime() - t0) / 1e9;
        double firstOursCpu = (cpu() - c0) / 1e9;
        double[] firstPandas = pandas == null ? null : pandas.read(csv);
        for (int i = 0; i < REPEATS; i++) {
            last = null;
            System.gc();
            long c = cpu();
            long t = System.nanoTime();
            last = importer.read(csv, ImportSettings.auto(), Progress.none());
            ours[i] = (System.nanoTime() - t) / 1e9;
            oursCpu[i] = (cpu() - c) / 1e9;
            if (pandas != null) {
                double[] p = pandas.read(csv);
                pd[i] = p[0];
                pdCpu[i] = p[1];
                pandasBytes = p[2];
            } else {
                pd[i] = Double.NaN;
                pdCpu[i] = Double.NaN;
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long retained = rt.totalMemory() - rt.freeMemory();
        double oursMedian = median(ours);
        System.out.printf(Locale.ROOT, "ours:   %.2f s median of %s, %,.0f rows/s; CPU %.2f s median of %s;"
                        + " first run %.2f s (CPU %.2f s); %d rows, %d skipped, table ~%.0f MiB (heap in use after GC"
                        + " with the table held: %.0f MiB)%n",
                oursMedian, Arrays.toString(round(ours)), rows / oursMedian, median(oursCpu),
                Arrays.toString(round(oursCpu)), firstOurs, firstOursCpu, last.rowsRead(), last.rowsSkipped(),
                last.estimatedBytes() / 1048576.0, retained / 1048576.0);
        System.out.println("        types: " + last.columns().stream().map(c -> c.name() + "=" + c.type().id()).toList());
        last = null;
        if (pandas != null) {
            System.out.printf(Locale.ROOT, "pandas: %.2f s median of %s (read_csv in-process), %,.0f rows/s; CPU %.2f s "
                    + "median of %s; first run %.2f s; DataFrame %.0f MiB%n", median(pd), Arrays.toString(round(pd)),
                    rows / median(pd), median(pdCpu), Arrays.toString(round(pdCpu)), firstPandas[0],
                    pandasBytes / 1048576.0);
        } else {
            System.out.println("pandas: not available");
        }
        Shape s = new Shape(name, oursMedian, median(oursCpu), median(pd), median(pdCpu));
        System.out.println("ratio: " + s.line().trim());

        // peak heap: our importer alone in a JVM capped at 3x and 2x the file size
        for (int factor : new int[] {3, 2}) {
            long capMiB = factor * size / 1048576;
            ChildRun cr = runChild(csv, capMiB);
            System.out.printf(Locale.ROOT, "ours in a fresh JVM with -Xmx%dm (%dx file size): %s%n", capMiB, factor, cr);
        }
        return s;
    }

    /** Weka's CSVLoader on the customer table, given what it needs to succeed on this file. */
    private static void weka(Path csv, int rows, Shape ours) throws Exception {
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
        System.out.printf(Locale.ROOT, "weka:   %.2f s, %,.0f rows/s, CPU %.2f s, %d instances; weka/ours = %.1fx "
                + "(goal >= 5x), CPU %.1fx%n", wekaSeconds, rows / wekaSeconds, wekaCpu, weka.numInstances(),
                wekaSeconds / ours.ours(), wekaCpu / ours.oursCpu());
    }

    /** The pandas side: a python3 process that times one read_csv per request. */
    private static final class Pandas implements AutoCloseable {
        private final Process process;
        private final java.io.BufferedReader out;
        private final java.io.PrintWriter in;

        private Pandas(Process process) {
            this.process = process;
            this.out = process.inputReader();
            this.in = new java.io.PrintWriter(process.outputWriter(), true);
        }

        /** Null when python3 with pandas is not there. */
        static Pandas start() throws IOException {
            Path script = Path.of("src/bench/python/import_benchmark.py");
            // the system Python is where Debian's python3-pandas lives; a python3 earlier on PATH may lack it
            String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
            if (!Files.exists(script)) {
                System.out.println("pandas baseline skipped: no " + script);
                return null;
            }
            Pandas p;
            try {
                p = new Pandas(new ProcessBuilder(python, script.toString()).redirectErrorStream(true).start());
            } catch (IOException e) {
                System.out.println("pandas baseline skipped: " + e.getMessage());
                return null;
            }
            for (String line = p.out.readLine(); line != null; line = p.out.readLine()) {
                if (line.equals("ready")) {
                    return p;
                }
                System.out.println("  pandas: " + line);
            }
            System.out.println("pandas baseline skipped: python3 with pandas did not start (apt-get install python3-pandas)");
            return null;
        }

        /** {wall seconds, CPU seconds, DataFrame bytes} of one read_csv. */
        double[] read(Path csv) throws IOException {
            in.println("read " + csv.toAbsolutePath());
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 4 && parts[0].equals("pandas")) {
                    return new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                        Double.parseDouble(parts[3])};
                }
                System.out.println("  pandas: " + line);
            }
            throw new IOException("pandas stopped");
        }

        @Override
        public void close() throws InterruptedException {
            in.println("quit");
            process.waitFor(1, TimeUnit.MINUTES);
        }
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
