package org.marketingworkbench.core.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How number features are put on a common scale before distances are measured. */
public enum Scaling {
    /** z-scores: each number minus its mean, divided by its standard deviation (population), so each counts equally. */
    STANDARDISE("standardise"),
    /** The numbers in their own units: a feature with a wide spread (income in dollars) outweighs the others. */
    NONE("none");

    private final String id;

    Scaling(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Scaling> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted) || s.name().equalsIgnoreCase(wanted)
                || (s == STANDARDISE && wanted.equals("standardize"))).findFirst();
    }
}
