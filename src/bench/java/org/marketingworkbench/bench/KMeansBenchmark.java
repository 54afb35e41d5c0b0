package org.marketingworkbench.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.segment.FastKMeans;
import org.marketingworkbench.core.segment.FeatureMatrix;

/**
 * k = 8 on a generated 1,000,000 × 10 matrix of Gaussian blobs: the workbench's {@link FastKMeans} against
 * scikit-learn's {@code KMeans} on the same matrix, in the same run, with the same number of restarts
 * ({@code n_init}), alternating the two so that both meet the same machine load. Prints each side's median
 * time, the ratio and both within-cluster sums of squares. Goal (issue 11): at most 1.5 times scikit-learn's
 * time with an equal or better sum of squares.
 *
 * <p>Run with {@code mvn -Pbench test -Dtest=KMeansBenchmark}. {@code -Dbench.rows}, {@code -Dbench.restarts}
 * (default 10) and {@code -Dbench.repeats} (default 3) change the size; {@code -Dbench.python} the Python
 * (default {@code /usr/bin/python3}, which needs Debian's {@code python3-sklearn}).
 */
class KMeansBenchmark {

    private static final String PYTHON = System.getProperty("bench.python", "/usr/bin/python3");
    private static final int K = 8;
    private static final int COLS = 10;

    @Test
    void fastKMeansAgainstScikitLearn() throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int restarts = Integer.getInteger("bench.restarts", 10);
        int repeats = Integer.getInteger("bench.repeats", 3);
        FeatureMatrix data = blobs(rows, 20240607L);
        System.out.printf("KMeansBenchmark: k = %d on %,d x %d Gaussian blobs, %d restarts (n_init), %d cores%n",
                K, rows, COLS, restarts, Runtime.getRuntime().availableProcessors());

