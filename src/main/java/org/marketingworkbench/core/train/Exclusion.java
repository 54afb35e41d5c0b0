package org.marketingworkbench.core.train;

/** Why a column is not used as a feature by default ({@link #NONE}: it is used). */
public enum Exclusion {
    NONE,
    IDENTIFIER,
    TARGET,
    LEAKAGE_SUSPECT,
    CONSTANT,
    UNUSABLE_TYPE
}
