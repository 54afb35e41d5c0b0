package org.marketingworkbench.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.marketingworkbench.core.adapter.weka.InspectableRandomForest;
import org.marketingworkbench.core.adapter.weka.TableToInstances;
import org.marketingworkbench.core.clean.FittedRecipe;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import weka.classifiers.Classifier;
import weka.classifiers.CostMatrix;
import weka.classifiers.Evaluation;
import weka.classifiers.IterativeClassifier;
import weka.classifiers.functions.MultilayerPerceptron;
import weka.classifiers.meta.CostSensitiveClassifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.meta.LogitBoost;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.supervised.instance.ClassBalancer;

/**
 * The Train step: compares learners by cross-validation (or on a validation part) with the cleaning recipe
 * fitted inside each fold on the training part only and applied to the held-out part, exactly as it will be
 * applied to new customers; and trains the chosen learner on all non-test rows ({@link #fitFinal}).
 *
 * <p>Work runs on a fixed pool of {@code availableProcessors()} threads: first one task per fold (fit the
 * recipe, convert to Weka), then one task per learner and fold. Cancel is checked between folds and, for
 * learners Weka trains one iteration at a time (neural network, LogitBoost), between iterations; a Weka build
 * already running is never stopped, its result is dropped. Nothing outside the returned result is changed.
 * See ADR 0017.
 */
public final class TrainStep {

    /** Builds the untrained classifier for a learner choice (a seam for tests). */
    @FunctionalInterface
    interface ClassifierSource {
        Classifier build(LearnerChoice choice, Task task, int seed) throws TrainException;
    }

    /** The column that carries each row's number through the recipe, so held-out predictions keep their rows. */
    static final String ROW_ID = "__mwb_row";
    /** At most this many rows of each part are scored for a live curve. */
    static final int CURVE_SAMPLE = 2000;
    /** At most about this many points per curve. */
    static final int CURVE_POINTS = 100;

    private final ClassifierSource source;
    private final int threads;

    public TrainStep() {
        this((c, task, seed) -> Learners.get(c.learnerId()).build(c.options(), c.advancedWekaOptions(), task, seed),
                Runtime.getRuntime().availableProcessors());
    }

    TrainStep(ClassifierSource source, int threads) {
        this.source = source;
        this.threads = Math.max(1, threads);
    }

    // ---------------------------------------------------------------- plan

    /** What a run needs to know before any work: the target, the positive class and the parts. */
    record Plan(TargetInfo target, int positiveIndex, Folds folds, List<UserMessage> notes) {
    }

