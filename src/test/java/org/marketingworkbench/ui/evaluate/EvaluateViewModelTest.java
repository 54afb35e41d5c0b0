package org.marketingworkbench.ui.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.train.FeatureCandidate;
import org.marketingworkbench.core.train.Imbalance;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingListener;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.core.train.Validation;
import org.marketingworkbench.ui.common.SameThreadTaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/** The Evaluate step's rules without a window: a logistic model on the sample customers, jobs at once. */
class EvaluateViewModelTest {

    private static Dataset data;
    private static TrainingResult result;
    private static TrainedModel model;

    private final WorkbenchSession session = new WorkbenchSession();
    private EvaluateViewModel vm;

    @BeforeAll
    static void train() throws Exception {
        data = new DataImporter().read(Path.of("sample-data", "customers.csv"), ImportSettings.auto(), Progress.none())
                .dataset();
        List<String> features = TrainingData.candidates(data, "churned", Progress.none()).stream()
                .filter(FeatureCandidate::includedByDefault).map(FeatureCandidate::name).toList();
        TrainingSettings s = new TrainingSettings(TrainingSettings.CURRENT_VERSION, "churned", "yes", features,
                List.of(new LearnerChoice("logistic", Learners.get("logistic").defaults(), "")),
                Validation.crossValidation(3, 0), 1, Imbalance.NONE);
        result = new TrainStep().run(data, Recipe.empty(), s, TrainingListener.NONE, Progress.none());
        model = new TrainStep().fitFinal(data, Recipe.empty(), s, "logistic", Progress.none());
    }

    @BeforeEach
    void evaluate() {
        vm = new EvaluateViewModel(session, new SameThreadTaskRunner(), new SimpleObjectProperty<>(data));
        session.trainingResultProperty().set(result);
        session.trainedModelProperty().set(model);
    }

    @Test
    void theThresholdMovesTheConfusionMatrixAndTheProjectKeepsIt() {
        var at50 = vm.metrics().get();
        assertThat(at50.confusion().total()).isEqualTo(data.rowCount());
        vm.thresholdProperty().set(0.2);
        var at20 = vm.metrics().get();
        assertThat(at20.confusion().tp() + at20.confusion().fp())
                .as("a lower threshold flags more customers").isGreaterThan(at50.confusion().tp() + at50.confusion().fp());
        assertThat(at20.recall()).isGreaterThanOrEqualTo(at50.recall());
        assertThat(session.project().step(Stage.EVALUATE).settings().path("threshold").asDouble()).isEqualTo(0.2);
        assertThat(vm.explanation().getValue().paragraphs()).extracting(m -> m.key())
                .contains("evaluate.ui.explain.precision", "evaluate.ui.explain.lift", "evaluate.ui.explain.profit");
    }

    @Test
    void theProfitViewFindsTheBestCutOffAndMovesTheThreshold() {
        vm.costProperty().set("5");
        vm.valueProperty().set("50");
        var best = vm.profitProperty().get().best();
        vm.useBestCutOff();
        assertThat(vm.thresholdProperty().get()).isEqualTo(best.threshold());
        assertThat(vm.cutOff().get().expectedProfit()).isEqualTo(best.expectedProfit());
        vm.contactShare(0.5);
        assertThat(vm.cutOff().get().share()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aCostThatIsNotANumberIsAClearMessageAndNoCurve() {
        vm.costProperty().set("five");
        assertThat(vm.profitProperty().get()).isNull();
        assertThat(vm.profitProblemProperty().get().key()).isEqualTo("evaluate.ui.profit.notANumber");
        vm.costProperty().set("-5");
        assertThat(vm.profitProperty().get()).isNull();
        assertThat(vm.profitProblemProperty().get()).isNotNull();
        vm.costProperty().set("5");
        assertThat(vm.profitProperty().get()).isNotNull();
        assertThat(vm.profitProblemProperty().get()).isNull();
    }

    @Test
    void theFiguresSplitByAGroupColumn() {
        assertThat(vm.groupColumns()).contains("region");
        vm.groupColumnProperty().set("region");
        assertThat(vm.fairnessProperty().get().groups()).isNotEmpty();
        int total = vm.fairnessProperty().get().groups().stream().mapToInt(g -> g.customers()).sum();
        assertThat(total).isEqualTo(data.rowCount());
        assertThat(vm.groupRows()).hasSameSizeAs(vm.fairnessProperty().get().groups())
                .anySatisfy(r -> assertThat(r.profit()).as("each group's own profit view").isPresent());
        // a threshold move re-reads the groups: the same figures as grouping afresh at that threshold
        vm.thresholdProperty().set(0.3);
        var moved = vm.fairnessProperty().get();
        assertThat(moved.threshold()).isEqualTo(0.3);
        try {
            var fresh = org.marketingworkbench.core.evaluate.FairnessCheck.by(
                    vm.analysisProperty().get().learner().heldOut(), data, "region", 0.3);
            assertThat(moved.groups()).extracting(g -> g.metrics().confusion())
                    .containsExactlyElementsOf(fresh.groups().stream().map(g -> g.metrics().confusion()).toList());
            assertThat(moved.flags()).isEqualTo(fresh.flags());
        } catch (org.marketingworkbench.core.evaluate.EvaluateException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aReopenedProjectGetsItsThresholdBackWithoutAChange() {
        vm.thresholdProperty().set(0.3);
        var saved = session.project();
        WorkbenchSession reopened = new WorkbenchSession();
        reopened.replace(saved.withStep(Stage.EVALUATE, new org.marketingworkbench.core.project.StepRecord(false,
                saved.step(Stage.EVALUATE).settings(), null)), null);   // as the replayed Train step leaves it
        reopened.setImportedData(data, true);
        EvaluateViewModel again = new EvaluateViewModel(reopened, new SameThreadTaskRunner(),
                new SimpleObjectProperty<>(data));
        reopened.trainingResultProperty().set(result);
        reopened.trainedModelProperty().set(model);
        assertThat(again.thresholdProperty().get()).isEqualTo(0.3);
        assertThat(again.metrics().get()).isNotNull();
        assertThat(reopened.isDirty()).as("figures of a replayed model are not a change").isFalse();
    }
}
