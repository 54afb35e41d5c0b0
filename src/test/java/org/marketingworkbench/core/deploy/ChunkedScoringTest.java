package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketingworkbench.core.adapter.weka.InspectableRandomForest;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.RecipeSuggester;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.RemoveDuplicatesStep;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.evaluate.ModelInput;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.Imbalance;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingSettings;
import tech.tablesaw.api.Table;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.trees.RandomForest;
import weka.classifiers.trees.RandomTree;
import weka.core.Instances;

/**
 * Scoring in chunks on several threads gives what one pass over the whole file gave, bit for bit, for every
 * learner; it reports progress per chunk, stops every thread on cancel, and refuses an empty file in words.
 * "One pass" is {@link #onePass}: the scoring loop as it was before chunking (recipe and conversion over the
 * whole table, {@code distributionForInstance} row by row with the model's own classifier, a boxed sort).
 */
class ChunkedScoringTest {

    /** The sample customers (5,012 rows, with the deliberate mess) and the recipe the Clean step suggests. */
    private static Dataset customers;
    private static Recipe suggested;
    private static LoadedBundle logistic;

    @BeforeAll
    static void train() throws Exception {
        customers = DeployFixtures.customers();
        suggested = new Recipe(RecipeSuggester.suggest(
                ColumnProfiler.profile(customers, Optional.of("responded"), Progress.none()), Optional.of("salt")));
        logistic = bundle(rows(customers, 0, 600), "responded", "yes", LearnerChoice.defaults(Learners.LOGISTIC),
                suggested, Imbalance.NONE);
    }

