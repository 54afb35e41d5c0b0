package org.marketingworkbench.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingSettings;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import weka.classifiers.AbstractClassifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/** Permutation importance, the local explanation and the what-if panel. */
class WhyTheModelDecidesTest {

    @BeforeAll
    static void quietWeka() throws Exception {
        AppDirs dirs = AppDirs.forCurrentUser();
        java.nio.file.Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
    }

    /** Says yes with P = sigmoid(2·(x − 5)) and never looks at {@code noise}. */
    static final class OnlyX extends AbstractClassifier {
        @Override
        public void buildClassifier(Instances data) {
        }

        @Override
        public double[] distributionForInstance(Instance i) {
            double p = 1 / (1 + Math.exp(-2 * (i.value(0) - 5)));
            return new double[] {1 - p, p};
        }
    }

    /** x in 0..10 decides the outcome (with noise), noise is noise; class [no, yes]. */
    static Instances xAndNoise(int n, long seed) {
        ArrayList<Attribute> atts = new ArrayList<>(List.of(new Attribute("x"), new Attribute("noise"),
                new Attribute("bought", List.of("no", "yes"))));
        Instances data = new Instances("t", atts, n);
        data.setClassIndex(2);
        Random rnd = new Random(seed);
        for (int i = 0; i < n; i++) {
            double x = rnd.nextDouble() * 10;
            boolean yes = rnd.nextDouble() < 1 / (1 + Math.exp(-2 * (x - 5)));
            data.add(new DenseInstance(1.0, new double[] {x, rnd.nextGaussian(), yes ? 1 : 0}));
        }
        return data;
    }

    @Test
    void permutationImportanceRanksTheFeatureTheModelUsesFirstWithItsSpreadAndLeavesTheDataAlone() throws Exception {
        Instances data = xAndNoise(400, 3);
        String before = data.toString();
        List<Double> reported = new ArrayList<>();
        PermutationImportance.Result r = PermutationImportance.of(new OnlyX(), data, 1, 5, 42,
                Progress.to((f, m) -> reported.add(f)));
        assertThat(r.metric()).isEqualTo(EvaluationMetric.AUC);
        assertThat(r.baseline()).isGreaterThan(0.8);
        assertThat(r.features()).extracting(FeatureImportance::feature).containsExactly("x", "noise");
        FeatureImportance x = r.features().get(0);
        assertThat(x.meanDrop()).isGreaterThan(0.25);
        assertThat(x.sd()).isPositive();
        assertThat(x.drops()).hasSize(5);
        assertThat(r.features().get(1).meanDrop()).isZero();
        assertThat(data.toString()).isEqualTo(before);
        assertThat(reported).isSorted().last().isEqualTo(1.0);
        // the same seed gives the same answer
        assertThat(PermutationImportance.of(new OnlyX(), data, 1, 5, 42, Progress.none()).features().get(0).meanDrop())
                .isEqualTo(x.meanDrop());
    }

    @Test
    void permutationImportanceStopsWhenCancelled() {
        Instances data = xAndNoise(400, 3);
        AtomicReference<Progress> self = new AtomicReference<>();
        Progress p = Progress.to((f, m) -> {
            if (f > 0.3) {
                self.get().cancel();
            }
        });
        self.set(p);
        assertThatThrownBy(() -> PermutationImportance.of(new OnlyX(), data, 1, 5, 42, p))
                .isInstanceOf(CancelledException.class);
        assertThatThrownBy(() -> PermutationImportance.of(new OnlyX(), data, 1, 0, 42, Progress.none()))
                .isInstanceOfSatisfying(EvaluateException.class,
                        e -> assertThat(e.reason()).isEqualTo(EvaluateException.Reason.INVALID_SETTING));
    }

    @Test
    void theLocalExplanationSaysWhichFeaturePushedTheScoreUpAndNamesItsMethod() throws Exception {
        Instances data = xAndNoise(300, 4);
        Instance high = new DenseInstance(1.0, new double[] {9, 0.1, 1});
        high.setDataset(data);
        LocalExplanation e = LocalExplanation.explain(new OnlyX(), data, high, 1, false, 500, 7);
        assertThat(e.score()).isGreaterThan(0.99);
        assertThat(e.contributions().get(0).feature()).isEqualTo("x");
        assertThat(e.contributions().get(0).weight()).isGreaterThan(0.2);
        assertThat(e.contributions().get(0).value()).isEqualTo("9");
        // noise only moves the fit by sampling chance: under a tenth of x's weight
        assertThat(Math.abs(e.contributions().get(1).weight())).isLessThan(e.contributions().get(0).weight() / 10);
        assertThat(e.method().format(Locale.ENGLISH)).contains("LIME").contains("500");
        assertThat(e.method().format(Locale.SIMPLIFIED_CHINESE)).contains("LIME").contains("局部");
        Instance low = new DenseInstance(1.0, new double[] {1, 0.1, 0});
        low.setDataset(data);
        assertThat(LocalExplanation.explain(new OnlyX(), data, low, 1, false, 500, 7).contributions().get(0).weight())
                .isNegative();
    }

