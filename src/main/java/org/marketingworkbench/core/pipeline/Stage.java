package org.marketingworkbench.core.pipeline;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.Optional;

/**
 * The steps of the pipeline, in order, and what each needs first. This enum is the one place the order
 * and the rules are defined: the shell's step rail and the command line both read it.
 */
public enum Stage {
    INGEST,
    CLEAN,
    SEGMENT,
    TRAIN,
    EVALUATE,
    /** Scoring new customers with a model: this project's, or one saved earlier (so it needs no step first). */
    DEPLOY;

    /** The stable identifier used in project files, bundle keys and the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The steps that must be done before this one can open. Segmenting is optional: training needs clean
     * data, not segments (it uses them when the project has them).
     */
    public Set<Stage> prerequisites() {
        return switch (this) {
            case INGEST -> Set.of();
            case CLEAN -> Set.of(INGEST);
            case SEGMENT, TRAIN -> Set.of(CLEAN);
            case EVALUATE -> Set.of(TRAIN);
            case DEPLOY -> Set.of();
        };
    }

    /** Every step this one builds on, directly or through another. */
    public Set<Stage> requiredBefore() {
        EnumSet<Stage> all = EnumSet.noneOf(Stage.class);
        for (Stage p : prerequisites()) {
            all.add(p);
            all.addAll(p.requiredBefore());
        }
        return all;
    }

    /** A step the user may skip (the next step does not need it). */
    public boolean optional() {
        return this == SEGMENT || this == DEPLOY;
    }

    /** One-based position shown to users ("1 Import"). */
    public int number() {
        return ordinal() + 1;
    }

    public Optional<Stage> previous() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    public Optional<Stage> next() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    public static Optional<Stage> fromId(String id) {
        for (Stage s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