        Path file = Files.createTempFile("kmeans-bench", ".f64");
        try {
            write(data, file);
            Sklearn sklearn = Sklearn.start(file, rows);
            fit(data, 1, 1); // warm-up (JIT); the Python side warmed up before "ready"
            double[] ourTime = new double[repeats];
            double[] ourWcss = new double[repeats];
            int[] ourIterations = new int[repeats];
            double[] theirTime = new double[repeats];
            double[] theirWcss = new double[repeats];
            int[] theirIterations = new int[repeats];
            for (int i = 0; i < repeats; i++) {
                int seed = i + 1;
                long t = System.nanoTime();
                FastKMeans.Fit fit = fit(data, restarts, seed);
                ourTime[i] = (System.nanoTime() - t) / 1e9;
                ourWcss[i] = fit.withinClusterSumOfSquares();
                ourIterations[i] = fit.iterations();
                if (sklearn != null) {
                    double[] r = sklearn.fit(K, restarts, seed);
                    theirTime[i] = r[0];
                    theirWcss[i] = r[1];
                    theirIterations[i] = (int) r[2];
                }
                System.out.printf("  run %d: ours %.3f s, WCSS %.6e, %d iterations (kept run)%s%n", seed, ourTime[i],
                        ourWcss[i], ourIterations[i], sklearn == null ? ""
                                : String.format(" | scikit-learn %.3f s, WCSS %.6e, %d iterations (kept run)",
                                        theirTime[i], theirWcss[i], theirIterations[i]));
            }
            if (sklearn != null) {
                sklearn.close();
            }
            double ours = median(ourTime);
            System.out.printf("FastKMeans    median %.3f s  runs %s  best WCSS %.6e%n", ours, Arrays.toString(ourTime),
                    min(ourWcss));
            if (sklearn == null) {
                System.out.println("scikit-learn not available: no baseline measured");
                return;
            }
            double theirs = median(theirTime);
            System.out.printf("scikit-learn  median %.3f s  runs %s  best WCSS %.6e%n", theirs,
                    Arrays.toString(theirTime), min(theirWcss));
            int notWorse = 0;
            for (int i = 0; i < repeats; i++) {
                if (ourWcss[i] <= theirWcss[i] * (1 + 1e-6)) { // equal up to the last printed digits
                    notWorse++;
                }
            }
            System.out.printf("ratio FastKMeans / scikit-learn = %.2f (goal <= 1.5: %s); WCSS equal (within 1e-6) or better "
                    + "in %d of %d runs (relative difference of the medians %+.2e)%n", ours / theirs,
                    ours / theirs <= 1.5 ? "met" : "NOT met", notWorse, repeats,
                    (median(ourWcss) - median(theirWcss)) / median(theirWcss));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static FastKMeans.Fit fit(FeatureMatrix data, int restarts, int seed) {
        FastKMeans k = new FastKMeans();
        k.setNumClusters(K);
        k.setRestarts(restarts);
        k.setSeed(seed);
        return k.fit(data, Progress.none());
    }

    /**
     * Eight blobs in 10 dimensions: centres uniform in [-6, 6]^10, standard deviations from 1 to 2.4, sizes
     * from 6% to 19% of the rows, so that neighbouring blobs overlap a little and Lloyd needs real iterations.
     */
    static FeatureMatrix blobs(int rows, long seed) {
        Random rnd = new Random(seed);
        double[][] centre = new double[K][COLS];
        double[] sd = new double[K];
        double[] weight = new double[K];
        double total = 0;
        for (int c = 0; c < K; c++) {
            for (int j = 0; j < COLS; j++) {
                centre[c][j] = rnd.nextDouble() * 12 - 6;
            }
            sd[c] = 1 + 0.2 * c;
            weight[c] = 1 + 0.3 * c;
            total += weight[c];
        }
        double[] v = new double[rows * COLS];
        for (int i = 0; i < rows; i++) {
            double u = rnd.nextDouble() * total;
            int c = 0;
            while (c < K - 1 && u >= weight[c]) {
                u -= weight[c];
                c++;
            }
            for (int j = 0; j < COLS; j++) {
                v[j * rows + i] = centre[c][j] + rnd.nextGaussian() * sd[c];
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < COLS; j++) {
            names.add("x" + j);
        }
        return FeatureMatrix.columnMajor(v, rows, COLS, names);
    }

    private static void write(FeatureMatrix m, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ByteBuffer buf = ByteBuffer.allocate(8 * 65536).order(ByteOrder.LITTLE_ENDIAN);
            for (int j = 0; j < m.cols(); j++) {
                double[] col = m.column(j);
                for (double x : col) {
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putDouble(x);
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }

    /** The scikit-learn side: a python3 process that fits on request and answers with its time and inertia. */
    private static final class Sklearn {
        private final Process process;
        private final BufferedReader out;
        private final PrintWriter in;

        private Sklearn(Process process) {
            this.process = process;
            this.out = process.inputReader();
            this.in = new PrintWriter(process.outputWriter(), true);
        }

        static Sklearn start(Path file, int rows) throws IOException {
            Path script = Path.of("src/bench/python/kmeans_benchmark.py");
            if (!Files.isExecutable(Path.of(PYTHON)) || !Files.exists(script)) {
                System.out.println("scikit-learn baseline skipped: no " + PYTHON + " or " + script);
                return null;
            }
            Sklearn s = new Sklearn(new ProcessBuilder(PYTHON, script.toString(), file.toString(),
                    String.valueOf(rows), String.valueOf(COLS)).redirectErrorStream(true).start());
            for (String line = s.out.readLine(); line != null; line = s.out.readLine()) {
                if (line.equals("ready")) {
                    return s;
                }
                System.out.println("  python: " + line);
            }
            System.out.println("scikit-learn baseline failed to start (Debian: apt-get install python3-sklearn)");
            return null;
        }

        /** Seconds, inertia and iterations of one fit. */
        double[] fit(int k, int nInit, int seed) throws IOException {
            in.println("fit " + k + " " + nInit + " " + seed);
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String[] p = line.trim().split(" ");
                if (p.length == 5 && p[0].equals("sklearn") && p[1].equals("fit")) {
                    return new double[] {Double.parseDouble(p[2]), Double.parseDouble(p[3]), Double.parseDouble(p[4])};
                }
                System.out.println("  python: " + line);
            }
            throw new IOException("scikit-learn stopped");
        }

        void close() throws InterruptedException {
            in.println("quit");
            process.waitFor();
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }
}
