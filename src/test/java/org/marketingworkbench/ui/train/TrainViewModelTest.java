package org.marketingworkbench.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.train.Exclusion;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.MetricId;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainStepRecord;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.SameThreadTaskRunner;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/** The Train step's rules without a window, on the sample customers; jobs finish at once. */
class TrainViewModelTest {

    private final WorkbenchSession session = new WorkbenchSession();
    private TrainViewModel vm;

    private static Dataset sample() throws Exception {
        return new DataImporter().read(Path.of("sample-data", "customers.csv"), ImportSettings.auto(), Progress.none())
                .dataset();
    }

    private void open(TaskRunner runner) throws Exception {
        vm = new TrainViewModel(session, runner);
        Dataset data = sample();
        session.setImportedData(data, false);
        session.cleanedDataProperty().set(data);
    }

    @BeforeEach
    void sampleCustomers() throws Exception {
        open(new SameThreadTaskRunner());
    }

    private void quickRun() {
        vm.foldsProperty().set(3);
        vm.testPercentProperty().set(0);
        vm.learners().forEach(l -> l.selectedProperty().set(List.of("logistic", "j48").contains(l.definition().id())));
    }

    @Test
    void aTwoClassTargetGetsItsPositiveClassAndIdentifiersAreLeftOut() {
        assertThat(vm.targetCandidates()).contains("churned", "responded");
        vm.targetProperty().set("churned");
        assertThat(vm.targetInfoProperty().get().task()).isEqualTo(Task.BINARY);
        assertThat(vm.positiveClassProperty().get()).isEqualTo("yes");
        assertThat(vm.features()).filteredOn(f -> f.name().equals("customer_id")).singleElement()
                .satisfies(f -> assertThat(f.exclusion()).isEqualTo(Exclusion.IDENTIFIER));
        assertThat(vm.chosenFeatures()).doesNotContain("customer_id", "email", "churned").contains("age");
        vm.choose("customer_id", true);
        assertThat(vm.chosenFeatures()).as("an identifier cannot be ticked").doesNotContain("customer_id");
        assertThat(vm.canTrain().get()).isTrue();
    }

    @Test
    void trainingFillsTheLeaderboardBestFirstAndTheProjectKeepsTheChoice() {
        vm.targetProperty().set("churned");
        quickRun();
        vm.train();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.leaderboard()).hasSize(2);
        List<Double> aucs = vm.leaderboard().stream().map(r -> r.metric(MetricId.AUC).orElseThrow().mean()).toList();
        assertThat(aucs).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        LearnerResult best = vm.leaderboard().get(0);
        assertThat(vm.chosenLearnerProperty().get()).isEqualTo(best.learnerId());
        assertThat(vm.modelProperty().get()).isNotNull();
        assertThat(session.trainedModelProperty().get()).isSameAs(vm.modelProperty().get());
        var record = session.project().step(Stage.TRAIN);
        assertThat(record.done()).isTrue();
        assertThat(TrainStepRecord.chosen(record)).contains(best.learnerId());
        assertThat(vm.runs()).hasSize(2).allSatisfy(r -> assertThat(r.fractionProperty().get()).isEqualTo(1.0));

        String other = vm.leaderboard().get(1).learnerId();
        vm.chooseModel(other);
        assertThat(TrainStepRecord.chosen(session.project().step(Stage.TRAIN))).contains(other);
        assertThat(vm.modelProperty().get().learnerId()).isEqualTo(other);
        assertThat(vm.explanation().getValue().paragraphs()).extracting(m -> m.key())
                .contains("train.explain.cv", "train.explain.crossEntropy");
    }

    @Test
    void aCancelledRunLeavesTheProjectAsItWas() throws Exception {
        TaskRunner cancelling = new TaskRunner.Base() {
            private final SameThreadTaskRunner inner = new SameThreadTaskRunner();

            @Override
            public <T> void submit(Job<T> job) {
                if (job.title().key().equals("train.job.run")) {
                    job.cancelled();   // as if the user pressed Cancel before the first fold ended
                } else {
                    inner.submit(job);
                }
            }
        };
        open(cancelling);
        vm.targetProperty().set("churned");
        quickRun();
        var before = session.project();
        vm.train();
        assertThat(session.project()).isSameAs(before);
        assertThat(vm.leaderboard()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get().key()).isEqualTo("train.notice.cancelled");
    }

    @Test
    void aNumberTargetOffersRegressionLearnersOnly() {
        assertThat(vm.targetCandidates()).contains("total_spend");
        vm.targetProperty().set("total_spend");
        assertThat(vm.targetInfoProperty().get().task()).isEqualTo(Task.NUMBER);
        assertThat(vm.learners()).extracting(l -> l.definition().id()).doesNotContain("logistic", "naive_bayes");
        assertThat(vm.primaryMetric()).isEqualTo(MetricId.RMSE);
    }

    @Test
    void aReopenedProjectReplaysItsTrainingAndKeepsTheChosenModelWithoutAChange() throws Exception {
        vm.targetProperty().set("churned");
        quickRun();
        vm.train();
        String other = vm.leaderboard().get(1).learnerId();
        vm.chooseModel(other);
        var saved = session.project();

        WorkbenchSession reopened = new WorkbenchSession();
        reopened.replace(saved, null);
        TrainViewModel again = new TrainViewModel(reopened, new SameThreadTaskRunner());
        Dataset data = sample();
        reopened.setImportedData(data, true);
        reopened.cleanedDataProperty().set(data);
        assertThat(again.targetProperty().get()).isEqualTo("churned");
        assertThat(again.foldsProperty().get()).isEqualTo(3);
        assertThat(again.leaderboard()).hasSize(2);
        assertThat(again.chosenLearnerProperty().get()).isEqualTo(other);
        assertThat(again.leaderboard().get(0).metric(MetricId.AUC).orElseThrow().mean())
                .as("the same seed gives the same figures").isEqualTo(vm.leaderboard().get(0).metric(MetricId.AUC)
                        .orElseThrow().mean());
        assertThat(reopened.isDirty()).as("a replay is not a change").isFalse();
    }
}
