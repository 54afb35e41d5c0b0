package org.marketingworkbench.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Evaluation;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

class TrainStepTest {

    private static final List<String> FEATURES = List.of("income", "visits", "plan");

    @BeforeAll
    static void quietWeka() throws Exception {
        WekaForTests.configure();
    }

    private static TrainingSettings binary(int folds, String... learners) {
        return TrainingSettings.of("bought", "yes", FEATURES,
                        Arrays.stream(learners).map(LearnerChoice::defaults).toList())
                .withValidation(Validation.crossValidation(folds, 0));
    }

    // ---------------------------------------------------------------- folds

    @Test
    void foldsAreStratifiedSeededAndDisjoint() {
        int[] rows = new int[1000];
        int[] strata = new int[1000];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
            strata[i] = i % 10 == 0 ? 1 : 0; // 10% positive
        }
        Folds a = Folds.of(rows, strata, Validation.crossValidation(5, 20), 7);
        Folds b = Folds.of(rows, strata, Validation.crossValidation(5, 20), 7);
        Folds c = Folds.of(rows, strata, Validation.crossValidation(5, 20), 8);
        assertThat(a.test()).isEqualTo(b.test());
        assertThat(a.folds().get(2)).isEqualTo(b.folds().get(2));
        assertThat(a.test()).isNotEqualTo(c.test());
        assertThat(a.test()).hasSize(200);
        assertThat(Arrays.stream(a.test()).filter(r -> r % 10 == 0).count()).isEqualTo(20);
        Set<Integer> seen = new HashSet<>();
        Arrays.stream(a.test()).forEach(seen::add);
        for (int[] f : a.folds()) {
            assertThat(f).hasSize(160);
            assertThat(Arrays.stream(f).filter(r -> r % 10 == 0).count()).isEqualTo(16);
            for (int r : f) {
                assertThat(seen.add(r)).as("row %d in two parts", r).isTrue();
            }
        }
        assertThat(seen).hasSize(1000);
        int[] training = a.training(0);
        assertThat(training).hasSize(640).doesNotContain(a.folds().get(0)).doesNotContain(a.test());
        assertThat(a.nonTest()).hasSize(800);
    }

    @Test
    void aSplitKeepsItsPercentagesPerClass() {
        int[] rows = java.util.stream.IntStream.range(0, 500).toArray();
        int[] strata = Arrays.stream(rows).map(r -> r < 100 ? 1 : 0).toArray();
        Folds f = Folds.of(rows, strata, Validation.split(60, 20, 20), 1);
        assertThat(f.test()).hasSize(100);
        assertThat(f.folds()).hasSize(1);
        assertThat(f.folds().get(0)).hasSize(100);
        assertThat(Arrays.stream(f.folds().get(0)).filter(r -> r < 100).count()).isEqualTo(20);
        assertThat(f.training(0)).hasSize(300);
    }

    // ---------------------------------------------------------------- no leakage

    @Test
    void theRecipeIsFittedOnEachTrainingPartOnlyAndAppliedToItsHeldOutPart() throws Exception {
        Dataset data = Customers.buyers(200, 3);
        Recipe recipe = Recipe.of(MissingValuesStep.of(List.of("income"), MissingValuesStep.Strategy.MEAN, false));
        TrainingSettings s = binary(4, Learners.LOGISTIC);
        TrainStep step = new TrainStep();
        TrainStep.Plan plan = step.plan(data, s);
        Set<String> means = new HashSet<>();
        for (int f = 0; f < 4; f++) {
            int[] train = plan.folds().training(f);
            int[] held = plan.folds().folds().get(f);
            TrainStep.FoldData d = step.prepare(data, recipe, s, plan.target(), train, held, Progress.none());
            MissingValuesStep fitted = (MissingValuesStep) d.recipe().steps().get(0);
            double learned = Double.parseDouble(fitted.fills().get("income"));
            double trainingMean = Arrays.stream(train).mapToDouble(r -> data.table().doubleColumn("income").getDouble(r))
                    .filter(v -> !Double.isNaN(v)).average().orElseThrow();
            assertThat(learned).isCloseTo(trainingMean, within(1e-9));
            means.add(fitted.fills().get("income"));
            // a held-out row with no income gets the training part's mean, not its own part's
            int incomeAt = d.heldOut().attribute("income").index();
            for (int i = 0; i < d.heldOutRows().length; i++) {
                if (Double.isNaN(data.table().doubleColumn("income").getDouble(d.heldOutRows()[i]))) {
                    assertThat(d.heldOut().instance(i).value(incomeAt)).isCloseTo(trainingMean, within(1e-9));
                }
            }
            assertThat(d.heldOutRows()).isEqualTo(held);
        }
        assertThat(means).as("each fold learns its own mean").hasSize(4);
    }

    // ---------------------------------------------------------------- learners

    @Test
    void everyLearnerForClassesTrainsOnASmallFixtureAndGivesWhatCurveItCan() throws Exception {
        Dataset data = Customers.buyers(300, 1);
        List<LearnerChoice> learners = new ArrayList<>();
        for (LearnerDefinition d : Learners.forTask(Task.BINARY)) {
            Map<String, String> o = new java.util.HashMap<>(d.defaults());
            if (d.id().equals(Learners.MLP)) {
                o.put("epochs", "60");
            }
            if (d.id().equals(Learners.RANDOM_FOREST)) {
                o.put("trees", "30");
            }
            learners.add(new LearnerChoice(d.id(), o, ""));
        }
        List<CurvePoint> mlpPoints = new CopyOnWriteArrayList<>();
        List<String> done = new CopyOnWriteArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void learnerProgress(String learnerId, double fraction, UserMessage status) {
            }

            @Override
            public void curvePoint(String learnerId, CurvePoint point) {
                if (learnerId.equals(Learners.MLP)) {
                    mlpPoints.add(point);
                }
            }

            @Override
            public void learnerDone(LearnerResult result) {
                done.add(result.learnerId());
            }
        };
        TrainingResult r = new TrainStep().run(data, Recipe.empty(), binary(3).withLearners(learners), listener,
                Progress.none());
        assertThat(r.leaderboard()).hasSize(7);
        assertThat(done).hasSize(7);
        for (LearnerResult lr : r.leaderboard()) {
            assertThat(lr.metrics().get(MetricId.AUC).mean()).as(lr.learnerId()).isGreaterThan(0.6);
            assertThat(lr.heldOut().size()).isEqualTo(300);
            CurveKind expected = Learners.get(lr.learnerId()).curve();
            assertThat(lr.curveKind()).as(lr.learnerId()).isEqualTo(expected);
            if (expected == CurveKind.NONE) {
                assertThat(lr.curve()).isEmpty();
                assertThat(lr.curveNote().key()).isEqualTo("train.curve.none");
            } else {
                assertThat(lr.curve()).as(lr.learnerId()).isNotEmpty();
            }
        }
        LearnerResult mlp = r.leaderboard().stream().filter(l -> l.learnerId().equals(Learners.MLP)).findFirst()
                .orElseThrow();
        assertThat(mlp.curve()).hasSizeBetween(55, 60).isEqualTo(mlpPoints);
        assertThat(mlp.curve().get(0).step()).isEqualTo(1);
        assertThat(mlp.curve().get(mlp.curve().size() - 1).training()).isLessThan(mlp.curve().get(0).training());
        LearnerResult rf = r.leaderboard().stream().filter(l -> l.learnerId().equals(Learners.RANDOM_FOREST))
                .findFirst().orElseThrow();
        assertThat(rf.curve()).hasSize(30);
        assertThat(rf.curve().get(29).step()).isEqualTo(30);
        // the leaderboard is sorted by AUC, best first
        for (int i = 1; i < r.leaderboard().size(); i++) {
            assertThat(r.leaderboard().get(i - 1).metrics().get(MetricId.AUC).mean())
                    .isGreaterThanOrEqualTo(r.leaderboard().get(i).metrics().get(MetricId.AUC).mean());
        }
        assertThat(r.best()).isSameAs(r.leaderboard().get(0));
        assertThat(r.notes()).extracting(UserMessage::key).contains("train.note.noTest");
    }

    @Test
    void numberAndSeveralClassLearnersTrainAndAreRankedByTheirOwnMeasure() throws Exception {
        Dataset data = Customers.buyers(240, 2);
        List<LearnerChoice> learners = List.of(LearnerChoice.defaults(Learners.LINEAR), LearnerChoice.defaults(Learners.M5P),
                new LearnerChoice(Learners.RANDOM_FOREST, Map.of("trees", "20"), ""));
        TrainingSettings s = TrainingSettings.of("spend", "", FEATURES, learners)
                .withValidation(Validation.split(60, 20, 20));
        TrainingResult r = new TrainStep().run(data, Recipe.empty(), s, TrainingListener.NONE, Progress.none());
        assertThat(r.primary()).isEqualTo(MetricId.RMSE);
        assertThat(r.testRows()).hasSize(48);
        for (LearnerResult lr : r.leaderboard()) {
            assertThat(lr.metrics().get(MetricId.R2).mean()).as(lr.learnerId()).isGreaterThan(0.5);
        }
        // spend is linear in the features: a linear formula (alone or in a model tree's leaves) wins
        assertThat(r.best().learnerId()).isIn(Learners.LINEAR, Learners.M5P);

        TrainingSettings tiers = TrainingSettings.of("tier", "", FEATURES,
                List.of(LearnerChoice.defaults(Learners.J48), LearnerChoice.defaults(Learners.NAIVE_BAYES)))
                .withValidation(Validation.crossValidation(3, 0)).withImbalance(Imbalance.BALANCE_CLASSES);
        TrainingResult t = new TrainStep().run(data, Recipe.empty(), tiers, TrainingListener.NONE, Progress.none());
        assertThat(t.primary()).isEqualTo(MetricId.ACCURACY);
        assertThat(t.best().metrics().get(MetricId.ACCURACY).mean()).isGreaterThan(0.5);
        assertThat(t.best().heldOut().classes()).containsExactly("high", "low", "mid");
    }

    @Test
    void imbalanceOptionsWrapTheLearnerInWekasOwnTools() throws Exception {
        Dataset data = Customers.buyers(200, 4);
        for (Imbalance i : List.of(Imbalance.BALANCE_CLASSES, Imbalance.COST_SENSITIVE)) {
            TrainingSettings s = binary(3, Learners.LOGIT_BOOST).withImbalance(i);
            TrainingResult r = new TrainStep().run(data, Recipe.empty(), s, TrainingListener.NONE, Progress.none());
            assertThat(r.best().metrics().get(MetricId.AUC).mean()).isGreaterThan(0.7);
            assertThat(r.best().curveKind()).isEqualTo(CurveKind.NONE);
            assertThat(r.best().curveNote().key()).isEqualTo("train.curve.notWithImbalance");
            TrainedModel m = new TrainStep().fitFinal(data, Recipe.empty(), s, Learners.LOGIT_BOOST, Progress.none());
            assertThat(m.classifier()).isInstanceOf(i == Imbalance.BALANCE_CLASSES
                    ? weka.classifiers.meta.FilteredClassifier.class : weka.classifiers.meta.CostSensitiveClassifier.class);
        }
    }

    // ---------------------------------------------------------------- metrics against Weka

    @Test
    void ownLogLossPooledAucAndRSquaredAgreeWithWekaEvaluationOnTheSamePredictions() throws Exception {
        Dataset data = Customers.buyers(300, 5);
        TrainingResult r = new TrainStep().run(data, Recipe.empty(), binary(5, Learners.NAIVE_BAYES),
                TrainingListener.NONE, Progress.none());
        Predictions p = r.best().heldOut();
        ArrayList<Attribute> atts = new ArrayList<>(List.of(new Attribute("class", p.classes())));
        Instances header = new Instances("pooled", atts, 0);
        header.setClassIndex(0);
        Evaluation ev = new Evaluation(header);
        double[][] dist = p.distribution();
        for (int i = 0; i < p.size(); i++) {
            Instance inst = new DenseInstance(1.0, new double[] {p.actual()[i]});
            inst.setDataset(header);
            ev.evaluateModelOnceAndRecordPrediction(dist[i], inst);
        }
        assertThat(Metrics.pooledAuc(p)).isCloseTo(ev.areaUnderROC(p.positiveIndex()), within(1e-9));
        assertThat(Metrics.logLoss(dist, p.actual())).isCloseTo(ev.SFMeanSchemeEntropy() * Math.log(2), within(1e-9));
        int[][] confusion = Metrics.confusion(p);
        double[][] weka = ev.confusionMatrix();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                assertThat((double) confusion[a][b]).isEqualTo(weka[a][b]);
            }
        }
        // the per-fold accuracy mean matches Weka's per-fold figures: pooled accuracy lies within their range
        assertThat(ev.pctCorrect() / 100).isCloseTo(r.best().metrics().get(MetricId.ACCURACY).mean(), within(0.02));

        // R²: 1 − MSE / variance of the actual values, both from Weka's figures on the same predictions
        double[] actual = {3, 5, 7, 9, 11, 4};
        double[] predicted = {2.5, 5.5, 6, 9.5, 12, 4.2};
        Instances numeric = new Instances("n", new ArrayList<>(List.of(new Attribute("y"))), 0);
        numeric.setClassIndex(0);
        Evaluation en = new Evaluation(numeric);
        for (int i = 0; i < actual.length; i++) {
            Instance inst = new DenseInstance(1.0, new double[] {actual[i]});
            inst.setDataset(numeric);
            en.evaluateModelOnceAndRecordPrediction(new double[] {predicted[i]}, inst);
        }
        double mean = Arrays.stream(actual).average().orElseThrow();
        double variance = Arrays.stream(actual).map(a -> (a - mean) * (a - mean)).sum() / actual.length;
        double rmse = en.rootMeanSquaredError();
        assertThat(Metrics.rSquared(actual, predicted)).isCloseTo(1 - rmse * rmse / variance, within(1e-9));
    }

    @Test
    void aucCountsTiesAsHalf() {
        assertThat(Metrics.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
                .isCloseTo(0.75, within(1e-12));
        assertThat(Metrics.auc(new double[] {0.5, 0.5}, new boolean[] {false, true})).isEqualTo(0.5);
        assertThat(Metrics.auc(new double[] {0.5}, new boolean[] {true})).isNaN();
    }

    @Test
    void theLeaderboardPutsTheBestFirstAndLearnersWithoutAValueLast() {
        LearnerResult a = result("a", MetricId.AUC, 0.7);
        LearnerResult b = result("b", MetricId.AUC, 0.9);
        LearnerResult c = result("c", MetricId.AUC, Double.NaN);
        List<LearnerResult> l = new ArrayList<>(List.of(c, a, b));
        l.sort(TrainStep.leaderboardOrder(MetricId.AUC));
        assertThat(l).extracting(LearnerResult::learnerId).containsExactly("b", "a", "c");
        List<LearnerResult> n = new ArrayList<>(List.of(result("x", MetricId.RMSE, 3), result("y", MetricId.RMSE, 1)));
        n.sort(TrainStep.leaderboardOrder(MetricId.RMSE));
        assertThat(n).extracting(LearnerResult::learnerId).containsExactly("y", "x");
    }

    private static LearnerResult result(String id, MetricId m, double v) {
        return new LearnerResult(new LearnerChoice(id, Map.of(), ""), Map.of(m, new Metric(v, 0)), 1, CurveKind.NONE,
                List.of(), UserMessage.of("x"), new Predictions(List.of(), -1, new int[0], new double[0], new double[0][],
                new double[0]));
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badTargetsAreRefusedWithAClearReason() {
        Dataset oneClass = Customers.create().number("x", 1, 2, 3).category("y", "a", "a", "a").build();
        assertThatThrownBy(() -> TrainingData.analyse(oneClass, "y")).isInstanceOfSatisfying(TrainException.class,
                e -> assertThat(e.reason()).isEqualTo(TrainException.Reason.ONE_CLASS));
        String[] many = new String[600];
        double[] x = new double[600];
        for (int i = 0; i < many.length; i++) {
            many[i] = "city" + (i % 300);
            x[i] = i;
        }
        Dataset hundreds = Customers.create().number("x", x).category("y", many).build();
        assertThatThrownBy(() -> TrainingData.analyse(hundreds, "y")).isInstanceOfSatisfying(TrainException.class,
                e -> assertThat(e.reason()).isEqualTo(TrainException.Reason.TOO_MANY_CLASSES));
        Dataset empty = Customers.create().number("x", 1, 2).category("y", "", "").build();
        assertThatThrownBy(() -> TrainingData.analyse(empty, "y")).isInstanceOfSatisfying(TrainException.class,
                e -> assertThat(e.reason()).isEqualTo(TrainException.Reason.EMPTY_TARGET));
        assertThat(TrainingData.targetCandidates(hundreds)).containsExactly("x");
    }

    @Test
    void targetAnalysisFindsTheTaskTheClassesAndAPositiveClass() throws Exception {
        Dataset data = Customers.buyers(100, 1);
        TargetInfo bought = TrainingData.analyse(data, "bought");
        assertThat(bought.task()).isEqualTo(Task.BINARY);
        assertThat(bought.classes()).containsExactly("no", "yes");
        assertThat(bought.suggestedPositive()).contains("yes");
        assertThat(bought.classCounts()[0] + bought.classCounts()[1]).isEqualTo(100);
        assertThat(TrainingData.analyse(data, "tier").task()).isEqualTo(Task.MULTICLASS);
        assertThat(TrainingData.analyse(data, "spend").task()).isEqualTo(Task.NUMBER);
        Dataset zeroOne = Customers.create().number("churned", 0, 1, 1, 0, 0).build();
        TargetInfo z = TrainingData.analyse(zeroOne, "churned");
        assertThat(z.task()).isEqualTo(Task.BINARY);
        assertThat(z.classes()).containsExactly("0", "1");
        assertThat(z.suggestedPositive()).contains("1");
        assertThat(TrainingData.targetCandidates(data)).contains("bought", "tier", "spend", "income").doesNotContain("id");
        List<FeatureCandidate> c = TrainingData.candidates(data, "bought", Progress.none());
        assertThat(c).filteredOn(f -> f.name().equals("id")).singleElement()
                .satisfies(f -> assertThat(f.exclusion()).isEqualTo(Exclusion.IDENTIFIER));
        assertThat(TrainingData.defaultFeatures(c)).contains("income", "visits", "plan").doesNotContain("id", "bought");
    }

    @Test
    void badSettingsAreRefusedBeforeAnyWork() {
        Dataset data = Customers.buyers(100, 1);
        TrainStep step = new TrainStep();
        // a number target with a classifier
        assertReason(() -> step.run(data, Recipe.empty(), TrainingSettings.of("spend", "", FEATURES,
                List.of(LearnerChoice.defaults(Learners.J48))), TrainingListener.NONE, Progress.none()),
                TrainException.Reason.LEARNER_NOT_FOR_TASK);
        // all features excluded
        assertReason(() -> step.run(data, Recipe.empty(), binary(3, Learners.J48).withFeatures(List.of()),
                TrainingListener.NONE, Progress.none()), TrainException.Reason.NO_FEATURES);
        // a positive class that is not a class
        assertReason(() -> step.run(data, Recipe.empty(), binary(3, Learners.J48).withPositiveClass("maybe"),
                TrainingListener.NONE, Progress.none()), TrainException.Reason.UNKNOWN_POSITIVE);
        // a positive class with 3 rows and 10 folds
        String[] y = new String[60];
        double[] x = new double[60];
        for (int i = 0; i < y.length; i++) {
            y[i] = i < 3 ? "yes" : "no";
            x[i] = i;
        }
        Dataset rare = Customers.create().number("x", x).category("y", y).build();
        TrainingSettings tenFolds = TrainingSettings.of("y", "yes", List.of("x"), List.of(LearnerChoice.defaults(Learners.J48)));
        assertThatThrownBy(() -> step.run(rare, Recipe.empty(), tenFolds, TrainingListener.NONE, Progress.none()))
                .isInstanceOfSatisfying(TrainException.class, e -> {
                    assertThat(e.reason()).isEqualTo(TrainException.Reason.INVALID_VALIDATION);
                    assertThat(e.userMessage().format(java.util.Locale.ENGLISH)).contains("yes").contains("3").contains("10");
                });
        // an advanced option string Weka refuses
        assertReason(() -> step.run(data, Recipe.empty(), binary(3).withLearners(List.of(new LearnerChoice(Learners.J48,
                Map.of(), "-C nonsense"))), TrainingListener.NONE, Progress.none()), TrainException.Reason.INVALID_OPTIONS);
        // a plain setting out of range
        assertReason(() -> step.run(data, Recipe.empty(), binary(3).withLearners(List.of(new LearnerChoice(Learners.J48,
                Map.of("confidence", "7"), ""))), TrainingListener.NONE, Progress.none()), TrainException.Reason.INVALID_OPTIONS);
    }

    @Test
    void aLearnerRunningOutOfMemoryEndsInAMessageWithTheFigures() {
        Dataset data = Customers.buyers(100, 1);
        TrainStep step = new TrainStep((choice, task, seed) -> new AbstractClassifier() {
            @Override
            public void buildClassifier(Instances data) {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }
        }, 2);
        assertThatThrownBy(() -> step.run(data, Recipe.empty(), binary(3, Learners.J48), TrainingListener.NONE,
                Progress.none())).isInstanceOfSatisfying(TrainException.class, e -> {
                    assertThat(e.reason()).isEqualTo(TrainException.Reason.OUT_OF_MEMORY);
                    String text = e.userMessage().format(java.util.Locale.ENGLISH);
                    assertThat(text).contains("Decision tree").contains("MB");
                });
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                     TrainException.Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TrainException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    // ---------------------------------------------------------------- cancel, final model

    @Test
    void cancelStopsBetweenEpochsAndLeavesTheDataAsItWas() throws Exception {
        Dataset data = Customers.buyers(300, 1);
        String before = data.table().print(400);
        Progress progress = Progress.none();
        List<CurvePoint> points = new CopyOnWriteArrayList<>();
        TrainingListener cancelling = new TrainingListener() {
            @Override
            public void learnerProgress(String learnerId, double fraction, UserMessage status) {
            }

            @Override
            public void curvePoint(String learnerId, CurvePoint point) {
                points.add(point);
                if (points.size() == 3) {
                    progress.cancel();
                }
            }

            @Override
            public void learnerDone(LearnerResult result) {
            }
        };
        TrainingSettings s = binary(3).withLearners(List.of(new LearnerChoice(Learners.MLP,
                Map.of("epochs", "100000"), "")));
        long start = System.nanoTime();
        assertThatThrownBy(() -> new TrainStep().run(data, Recipe.empty(), s, cancelling, progress))
                .isInstanceOf(CancelledException.class);
        assertThat((System.nanoTime() - start) / 1e9).as("stops long before 100,000 epochs").isLessThan(10);
        assertThat(data.table().print(400)).isEqualTo(before);
    }

    @Test
    void theFinalModelIsTrainedOnEveryRowButTheTestPartAndScoresNewCustomers() throws Exception {
        Dataset data = Customers.buyers(200, 6);
        Recipe recipe = Recipe.of(MissingValuesStep.of(List.of("income"), MissingValuesStep.Strategy.MEDIAN, true));
        TrainingSettings s = binary(3, Learners.LOGISTIC).withValidation(Validation.crossValidation(3, 25));
        TrainingResult r = new TrainStep().run(data, recipe, s, TrainingListener.NONE, Progress.none());
        assertThat(r.testRows()).hasSize(50);
        assertThat(r.best().heldOut().size()).isEqualTo(150);
        assertThat(r.notes()).extracting(UserMessage::key).contains("train.note.testKept");
        TrainedModel m = new TrainStep().fitFinal(data, recipe, s, Learners.LOGISTIC, Progress.none());
        assertThat(m.header().numInstances()).isZero();
        assertThat(m.header().classAttribute().name()).isEqualTo("bought");
        assertThat(m.header().attribute("income_was_missing")).as("made by the recipe from a chosen feature").isNotNull();
        assertThat(m.target().task()).isEqualTo(Task.BINARY);
        Dataset cleaned = m.recipe().apply(data, Progress.none()).dataset();
        Instances scored = org.marketingworkbench.core.adapter.weka.TableToInstances.convertLike(m.header(), cleaned);
        double[] p = m.classifier().distributionForInstance(scored.instance(0));
        assertThat(p[0] + p[1]).isCloseTo(1, within(1e-9));
    }

    // ---------------------------------------------------------------- registry

    @Test
    void everyLearnerBuildsFromItsDefaultsAndItsOptionStringRebuildsTheSameLearner() throws Exception {
        for (LearnerDefinition d : Learners.all()) {
            for (Task task : d.tasks()) {
                String options = d.wekaOptions(d.defaults(), task);
                var plain = (AbstractClassifier) d.build(d.defaults(), "", task, 1);
                var advanced = (AbstractClassifier) d.build(Map.of(), options, task, 1);
                assertThat(Arrays.asList(advanced.getOptions())).as(d.id()).isEqualTo(Arrays.asList(plain.getOptions()));
                assertThat(d.labelKey()).startsWith("train.learner.");
            }
        }
        assertThat(Learners.all()).extracting(LearnerDefinition::id)
                .containsExactly("logistic", "naive_bayes", "j48", "rf", "logitboost", "smo", "mlp", "linear", "m5p");
        assertThat(Learners.get(Learners.SMO).wekaOptions(Map.of(), Task.BINARY)).contains("-M");
        assertThat(Learners.forTask(Task.NUMBER)).extracting(LearnerDefinition::id).containsExactly("rf", "linear", "m5p");
    }
}
