package org.marketingworkbench.ui.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.marketingworkbench.core.data.Dataset;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.evaluate.EvaluationMetric;
import org.marketingworkbench.core.evaluate.FeatureImportance;
import org.marketingworkbench.core.evaluate.LocalExplanation;
import org.marketingworkbench.core.evaluate.PermutationImportance;
import org.marketingworkbench.core.train.MetricId;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.ui.common.SameThreadTaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/** The Why pane's rules without a window, on a J48 tree trained on the sample customers; jobs finish at once. */
class WhyViewModelTest {

    private final WorkbenchSession session = new WorkbenchSession();
    private WhyViewModel vm;

    @BeforeEach
    void aTreeOnTheSampleCustomers() throws Exception {
        vm = new WhyViewModel(session, new SameThreadTaskRunner());
        session.setImportedData(WhyFixtures.data(), false);
        session.trainedModelProperty().set(WhyFixtures.j48());
    }

    @Test
    void withoutAModelThePaneIsNotReadyAndMeasuresNothing() {
        session.trainedModelProperty().set(null);
        assertThat(vm.ready().get()).isFalse();
        vm.measureImportance();
        assertThat(vm.importance().get()).isNull();
        assertThat(vm.whatIfFeatures()).isEmpty();
    }

    @Test
    void importanceHasOneEntryPerFeatureMostImportantFirstWithItsSpread() throws Exception {
        assertThat(vm.ready().get()).isTrue();
        assertThat(vm.repeatsProperty().get()).isEqualTo(5);
        assertThat(vm.seedProperty().get()).isEqualTo(1);
        vm.measureImportance();
        assertThat(vm.importanceError().get()).isNull();
        assertThat(vm.importanceRunning().get()).isFalse();
        PermutationImportance.Result r = vm.importance().get();
        assertThat(r.metric()).isEqualTo(EvaluationMetric.AUC);
        assertThat(r.repeats()).isEqualTo(5);
        assertThat(r.features()).extracting(FeatureImportance::feature)
                .containsExactlyInAnyOrderElementsOf(WhyFixtures.FEATURES);
        assertThat(r.features()).extracting(FeatureImportance::meanDrop)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(r.features().get(0).meanDrop()).isPositive();
        assertThat(r.features().get(0).sd()).isNotNegative();
        assertThat(vm.importanceFinding().getValue().format(Locale.ENGLISH))
                .startsWith(r.features().get(0).feature() + " matters most");
        assertThat(vm.importanceAxis().getValue().format(Locale.ENGLISH)).contains("Drop in AUC when the feature is shuffled");
        // no test part: said on screen, measured on every row
        assertThat(vm.importanceRows().get().key()).isEqualTo("why.importance.onTraining");
        assertThat(r.customers()).isEqualTo(WhyFixtures.data().rowCount());
    }

    @Test
    void aModelTrainedOnTheSegmentsIsExplainedOnItsTrainingTable() throws Exception {
        // the Train step adds the segment column when the project has segments: the pane must use that table
        Dataset data = WhyFixtures.data();
        String[] segment = new String[data.rowCount()];
        for (int r = 0; r < segment.length; r++) {
            segment[r] = Integer.toString(1 + r % 3);
        }
        tech.tablesaw.api.Table t = data.table().copy();
        t.addColumns(tech.tablesaw.api.StringColumn.create("segment", segment));
        List<org.marketingworkbench.core.data.ColumnSpec> specs = new java.util.ArrayList<>(data.columns());
        specs.add(new org.marketingworkbench.core.data.ColumnSpec("segment",
                org.marketingworkbench.core.data.ColumnType.CATEGORY, org.marketingworkbench.core.i18n.UserMessage.of("test")));
        Dataset withSegment = new Dataset(t, specs);
        List<String> features = new java.util.ArrayList<>(WhyFixtures.FEATURES);
        features.add("segment");
        var model = new org.marketingworkbench.core.train.TrainStep().fitFinal(withSegment,
                org.marketingworkbench.core.clean.Recipe.empty(), org.marketingworkbench.core.train.TrainingSettings.of(
                        "churned", "yes", features, List.of(org.marketingworkbench.core.train.LearnerChoice.defaults("j48"))),
                "j48", org.marketingworkbench.core.pipeline.Progress.none());
        session.trainedModelProperty().set(model);
        WhyViewModel onTraining = new WhyViewModel(session, new SameThreadTaskRunner(),
                new javafx.beans.property.SimpleObjectProperty<>(withSegment));
        onTraining.measureImportance();
        assertThat(onTraining.importanceError().get()).isNull();
        vm.measureImportance();
        assertThat(vm.importanceError().get()).as("the imported table lacks the segment column").isNotNull();
        assertThat(onTraining.importance().get().features()).extracting(FeatureImportance::feature).contains("segment");
    }

