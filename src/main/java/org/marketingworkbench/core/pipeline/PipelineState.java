package org.marketingworkbench.core.pipeline;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which steps of a project are done, and the navigation rule derived from that: a step is ready when
 * every earlier step is done.
 */
public record PipelineState(Set<Stage> done) {

    public PipelineState {
        done = done.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(done);
    }

    public static PipelineState empty() {
        return new PipelineState(EnumSet.noneOf(Stage.class));
    }

    public StageStatus status(Stage stage) {
        if (done.contains(stage)) {
            return StageStatus.DONE;
        }
        return firstMissingBefore(stage).isEmpty() ? StageStatus.READY : StageStatus.NEEDS_EARLIER_STEP;
    }

    public boolean canOpen(Stage stage) {
        return status(stage) != StageStatus.NEEDS_EARLIER_STEP;
    }

    /** The earliest step before {@code stage} that is not done yet, if any. */
    public Optional<Stage> firstMissingBefore(Stage stage) {
        for (Stage s : Stage.values()) {
            if (s == stage) {
                return Optional.empty();
            }
            if (!done.contains(s)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public PipelineState with(Stage stage) {
        EnumSet<Stage> copy = done.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(done);
        copy.add(stage);
        return new PipelineState(copy);
    }

    /** Marking a step undone also undoes every later step: their results were built on it. */
    public PipelineState without(Stage stage) {
        EnumSet<Stage> copy = done.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(done);
        copy.removeIf(s -> s.ordinal() >= stage.ordinal());
        return new PipelineState(copy);
    }
}
