package org.marketingworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.evaluate.Curves;
import org.marketingworkbench.core.evaluate.RankedPredictions;
import org.marketingworkbench.core.evaluate.ThresholdMetrics;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.ingest.IngestStepRecord;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.ContentHash;
import org.marketingworkbench.core.project.DataSource;
import org.marketingworkbench.core.project.OpenedProject;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.core.project.ProjectStore;
import org.marketingworkbench.core.segment.SegmentStepRecord;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.MetricId;
import org.marketingworkbench.testsupport.SampleProject;

/** A saved project's steps re-run headless give the figures the project kept, with its stored settings. */
class ProjectReplayTest {

    @TempDir
    Path dir;

    @Test
    void everyStepOfTheSampleProjectIsReplayed() throws Exception {
        ProjectResults r = SampleProject.replayed();
        assertThat(r.notReplayed()).isEmpty();
        for (Stage s : java.util.EnumSet.range(Stage.INGEST, Stage.EVALUATE)) {   // scoring has no section
            assertThat(r.has(s)).as(s.id()).isTrue();
        }
        assertThat(r.provenance().replayed()).isTrue();
        assertThat(r.provenance().dataChanged()).contains(false);
        assertThat(r.notes()).containsKeys("segment", "evaluate.profit");
    }

    @Test
    void theReplayFindsTheSegmentsTheProjectKeptAndKeepsTheirTypedName() throws Exception {
        ProjectResults r = SampleProject.replayed();
        Project project = new ProjectStore("test").open(SampleProject.file()).project();
        int[] kept = SegmentStepRecord.storedSizes(project.step(Stage.SEGMENT));
        assertThat(r.segment().segmentation().result().sizes()).containsExactly(kept);
        assertThat(r.segment().names()).containsExactly(Map.entry(1, SampleProject.SEGMENT_ONE_NAME));
        assertThat(r.segment().name(1, java.util.Locale.ENGLISH)).isEqualTo(SampleProject.SEGMENT_ONE_NAME);
        assertThat(r.segment().notice()).isEmpty();
    }

    @Test
    void theReplayedLeaderboardIsTheOneTheProjectKept() throws Exception {
        ProjectResults r = SampleProject.replayed();
        Project project = new ProjectStore("test").open(SampleProject.file()).project();
        JsonNode kept = project.step(Stage.TRAIN).result().get("leaderboard");
        List<LearnerResult> board = r.train().result().leaderboard();
        assertThat(board).hasSize(kept.size());
        for (int i = 0; i < board.size(); i++) {
            assertThat(board.get(i).learnerId()).isEqualTo(kept.get(i).get("id").asText());
            assertThat(board.get(i).metric(MetricId.AUC).orElseThrow().mean())
                    .as("same seed, same folds, same AUC").isCloseTo(kept.get(i).at("/metrics/AUC/mean").asDouble(),
                            within(1e-9));
        }
        assertThat(r.train().chosenLearnerId()).isEqualTo(project.step(Stage.TRAIN).result().get("chosenLearner").asText());
    }

    @Test
    void theEvaluationIsWhatCoreEvaluateComputesAtTheStoredThreshold() throws Exception {
        ProjectResults r = SampleProject.replayed();
        EvaluateFindings e = r.evaluate();
        assertThat(e.settings()).isEqualTo(SampleProject.EVALUATION);
        var predictions = r.train().chosen().heldOut();
        ThresholdMetrics direct = ThresholdMetrics.at(predictions, SampleProject.EVALUATION.threshold());
        assertThat(e.atThreshold().confusion()).isEqualTo(direct.confusion());
        RankedPredictions ranked = RankedPredictions.of(predictions);
        assertThat(e.roc().auc()).isEqualTo(Curves.roc(ranked).auc());
        assertThat(e.atThreshold().auc()).isCloseTo(e.roc().auc(), within(1e-12));
        assertThat(e.profit().best().expectedProfit()).isPositive();
        assertThat(e.importance().result()).isNotNull();
        assertThat(e.importance().rows().key()).isEqualTo("why.importance.onTest");
        assertThat(e.importance().rows().args()).containsExactly(e.importance().result().customers());
        assertThat(e.importance().result().customers()).as("the test part, less rows the recipe removes")
                .isBetween(1, r.train().result().testRows().length);
    }

    @Test
    void aProjectWhoseDataFileIsGoneSaysWhereItShouldBe() throws Exception {
        Path data = Files.copy(SampleProject.CUSTOMERS, dir.resolve("customers.csv"));
        Path file = importedOnly(data);
        Files.delete(data);
        OpenedProject opened = new ProjectStore("test").open(file);
        assertThatThrownBy(() -> ProjectReplay.run(opened, Progress.none()))
                .isInstanceOfSatisfying(ReportException.class, ex -> {
                    assertThat(ex.reason()).isEqualTo(ReportException.Reason.DATA_MISSING);
                    assertThat(ex.userMessage().format(java.util.Locale.ENGLISH)).contains(data.toString());
                });
    }

    @Test
    void aDataFileChangedSinceTheProjectWasBuiltIsNamedInTheProvenance() throws Exception {
        Path data = Files.copy(SampleProject.CUSTOMERS, dir.resolve("customers.csv"));
        Path file = importedOnly(data);
        List<String> lines = Files.readAllLines(data);
        Files.write(data, lines.subList(0, lines.size() - 10));
        ProjectResults r = ProjectReplay.run(new ProjectStore("test").open(file), Progress.none());
        assertThat(r.provenance().dataChanged()).contains(true);
        assertThat(r.ingest().rows()).isEqualTo(lines.size() - 11);
        assertThat(r.has(Stage.CLEAN)).isFalse();
        assertThat(r.notReplayed()).isEmpty();
    }

    @Test
    void aProjectWithNothingRunHasNoFindings() throws Exception {
        Path file = dir.resolve("empty.mwb");
        new ProjectStore("test").save(Project.untitled().withName("Nothing yet"), file);
        ProjectResults r = ProjectReplay.run(new ProjectStore("test").open(file), Progress.none());
        for (Stage s : Stage.values()) {
            assertThat(r.has(s)).isFalse();
        }
        assertThat(r.provenance().projectName()).isEqualTo("Nothing yet");
        assertThat(r.provenance().data()).isNull();
    }

    /** A project over {@code data} with only the Import step done, saved next to it. */
    static Path importedOnly(Path data) throws Exception {
        ImportResult imported = new DataImporter().read(data, ImportSettings.auto(), Progress.none());
        Project p = new Project("Import only", new DataSource(data, ContentHash.sha256(data), Files.size(data)),
                Map.of(), null).withStep(Stage.INGEST, IngestStepRecord.of(imported.resolvedSettings(), imported));
        Path file = data.resolveSibling("import-only.mwb");
        new ProjectStore("test").save(p, file);
        return file;
    }
}
