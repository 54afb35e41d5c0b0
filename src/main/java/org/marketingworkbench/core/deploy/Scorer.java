package org.marketingworkbench.core.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.marketingworkbench.core.adapter.weka.InspectableRandomForest;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.evaluate.EvaluateException;
import org.marketingworkbench.core.evaluate.ModelInput;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import weka.classifiers.Classifier;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.SerializedObject;

/**
 * Scores new customers with a loaded bundle: checks the file's columns by name against the model's schema
 * (missing columns, type mismatches, unseen category values), puts the rows through the stored recipe, and returns
 * every input row with {@code score}, {@code predicted}, {@code rank} (1 = highest score) and {@code decile}
 * (1 = top tenth). The input is not changed.
 *
 * <p>Rows are scored in chunks ({@link Chunking}): each chunk is cut from the file, put through the recipe,
 * converted to Weka data in the shape of the model's header and scored, on the calling thread and a few daemon
 * threads, each with its own copy of the classifier (a random forest, which predicts without changing itself, is
 * shared). Progress is reported per chunk; cancel is checked between
 * chunks and every {@value #CANCEL_CHECK_ROWS} rows. Only the chunks being scored and the output columns are held
 * at once. See ADR 0020.
 */
public final class Scorer {

    /** What to do with a category value the model never saw. */
    public enum UnseenCategories {
        /** Treat it as missing (the model's usual handling of a missing value). */
        MISSING,
        /** Refuse to score. */
        STOP
    }

    /**
     * How a file differs from what the model was trained on.
     *
     * @param missing        columns the model needs that the file lacks
     * @param typeMismatches per column: the type the model expects and the type the file has
     * @param unseen         per category column: values the model never saw
     * @param extra          columns the model does not use (ignored, carried to the output)
     */
    public record Check(List<String> missing, Map<String, ColumnType[]> typeMismatches, Map<String, List<String>> unseen,
                        List<String> extra) {
    }

    /** The part of the progress range the chunks take; ranking and building the output take the rest. */
    private static final double SCORING_SHARE = 0.9;
    /** Rows between two looks at the cancel flag inside a chunk. */
    private static final int CANCEL_CHECK_ROWS = 1024;

    private Scorer() {
    }

    /** The columns of the raw file the model needs: its features and whatever its recipe reads. */
    public static List<SchemaColumn> required(TrainedModel model) {
        Set<String> needed = new HashSet<>(model.recipe().requiredColumns());
        for (int i = 0; i < model.header().numAttributes(); i++) {
            needed.add(model.header().attribute(i).name());
        }
        needed.remove(model.target().column());
        return ModelInput.schema(model).stream().filter(c -> needed.contains(c.name())).toList();
    }

    public static Check check(TrainedModel model, Dataset data) {
        List<String> missing = new ArrayList<>();
        Map<String, ColumnType[]> mismatches = new LinkedHashMap<>();
        Map<String, List<String>> unseen = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (SchemaColumn s : required(model)) {
            used.add(Dataset.foldCase(s.name()));
            var spec = data.spec(s.name());
            if (spec.isEmpty()) {
                missing.add(s.name());
                continue;
            }
            ColumnType found = spec.get().type();
            if (kind(found) != kind(s.type())) {
                mismatches.put(s.name(), new ColumnType[] {s.type(), found});
                continue;
            }
            List<String> known = model.recipe().knownCategories().get(s.name());
            if (known != null && kind(s.type()) == 0) {
                Set<String> k = new HashSet<>(known);
                Column<?> c = data.table().column(spec.get().name());
                Set<String> fresh = new TreeSet<>();
                for (int r = 0; r < c.size(); r++) {
                    if (!c.isMissing(r) && !k.contains(c.getString(r))) {
                        fresh.add(c.getString(r));
                    }
                }
                if (!fresh.isEmpty()) {
                    unseen.put(s.name(), List.copyOf(fresh));
                }
            }
        }
        List<String> extra = data.columns().stream().map(ColumnSpec::name)
                .filter(n -> !used.contains(Dataset.foldCase(n))).toList();
        return new Check(missing, mismatches, unseen, extra);
    }

    /** 0 text-like (category, text, identifier), 1 number, 2 date: types within a kind convert. */
    private static int kind(ColumnType t) {
        return switch (t) {
            case NUMBER -> 1;
            case DATETIME -> 2;
            default -> 0;
        };
    }

