package org.marketingworkbench.ui.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.deploy.DeployFixtures;
import org.marketingworkbench.core.deploy.LoadedBundle;
import org.marketingworkbench.core.deploy.ModelBundle;
import org.marketingworkbench.core.deploy.ModelBundleReader;
import org.marketingworkbench.core.deploy.Scorer;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.core.project.StepRecord;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.ui.common.QueuedFileDialogs;
import org.marketingworkbench.ui.common.SameThreadTaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

class DeployViewModelTest {

    private static Dataset customers;
    private static TrainedModel model;
    private static String renamedCsv;

    @TempDir
    Path dir;

    private WorkbenchSession session;
    private Dialogs dialogs;
    private DeployViewModel vm;

    static final class Dialogs extends QueuedFileDialogs {
        @Override
        public UnsavedChoice askUnsavedChanges(String projectName) {
            return UnsavedChoice.CANCEL;
        }

        @Override
        public ImportChoice askImportIntoProject(String fileName, int recipeSteps) {
            return ImportChoice.CANCEL;
        }

        @Override
        public boolean confirm(UserMessage title, UserMessage question) {
            return true;
        }

        @Override
        public void showError(UserMessage title, UserMessage message, Throwable details) {
        }
    }

    @BeforeAll
    static void train() throws Exception {
        customers = DeployFixtures.customers();
        model = DeployFixtures.model(customers, "logistic");
        String csv = Files.readString(DeployFixtures.CUSTOMERS, StandardCharsets.UTF_8);
        renamedCsv = csv.replaceFirst(",n_orders,", ",orders_count,");
    }

    @BeforeEach
    void setUp() {
        session = new WorkbenchSession();
        dialogs = new Dialogs();
        vm = new DeployViewModel(session, new SameThreadTaskRunner(), dialogs, new DataImporter(),
                new javafx.beans.property.SimpleObjectProperty<>(), java.util.Map::of);
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void theProjectsModelScoresAtTheThresholdChosenInEvaluate() throws Exception {
        assertThat(vm.modelProperty().get()).isNull();
        assertThat(vm.canScoreProperty().getValue()).isFalse();
        session.trainedModelProperty().set(model);
        assertThat(vm.modelProperty().get().model()).isSameAs(model);
        assertThat(vm.modelProperty().get().threshold()).isEqualTo(0.5);

        var settings = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("threshold", 0.3);
        Project p = session.project().withStep(Stage.EVALUATE, new StepRecord(true, settings, null));
        session.update(p);
        assertThat(vm.modelProperty().get().threshold()).isEqualTo(0.3);

        vm.readCustomers(DeployFixtures.CUSTOMERS);
        assertThat(vm.checkProperty().get().missing()).isEmpty();
        assertThat(vm.canScoreProperty().getValue()).isTrue();
        vm.score();
        Dataset expected = Scorer.score(new LoadedBundle(ModelBundle.VERSION, model, 0.3, null), customers,
                Scorer.UnseenCategories.MISSING, Progress.none());
        assertThat(vm.scoredProperty().get().table().doubleColumn("score").asDoubleArray())
                .containsExactly(expected.table().doubleColumn("score").asDoubleArray());
        DeployViewModel.ScoreSummary s = vm.summaryProperty().get();
        long positives = expected.table().stringColumn("predicted").countOccurrences("yes");
        assertThat(s.rows()).isEqualTo(5012);
        assertThat(s.positives()).isEqualTo((int) positives);
        assertThat(s.topDecileMeanScore()).isGreaterThan(s.meanScore());
        // whom to contact first: the best-ranked rows, in rank order
        var rank = vm.scoredProperty().get().table().doubleColumn("rank");
        assertThat(vm.topRows()).hasSize(DeployViewModel.TOP_ROWS);
        for (int i = 0; i < vm.topRows().size(); i++) {
            assertThat(rank.getDouble(vm.topRows().get(i))).isEqualTo(i + 1);
        }
        assertThat(vm.explanation().getValue().paragraphs()).extracting(UserMessage::key).contains("deploy.explain.found");
    }

    @Test
    void aRenamedColumnIsMissingUntilItIsMatchedAndTheOutputKeepsTheFilesName() throws Exception {
        session.trainedModelProperty().set(model);
        vm.readCustomers(write("renamed.csv", renamedCsv));
        assertThat(vm.checkProperty().get().missing()).containsExactly("n_orders");
        assertThat(vm.mappingIncompleteProperty().getValue()).isTrue();
        assertThat(vm.canScoreProperty().getValue()).isFalse();

        vm.mappingProperty().set(vm.mappingProperty().get().with("n_orders", "orders_count"));
        assertThat(vm.checkProperty().get().missing()).isEmpty();
        vm.score();
        Dataset scored = vm.scoredProperty().get();
        assertThat(scored.table().columnNames()).contains("orders_count").doesNotContain("n_orders");
        Dataset expected = Scorer.score(new LoadedBundle(ModelBundle.VERSION, model, 0.5, null), customers,
                Scorer.UnseenCategories.MISSING, Progress.none());
        assertThat(scored.table().doubleColumn("score").asDoubleArray())
                .containsExactly(expected.table().doubleColumn("score").asDoubleArray());

        Path out = dir.resolve("scored.csv");
        dialogs.files.add(out);
        vm.saveScored();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5013);
        assertThat(lines.get(0)).contains("orders_count").endsWith("score,predicted,rank,decile");
        assertThat(vm.noticeProperty().get().key()).isEqualTo("deploy.ui.notice.scoredSaved");
    }