    // ---------------------------------------------------------------- on a trained model

    /** 300 customers: buying rises with income and visits; gender plays no part. */
    static Dataset customers() {
        Random rnd = new Random(9);
        int n = 300;
        double[] income = new double[n];
        double[] visits = new double[n];
        String[] plan = new String[n];
        String[] gender = new String[n];
        String[] bought = new String[n];
        for (int i = 0; i < n; i++) {
            income[i] = Math.round(30 + rnd.nextGaussian() * 10);
            visits[i] = Math.max(0, Math.round(3 + rnd.nextGaussian() * 2));
            plan[i] = rnd.nextBoolean() ? "basic" : "pro";
            gender[i] = rnd.nextBoolean() ? "f" : "m";
            double s = 0.1 * (income[i] - 30) + 0.6 * (visits[i] - 3) + rnd.nextGaussian() * 0.8;
            bought[i] = s > 0.3 ? "yes" : "no";
        }
        Table t = Table.create("c", DoubleColumn.create("income", income), DoubleColumn.create("visits", visits),
                StringColumn.create("plan", plan), StringColumn.create("gender", gender),
                StringColumn.create("bought", bought));
        UserMessage why = UserMessage.of("test");
        return new Dataset(t, List.of(new ColumnSpec("income", ColumnType.NUMBER, why),
                new ColumnSpec("visits", ColumnType.NUMBER, why), new ColumnSpec("plan", ColumnType.CATEGORY, why),
                new ColumnSpec("gender", ColumnType.CATEGORY, why), new ColumnSpec("bought", ColumnType.CATEGORY, why)));
    }

    static TrainedModel logistic(Dataset data) throws Exception {
        TrainingSettings s = TrainingSettings.of("bought", "yes", List.of("income", "visits", "plan"),
                List.of(LearnerChoice.defaults(Learners.LOGISTIC)));
        return new TrainStep().fitFinal(data, Recipe.empty(), s, Learners.LOGISTIC, Progress.none());
    }

    @Test
    void whatIfRescoresOneCustomerAndWarnsOutsideTheTrainingRange() throws Exception {
        Dataset data = customers();
        TrainedModel model = logistic(data);
        Map<String, String> row = new HashMap<>(Map.of("income", "30", "visits", "3", "plan", "basic"));
        WhatIf.Result more = WhatIf.rescore(model, row, "visits", "7");
        assertThat(more.scoreAfter()).isGreaterThan(more.scoreBefore());
        assertThat(more.change()).isPositive();
        assertThat(more.oldValue()).isEqualTo("3");
        assertThat(more.warnings()).isEmpty();
        WhatIf.Result far = WhatIf.rescore(model, data, row, "income", "500");
        assertThat(far.warnings()).singleElement().satisfies(w -> assertThat(w.format(Locale.ENGLISH))
                .contains("outside the training range"));
        assertThat(WhatIf.rescore(model, data, row, "plan", "platinum").warnings()).singleElement()
                .satisfies(w -> assertThat(w.format(Locale.ENGLISH)).contains("platinum"));
        // explaining the same customer on the model's terms
        LocalExplanation e = LocalExplanation.of(model, data, Map.of("income", "30", "visits", "8", "plan", "basic"),
                400, 1);
        assertThat(e.contributions()).extracting(LocalExplanation.Contribution::feature)
                .containsExactlyInAnyOrder("income", "visits", "plan");
        assertThat(e.contributions().get(0).feature()).isEqualTo("visits");
        assertThat(PermutationImportance.of(model, data, 2, 1, Progress.none()).features().get(0).feature())
                .isIn("income", "visits");
    }