    /**
     * How scoring divides its work: rows per chunk and the threads that score chunks at once.
     *
     * @param rows    rows per chunk (at least 1); each chunk is cleaned, converted and scored on its own
     * @param threads threads scoring chunks (at least 1); the calling thread is one of them
     */
    public record Chunking(int rows, int threads) {

        /** Rows per chunk by default: chosen by {@code ScoreBenchmark} (ADR 0020). */
        public static final int DEFAULT_ROWS = 16_384;
        /** Never more threads than this, whatever the machine. */
        public static final int MAX_THREADS = 8;

        public Chunking {
            if (rows < 1 || threads < 1) {
                throw new IllegalArgumentException("rows and threads must be at least 1: " + rows + ", " + threads);
            }
        }

        /** {@link #DEFAULT_ROWS} rows per chunk on every core, at most {@link #MAX_THREADS}. */
        public static Chunking defaults() {
            return new Chunking(DEFAULT_ROWS, Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors())));
        }
    }

    /**
     * Every row of {@code data} with its score, predicted class (or number), rank and decile: in chunks on every
     * core ({@link Chunking#defaults()}).
     *
     * @throws DeployException NO_ROWS, MISSING_COLUMNS, TYPE_MISMATCH, UNSEEN_CATEGORIES (with {@code STOP}), or
     *                         SCORING_FAILED when the model fails on the data
     * @throws CancelledException when cancelled; no scoring thread is left running
     */
    public static Dataset score(LoadedBundle bundle, Dataset data, UnseenCategories unseen, Progress progress)
            throws DeployException {
        return score(bundle, data, unseen, progress, Chunking.defaults());
    }

    /**
     * As {@link #score(LoadedBundle, Dataset, UnseenCategories, Progress)}, with the chunk size and threads given.
     * The result does not depend on them: each chunk goes through the fitted recipe (stored statistics only) and
     * is converted in the shape of the model's header, and each thread other than the caller scores with its own
     * copy of the classifier (or shares a random forest), so the scores are those of one pass over the whole file,
     * bit for bit.
     */
    public static Dataset score(LoadedBundle bundle, Dataset data, UnseenCategories unseen, Progress progress,
                                Chunking chunking) throws DeployException {
        // every customer gets a score: a duplicate or an outlier is scored, not dropped as in training
        TrainedModel trained = bundle.model();
        TrainedModel model = new TrainedModel(trained.settings(), trained.target(), trained.learnerId(),
                trained.classifier(), trained.recipe().forScoring(), trained.header());
        if (data.rowCount() == 0) {
            throw new DeployException(DeployException.Reason.NO_ROWS, UserMessage.of("deploy.score.noRows"));
        }
        Check check = check(model, data);
        if (!check.missing().isEmpty()) {
            throw new DeployException(DeployException.Reason.MISSING_COLUMNS,
                    UserMessage.of("deploy.score.missingColumns", check.missing().size(), String.join(", ", check.missing())));
        }
        if (!check.typeMismatches().isEmpty()) {
            List<String> words = new ArrayList<>();
            check.typeMismatches().forEach((c, t) -> words.add(c + " (" + t[0].id() + " → " + t[1].id() + ")"));
            throw new DeployException(DeployException.Reason.TYPE_MISMATCH,
                    UserMessage.of("deploy.score.typeMismatch", String.join(", ", words)));
        }
        if (!check.unseen().isEmpty() && unseen == UnseenCategories.STOP) {
            throw new DeployException(DeployException.Reason.UNSEEN_CATEGORIES,
                    UserMessage.of("deploy.score.unseen", describe(check.unseen())));
        }
        Dataset input = retyped(model, data);
        progress.report(0);
        ChunkedScoring job = new ChunkedScoring(new LoadedBundle(bundle.version(), model, bundle.threshold(),
                bundle.provenance()), input, chunking, progress.slice(0, SCORING_SHARE));
        job.run();
        int n = data.rowCount();
        double[] score = job.score;
        progress.throwIfCancelled();
        // rank 1 is the highest score; ties keep file order, so the ranking is the same on every run
        int[] order = orderByScore(score);
        double[] rank = new double[n];
        double[] decile = new double[n];
        for (int i = 0; i < n; i++) {
            rank[order[i]] = i + 1;
            decile[order[i]] = (int) ((long) i * 10 / n) + 1;
        }
        order = null;
        Table out = data.table().copy();
        List<ColumnSpec> specs = new ArrayList<>(data.columns());
        UserMessage why = UserMessage.of("deploy.reason.scored");
        out.addColumns(DoubleColumn.create(unique(out, "score"), score));
        specs.add(new ColumnSpec(out.column(out.columnCount() - 1).name(), ColumnType.NUMBER, why));
        if (job.number) {
            out.addColumns(DoubleColumn.create(unique(out, "predicted"), score));
            specs.add(new ColumnSpec(out.column(out.columnCount() - 1).name(), ColumnType.NUMBER, why));
        } else {
            out.addColumns(StringColumn.create(unique(out, "predicted"), job.predicted));
            specs.add(new ColumnSpec(out.column(out.columnCount() - 1).name(), ColumnType.CATEGORY, why));
        }
        out.addColumns(DoubleColumn.create(unique(out, "rank"), rank));
        specs.add(new ColumnSpec(out.column(out.columnCount() - 1).name(), ColumnType.NUMBER, why));
        out.addColumns(DoubleColumn.create(unique(out, "decile"), decile));
        specs.add(new ColumnSpec(out.column(out.columnCount() - 1).name(), ColumnType.NUMBER, why));
        progress.report(1);
        return new Dataset(out, specs);
    }

    /** Whether a step of the recipe compares rows with each other, so that a chunk alone cannot tell its effect. */
    /**
     * Puts the whole file through the recipe and conversion, as scoring did in one pass, and throws what that pass
     * threw: the recipe failing, or rows removed. Returns when the whole file keeps every row.
     */
    private static void wholeFileFailure(TrainedModel model, Dataset input) throws DeployException {
        Instances rows;
        try {
            rows = ModelInput.instances(model, input);
        } catch (EvaluateException e) {
            throw new DeployException(DeployException.Reason.SCORING_FAILED,
                    UserMessage.of("deploy.score.failed", e.userMessage()), e);
        }
        if (rows.numInstances() != input.rowCount()) {
            throw new DeployException(DeployException.Reason.SCORING_FAILED,
                    UserMessage.of("deploy.score.rowsRemoved", input.rowCount(), rows.numInstances()));
        }
    }

    /**
     * Row numbers from the highest score to the lowest, ties in file order: a stable merge sort of primitive row
     * numbers by {@code Double.compare(-score[a], -score[b])} (the order of the earlier boxed sort, NaN last).
     */
    static int[] orderByScore(double[] score) {
        int n = score.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        final int run = 32;
        for (int lo = 0; lo < n; lo += run) {
            int hi = Math.min(n, lo + run);
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= lo && Double.compare(-score[a[j]], -score[x]) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
        }
        for (int width = run; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(n, lo + width);
                int hi = Math.min(n, lo + 2 * width);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    // the left run wins ties: rows stay in file order among equal scores
                    b[k++] = Double.compare(-score[a[j]], -score[a[i]]) < 0 ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    /**
     * One scoring run: chunks of rows handed out in order to the calling thread and a few daemon threads, each
     * chunk put through the recipe, converted to Weka data and scored into the shared output arrays (each chunk
     * writes only its own rows). The caller reports progress and is the only thread that does.
     */
    private static final class ChunkedScoring {

        private final TrainedModel model;
        private final Dataset input;
        private final Progress progress;
        private final int n;
        private final int chunkRows;
        private final int chunks;
        private final int threads;
        private final double threshold;
        final boolean number;
        private final int positive;
        private final int positiveInHeader;
        private final List<String> classes;
        private final String negative;
        private final Attribute classAttribute;
        final double[] score;
        final String[] predicted;
        private final AtomicInteger nextChunk = new AtomicInteger();
        private final AtomicInteger rowsDone = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private double reported = -1;

        ChunkedScoring(LoadedBundle bundle, Dataset input, Chunking chunking, Progress progress) {
            this.model = bundle.model();
            this.input = input;
            this.progress = progress;
            this.n = input.rowCount();
            this.chunkRows = chunking.rows();
            this.chunks = (int) ((n + (long) chunkRows - 1) / chunkRows);
            this.threads = Math.min(chunking.threads(), chunks);
            this.threshold = bundle.threshold();
            this.number = model.target().task() == Task.NUMBER;
            this.positive = ModelInput.positiveIndex(model);
            this.classes = model.target().classes();
            this.classAttribute = model.header().classAttribute();
            // the distribution follows the header's class values; find the positive class there by name
            this.positiveInHeader = positive < 0 ? -1 : classAttribute.indexOfValue(classes.get(positive));
            this.negative = positive < 0 ? null : classes.get(1 - positive);
            this.score = new double[n];
            this.predicted = number ? null : new String[n];
        }

        void run() throws DeployException {
            List<Thread> helpers = new ArrayList<>();
            try {
                if (threads > 1) {
                    // each helper scores with its own copy (many Weka classifiers keep state while predicting),
                    // serialised here once before the caller predicts with the original, read back by each helper;
                    // a forest, whose prediction writes nothing, is shared
                    SerializedObject copy = sharedSafely(model.classifier()) ? null : serialised(model.classifier());
                    for (int t = 1; t < threads; t++) {
                        Thread h = new Thread(() -> work(copy, false), "mwb-score-" + t);
                        h.setDaemon(true);
                        helpers.add(h);
                        h.start();
                    }
                }
                work(null, true);
                for (Thread h : helpers) {
                    awaitHelper(h);
                }
                report();
            } finally {
                stop.set(true);
                end(helpers);
            }
            Throwable e = failure.get();
            if (e != null) {
                rethrow(e);
            }
        }

        /**
         * Scores chunks until none is left or the run stops, with a copy read back from {@code copy} or, when it is
         * null, the model's own classifier; records the first failure instead of throwing. Only the
         * {@code caller} reports progress.
         */
        private void work(SerializedObject copy, boolean caller) {
            try {
                Classifier classifier = copy == null ? model.classifier() : (Classifier) copy.getObject();
                if (classifier == null) {
                    // Weka's SerializedObject prints the cause and returns null when it cannot read its bytes back
                    throw new Exception("the model could not be copied for a second thread");
                }
                for (int k = nextChunk.getAndIncrement(); k < chunks && !stopped(); k = nextChunk.getAndIncrement()) {
                    int from = k * chunkRows;
                    int to = (int) Math.min(n, (long) from + chunkRows);
                    scoreChunk(classifier, from, to);
                    rowsDone.addAndGet(to - from);
                    if (caller) {
                        report();
                    }
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
                stop.set(true);
            }
        }

        private boolean stopped() {
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            return stop.get();
        }

        private void scoreChunk(Classifier classifier, int from, int to) throws Exception {
            Dataset chunk = new Dataset(input.table().inRange(from, to), input.columns());
            Instances rows;
            try {
                rows = ModelInput.instances(model, chunk);
            } catch (EvaluateException e) {
                throw new RecipeFailure(e, to - from, 0);
            }
            if (rows.numInstances() != to - from) {
                throw new RecipeFailure(null, to - from, rows.numInstances());
            }
            chunk = null;
            for (int i = 0; i < rows.numInstances(); i++) {
                if (i % CANCEL_CHECK_ROWS == 0 && i > 0 && stopped()) {
                    return;
                }
                double[] d = classifier.distributionForInstance(rows.instance(i));
                int r = from + i;
                if (number) {
                    score[r] = d[0];
                } else if (positiveInHeader >= 0) {
                    score[r] = d[positiveInHeader];
                    predicted[r] = score[r] >= threshold ? classes.get(positive) : negative;
                } else {
                    int best = 0;
                    for (int c = 1; c < d.length; c++) {
                        best = d[c] > d[best] ? c : best;
                    }
                    score[r] = d[best];
                    predicted[r] = classAttribute.value(best);
                }
            }
        }

        /** Waits for a helper thread to end while reporting progress and watching for cancel. */
        private void awaitHelper(Thread h) {
            while (h.isAlive()) {
                if (progress.isCancelled()) {
                    failure.compareAndSet(null, new CancelledException());
                    stop.set(true);
                    return;
                }
                try {
                    h.join(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure.compareAndSet(null, new CancelledException());
                    stop.set(true);
                    return;
                }
                report();
            }
        }

        /** Progress by rows scored, from the calling thread only, so it never goes back. */
        private void report() {
            double f = (double) rowsDone.get() / n;
            if (f > reported) {
                reported = f;
                progress.report(f);
            }
        }

        /** Throws for a failure in a chunk what one pass over the whole file threw. */
        private void rethrow(Throwable e) throws DeployException {
            if (e instanceof RecipeFailure r) {
                // the recipe failed on a chunk or took rows from it: it does so on the whole file too; say it as before
                wholeFileFailure(model, input);
                if (r.getCause() instanceof EvaluateException ee) {
                    throw new DeployException(DeployException.Reason.SCORING_FAILED,
                            UserMessage.of("deploy.score.failed", ee.userMessage()), ee);
                }
                throw new DeployException(DeployException.Reason.SCORING_FAILED,
                        UserMessage.of("deploy.score.rowsRemoved", r.in, r.out));
            }
            if (e instanceof DeployException d) {
                throw d;
            }
            if (e instanceof RuntimeException r) {
                throw r; // CancelledException among them
            }
            if (e instanceof Error err) {
                throw err;
            }
            throw new DeployException(DeployException.Reason.SCORING_FAILED, UserMessage.of("deploy.score.failed",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /** A chunk the recipe failed on or took rows from; the caller then says what the whole file does. */
    private static final class RecipeFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final int in;
        private final int out;

        RecipeFailure(EvaluateException cause, int in, int out) {
            super(cause);
            this.in = in;
            this.out = out;
        }
    }

    /**
     * Whether threads may predict with one {@code classifier} at once: Weka's random forest of its own
     * {@code RandomTree}s ({@code RandomForest}, or the workbench's {@link InspectableRandomForest}, which adds no
     * prediction code). Its prediction writes no field: in weka-stable 3.8.6 the {@code distributionForInstance} of
     * {@code Bagging}, {@code RandomTree}, {@code RandomTree$Tree} and {@code ZeroR}, and
     * {@code AbstractClassifier.classifyInstance} (a forest for a number), contain no {@code putfield},
     * {@code putstatic} or lock (checked with {@code javap -c}; a leaf returns a normalised clone of its counts), so
     * sharing it saves a copy (seconds of CPU and the forest's memory again). Every other classifier, and a forest
     * wrapped for class imbalance, gets a copy per thread: Logistic, SMO, MultilayerPerceptron, LinearRegression,
     * NaiveBayes with discretisation and FilteredClassifier keep state while predicting. See ADR 0020.
     */
    static boolean sharedSafely(Classifier classifier) {
        return (classifier.getClass() == RandomForest.class || classifier.getClass() == InspectableRandomForest.class)
                && ((RandomForest) classifier).getClassifier().getClass() == RandomTree.class;
    }

    private static SerializedObject serialised(Classifier classifier) throws DeployException {
        try {
            return new SerializedObject(classifier);
        } catch (Exception e) {
            throw new DeployException(DeployException.Reason.SCORING_FAILED, UserMessage.of("deploy.score.failed",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    /**
     * Stops the helper threads (they look at the stop flag, and at their interrupt, every
     * {@value #CANCEL_CHECK_ROWS} rows) and waits until each has ended, so that none is left running or writes
     * after {@code score} returns. The caller's interrupt status is kept.
     */
    private static void end(List<Thread> helpers) {
        boolean interrupted = Thread.interrupted();
        for (Thread h : helpers) {
            h.interrupt();
        }
        for (Thread h : helpers) {
            while (h.isAlive()) {
                try {
                    h.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Text-like columns take the model's type (a category detected as text in a small file still scores). */
    private static Dataset retyped(TrainedModel model, Dataset data) {
        Map<String, ColumnType> expected = new LinkedHashMap<>();
        required(model).forEach(s -> expected.put(Dataset.foldCase(s.name()), s.type()));
        List<ColumnSpec> specs = data.columns().stream().map(c -> {
            ColumnType t = expected.get(Dataset.foldCase(c.name()));
            return t == null || t == c.type() ? c : new ColumnSpec(c.name(), t, c.reason());
        }).toList();
        return new Dataset(data.table(), specs);
    }

    public static String describe(Map<String, List<String>> unseen) {
        List<String> words = new ArrayList<>();
        unseen.forEach((c, v) -> words.add(c + ": " + String.join(", ", v.size() > 5 ? v.subList(0, 5) : v)
                + (v.size() > 5 ? " (+" + (v.size() - 5) + ")" : "")));
        return String.join("; ", words);
    }

    private static String unique(Table t, String name) {
        String n = name;
        for (int i = 2; t.containsColumn(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }
}
