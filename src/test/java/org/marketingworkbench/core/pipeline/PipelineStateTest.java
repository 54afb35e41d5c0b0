package org.marketingworkbench.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PipelineStateTest {

    @Test
    void onlyImportIsReadyInAnEmptyProject() {
        PipelineState state = PipelineState.empty();
        assertThat(state.status(Stage.INGEST)).isEqualTo(StageStatus.READY);
        for (Stage s : EnumSet.range(Stage.CLEAN, Stage.EVALUATE)) {
            assertThat(state.status(s)).isEqualTo(StageStatus.NEEDS_EARLIER_STEP);
            assertThat(state.canOpen(s)).isFalse();
        }
    }

    @Test
    void aDoneStepMakesTheNextOneReady() {
        PipelineState state = PipelineState.empty().with(Stage.INGEST);
        assertThat(state.status(Stage.INGEST)).isEqualTo(StageStatus.DONE);
        assertThat(state.status(Stage.CLEAN)).isEqualTo(StageStatus.READY);
        assertThat(state.status(Stage.SEGMENT)).isEqualTo(StageStatus.NEEDS_EARLIER_STEP);
        assertThat(state.firstMissingBefore(Stage.TRAIN)).contains(Stage.CLEAN);
    }

    @Test
    void undoingAStepUndoesEveryLaterStep() {
        PipelineState state = PipelineState.empty().with(Stage.INGEST).with(Stage.CLEAN).with(Stage.SEGMENT);
        PipelineState undone = state.without(Stage.CLEAN);
        assertThat(undone.done()).containsExactly(Stage.INGEST);
    }

    @Test
    void stageOrderAndIdsAreStable() {
        assertThat(Stage.values()).extracting(Stage::id)
                .containsExactly("ingest", "clean", "segment", "train", "evaluate", "deploy");
        assertThat(Stage.fromId("train")).contains(Stage.TRAIN);
        assertThat(Stage.fromId("nope")).isEmpty();
        assertThat(Stage.INGEST.previous()).isEmpty();
        assertThat(Stage.EVALUATE.next()).contains(Stage.DEPLOY);
        assertThat(Stage.DEPLOY.next()).isEmpty();
        // a saved model scores without a project: the step needs nothing first
        assertThat(PipelineState.empty().canOpen(Stage.DEPLOY)).isTrue();
    }

    @Test
    void segmentingIsOptionalForTraining() {
        PipelineState cleaned = PipelineState.empty().with(Stage.INGEST).with(Stage.CLEAN);
        assertThat(cleaned.status(Stage.SEGMENT)).isEqualTo(StageStatus.READY);
        assertThat(cleaned.status(Stage.TRAIN)).as("train needs clean data, not segments").isEqualTo(StageStatus.READY);
        assertThat(cleaned.status(Stage.EVALUATE)).isEqualTo(StageStatus.NEEDS_EARLIER_STEP);
        assertThat(cleaned.firstMissingBefore(Stage.EVALUATE)).contains(Stage.TRAIN);
        assertThat(Stage.SEGMENT.optional()).isTrue();
        PipelineState trained = cleaned.with(Stage.TRAIN);
        assertThat(trained.without(Stage.SEGMENT).done()).as("dropping segments keeps the model")
                .contains(Stage.TRAIN);
        assertThat(trained.without(Stage.CLEAN).done()).containsExactly(Stage.INGEST);
    }
}