    @Test
    void withATestPartImportanceIsMeasuredOnTheRowsKeptAside() throws Exception {
        int[] kept = java.util.stream.IntStream.range(0, 1000).map(i -> i * 5).toArray();
        session.trainingResultProperty().set(new TrainingResult(WhyFixtures.settings("j48"),
                WhyFixtures.j48().target(), List.of(), MetricId.AUC, kept, List.of()));
        assertThat(vm.importanceRows().get()).isEqualTo(
                org.marketingworkbench.core.i18n.UserMessage.of("why.importance.onTest", 1000));
        vm.measureImportance();
        assertThat(vm.importance().get().customers()).isEqualTo(1000);
    }

    @Test
    void theJ48TreeIsReadAsRulesAndOtherLearnersAreToldTheViewIsForTrees() throws Exception {
        TreeRule tree = vm.tree().get();
        assertThat(tree).isNotNull();
        assertThat(tree.text().key()).isEqualTo("why.tree.root");
        assertThat(tree.children()).isNotEmpty();
        assertThat(tree.leaves()).isGreaterThan(1);
        String first = tree.children().get(0).text().format(Locale.ENGLISH);
        assertThat(first).containsAnyOf("≤", "=", ">");
        assertThat(vm.treeNote().get().key()).isEqualTo("why.tree.note");

        session.trainedModelProperty().set(WhyFixtures.logistic());
        assertThat(vm.tree().get()).isNull();
        assertThat(vm.treeNote().get().format(Locale.ENGLISH)).contains("for decision trees");
        assertThat(vm.treeNote().get().format(Locale.SIMPLIFIED_CHINESE)).contains("决策树");
    }

    @Test
    void aCustomerIsExplainedByContributionsWithTheMethodNamed() throws Exception {
        vm.rowProperty().set(3);
        vm.explain();
        assertThat(vm.customerError().get()).isNull();
        LocalExplanation e = vm.explanation().get();
        assertThat(e.contributions()).hasSize(WhyFixtures.FEATURES.size());
        assertThat(e.contributions()).anySatisfy(c -> assertThat(c.weight()).isNotZero());
        assertThat(e.method().format(Locale.ENGLISH)).contains("LIME").contains("1,000");
        assertThat(vm.customerSummary().get().format(Locale.ENGLISH))
                .startsWith("Customer 3 (C1003): the chance of churned = yes is");
        assertThat(vm.customer()).containsKeys("channel", "n_orders", "age");

        vm.explainHighest();
        LocalExplanation top = vm.explanation().get();
        assertThat(top.score()).isGreaterThanOrEqualTo(e.score());
        assertThat(vm.rowProperty().get()).isBetween(1, WhyFixtures.data().rowCount());

        vm.rowProperty().set(99_999);
        vm.explain();
        assertThat(vm.customerError().get().key()).isEqualTo("why.customer.noSuchRow");
        assertThat(vm.explanation().get()).isSameAs(top);
    }

    @Test
    void aWhatIfOfTheWrongTypeSaysWhyAndChangesNothing() {
        vm.rowProperty().set(3);
        vm.explain();
        LocalExplanation before = vm.explanation().get();
        Map<String, String> customer = Map.copyOf(vm.customer());
        vm.whatIfFeatureProperty().set("n_orders");
        assertThat(vm.whatIfIsNumber().get()).isTrue();
        assertThat(vm.whatIfValueProperty().get()).isEqualTo(customer.get("n_orders"));
        vm.whatIfValueProperty().set("lots");
        vm.whatIf();
        assertThat(vm.whatIfError().get().format(Locale.ENGLISH)).isEqualTo("“lots” is not a number, and “n_orders” holds numbers.");
        assertThat(vm.whatIfResult().get()).isNull();
        assertThat(vm.whatIfSummary().get()).isNull();
        assertThat(vm.explanation().get()).isSameAs(before);
        assertThat(vm.customer()).isEqualTo(customer);

        vm.whatIfValueProperty().set("40");
        vm.whatIf();
        assertThat(vm.whatIfError().get()).isNull();
        assertThat(vm.whatIfResult().get().scoreBefore()).isEqualTo(before.score(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(vm.whatIfSummary().get().format(Locale.ENGLISH)).contains("n_orders: " + customer.get("n_orders") + " → 40");

        vm.whatIfFeatureProperty().set("channel");
        assertThat(vm.whatIfIsNumber().get()).isFalse();
        assertThat(vm.whatIfCategories()).containsExactly("App", "Referral", "Store", "Web");
        vm.whatIfValueProperty().set("");
        vm.whatIf();
        assertThat(vm.whatIfError().get().key()).isEqualTo("why.whatIf.empty");
        vm.whatIfValueProperty().set("Carrier pigeon");
        vm.whatIf();
        assertThat(vm.whatIfWarnings()).singleElement()
                .satisfies(w -> assertThat(w.format(Locale.ENGLISH)).contains("never saw"));
    }

    @Test
    void aNewModelClearsEverythingTheOldOneShowed() throws Exception {
        vm.measureImportance();
        vm.explain();
        session.trainedModelProperty().set(WhyFixtures.logistic());
        assertThat(vm.importance().get()).isNull();
        assertThat(vm.explanation().get()).isNull();
        assertThat(vm.canWhatIf().get()).isFalse();
        assertThat(vm.scoreName().get().format(Locale.ENGLISH)).isEqualTo("the chance of churned = yes");
    }
}