    Plan plan(Dataset data, TrainingSettings s) throws TrainException {
        var problem = s.problem();
        if (problem.isPresent()) {
            TrainException.Reason reason = s.features().isEmpty() ? TrainException.Reason.NO_FEATURES
                    : TrainException.Reason.INVALID_SETTINGS;
            throw new TrainException(reason, problem.get());
        }
        TargetInfo target = TrainingData.analyse(data, s.target());
        for (String f : s.features()) {
            ColumnSpec spec = data.spec(f).orElseThrow(() -> new TrainException(TrainException.Reason.UNKNOWN_FEATURE,
                    UserMessage.of("train.error.unknownFeature", f)));
            if (spec.type() == ColumnType.TEXT || spec.type() == ColumnType.IGNORE
                    || spec.type() == ColumnType.IDENTIFIER) {
                throw new TrainException(TrainException.Reason.UNKNOWN_FEATURE, UserMessage.of(
                        "train.error.unusableFeature", f, UserMessage.of("type." + spec.type().id())));
            }
        }
        for (LearnerChoice c : s.learners()) {
            LearnerDefinition d = Learners.get(c.learnerId());
            if (!d.tasks().contains(target.task())) {
                throw new TrainException(TrainException.Reason.LEARNER_NOT_FOR_TASK, UserMessage.of(
                        "train.error.learnerNotForTask", UserMessage.of(d.labelKey()), taskLabel(target.task())));
            }
        }
        int positive = -1;
        if (target.task() == Task.BINARY) {
            String p = s.positiveClass().isBlank() ? target.suggestedPositive().orElseThrow() : s.positiveClass();
            positive = target.classes().indexOf(p);
            if (positive < 0) {
                throw new TrainException(TrainException.Reason.UNKNOWN_POSITIVE,
                        UserMessage.of("train.error.unknownPositive", p, s.target(), String.join(", ", target.classes())));
            }
        }
        List<UserMessage> notes = new ArrayList<>();
        Column<?> t = data.table().column(s.target());
        int[] rows = java.util.stream.IntStream.range(0, data.rowCount()).filter(r -> !t.isMissing(r)).toArray();
        if (rows.length < data.rowCount()) {
            notes.add(UserMessage.of("train.note.missingTarget", data.rowCount() - rows.length, s.target()));
        }
        int[] strata = new int[rows.length];
        if (target.task() != Task.NUMBER) {
            for (int i = 0; i < rows.length; i++) {
                strata[i] = target.classes().indexOf(TableToInstances.label(t, rows[i]));
            }
            Validation v = s.validation();
            for (int c = 0; c < target.classes().size(); c++) {
                int n = target.classCounts()[c];
                int left = n - (int) Math.round(n * v.testPercent() / 100.0);
                int needed = v.kind() == Validation.Kind.CROSS_VALIDATION ? v.folds() : 2;
                int inValidation = v.kind() == Validation.Kind.SPLIT
                        ? (int) Math.round(n * v.validationPercent() / 100.0) : needed;
                if (left < needed || inValidation < 1) {
                    throw new TrainException(TrainException.Reason.INVALID_VALIDATION, v.kind() == Validation.Kind.SPLIT
                            ? UserMessage.of("train.error.classTooSmallForSplit", target.classes().get(c), n)
                            : UserMessage.of("train.error.classTooSmallForFolds", target.classes().get(c), n, left,
                                    v.folds()));
                }
            }
        } else if (rows.length < Math.max(10, s.validation().folds() * 2)) {
            throw new TrainException(TrainException.Reason.INVALID_VALIDATION,
                    UserMessage.of("train.error.tooFewRows", rows.length));
        }
        Folds folds = Folds.of(rows, strata, s.validation(), s.seed());
        if (folds.test().length > 0) {
            notes.add(UserMessage.of("train.note.testKept", folds.test().length, s.validation().testPercent()));
        } else {
            notes.add(UserMessage.of("train.note.noTest"));
        }
        if (s.imbalance() != Imbalance.NONE && target.task() == Task.NUMBER) {
            notes.add(UserMessage.of("train.note.imbalanceIgnored"));
        }
        return new Plan(target, positive, folds, notes);
    }

    // ---------------------------------------------------------------- fold data

    /** One fold's training and held-out parts, cleaned by the recipe fitted on the training part, as Weka data. */
    record FoldData(Instances train, Instances heldOut, int[] heldOutRows, FittedRecipe recipe, List<String> features) {
    }