    @Test
    void unseenValuesCanStopScoring() throws Exception {
        session.trainedModelProperty().set(model);
        vm.readCustomers(write("new-channel.csv", renamedCsv.replaceFirst(",orders_count,", ",n_orders,")
                .replaceFirst(",Referral,", ",Podcast,")));
        assertThat(vm.checkProperty().get().unseen()).containsKey("channel");
        assertThat(vm.canScoreProperty().getValue()).isTrue();
        vm.unseenProperty().set(Scorer.UnseenCategories.STOP);
        assertThat(vm.canScoreProperty().getValue()).isFalse();
    }

    @Test
    void saveModelWritesABundleThatOpensWithTheSameThreshold() throws Exception {
        session.trainedModelProperty().set(model);
        Path file = dir.resolve("model.mwbmodel");
        dialogs.files.add(file);
        vm.saveModel();
        assertThat(vm.errorProperty().get()).isNull();
        LoadedBundle read = ModelBundleReader.read(file);
        assertThat(read.threshold()).isEqualTo(0.5);

        // the saved file scores like the project's model
        dialogs.files.add(file);
        vm.openModel();
        assertThat(vm.sourceProperty().get()).isEqualTo(DeployViewModel.ModelSource.FILE);
        assertThat(vm.canSaveModelProperty().getValue()).as("only the project's model is saved from here").isFalse();
        vm.readCustomers(DeployFixtures.CUSTOMERS);
        vm.score();
        Dataset expected = Scorer.score(new LoadedBundle(ModelBundle.VERSION, model, 0.5, null), customers,
                Scorer.UnseenCategories.MISSING, Progress.none());
        assertThat(vm.scoredProperty().get().table().doubleColumn("score").asDoubleArray())
                .containsExactly(expected.table().doubleColumn("score").asDoubleArray());

        // for Weka users: Weka's own reader loads the export and predicts the same
        Path wekaFile = dir.resolve("model.model");
        dialogs.files.add(wekaFile);
        vm.exportForWeka();
        assertThat(vm.noticeProperty().get().key()).isEqualTo("deploy.ui.notice.wekaExported");
        Object[] both = weka.core.SerializationHelper.readAll(wekaFile.toString());
        assertThat(both[0]).isInstanceOf(weka.classifiers.Classifier.class);
        assertThat(both[1]).isInstanceOf(weka.core.Instances.class);

        vm.useProjectModel();
        assertThat(vm.modelProperty().get().model()).isSameAs(model);
        assertThat(vm.scoredProperty().get()).as("another model: the old scores are gone").isNull();
    }

    @Test
    void aDamagedModelFileIsAMessageAndTheModelStays() throws Exception {
        session.trainedModelProperty().set(model);
        LoadedBundle before = vm.modelProperty().get();
        dialogs.files.add(write("broken.mwbmodel", "not a zip at all"));
        vm.openModel();
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.errorProperty().get().key()).startsWith("deploy.error.");
        assertThat(vm.modelProperty().get()).isSameAs(before);
        assertThat(vm.sourceProperty().get()).isEqualTo(DeployViewModel.ModelSource.PROJECT);
    }

    @Test
    void aFileWithoutRowsIsAMessageAndTheCustomersStay() throws Exception {
        session.trainedModelProperty().set(model);
        vm.readCustomers(DeployFixtures.CUSTOMERS);
        Dataset before = vm.customersProperty().get();
        vm.readCustomers(write("header-only.csv", renamedCsv.lines().findFirst().orElseThrow() + "\n"));
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.customersProperty().get()).isSameAs(before);
        assertThat(Optional.ofNullable(vm.checkProperty().get())).isPresent();
    }

    @Test
    void theProjectsSegmentsAreAddedToTheScoredCustomersAndSavedWithTheModel() throws Exception {
        var segments = new javafx.beans.property.SimpleObjectProperty<org.marketingworkbench.core.segment.SegmentationResult>();
        vm = new DeployViewModel(session, new SameThreadTaskRunner(), dialogs, new DataImporter(), segments,
                () -> java.util.Map.of(1, "Loyal", 2, "New", 3, "Lapsed"));
        session.trainedModelProperty().set(model);
        var settings = org.marketingworkbench.core.segment.SegmentationSettings.kMeans(
                List.of("n_orders", "total_spend", "days_since_last_purchase"), 3);
        var result = new org.marketingworkbench.core.segment.SegmentStep().run(customers, settings, Progress.none());
        segments.set(result);
        assertThat(vm.modelProperty().get().segmentation()).isNotNull();

        vm.readCustomers(DeployFixtures.CUSTOMERS);
        vm.score();
        Dataset scored = vm.scoredProperty().get();
        assertThat(scored.table().columnNames()).endsWith("segment", "segment_name");
        assertThat(vm.otherColumns()).endsWith("segment", "segment_name").doesNotContain("score");
        assertThat(vm.scoreColumnName("rank")).isEqualTo("rank");
        // every customer with the three features is placed as the Segment step placed it
        int[] step = result.segmentOfRow();
        var column = scored.table().stringColumn("segment");
        int compared = 0;
        for (int r = 0; r < step.length; r++) {
            if (step[r] > 0) {
                assertThat(column.get(r)).isEqualTo(Integer.toString(step[r]));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(4000);
        assertThat(scored.table().stringColumn("segment_name").get(0)).isIn("Loyal", "New", "Lapsed", "");

        Path file = dir.resolve("with-segments.mwbmodel");
        dialogs.files.add(file);
        vm.saveModel();
        LoadedBundle read = ModelBundleReader.read(file);
        assertThat(read.segmentation()).isNotNull();
        assertThat(read.importSettings()).isNotNull();
    }
}
