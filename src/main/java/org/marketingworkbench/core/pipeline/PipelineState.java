package org.marketingworkbench.core.pipeline;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which steps of a project are done, and the navigation rule derived from that: a step is ready when
 * every step it builds on ({@link Stage#requiredBefore()}) is done.
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

    /** The earliest step that {@code stage} needs and that is not done yet, if any. */
    public Optional<Stage> firstMissingBefore(Stage stage) {
        Set<Stage> needed = stage.requiredBefore();
        for (Stage s : Stage.values()) {
            if (needed.contains(s) && !done.contains(s)) {
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

    /** Marking a step undone also undoes every step built on it: their results came from it. */
    public PipelineState without(Stage stage) {
        EnumSet<Stage> copy = done.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(done);
        copy.removeIf(s -> s == stage || s.requiredBefore().contains(stage));
        return new PipelineState(copy);
    }
}