    FoldData prepare(Dataset data, Recipe recipe, TrainingSettings s, TargetInfo target, int[] trainRows,
                     int[] heldRows, Progress progress) throws TrainException {
        progress.throwIfCancelled();
        Recipe.Run fitted;
        Dataset cleanHeld = null;
        try {
            fitted = recipe.fitAndApply(withRowIds(data, trainRows), Progress.none());
            progress.throwIfCancelled();
            if (heldRows.length > 0) {
                cleanHeld = fitted.recipe().apply(withRowIds(data, heldRows), Progress.none()).dataset();
            }
        } catch (CleanException e) {
            throw new TrainException(TrainException.Reason.RECIPE_FAILED,
                    UserMessage.of("train.error.recipe", e.userMessage()), e);
        }
        Dataset cleanTrain = fitted.result().dataset();
        if (cleanTrain.spec(s.target()).isEmpty()) {
            throw new TrainException(TrainException.Reason.RECIPE_FAILED,
                    UserMessage.of("train.error.recipeDropsTarget", s.target()));
        }
        List<String> features = usedColumns(data, cleanTrain, s);
        if (features.isEmpty()) {
            throw new TrainException(TrainException.Reason.NO_FEATURES, UserMessage.of("train.error.noFeaturesLeft"));
        }
        Instances train = TableToInstances.convert(cleanTrain, features, s.target(), target.classes());
        train.deleteWithMissingClass();
        Instances held = new Instances(train, 0);
        int[] ids = new int[0];
        if (cleanHeld != null) {
            Instances all = TableToInstances.convertLike(new Instances(train, 0), cleanHeld);
            Column<?> idColumn = cleanHeld.table().column(ROW_ID);
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < all.numInstances(); i++) {
                if (!all.instance(i).classIsMissing()) {
                    held.add(all.instance(i));
                    kept.add(Integer.parseInt(idColumn.getString(i)));
                }
            }
            ids = kept.stream().mapToInt(Integer::intValue).toArray();
        }
        return new FoldData(train, held, ids, fitted.recipe(), features);
    }

    private static Dataset withRowIds(Dataset data, int[] rows) {
        Table t = data.table().rows(rows);
        StringColumn ids = StringColumn.create(ROW_ID, rows.length);
        for (int i = 0; i < rows.length; i++) {
            ids.set(i, Integer.toString(rows[i]));
        }
        t.addColumns(ids);
        List<ColumnSpec> specs = new ArrayList<>(data.columns());
        specs.add(new ColumnSpec(ROW_ID, ColumnType.IDENTIFIER, UserMessage.of("train.reason.rowId")));
        return new Dataset(t, specs);
    }

    /**
     * The cleaned columns a model is trained on: the chosen features still present, and columns the recipe made
     * from a chosen feature (named after it, as {@code x_was_missing} or a date's parts). Columns made from a
     * column the user left out stay out.
     */
    static List<String> usedColumns(Dataset raw, Dataset clean, TrainingSettings s) {
        Set<String> chosen = new HashSet<>(s.features());
        List<String> out = new ArrayList<>();
        for (ColumnSpec c : clean.columns()) {
            String name = c.name();
            if (name.equals(s.target()) || name.equals(ROW_ID) || !c.type().isFeature()) {
                continue;
            }
            if (chosen.contains(name)) {
                out.add(name);
            } else if (raw.spec(name).isEmpty()) {
                String source = null;
                for (ColumnSpec r : raw.columns()) {
                    if (name.startsWith(r.name() + "_") && (source == null || r.name().length() > source.length())) {
                        source = r.name();
                    }
                }
                if (source != null && chosen.contains(source)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- run

    /**
     * Trains and validates every learner of {@code settings}.
     *
     * @param data     the imported table (before cleaning)
     * @param recipe   the Clean step's recipe, fitted anew on each training part
     * @param listener hears progress per learner, curve points and finished learners (from worker threads)
     * @throws TrainException settings that do not fit the data, a learner failing or running out of memory
     * @throws CancelledException when cancelled (nothing is changed)
     */
    public TrainingResult run(Dataset data, Recipe recipe, TrainingSettings settings, TrainingListener listener,
                              Progress progress) throws TrainException {
        Plan plan = plan(data, settings);
        progress.report(0, UserMessage.of("train.progress.preparing"));
        Folds folds = plan.folds();
        int k = folds.folds().size();
        List<LearnerChoice> learners = settings.learners();
        int total = k + k * learners.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = newPool();
        try {
            List<Future<FoldData>> prepared = new ArrayList<>();
            for (int f = 0; f < k; f++) {
                int fold = f;
                prepared.add(pool.submit(() -> {
                    FoldData d = prepare(data, recipe, settings, plan.target(), folds.training(fold),
                            folds.folds().get(fold), progress);
                    progress.report((double) done.incrementAndGet() / total,
                            UserMessage.of("train.progress.foldPrepared", fold + 1, k));
                    return d;
                }));
            }
            List<List<Future<FoldOutcome>>> outcomes = new ArrayList<>();
            for (LearnerChoice choice : learners) {
                List<Future<FoldOutcome>> perFold = new ArrayList<>();
                AtomicInteger learnerDone = new AtomicInteger();
                for (int f = 0; f < k; f++) {
                    int fold = f;
                    perFold.add(pool.submit(() -> {
                        progress.throwIfCancelled();
                        FoldData d = prepared.get(fold).get();
                        FoldOutcome o = trainFold(choice, d, settings, plan, fold == 0, listener, progress);
                        int n = learnerDone.incrementAndGet();
                        listener.learnerProgress(choice.learnerId(), (double) n / k,
                                UserMessage.of("train.progress.fold", n, k));
                        progress.report((double) done.incrementAndGet() / total,
                                UserMessage.of("train.progress.learner", UserMessage.of(
                                        Learners.get(choice.learnerId()).labelKey()), n, k));
                        return o;
                    }));
                }
                outcomes.add(perFold);
            }
            List<LearnerResult> results = new ArrayList<>();
            for (int l = 0; l < learners.size(); l++) {
                List<FoldOutcome> perFold = new ArrayList<>();
                for (Future<FoldOutcome> fut : outcomes.get(l)) {
                    perFold.add(await(fut, progress));
                }
                LearnerResult r = combine(learners.get(l), perFold, plan);
                listener.learnerDone(r);
                results.add(r);
            }
            MetricId primary = primary(plan.target().task());
            results.sort(leaderboardOrder(primary));
            progress.report(1);
            return new TrainingResult(settings, plan.target(), results, primary, folds.test(), plan.notes());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Best first by {@code primary}; a learner without a value for it comes last. */
    static Comparator<LearnerResult> leaderboardOrder(MetricId primary) {
        return Comparator.comparingDouble((LearnerResult r) -> {
            double v = r.metric(primary).map(Metric::mean).orElse(Double.NaN);
            if (Double.isNaN(v)) {
                return Double.POSITIVE_INFINITY;
            }
            return primary.higherIsBetter() ? -v : v;
        });
    }

    static MetricId primary(Task task) {
        return switch (task) {
            case BINARY -> MetricId.AUC;
            case MULTICLASS -> MetricId.ACCURACY;
            case NUMBER -> MetricId.RMSE;
        };
    }

    private ExecutorService newPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mwb-train-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Waits for a task while watching the cancel flag; turns what the task threw into what the caller expects. */
    private static <T> T await(Future<T> future, Progress progress) throws TrainException {
        while (true) {
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
        }
    }

    private static TrainException unwrap(Throwable e) {
        Throwable c = e;
        while ((c instanceof ExecutionException || c instanceof WrappedTrainException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof TrainException te) {
            return te;
        }
        if (c instanceof CancelledException ce) {
            throw ce;
        }
        if (c instanceof OutOfMemoryError) {
            return outOfMemory(UserMessage.of("train.learner.unknown"), 0, 0, c);
        }
        return new TrainException(TrainException.Reason.LEARNER_FAILED,
                UserMessage.of("train.error.failed", String.valueOf(c.getMessage())), c);
    }

    private static final class WrappedTrainException extends RuntimeException {
        WrappedTrainException(TrainException e) {
            super(e);
        }
    }

    static TrainException outOfMemory(UserMessage learner, int rows, int features, Throwable cause) {
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return new TrainException(TrainException.Reason.OUT_OF_MEMORY,
                UserMessage.of("train.error.outOfMemory", learner, rows, features, heapMb, Math.max(2 * heapMb, 1024)),
                cause);
    }

    // ---------------------------------------------------------------- one learner, one fold

    /** What one learner gave on one fold. */
    record FoldOutcome(Map<MetricId, Double> metrics, int[] rows, double[] actual, double[][] distribution,
                       double[] predicted, double seconds, CurveKind curveKind, List<CurvePoint> curve, UserMessage note) {
    }

    private FoldOutcome trainFold(LearnerChoice choice, FoldData d, TrainingSettings s, Plan plan, boolean curveFold,
                                  TrainingListener listener, Progress progress) throws TrainException {
        LearnerDefinition def = Learners.get(choice.learnerId());
        UserMessage label = UserMessage.of(def.labelKey());
        Task task = plan.target().task();
        Instances train = new Instances(d.train());
        try {
            Classifier base = source.build(choice, task, s.seed());
            Classifier c = withImbalance(base, s.imbalance(), task, train);
            List<CurvePoint> curve = new ArrayList<>();
            CurveKind kind = c == base ? def.curve() : CurveKind.NONE;
            UserMessage note;
            long start = System.nanoTime();
            if (c instanceof IterativeClassifier ic && (c instanceof MultilayerPerceptron || c instanceof LogitBoost)) {
                int max = c instanceof MultilayerPerceptron m ? m.getTrainingTime() : ((LogitBoost) c).getNumIterations();
                CurveSampler sampler = curveFold ? new CurveSampler(train, d.heldOut(), s.seed()) : null;
                int every = Math.max(1, max / CURVE_POINTS);
                ic.initializeClassifier(train);
                int it = 0;
                while (it < max && ic.next()) {
                    it++;
                    progress.throwIfCancelled();
                    if (sampler != null && (it % every == 0 || it == max)) {
                        CurvePoint p = c instanceof MultilayerPerceptron
                                ? sampler.point(it, c, task == Task.NUMBER ? Loss.SQUARED : Loss.CROSS_ENTROPY)
                                : sampler.point(it, c, task == Task.NUMBER ? Loss.RMSE : Loss.ERROR_RATE);
                        curve.add(p);
                        listener.curvePoint(choice.learnerId(), p);
                        // the first fold's iterations, as a share of the learner's folds
                        listener.learnerProgress(choice.learnerId(),
                                (double) it / max / Math.max(1, plan.folds().folds().size()),
                                UserMessage.of("train.progress.iteration", it, max));
                    }
                }
                ic.done();
                note = c instanceof MultilayerPerceptron
                        ? UserMessage.of(task == Task.NUMBER ? "train.curve.mlpSquared" : "train.curve.mlpCrossEntropy",
                                sampleSize(train), sampleSize(d.heldOut()))
                        : UserMessage.of("train.curve.boosting", sampleSize(train), sampleSize(d.heldOut()));
            } else {
                c.buildClassifier(train);
                if (c instanceof InspectableRandomForest rf && curveFold) {
                    curve.addAll(treeCurve(rf, d.heldOut(), s.seed(), task));
                    curve.forEach(p -> listener.curvePoint(choice.learnerId(), p));
                    note = UserMessage.of("train.curve.trees", sampleSize(d.heldOut()));
                } else if (kind != CurveKind.NONE || c != base) {
                    note = UserMessage.of("train.curve.notWithImbalance", label);
                } else {
                    note = UserMessage.of("train.curve.none", label);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.throwIfCancelled();
            return evaluate(c, train, d, plan, seconds, kind, curve, note);
        } catch (OutOfMemoryError e) {
            throw new WrappedTrainException(outOfMemory(label, d.train().numInstances(), d.features().size(), e));
        } catch (TrainException | CancelledException e) {
            throw e instanceof TrainException te ? new WrappedTrainException(te) : (CancelledException) e;
        } catch (Exception e) {
            if (progress.isCancelled()) {
                throw new CancelledException();
            }
            throw new WrappedTrainException(new TrainException(TrainException.Reason.LEARNER_FAILED,
                    UserMessage.of("train.error.learnerFailed", label, String.valueOf(e.getMessage())), e));
        }
    }

    private static int sampleSize(Instances data) {
        return Math.min(CURVE_SAMPLE, data.numInstances());
    }

    /** The classifier wrapped for the imbalance option (numbers: never wrapped). */
    static Classifier withImbalance(Classifier base, Imbalance imbalance, Task task, Instances train) {
        if (task == Task.NUMBER || imbalance == Imbalance.NONE) {
            return base;
        }
        if (imbalance == Imbalance.BALANCE_CLASSES) {
            FilteredClassifier fc = new FilteredClassifier();
            fc.setFilter(new ClassBalancer());
            fc.setClassifier(base);
            fc.setDoNotCheckForModifiedClassAttribute(true);
            return fc;
        }
        int k = train.numClasses();
        int[] counts = new int[k];
        for (Instance i : train) {
            if (!i.classIsMissing()) {
                counts[(int) i.classValue()]++;
            }
        }
        int most = Arrays.stream(counts).max().orElse(1);
        CostMatrix m = new CostMatrix(k);
        for (int actual = 0; actual < k; actual++) {
            for (int predicted = 0; predicted < k; predicted++) {
                // missing a rare class costs as many times more as it is rarer than the most common one
                m.setCell(actual, predicted, actual == predicted ? 0.0 : (double) most / Math.max(1, counts[actual]));
            }
        }
        CostSensitiveClassifier cs = new CostSensitiveClassifier();
        cs.setClassifier(base);
        cs.setCostMatrix(m);
        cs.setMinimizeExpectedCost(false);
        return cs;
    }

    private FoldOutcome evaluate(Classifier c, Instances train, FoldData d, Plan plan, double seconds, CurveKind kind,
                                 List<CurvePoint> curve, UserMessage note) throws Exception {
        Instances held = d.heldOut();
        int n = held.numInstances();
        Evaluation ev = new Evaluation(train);
        double[] actual = new double[n];
        double[][] dist = new double[n][];
        double[] predicted = new double[n];
        Task task = plan.target().task();
        for (int i = 0; i < n; i++) {
            Instance inst = held.instance(i);
            double[] p = c.distributionForInstance(inst);
            ev.evaluateModelOnceAndRecordPrediction(p, inst);
            actual[i] = inst.classValue();
            if (task == Task.NUMBER) {
                dist[i] = new double[0];
                predicted[i] = p[0];
            } else {
                dist[i] = p.clone();
                predicted[i] = Utils.maxIndex(p);
            }
        }
        Map<MetricId, Double> m = new EnumMap<>(MetricId.class);
        if (task == Task.NUMBER) {
            m.put(MetricId.RMSE, ev.rootMeanSquaredError());
            m.put(MetricId.MAE, ev.meanAbsoluteError());
            m.put(MetricId.R2, Metrics.rSquared(actual, predicted));
        } else {
            boolean binary = task == Task.BINARY;
            m.put(MetricId.AUC, binary ? ev.areaUnderROC(plan.positiveIndex()) : ev.weightedAreaUnderROC());
            m.put(MetricId.ACCURACY, ev.pctCorrect() / 100.0);
            m.put(MetricId.F1, binary ? ev.fMeasure(plan.positiveIndex()) : ev.weightedFMeasure());
            m.put(MetricId.LOG_LOSS, Metrics.logLoss(dist, actual));
        }
        return new FoldOutcome(m, d.heldOutRows(), actual, dist, predicted, seconds, kind, curve, note);
    }

    private static LearnerResult combine(LearnerChoice choice, List<FoldOutcome> folds, Plan plan) {
        Map<MetricId, Metric> metrics = new EnumMap<>(MetricId.class);
        for (MetricId id : folds.get(0).metrics().keySet()) {
            metrics.put(id, Metrics.summarise(folds.stream().mapToDouble(f -> f.metrics().get(id)).toArray()));
        }
        int total = folds.stream().mapToInt(f -> f.rows().length).sum();
        Integer[] order = new Integer[total];
        int[] rows = new int[total];
        double[] actual = new double[total];
        double[][] dist = new double[total][];
        double[] predicted = new double[total];
        int at = 0;
        for (FoldOutcome f : folds) {
            for (int i = 0; i < f.rows().length; i++, at++) {
                rows[at] = f.rows()[i];
                actual[at] = f.actual()[i];
                dist[at] = f.distribution()[i];
                predicted[at] = f.predicted()[i];
                order[at] = at;
            }
        }
        Arrays.sort(order, Comparator.comparingInt(i -> rows[i]));
        int[] r2 = new int[total];
        double[] a2 = new double[total];
        double[][] d2 = new double[total][];
        double[] p2 = new double[total];
        for (int i = 0; i < total; i++) {
            r2[i] = rows[order[i]];
            a2[i] = actual[order[i]];
            d2[i] = dist[order[i]];
            p2[i] = predicted[order[i]];
        }
        Predictions heldOut = new Predictions(plan.target().classes(), plan.positiveIndex(), r2, a2, d2, p2);
        FoldOutcome first = folds.get(0);
        double seconds = folds.stream().mapToDouble(FoldOutcome::seconds).sum();
        return new LearnerResult(choice, metrics, seconds, first.curveKind(), first.curve(), first.note(), heldOut);
    }

    // ---------------------------------------------------------------- curves

    enum Loss { CROSS_ENTROPY, SQUARED, ERROR_RATE, RMSE }

    /** Seeded samples of the training and held-out parts, scored after each iteration. */
    private static final class CurveSampler {
        private final Instances train;
        private final Instances held;

        CurveSampler(Instances train, Instances held, int seed) {
            this.train = sample(train, seed);
            this.held = sample(held, seed + 1);
        }

        CurvePoint point(int step, Classifier c, Loss loss) throws Exception {
            return new CurvePoint(step, score(c, train, loss), score(c, held, loss));
        }
    }

    static Instances sample(Instances data, int seed) {
        if (data.numInstances() <= CURVE_SAMPLE) {
            return data;
        }
        Instances copy = new Instances(data);
        copy.randomize(new Random(seed));
        return new Instances(copy, 0, CURVE_SAMPLE);
    }

    static double score(Classifier c, Instances data, Loss loss) throws Exception {
        if (data.numInstances() == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (Instance i : data) {
            double[] p = c.distributionForInstance(i);
            double y = i.classValue();
            sum += switch (loss) {
                case CROSS_ENTROPY -> -Math.log(Math.max(Metrics.EPS, p[(int) y]));
                case ERROR_RATE -> Utils.maxIndex(p) == (int) y ? 0 : 1;
                case SQUARED, RMSE -> (p[0] - y) * (p[0] - y);
            };
        }
        double mean = sum / data.numInstances();
        return loss == Loss.RMSE ? Math.sqrt(mean) : mean;
    }

    /** Error (classes) or RMSE (numbers) of the first n trees' average on a sample of the held-out part. */
    static List<CurvePoint> treeCurve(InspectableRandomForest rf, Instances heldOut, int seed, Task task)
            throws Exception {
        Instances held = sample(heldOut, seed + 1);
        int trees = rf.treeCount();
        int n = held.numInstances();
        if (n == 0 || trees == 0) {
            return List.of();
        }
        int width = task == Task.NUMBER ? 1 : held.numClasses();
        double[][] sum = new double[n][width];
        int every = Math.max(1, trees / CURVE_POINTS);
        List<CurvePoint> out = new ArrayList<>();
        for (int t = 0; t < trees; t++) {
            double err = 0;
            for (int i = 0; i < n; i++) {
                double[] p = rf.treeDistribution(t, held.instance(i));
                for (int j = 0; j < width; j++) {
                    sum[i][j] += p[j];
                }
                double y = held.instance(i).classValue();
                if (task == Task.NUMBER) {
                    double e = sum[i][0] / (t + 1) - y;
                    err += e * e;
                } else {
                    err += Utils.maxIndex(sum[i]) == (int) y ? 0 : 1;
                }
            }
            if ((t + 1) % every == 0 || t + 1 == trees) {
                double v = task == Task.NUMBER ? Math.sqrt(err / n) : err / n;
                out.add(new CurvePoint(t + 1, Double.NaN, v));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- final model

    /**
     * Trains {@code learnerId} (one of the settings' learners) with the recipe fitted on all rows that are not
     * in the test part (the same test part as {@link #run} keeps aside for the same settings and data).
     */
    public TrainedModel fitFinal(Dataset data, Recipe recipe, TrainingSettings settings, String learnerId,
                                 Progress progress) throws TrainException {
        LearnerChoice choice = settings.learner(learnerId).orElseThrow(() -> new TrainException(
                TrainException.Reason.INVALID_SETTINGS, UserMessage.of("train.error.unknownLearner", learnerId)));
        Plan plan = plan(data, settings);
        progress.report(0, UserMessage.of("train.progress.preparing"));
        FoldData d = prepare(data, recipe, settings, plan.target(), plan.folds().nonTest(), new int[0], progress);
        progress.report(0.2, UserMessage.of("train.progress.final", UserMessage.of(Learners.get(learnerId).labelKey())));
        Classifier c = withImbalance(source.build(choice, plan.target().task(), settings.seed()), settings.imbalance(),
                plan.target().task(), d.train());
        ExecutorService pool = newPool();
        try {
            Future<Classifier> f = pool.submit(() -> {
                try {
                    c.buildClassifier(d.train());
                    return c;
                } catch (OutOfMemoryError e) {
                    throw new WrappedTrainException(outOfMemory(UserMessage.of(Learners.get(learnerId).labelKey()),
                            d.train().numInstances(), d.features().size(), e));
                }
            });
            Classifier trained = await(f, progress);
            progress.report(1);
            return new TrainedModel(settings, plan.target(), learnerId, trained, d.recipe(), new Instances(d.train(), 0));
        } finally {
            pool.shutdownNow();
        }
    }

    static UserMessage taskLabel(Task task) {
        return UserMessage.of("train.task." + task.name().toLowerCase(Locale.ROOT));
    }
}