    @Test
    void theSuggestedRecipeChangesTheDataSoTheChunksReallyGoThroughIt() {
        assertThat(suggested.steps()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(suggested.steps()).noneMatch(s -> s instanceof RemoveDuplicatesStep);
    }

    @Test
    void chunksOfAnySizeOnAnyNumberOfThreadsScoreAsOnePass() throws Exception {
        Dataset data = rows(customers, 0, 2000);
        OnePass expected = onePass(logistic, data);
        for (int chunk : new int[] {1, 7, 333, 1024, 1999, 2000, 2001, Scorer.Chunking.DEFAULT_ROWS}) {
            for (int threads : new int[] {1, 2, 4}) {
                Dataset scored = Scorer.score(logistic, data, Scorer.UnseenCategories.MISSING, Progress.none(),
                        new Scorer.Chunking(chunk, threads));
                assertSameAs(expected, scored, "chunk " + chunk + ", threads " + threads);
            }
        }
    }

    @Test
    void theOutputHasTheInputColumnsThenScorePredictedRankDecile() throws Exception {
        Dataset scored = Scorer.score(logistic, customers, Scorer.UnseenCategories.MISSING, Progress.none());
        List<String> names = new ArrayList<>(customers.table().columnNames());
        names.addAll(List.of("score", "predicted", "rank", "decile"));
        assertThat(scored.table().columnNames()).isEqualTo(names);
        assertThat(scored.columns().subList(0, customers.columns().size())).isEqualTo(customers.columns());
        for (int c = 0; c < customers.table().columnCount(); c++) {
            assertThat(scored.table().column(c).asList()).isEqualTo(customers.table().column(c).asList());
        }
        assertSameAs(onePass(logistic, customers), scored, "whole file, default chunks");
    }

    @Test
    void aOneRowFileIsScoredAsInOnePass() throws Exception {
        for (int row : new int[] {0, 17, customers.rowCount() - 1}) {
            Dataset one = rows(customers, row, row + 1);
            Dataset scored = Scorer.score(logistic, one, Scorer.UnseenCategories.MISSING, Progress.none());
            assertSameAs(onePass(logistic, one), scored, "row " + row);
            assertThat(scored.table().doubleColumn("rank").getDouble(0)).isEqualTo(1);
            assertThat(scored.table().doubleColumn("decile").getDouble(0)).isEqualTo(1);
        }
    }

    static Stream<Arguments> learners() {
        return Stream.of(
                Arguments.of(Learners.LOGISTIC, "responded", Map.of(), Imbalance.NONE),
                Arguments.of(Learners.NAIVE_BAYES, "responded", Map.of(), Imbalance.NONE),
                Arguments.of(Learners.NAIVE_BAYES, "responded", Map.of("discretize", "true"), Imbalance.NONE),
                Arguments.of(Learners.J48, "responded", Map.of(), Imbalance.NONE),
                Arguments.of(Learners.RANDOM_FOREST, "responded", Map.of("trees", "20"), Imbalance.NONE),
                Arguments.of(Learners.LOGIT_BOOST, "responded", Map.of(), Imbalance.NONE),
                Arguments.of(Learners.SMO, "responded", Map.of(), Imbalance.NONE),
                Arguments.of(Learners.SMO, "responded", Map.of("kernel", "rbf"), Imbalance.NONE),
                Arguments.of(Learners.MLP, "responded", Map.of("epochs", "50"), Imbalance.NONE),
                Arguments.of(Learners.LOGISTIC, "responded", Map.of(), Imbalance.BALANCE_CLASSES),
                Arguments.of(Learners.J48, "responded", Map.of(), Imbalance.COST_SENSITIVE),
                Arguments.of(Learners.RANDOM_FOREST, "total_spend", Map.of("trees", "20"), Imbalance.NONE),
                Arguments.of(Learners.LINEAR, "total_spend", Map.of(), Imbalance.NONE),
                Arguments.of(Learners.M5P, "total_spend", Map.of(), Imbalance.NONE));
    }

    @ParameterizedTest(name = "{0} on {1} {2} {3}")
    @MethodSource("learners")
    void everyLearnerScoresOnFourThreadsBitForBitAsInOnePass(String learner, String target, Map<String, String> options,
                                                            Imbalance imbalance) throws Exception {
        LoadedBundle b = bundle(rows(customers, 0, 400), target, target.equals("responded") ? "yes" : "",
                new LearnerChoice(learner, options, ""), suggested, imbalance);
        Dataset data = rows(customers, 400, 3400);
        Dataset scored = Scorer.score(b, data, Scorer.UnseenCategories.MISSING, Progress.none(),
                new Scorer.Chunking(97, 4));
        assertSameAs(onePass(b, data), scored, learner + " " + options + " " + imbalance);
    }

    @Test
    void everyLearnerOfTheRegistryIsChecked() {
        List<String> checked = learners().map(a -> (String) a.get()[0]).distinct().toList();
        assertThat(checked).containsExactlyInAnyOrderElementsOf(Learners.all().stream().map(d -> d.id()).toList());
        List<String> numberLearners = Learners.forTask(Task.NUMBER).stream().map(d -> d.id()).toList();
        assertThat(learners().filter(a -> a.get()[1].equals("total_spend")).map(a -> (String) a.get()[0]).toList())
                .containsAll(numberLearners);
    }

    @Test
    void onlyWekasOwnForestIsSharedBetweenThreadsEveryOtherClassifierIsCopied() throws Exception {
        assertThat(Scorer.sharedSafely(new RandomForest())).isTrue();
        assertThat(Scorer.sharedSafely(new InspectableRandomForest())).isTrue();
        assertThat(Scorer.sharedSafely(new RandomForest() {
            private static final long serialVersionUID = 1L;
        })).as("a subclass may predict differently").isFalse();
        RandomForest ownTrees = new RandomForest();
        ownTrees.setClassifier(new RandomTree() {
            private static final long serialVersionUID = 1L;
        });
        assertThat(Scorer.sharedSafely(ownTrees)).isFalse();
        FilteredClassifier balanced = new FilteredClassifier();
        balanced.setClassifier(new RandomForest());
        assertThat(Scorer.sharedSafely(balanced)).isFalse();
        for (String id : List.of(Learners.LOGISTIC, Learners.NAIVE_BAYES, Learners.J48, Learners.LOGIT_BOOST,
                Learners.SMO, Learners.MLP)) {
            LoadedBundle b = bundle(rows(customers, 0, 100), "responded", "yes", new LearnerChoice(id,
                    id.equals(Learners.MLP) ? Map.of("epochs", "5") : Map.of(), ""), Recipe.empty(), Imbalance.NONE);
            assertThat(Scorer.sharedSafely(b.model().classifier())).as(id).isFalse();
        }
    }

    @Test
    void progressRisesChunkByChunkAndEndsAtOne() throws Exception {
        List<Double> fractions = new ArrayList<>();
        Progress progress = Progress.to((f, m) -> fractions.add(f));
        Scorer.score(logistic, customers, Scorer.UnseenCategories.MISSING, progress, new Scorer.Chunking(100, 3));
        assertThat(fractions).isSorted();
        assertThat(fractions.get(0)).isEqualTo(0.0);
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        // 51 chunks; the calling thread scores about a third of them and reports after each, and while it waits
        assertThat(fractions.stream().distinct().count()).isGreaterThan(10);
    }

    @Test
    void cancellingMidwayThrowsAndLeavesNoScoringThreadRunning() {
        AtomicReference<Progress> holder = new AtomicReference<>();
        List<Double> fractions = new java.util.concurrent.CopyOnWriteArrayList<>();
        Progress progress = Progress.to((f, m) -> {
            fractions.add(f);
            if (f >= 0.25) {
                holder.get().cancel();
            }
        });
        holder.set(progress);
        assertThatThrownBy(() -> Scorer.score(logistic, customers, Scorer.UnseenCategories.MISSING, progress,
                new Scorer.Chunking(100, 3))).isInstanceOf(CancelledException.class);
        assertThat(scoringThreads()).isEmpty();
        // stopped soon after the cancel: far from every chunk scored (the chunks end at 0.9)
        assertThat(fractions.stream().mapToDouble(Double::doubleValue).max().orElseThrow()).isLessThan(0.6);
    }

    @Test
    void cancellingBeforeTheStartScoresNothing() {
        List<Double> fractions = new ArrayList<>();
        Progress progress = Progress.to((f, m) -> fractions.add(f));
        progress.cancel();
        assertThatThrownBy(() -> Scorer.score(logistic, customers, Scorer.UnseenCategories.MISSING, progress,
                new Scorer.Chunking(100, 2))).isInstanceOf(CancelledException.class);
        assertThat(fractions).allMatch(f -> f == 0.0);
        assertThat(scoringThreads()).isEmpty();
    }

    @Test
    void interruptingTheCallingThreadCancelsAndEndsTheHelpers() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Progress progress = Progress.to((f, m) -> {
            if (f > 0) {
                started.countDown();
            }
        });
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                Scorer.score(logistic, rows(customers, 0, 5000), Scorer.UnseenCategories.MISSING, progress,
                        new Scorer.Chunking(50, 2));
            } catch (Throwable e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        }, "test-caller");
        caller.start();
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        caller.interrupt();
        caller.join(60_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancelledException.class);
        assertThat(stillInterrupted.get()).as("the caller's interrupt status is kept").isTrue();
        assertThat(scoringThreads()).isEmpty();
    }

    @Test
    void anEmptyFileIsRefusedInWords() {
        Dataset empty = new Dataset(customers.table().emptyCopy(), customers.columns());
        assertThatThrownBy(() -> Scorer.score(logistic, empty, Scorer.UnseenCategories.MISSING, Progress.none()))
                .isInstanceOfSatisfying(DeployException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeployException.Reason.NO_ROWS);
                    assertThat(e.userMessage().format(Locale.ENGLISH)).contains("no customers to score");
                    assertThat(e.userMessage().format(Locale.SIMPLIFIED_CHINESE)).contains("没有可评分的客户");
                });
    }

    @Test
    void aRecipeThatDropsRowsInTrainingStillScoresEveryCustomer() throws Exception {
        Recipe dropping = suggested.insert(0,
                MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.DROP_ROWS, false));
        LoadedBundle b = bundle(rows(customers, 0, 600), "responded", "yes", LearnerChoice.defaults(Learners.J48),
                dropping, Imbalance.NONE);
        Dataset data = rows(customers, 0, 2000);
        assertThat(ModelInput.instances(b.model(), data).numInstances()).as("training drops rows").isLessThan(2000);
        Dataset onePass = Scorer.score(b, data, Scorer.UnseenCategories.MISSING, Progress.none(), new Scorer.Chunking(2000, 1));
        Dataset chunked = Scorer.score(b, data, Scorer.UnseenCategories.MISSING, Progress.none(), new Scorer.Chunking(100, 3));
        assertThat(onePass.rowCount()).as("every customer gets a score").isEqualTo(2000);
        assertThat(chunked.table().doubleColumn("score").asDoubleArray())
                .containsExactly(onePass.table().doubleColumn("score").asDoubleArray());
        assertThat(onePass.table().doubleColumn("score").countMissing()).isZero();
        assertThat(scoringThreads()).isEmpty();
    }

    @Test
    void aRepeatedCustomerIsScoredEachTimeAndAlike() throws Exception {
        Recipe deduplicating = Recipe.of(RemoveDuplicatesStep.exact());
        LoadedBundle b = bundle(rows(customers, 0, 600), "responded", "yes", LearnerChoice.defaults(Learners.J48),
                deduplicating, Imbalance.NONE);
        Dataset unique = rows(customers, 1000, 2000);
        Table t = unique.table().copy();
        t.append(unique.table().inRange(0, 10));
        Dataset repeated = new Dataset(t, customers.columns());
        Dataset scored = Scorer.score(b, repeated, Scorer.UnseenCategories.MISSING, Progress.none(),
                new Scorer.Chunking(100, 2));
        assertThat(scored.rowCount()).isEqualTo(1010);
        for (int r = 0; r < 10; r++) {
            assertThat(scored.table().doubleColumn("score").get(1000 + r)).isEqualTo(scored.table().doubleColumn("score").get(r));
        }
        assertThat(scoringThreads()).isEmpty();
    }

    @Test
    void theOrderByScoreIsTheBoxedSortsOrderTiesInFileOrderNaNLast() {
        Random random = new Random(7);
        double[] values = {0.9, 0.5, 0.5, Double.NaN, 0.0, -0.0, 1.0, 0.25};
        for (int n : new int[] {0, 1, 2, 31, 32, 33, 100, 1000, 100_003}) {
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                score[i] = values[random.nextInt(values.length)];
            }
            assertThat(Scorer.orderByScore(score)).as("n = " + n).containsExactly(boxedOrder(score));
        }
        double[] distinct = random.doubles(50_000).toArray();
        assertThat(Scorer.orderByScore(distinct)).containsExactly(boxedOrder(distinct));
    }

    // ------------------------------------------------------------------ helpers

    /** Scores and ranks as {@code Scorer.score} did before chunking: one pass with the model's own classifier. */
    record OnePass(double[] score, String[] predicted, double[] rank, double[] decile) {
    }

    static OnePass onePass(LoadedBundle bundle, Dataset data) throws Exception {
        TrainedModel model = bundle.model();
        Instances rows = ModelInput.instances(model, data);
        int n = rows.numInstances();
        assertThat(n).isEqualTo(data.rowCount());
        boolean number = model.target().task() == Task.NUMBER;
        int positive = ModelInput.positiveIndex(model);
        List<String> classes = model.target().classes();
        int positiveInHeader = positive < 0 ? -1 : rows.classAttribute().indexOfValue(classes.get(positive));
        double[] score = new double[n];
        String[] predicted = new String[n];
        for (int r = 0; r < n; r++) {
            double[] d = model.classifier().distributionForInstance(rows.instance(r));
            if (number) {
                score[r] = d[0];
            } else {
                score[r] = d[positiveInHeader];
                predicted[r] = score[r] >= bundle.threshold() ? classes.get(positive) : classes.get(1 - positive);
            }
        }
        Integer[] order = boxedOrder(score);
        double[] rank = new double[n];
        double[] decile = new double[n];
        for (int i = 0; i < n; i++) {
            rank[order[i]] = i + 1;
            decile[order[i]] = (int) ((long) i * 10 / n) + 1;
        }
        return new OnePass(score, number ? null : predicted, rank, decile);
    }

    private static Integer[] boxedOrder(double[] score) {
        return IntStream.range(0, score.length).boxed().sorted(Comparator.comparingDouble((Integer r) -> -score[r])
                .thenComparingInt(r -> r)).toArray(Integer[]::new);
    }

    private static void assertSameAs(OnePass expected, Dataset scored, String what) {
        Table t = scored.table();
        assertThat(bits(t.doubleColumn("score").asDoubleArray())).as(what + ": scores").containsExactly(bits(expected.score()));
        if (expected.predicted() == null) {
            assertThat(bits(t.doubleColumn("predicted").asDoubleArray())).as(what + ": predicted")
                    .containsExactly(bits(expected.score()));
        } else {
            assertThat(t.stringColumn("predicted").asObjectArray()).as(what + ": predicted")
                    .containsExactly(expected.predicted());
        }
        assertThat(t.doubleColumn("rank").asDoubleArray()).as(what + ": ranks").containsExactly(expected.rank());
        assertThat(t.doubleColumn("decile").asDoubleArray()).as(what + ": deciles").containsExactly(expected.decile());
    }

    private static long[] bits(double[] v) {
        return Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static String messageOf(LoadedBundle b, Dataset data, Scorer.Chunking chunking) {
        try {
            Scorer.score(b, data, Scorer.UnseenCategories.MISSING, Progress.none(), chunking);
        } catch (DeployException e) {
            assertThat(e.reason()).isEqualTo(DeployException.Reason.SCORING_FAILED);
            return e.userMessage().format(Locale.ENGLISH);
        }
        throw new AssertionError("scoring should have failed with " + chunking);
    }

    private static List<Thread> scoringThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("mwb-score-")).toList();
    }

    static Dataset rows(Dataset d, int from, int to) {
        return new Dataset(d.table().inRange(from, to), d.columns());
    }

    private static LoadedBundle bundle(Dataset train, String target, String positive, LearnerChoice learner,
                                       Recipe recipe, Imbalance imbalance) throws Exception {
        List<String> features = TrainingData.defaultFeatures(TrainingData.candidates(train, target, Progress.none()));
        TrainingSettings s = TrainingSettings.of(target, positive, features, List.of(learner)).withImbalance(imbalance);
        TrainedModel model = new TrainStep().fitFinal(train, recipe, s, learner.learnerId(), Progress.none());
        return new LoadedBundle(ModelBundle.VERSION, model, 0.5, null);
    }
}
