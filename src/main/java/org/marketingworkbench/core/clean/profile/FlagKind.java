package org.marketingworkbench.core.clean.profile;

import java.util.Locale;

/** Kinds of data-quality flag the profile raises; each flag carries a one-line reason. */
public enum FlagKind {
    IDENTIFIER_LIKE,
    CONSTANT,
    NEAR_CONSTANT,
    MOSTLY_MISSING,
    HIGH_CARDINALITY,
    SKEWED,
    OUTLIERS,
    PLACEHOLDER_VALUE,
    PERSONAL_DATA,
    TARGET_LEAKAGE;

    /** Bundle key of the badge label: {@code clean.flag.<id>}. */
    public String labelKey() {
        return "clean.flag." + name().toLowerCase(Locale.ROOT);
    }
}
