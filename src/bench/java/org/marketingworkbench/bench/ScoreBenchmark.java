package org.marketingworkbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.RecipeSuggester;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.deploy.LoadedBundle;
import org.marketingworkbench.core.deploy.ModelBundle;
import org.marketingworkbench.core.deploy.ModelBundleReader;
import org.marketingworkbench.core.deploy.Scorer;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;
import org.marketingworkbench.core.evaluate.ModelInput;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.testsupport.SharedDatasets;
import tech.tablesaw.api.Table;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.rules.ZeroR;
import weka.core.Instances;

/**
 * Scoring speed (issue 14): 1,000,000 customers (bank-full's rows repeated) scored with the random forest the
 * workbench trains on bank-full without {@code duration} (Weka's defaults as the {@code rf} learner uses them, 100
 * trees), saved as a model bundle and read back. In the same run, one after the other, after one warm-up of each
 * on a tenth of the rows:
 * <ol>
 * <li>plain Weka: the same rows already as {@code Instances} in the model's header, a loop of
 * {@code distributionForInstance} on one thread (the baseline), and the same loop on two threads with a copy of
 * the forest each (what Weka alone gets from both cores);</li>
 * <li>{@code Scorer.score} end to end: recipe, conversion, scoring in chunks on every core, ranking, deciles and
 * the output table.</li>
 * </ol>
 * Prints rows per second, the ratios, and the CPU time of each (the scoring threads' own CPU time from
 * {@link ThreadMXBean}, sampled while they run, and the whole JVM's), divided by the wall time: the number of
 * cores used.
 *
 * <p>Then the overhead apart, since on a machine shared with other work wall times and even the CPU time of the
 * same loop move by half from run to run: {@code Scorer.score} with the forest replaced by ZeroR (prediction
 * next to free) does all the workbench's own work (checks, recipe, conversion, ranking, output table), for each
 * chunk size, medians of a few runs; its CPU time over the forest's plain loop is the overhead. The same with the
 * sample customers repeated to the same size and the recipe the Clean step suggests for them, where the chunk
 * size shows (a recipe's steps have a cost per chunk). Then, separately, reading the rows from a CSV file of
 * bank-full's form through the importer. The load average is printed throughout.
 *
 * <p>Run with {@code mvn -Pbench test -Dtest=ScoreBenchmark}. {@code -Dbench.rows} (default 1,000,000),
 * {@code -Dbench.trees} (100), {@code -Dbench.repeats} (1), {@code -Dbench.chunks} (the sizes tried,
 * default 1024,4096,16384,65536), {@code -Dbench.csv=false} (skips the import) and
 * {@code -Dbench.onePass=true} (also times one chunk on one thread, as scoring was before chunking);
 * {@code -Dbench.forest=false} measures only the overhead (the forest's loop on a tenth of the rows, scaled) and
 * {@code -Dbench.overheadRepeats} (3) sets its repeats.
 */
class ScoreBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void randomForestScoresAMillionCustomersAgainstPlainWeka() throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int trees = Integer.getInteger("bench.trees", 100);
        int repeats = Integer.getInteger("bench.repeats", 1);
        int[] chunkSizes = Arrays.stream(System.getProperty("bench.chunks", "1024,4096,16384,65536").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int cores = Runtime.getRuntime().availableProcessors();
        AppDirs dirs = AppDirs.forCurrentUser();
        Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
        THREADS.setThreadCpuTimeEnabled(true);
        Path csv = SharedDatasets.file("bank-full.csv");
        System.out.printf(Locale.ROOT, "ScoreBenchmark: random forest (%d trees) from bank-full without duration, "
                + "%,d rows, %d cores, %s chunking; load average %s%n", trees, rows, cores,
                describe(Scorer.Chunking.defaults()), loadAverage());

        Dataset bank = new DataImporter().read(csv, ImportSettings.auto(), Progress.none()).dataset();
        List<String> features = TrainingData.defaultFeatures(TrainingData.candidates(bank, "y", Progress.none()));
        if (features.contains("duration")) {
            throw new AssertionError("duration should be left out as a leakage suspect: " + features);
        }
        long t0 = System.nanoTime();
        TrainedModel trained = fitFinal(bank, features,
                new LearnerChoice(Learners.RANDOM_FOREST, Map.of("trees", Integer.toString(trees)), ""));
        System.out.printf(Locale.ROOT, "  trained on %,d rows in %.1f s (%s %s)%n", bank.rowCount(), seconds(t0),
                trained.classifier().getClass().getSimpleName(),
                String.join(" ", ((AbstractClassifier) trained.classifier()).getOptions()));
        LoadedBundle forest = saveAndReadBack(trained, Path.of("target", "score-bench-rf.mwbmodel"));

        double[] copyCpu = new double[3];
        for (int i = 0; i < copyCpu.length; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            AbstractClassifier.makeCopy(forest.model().classifier());
            copyCpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        System.out.printf(Locale.ROOT, "  a copy of the forest (AbstractClassifier.makeCopy, what a helper thread would "
                + "need were it not shared): CPU %.2f s (runs %s)%n", median(copyCpu), Arrays.toString(round(copyCpu)));

        Dataset big = repeated(bank, rows);
        t0 = System.nanoTime();
        Instances instances = ModelInput.instances(forest.model(), big);
        System.out.printf(Locale.ROOT, "  %,d rows built by repeating bank-full; converted to Weka in the model's header "
                + "in one pass on one thread (not timed below): %.2f s%n", big.rowCount(), seconds(t0));

        if ("false".equals(System.getProperty("bench.forest"))) {
            // only the overhead (quick): the forest's loop measured on a tenth of the rows, scaled
            Instances tenth = new Instances(instances, 0, Math.max(1, rows / 10));
            wekaLoop(forest.model().classifier(), tenth);
            double c1 = wekaLoop(forest.model().classifier(), tenth).threadCpu() * instances.numInstances()
                    / tenth.numInstances();
            overhead("bank-full, no recipe", forest, big, instances, chunkSizes,
                    Integer.getInteger("bench.overheadRepeats", 3), c1);
            instances = null;
            withRecipe(rows, chunkSizes);
            return;
        }
        // warm-up: each path once on a tenth of the rows
        int warm = Math.max(1, rows / 10);
        Instances warmRows = new Instances(instances, 0, warm);
        Dataset warmData = new Dataset(big.table().inRange(0, warm), big.columns());
        wekaLoop(forest.model().classifier(), warmRows);
        wekaOnThreads(forest.model().classifier(), warmRows, cores);
        scorer(forest, warmData, Scorer.Chunking.defaults());
        System.out.printf(Locale.ROOT, "  warmed up on %,d rows each; load average %s%n", warm, loadAverage());

        List<Run> weka1 = new ArrayList<>();
        List<Run> wekaN = new ArrayList<>();
        List<Run> ours = new ArrayList<>();
        List<Run> onePass = new ArrayList<>();
        boolean withOnePass = Boolean.getBoolean("bench.onePass");
        int variants = withOnePass ? 4 : 3;
        for (int i = 0; i < repeats; i++) {
            // the order turns with each repeat, so that a change in the machine's load does not always hit the same one
            for (int k = 0; k < variants; k++) {
                switch ((k + i) % variants) {
                    case 0 -> {
                        weka1.add(wekaLoop(forest.model().classifier(), instances));
                        System.out.printf(Locale.ROOT, "  run %d: plain Weka, 1 thread:   %s; load %s%n", i + 1,
                                weka1.get(i), loadAverage());
                    }
                    case 1 -> {
                        wekaN.add(wekaOnThreads(forest.model().classifier(), instances, cores));
                        System.out.printf(Locale.ROOT, "  run %d: plain Weka, %d threads:  %s; load %s%n", i + 1, cores,
                                wekaN.get(i), loadAverage());
                    }
                    case 2 -> {
                        ours.add(scorer(forest, big, Scorer.Chunking.defaults()));
                        System.out.printf(Locale.ROOT, "  run %d: Scorer.score:          %s; load %s%n", i + 1,
                                ours.get(i), loadAverage());
                    }
                    default -> {
                        onePass.add(scorer(forest, big, new Scorer.Chunking(big.rowCount(), 1)));
                        System.out.printf(Locale.ROOT, "  run %d: one chunk, 1 thread:   %s; load %s%n", i + 1,
                                onePass.get(i), loadAverage());
                    }
                }
            }
        }
        double w1 = median(weka1.stream().mapToDouble(Run::seconds).toArray());
        double wn = median(wekaN.stream().mapToDouble(Run::seconds).toArray());
        double s = median(ours.stream().mapToDouble(Run::seconds).toArray());
        double c1 = median(weka1.stream().mapToDouble(Run::threadCpu).toArray());
        double cs = median(ours.stream().mapToDouble(Run::threadCpu).toArray());
        Run middle = ours.stream().sorted(java.util.Comparator.comparingDouble(Run::seconds)).toList()
                .get(ours.size() / 2);
        System.out.printf(Locale.ROOT, "Summary (medians of %d; %,d rows; load average now %s, %d cores):%n", repeats,
                rows, loadAverage(), cores);
        System.out.printf(Locale.ROOT, "  %-40s %,10.0f rows/s  %7.2f s  1.00x%n", "plain Weka loop, 1 thread (baseline)",
                rows / w1, w1);
        System.out.printf(Locale.ROOT, "  %-40s %,10.0f rows/s  %7.2f s  %.2fx the baseline's rows/s%n",
                "plain Weka loop, " + cores + " threads", rows / wn, wn, w1 / wn);
        System.out.printf(Locale.ROOT, "  %-40s %,10.0f rows/s  %7.2f s  %.2fx the baseline's rows/s, %.2fx the %d-thread "
                + "loop's%n", "Scorer.score (end to end)", rows / s, s, w1 / s, wn / s, cores);
        if (!onePass.isEmpty()) {
            double o = median(onePass.stream().mapToDouble(Run::seconds).toArray());
            System.out.printf(Locale.ROOT, "  %-40s %,10.0f rows/s  %7.2f s  %.2fx the baseline's rows/s%n",
                    "one chunk on 1 thread (as before)", rows / o, o, w1 / o);
        }
        System.out.printf(Locale.ROOT, "  CPU: baseline %.1f s on 1 thread; Scorer's median run %.1f s on its threads (%s) "
                + "= %.2f cores busy over its wall time, the whole JVM %.1f s = %.2f cores%n", c1, middle.threadCpu(),
                middle.perThread(), middle.threadCpu() / middle.seconds(), middle.processCpu(),
                middle.processCpu() / middle.seconds());
        System.out.printf(Locale.ROOT, "  End to end in this run: Scorer's CPU %+.1f%% over the plain loop's (its own work "
                + "and two threads contending for the cores and caches), wall time %+.1f%% over plain Weka on %d threads%n",
                100 * (cs / c1 - 1), 100 * (s / wn - 1), cores);
        double own = overhead("bank-full, no recipe", forest, big, instances, chunkSizes,
                Integer.getInteger("bench.overheadRepeats", 3), c1);
        instances = null;
        withRecipe(rows, chunkSizes);
        System.out.printf(Locale.ROOT, "Goal: overhead under 10%% with both cores used: the workbench's own work with "
                + "%,d-row chunks is %.1f s of CPU = %.1f%% of the plain loop's %.1f s (%s); the scoring threads were "
                + "busy %.2f cores in its median run (%s s each) with the load average at %s on %d cores%n",
                Scorer.Chunking.DEFAULT_ROWS, own, 100 * own / c1, c1, own / c1 < 0.10 ? "met" : "NOT met",
                middle.threadCpu() / middle.seconds(), middle.perThread(), loadAverage(), cores);
        if (!"false".equals(System.getProperty("bench.csv"))) {
            importCsv(csv, rows, s);
        }
    }

    /**
     * What {@code Scorer.score} does besides predicting, measured apart: the forest's model with its classifier
     * replaced by Weka's ZeroR (whose prediction costs next to nothing: a copy of its class counts), scored with each
     * chunk size, against ZeroR in plain Weka's loop over the ready {@code Instances}. The difference in CPU time
     * is the workbench's own work (checks, recipe, conversion, ranking, the output table): its share of the
     * forest's plain loop is the overhead, a figure that the load of a shared machine moves much less than wall
     * times. Medians of {@code repeats} runs, the sizes interleaved.
     *
     * @return the overhead's CPU seconds with the default chunk size
     */
    private static double overhead(String what, LoadedBundle forest, Dataset big, Instances instances, int[] sizes,
                                   int repeats, double forestLoopCpu) throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        TrainedModel m = forest.model();
        ZeroR zeroR = new ZeroR();
        zeroR.buildClassifier(new Instances(instances, 0, Math.min(1000, instances.numInstances())));
        LoadedBundle nothing = new LoadedBundle(forest.version(), new TrainedModel(m.settings(), m.target(),
                m.learnerId(), zeroR, m.recipe(), m.header()), forest.threshold(), forest.provenance());
        System.out.printf(Locale.ROOT, "Overhead, %s: Scorer.score with ZeroR for the model (all its work but "
                + "predicting), %,d rows, %d threads, medians of %d; load average %s%n", what, big.rowCount(), cores,
                repeats, loadAverage());
        wekaLoop(zeroR, instances);
        scorer(nothing, big, Scorer.Chunking.defaults());
        double[] loopCpu = new double[repeats];
        double[][] cpu = new double[sizes.length][repeats];
        double[][] wall = new double[sizes.length][repeats];
        for (int r = 0; r < repeats; r++) {
            loopCpu[r] = wekaLoop(zeroR, instances).threadCpu();
            for (int i = 0; i < sizes.length; i++) {
                Run run = scorer(nothing, big, new Scorer.Chunking(sizes[i], cores));
                cpu[i][r] = run.threadCpu();
                wall[i][r] = run.seconds();
            }
        }
        double loop = median(loopCpu);
        System.out.printf(Locale.ROOT, "  ZeroR in the plain loop: CPU %.2f s%n", loop);
        double atDefault = Double.NaN;
        for (int i = 0; i < sizes.length; i++) {
            double extra = median(cpu[i]) - loop;
            if (sizes[i] == Scorer.Chunking.DEFAULT_ROWS) {
                atDefault = extra;
            }
            System.out.printf(Locale.ROOT, "  chunks of %,7d: CPU %.2f s (runs %s), wall %.2f s; the workbench's own "
                    + "work %.2f s%s%n", sizes[i], median(cpu[i]), Arrays.toString(round(cpu[i])), median(wall[i]), extra,
                    Double.isNaN(forestLoopCpu) ? "" : String.format(Locale.ROOT,
                            " = %.1f%% of the forest's plain loop (%.1f s)", 100 * extra / forestLoopCpu, forestLoopCpu));
        }
        // its parts, once each on one thread
        long c0 = THREADS.getCurrentThreadCpuTime();
        Scorer.check(m, big);
        double check = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        c0 = THREADS.getCurrentThreadCpuTime();
        ModelInput.instances(m, big);
        double convert = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        c0 = THREADS.getCurrentThreadCpuTime();
        big.table().copy();
        double copy = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        System.out.printf(Locale.ROOT, "  parts, one pass on one thread: column check (unseen categories) %.2f s, recipe "
                + "and conversion to Weka %.2f s, copy of the table for the output %.2f s%n", check, convert, copy);
        return atDefault;
    }

    /**
     * The overhead with a cleaning recipe: the sample customers (5,012 rows with their mess) repeated to the same
     * number of rows, a model trained with the recipe the Clean step suggests for them (typed fixes, categories
     * normalised, missing values filled with indicators, dates to days, personal data hashed ...).
     */
    private static void withRecipe(int rows, int[] sizes) throws Exception {
        Dataset customers = new DataImporter().read(Path.of("sample-data", "customers.csv"), ImportSettings.auto(),
                Progress.none()).dataset();
        Recipe recipe = new Recipe(RecipeSuggester.suggest(
                ColumnProfiler.profile(customers, Optional.of("responded"), Progress.none()), Optional.of("bench")));
        List<String> features = TrainingData.defaultFeatures(TrainingData.candidates(customers, "responded",
                Progress.none()));
        TrainingSettings settings = TrainingSettings.of("responded", "yes", features,
                List.of(LearnerChoice.defaults(Learners.NAIVE_BAYES)));
        TrainedModel model = new TrainStep().fitFinal(customers, recipe, settings, Learners.NAIVE_BAYES, Progress.none());
        LoadedBundle bundle = new LoadedBundle(ModelBundle.VERSION, model, 0.5, null);
        Dataset big = repeated(customers, rows);
        Instances instances = ModelInput.instances(model, big);
        System.out.printf(Locale.ROOT, "  (the suggested recipe has %d steps: %s)%n", recipe.steps().size(),
                recipe.steps().stream().map(st -> st.op()).toList());
        overhead("sample customers with the suggested recipe", bundle, big, instances, sizes,
                Integer.getInteger("bench.overheadRepeats", 3), Double.NaN);
    }

    /** Writes the rows as a CSV of bank-full's form (repeated lines) and reads them through the importer. */
    private static void importCsv(Path bankCsv, int rows, double scoreSeconds) throws Exception {
        List<String> lines = Files.readAllLines(bankCsv, StandardCharsets.UTF_8);
        Path big = Path.of("target", "score-bench-" + rows + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write(lines.get(0));
            w.newLine();
            for (int written = 0; written < rows; ) {
                for (int i = 1; i < lines.size() && written < rows; i++, written++) {
                    w.write(lines.get(i));
                    w.newLine();
                }
            }
        }
        lines = null;
        new DataImporter().read(bankCsv, ImportSettings.auto(), Progress.none()); // warm
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        Dataset read = new DataImporter().read(big, ImportSettings.auto(), Progress.none()).dataset();
        double s = seconds(t0);
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        System.out.printf(Locale.ROOT, "Import (separately): %s, %.0f MiB, %,d rows read through the importer in %.2f s = "
                + "%,.0f rows/s, CPU %.1f s%n", big.getFileName(), Files.size(big) / 1048576.0, read.rowCount(), s,
                read.rowCount() / s, cpu);
        System.out.printf(Locale.ROOT, "  import + Scorer.score (its median above): %.2f s = %,.0f rows/s from file to "
                + "scored table%n", s + scoreSeconds, read.rowCount() / (s + scoreSeconds));
        Files.deleteIfExists(big);
    }

    // ------------------------------------------------------------------ the timed runs

    /**
     * One timed run: wall seconds, the CPU seconds of the threads that did the work (summed) and of the whole JVM,
     * and the threads' own figures.
     */
    record Run(double seconds, double threadCpu, double processCpu, String perThread, double checksum) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.2f s, CPU %.1f s on its threads (%s) = %.2f cores busy, JVM CPU %.1f s",
                    seconds, threadCpu, perThread, threadCpu / seconds, processCpu);
        }
    }

    /** Plain Weka's prediction loop on the calling thread. */
    static Run wekaLoop(Classifier classifier, Instances rows) throws Exception {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long process0 = processCpuNanos();
        long t0 = System.nanoTime();
        double sum = 0;
        for (int i = 0; i < rows.numInstances(); i++) {
            sum += classifier.distributionForInstance(rows.instance(i))[0];
        }
        double s = seconds(t0);
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new Run(s, cpu, (processCpuNanos() - process0) / 1e9, String.format(Locale.ROOT, "%.1f", cpu), sum);
    }

    /** Plain Weka's loop on {@code threads} threads, each with its own copy of the classifier (made in the thread). */
    static Run wekaOnThreads(Classifier classifier, Instances rows, int threads) throws Exception {
        int n = rows.numInstances();
        double[] sums = new double[threads];
        long[] cpu = new long[threads];
        Exception[] failed = new Exception[1];
        List<Thread> workers = new ArrayList<>();
        long process0 = processCpuNanos();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int part = t;
            Thread w = new Thread(() -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                try {
                    Classifier own = part == 0 ? classifier : AbstractClassifier.makeCopy(classifier);
                    double sum = 0;
                    for (int i = (int) ((long) n * part / threads); i < (long) n * (part + 1) / threads; i++) {
                        sum += own.distributionForInstance(rows.instance(i))[0];
                    }
                    sums[part] = sum;
                } catch (Exception e) {
                    failed[0] = e;
                }
                cpu[part] = THREADS.getCurrentThreadCpuTime() - c0;
            }, "bench-weka-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        double s = seconds(t0);
        if (failed[0] != null) {
            throw failed[0];
        }
        double total = Arrays.stream(cpu).sum() / 1e9;
        return new Run(s, total, (processCpuNanos() - process0) / 1e9, perThread(cpu), Arrays.stream(sums).sum());
    }

    /** Scorer.score end to end, with the CPU time of the calling thread and of its scoring threads. */
    static Run scorer(LoadedBundle bundle, Dataset data, Scorer.Chunking chunking) throws Exception {
        HelperCpu helpers = new HelperCpu("mwb-score-");
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long process0 = processCpuNanos();
        long t0 = System.nanoTime();
        Dataset scored;
        try {
            scored = Scorer.score(bundle, data, Scorer.UnseenCategories.MISSING, Progress.none(), chunking);
        } finally {
            helpers.stop();
        }
        double s = seconds(t0);
        long caller = THREADS.getCurrentThreadCpuTime() - cpu0;
        long[] all = new long[helpers.cpu().length + 1];
        all[0] = caller;
        System.arraycopy(helpers.cpu(), 0, all, 1, helpers.cpu().length);
        return new Run(s, Arrays.stream(all).sum() / 1e9, (processCpuNanos() - process0) / 1e9, perThread(all),
                scored.table().doubleColumn("score").sum());
    }

    /**
     * The CPU time of threads whose name starts with a prefix, sampled every 5 ms while they run (a thread's CPU
     * time cannot be read after it has ended, so up to 5 ms of each may be missed). Threads are found by id and
     * name without taking stack traces, so the sampling does not stop the threads it measures.
     */
    static final class HelperCpu {
        private final Map<Long, Long> cpu = new HashMap<>();
        private final Map<Long, Boolean> matches = new HashMap<>();
        private final Thread sampler;
        private volatile boolean running = true;

        HelperCpu(String prefix) {
            sampler = new Thread(() -> {
                while (running) {
                    sample(prefix);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-cpu-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }

        private void sample(String prefix) {
            for (long id : THREADS.getAllThreadIds()) {
                boolean match = matches.computeIfAbsent(id, i -> {
                    java.lang.management.ThreadInfo info = THREADS.getThreadInfo(i);
                    return info != null && info.getThreadName().startsWith(prefix);
                });
                if (match) {
                    long c = THREADS.getThreadCpuTime(id);
                    if (c > 0) {
                        synchronized (cpu) {
                            cpu.merge(id, c, Math::max);
                        }
                    }
                }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long[] cpu() {
            synchronized (cpu) {
                return cpu.values().stream().mapToLong(Long::longValue).toArray();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static TrainedModel fitFinal(Dataset bank, List<String> features, LearnerChoice learner) throws Exception {
        TrainingSettings settings = TrainingSettings.of("y", "yes", features, List.of(learner));
        return new TrainStep().fitFinal(bank, Recipe.empty(), settings, learner.learnerId(), Progress.none());
    }

    private static LoadedBundle saveAndReadBack(TrainedModel model, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        long t0 = System.nanoTime();
        ModelBundle.write(model, file);
        double write = seconds(t0);
        t0 = System.nanoTime();
        LoadedBundle b = ModelBundleReader.read(file);
        System.out.printf(Locale.ROOT, "  model bundle %s: %.1f MiB, written in %.2f s, read back (checked, filtered) "
                + "in %.2f s%n", file.getFileName(), Files.size(file) / 1048576.0, write, seconds(t0));
        return b;
    }

    /** bank-full's rows repeated in order up to {@code rows} rows, with the same column specs. */
    static Dataset repeated(Dataset bank, int rows) {
        Table t = bank.table().emptyCopy();
        while (t.rowCount() < rows) {
            t.append(bank.table());
        }
        return new Dataset(t.rowCount() == rows ? t : t.inRange(0, rows), bank.columns());
    }

    private static String perThread(long[] nanos) {
        StringBuilder b = new StringBuilder();
        for (long n : nanos) {
            b.append(b.length() == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%.1f", n / 1e9));
        }
        return b.toString();
    }

    private static String describe(Scorer.Chunking c) {
        return String.format(Locale.ROOT, "%,d-row chunks on %d threads", c.rows(), c.threads());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double[] round(double[] v) {
        return Arrays.stream(v).map(x -> Math.round(x * 100) / 100.0).toArray();
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }
}
