package org.marketingworkbench.ui.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.segment.Algorithm;
import org.marketingworkbench.core.segment.SegmentStepRecord;
import org.marketingworkbench.testsupport.SharedDatasets;
import org.marketingworkbench.ui.common.SameThreadTaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/** The Segment step's rules without a window, on the Mall Customers data; jobs finish at once. */
class SegmentViewModelTest {

    private static final String INCOME = "Annual Income (k$)";
    private static final String SCORE = "Spending Score (1-100)";

    private final WorkbenchSession session = new WorkbenchSession();
    private SegmentViewModel vm;
    private Dataset mall;

    @BeforeEach
    void cleanedMallData() throws Exception {
        Path file = SharedDatasets.file("Mall_Customers.csv");
        mall = new DataImporter().read(file, ImportSettings.auto(), Progress.none()).dataset();
        vm = new SegmentViewModel(session, new SameThreadTaskRunner());
        session.cleanedDataProperty().set(mall);
    }

    @Test
    void theIdentifierIsNotSuggestedAndCannotBeTicked() {
        assertThat(vm.featureItems()).extracting(SegmentViewModel.FeatureItem::name).contains("CustomerID");
        assertThat(vm.chosenFeatures()).doesNotContain("CustomerID").contains(INCOME, SCORE);
        vm.choose("CustomerID", true);
        assertThat(vm.chosenFeatures()).doesNotContain("CustomerID");
    }

    @Test
    void mallCustomersGiveTheReferenceSegmentsAndTheProjectKeepsThem() {
        vm.chooseOnly(List.of(INCOME, SCORE));
        vm.kProperty().set(5);
        vm.scalingProperty().set(org.marketingworkbench.core.segment.Scaling.NONE);
        vm.run();
        var r = vm.resultProperty().get();
        assertThat(r.sizes()).containsExactly(81, 39, 35, 23, 22);
        assertThat(r.withinClusterSumOfSquares()).isCloseTo(44_448, org.assertj.core.data.Offset.offset(1.0));
        assertThat(r.averageSilhouette()).isCloseTo(0.554, org.assertj.core.data.Offset.offset(0.005));
        assertThat(vm.names().cards()).hasSize(5);
        assertThat(session.project().step(Stage.SEGMENT).done()).isTrue();
        assertThat(session.isDirty()).isTrue();
        assertThat(session.segmentedDataProperty().get().table().columnNames()).contains("segment");
        assertThat(vm.stale().get()).isFalse();
        vm.kProperty().set(6);
        assertThat(vm.stale().get()).as("settings changed after the run").isTrue();
        assertThat(vm.explanation().getValue().paragraphs()).anySatisfy(p -> assertThat(p.key())
                .isEqualTo("segment.explainPanel.wcss"));
    }

    @Test
    void aRenameIsStoredAndSurvivesReplayingTheSameSettings() {
        vm.chooseOnly(List.of(INCOME, SCORE));
        vm.kProperty().set(5);
        vm.run();
        String proposed = vm.names().displayName(1, Locale.ENGLISH);
        vm.rename(1, "  Core customers ");
        assertThat(vm.names().displayName(1, Locale.ENGLISH)).isEqualTo("Core customers");
        assertThat(SegmentStepRecord.names(session.project().step(Stage.SEGMENT))).containsEntry(1, "Core customers");
        // new data with the same columns (the recipe re-ran): the stored settings replay, the names stay
        session.cleanedDataProperty().set(new Dataset(mall.table().copy(), mall.columns()));
        assertThat(vm.resultProperty().get().sizes()).containsExactly(vm.resultProperty().get().sizes());
        assertThat(vm.names().displayName(1, Locale.ENGLISH)).isEqualTo("Core customers");
        vm.rename(1, " ");
        assertThat(vm.names().displayName(1, Locale.ENGLISH)).isEqualTo(proposed);
    }

    @Test
    void theKChooserRecommendsFiveOnMallCustomersAndTheUserTakesIt() {
        vm.chooseOnly(List.of(INCOME, SCORE));
        vm.scalingProperty().set(org.marketingworkbench.core.segment.Scaling.NONE);
        vm.kToProperty().set(8);
        vm.chooseK();
        assertThat(vm.kChoiceProperty().get().recommendedK()).isEqualTo(5);
        assertThat(vm.kChoiceProperty().get().scores()).hasSize(7);
        vm.useRecommendedK();
        assertThat(vm.kProperty().get()).isEqualTo(5);
    }

    @Test
    void anImpossibleKIsAClearMessageAndChangesNothing() {
        vm.chooseOnly(List.of(INCOME));
        vm.kProperty().set(5);
        vm.run();
        var before = session.project();
        vm.kProperty().set(50);
        vm.chooseOnly(List.of("Genre"));
        vm.run();
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.errorProperty().get().key()).startsWith("segment.error.");
        assertThat(session.project()).isSameAs(before);
        assertThat(vm.resultProperty().get()).as("the last good segments stay shown").isNotNull();
    }

    @Test
    void emCanChooseTheNumberOfSegmentsOnlyWhenItIsTheAlgorithm() {
        vm.automaticKProperty().set(true);
        vm.algorithmProperty().set(Algorithm.EM);
        vm.automaticKProperty().set(true);
        assertThat(vm.settings().automaticK()).isTrue();
        vm.algorithmProperty().set(Algorithm.KMEANS);
        assertThat(vm.automaticKProperty().get()).isFalse();
        assertThat(vm.settings().automaticK()).isFalse();
    }

    @Test
    void exportWritesEveryCustomerWithSegmentAndName(@TempDir Path dir) throws Exception {
        vm.chooseOnly(List.of(INCOME, SCORE));
        vm.kProperty().set(5);
        vm.run();
        vm.rename(2, "=HYPERLINK(\"x\")");
        Path out = dir.resolve("segments.csv");
        vm.export(out, Locale.ENGLISH);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(201);
        assertThat(lines.get(0)).contains("segment").contains("segment_name");
        assertThat(String.join("\n", lines)).doesNotContain(",=HYPERLINK");
    }

    @Test
    void rfmIsKeptInTheProjectAndReplaysOnReopening() throws Exception {
        Dataset log = new DataImporter().read(Path.of("sample-data", "transactions.csv"), ImportSettings.auto(),
                Progress.none()).dataset();
        session.cleanedDataProperty().set(log);
        vm.rfm().run();
        assertThat(vm.rfm().resultProperty().get().customers()).hasSize(5_000);
        var stored = session.project().step(Stage.SEGMENT);
        assertThat(stored.settings().path("rfm").path("settings").path("customer").asText()).isEqualTo("customer_id");
        assertThat(stored.settings().path("rfm").path("result").path("customers").asInt()).isEqualTo(5_000);

        // the project opened again: its RFM settings (with the reference date used) re-run on the same log
        WorkbenchSession reopened = new WorkbenchSession();
        reopened.replace(session.project(), null);
        SegmentViewModel again = new SegmentViewModel(reopened, new SameThreadTaskRunner());
        reopened.setImportedData(log, true);
        reopened.cleanedDataProperty().set(log);
        assertThat(again.rfm().resultProperty().get()).isNotNull();
        assertThat(again.rfm().resultProperty().get().asOf()).isEqualTo(vm.rfm().resultProperty().get().asOf());
        assertThat(reopened.isDirty()).as("a replay is not a change").isFalse();
    }
}
