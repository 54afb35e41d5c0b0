package org.marketingworkbench.core.project;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.marketingworkbench.core.pipeline.PipelineState;
import org.marketingworkbench.core.pipeline.Stage;

/**
 * One project: a data source and what every step has set and found. Immutable; every change returns
 * a new project, so a failed step simply keeps the old one.
 */
public record Project(String name, DataSource dataSource, Map<Stage, StepRecord> steps, Instant created) {

    public Project {
        name = name == null || name.isBlank() ? "Untitled" : name.strip();
        EnumMap<Stage, StepRecord> copy = new EnumMap<>(Stage.class);
        if (steps != null) {
            copy.putAll(steps);
        }
        steps = Collections.unmodifiableMap(copy);
        created = created == null ? Instant.now() : created;
    }

    public static Project untitled() {
        return new Project("Untitled", null, Map.of(), Instant.now());
    }

    public Optional<DataSource> data() {
        return Optional.ofNullable(dataSource);
    }

    public StepRecord step(Stage stage) {
        return steps.getOrDefault(stage, StepRecord.empty());
    }

    public PipelineState pipelineState() {
        EnumSet<Stage> done = EnumSet.noneOf(Stage.class);
        steps.forEach((stage, rec) -> {
            if (rec.done()) {
                done.add(stage);
            }
        });
        // a step only counts as done when every step it builds on is done too
        EnumSet<Stage> consistent = EnumSet.noneOf(Stage.class);
        for (Stage s : Stage.values()) {
            if (done.contains(s) && consistent.containsAll(s.prerequisites())) {
                consistent.add(s);
            }
        }
        return new PipelineState(consistent);
    }

    public Project withName(String newName) {
        return new Project(newName, dataSource, steps, created);
    }

    public Project withDataSource(DataSource newSource) {
        return new Project(name, newSource, steps, created);
    }

    /**
     * Replaces one step's record. When a step changes, later steps are no longer done; the same record again
     * (a step re-run on the same data with the same settings) changes nothing.
     */
    public Project withStep(Stage stage, StepRecord record) {
        if (record.equals(steps.get(stage))) {
            return this;
        }
        EnumMap<Stage, StepRecord> copy = new EnumMap<>(Stage.class);
        copy.putAll(steps);
        copy.put(stage, record);
        for (Stage later = stage.next().orElse(null); later != null; later = later.next().orElse(null)) {
            StepRecord old = copy.get(later);
            if (old != null && old.done()) {
                copy.put(later, new StepRecord(false, old.settings(), null));
            }
        }
        return new Project(name, dataSource, copy, created);
    }
}