    @Test
    void aWhatIfValueOfTheWrongTypeOrAFeatureTheModelLacksIsAClearError() throws Exception {
        TrainedModel model = logistic(customers());
        Map<String, String> row = Map.of("income", "30", "visits", "3", "plan", "basic");
        assertThatThrownBy(() -> WhatIf.rescore(model, row, "income", "lots")).isInstanceOfSatisfying(
                EvaluateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluateException.Reason.WRONG_TYPE);
                    assertThat(e.userMessage().format(Locale.ENGLISH)).contains("“lots” is not a number");
                });
        assertThatThrownBy(() -> WhatIf.rescore(model, row, "gender", "f")).isInstanceOfSatisfying(
                EvaluateException.class, e -> assertThat(e.reason()).isEqualTo(EvaluateException.Reason.UNKNOWN_COLUMN));
    }

    // ---------------------------------------------------------------- fairness and segments

    @Test
    void fairnessSplitsTheFiguresByGroupAndFlagsLargeDifferencesWithAReason() throws Exception {
        // 200 customers: group a's buyers are scored high, group b's buyers low
        int n = 200;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        String[] group = new String[n];
        Random rnd = new Random(1);
        for (int i = 0; i < n; i++) {
            group[i] = i % 2 == 0 ? "a" : "b";
            y[i] = rnd.nextDouble() < 0.4;
            s[i] = y[i] ? (group[i].equals("a") ? 0.8 : 0.4) : 0.2 + rnd.nextDouble() * 0.1;
        }
        Dataset rows = new Dataset(Table.create("g", StringColumn.create("group", group)),
                List.of(new ColumnSpec("group", ColumnType.CATEGORY, UserMessage.of("test"))));
        FairnessReport r = FairnessCheck.by(Preds.of(s, y), rows, "group");
        assertThat(r.groups()).extracting(GroupMetrics::group).containsExactly("a", "b");
        assertThat(r.groups().get(0).metrics().recall()).isEqualTo(1.0);
        assertThat(r.groups().get(1).metrics().recall()).isZero();
        assertThat(r.flags()).extracting(FairnessFlag::group, FairnessFlag::metric)
                .contains(org.assertj.core.groups.Tuple.tuple("b", EvaluationMetric.RECALL),
                        org.assertj.core.groups.Tuple.tuple("a", EvaluationMetric.RECALL));
        assertThat(r.flags().stream().filter(f -> f.group().equals("b")).findFirst().orElseThrow().reason()
                .format(Locale.ENGLISH)).contains("group = b").contains("more often missed");
        // per segment: the profit view of each group
        List<SegmentMetrics> seg = SegmentMetrics.by(Preds.of(s, y), rows, "group", 0.5, 5, 50);
        assertThat(seg).hasSize(2);
        assertThat(seg.get(0).profit()).isPresent();
        assertThat(seg.get(0).profit().orElseThrow().best().conversions()).isEqualTo(seg.get(0).metrics().positives());
        assertThatThrownBy(() -> SegmentMetrics.by(Preds.of(s, y), rows, "group", 0.5, -5, 50))
                .isInstanceOf(EvaluateException.class);
    }

    @Test
    void aColumnWithFiveHundredValuesIsRefusedAndANumberColumnIsBanded() throws Exception {
        Predictions500 p = new Predictions500();
        Dataset rows = new Dataset(Table.create("g", StringColumn.create("code", p.codes),
                DoubleColumn.create("age", p.ages)), List.of(
                new ColumnSpec("code", ColumnType.CATEGORY, UserMessage.of("test")),
                new ColumnSpec("age", ColumnType.NUMBER, UserMessage.of("test"))));
        assertThatThrownBy(() -> FairnessCheck.by(p.predictions, rows, "code")).isInstanceOfSatisfying(
                EvaluateException.class, e -> {
                    assertThat(e.reason()).isEqualTo(EvaluateException.Reason.TOO_MANY_GROUPS);
                    assertThat(e.userMessage().format(Locale.ENGLISH)).contains("500");
                });
        FairnessReport bands = FairnessCheck.by(p.predictions, rows, "age");
        assertThat(bands.groups()).hasSize(FairnessCheck.BANDS);
        assertThat(bands.groups().stream().mapToInt(GroupMetrics::customers).sum()).isEqualTo(500);
        assertThatThrownBy(() -> FairnessCheck.by(p.predictions, rows, "nope")).isInstanceOf(EvaluateException.class);
    }

    private static final class Predictions500 {
        final String[] codes = new String[500];
        final double[] ages = new double[500];
        final org.marketingworkbench.core.train.Predictions predictions;

        Predictions500() {
            double[] s = new double[500];
            boolean[] y = new boolean[500];
            for (int i = 0; i < 500; i++) {
                codes[i] = "Z" + i;
                ages[i] = 18 + i % 60;
                s[i] = (i * 37 % 100) / 100.0;
                y[i] = i % 3 == 0;
            }
            predictions = Preds.of(s, y);
        }
    }
}
