package org.marketingworkbench.core.pipeline;

import java.util.Locale;
import java.util.Optional;

/**
 * The steps of the pipeline, in order. This enum is the one place the order is defined: the shell's
 * step rail and the command line both read it.
 */
public enum Stage {
    INGEST,
    CLEAN,
    SEGMENT,
    TRAIN,
    EVALUATE;

    /** The stable identifier used in project files, bundle keys and the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
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
