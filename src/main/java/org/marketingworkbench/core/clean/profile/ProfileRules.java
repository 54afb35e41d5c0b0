package org.marketingworkbench.core.clean.profile;

import java.util.Set;

/**
 * The thresholds behind the quality flags, in one place so that the Explain panel and the tests can
 * quote them. Each is a judgement call, stated here with its reason.
 */
public final class ProfileRules {

    /** How many top labels a category profile keeps. */
    public static final int TOP_CATEGORIES = 10;
    /** Identifier-like: at least this many values, all different (integers or category labels). */
    public static final int IDENTIFIER_MIN_ROWS = 20;
    /** Share of distinct values among present ones above which single-word labels look like an ID. */
    public static final double IDENTIFIER_NEAR_UNIQUE_SHARE = 0.95;
    /** Near-constant: the most frequent value takes at least this share of the non-missing values. */
    public static final double NEAR_CONSTANT_SHARE = 0.99;
    /** Mostly missing: at least this share of rows has no value. */
    public static final double MOSTLY_MISSING_SHARE = 0.5;
    /** High cardinality: a category with more distinct labels than this (too many for one-hot coding). */
    public static final int HIGH_CARDINALITY = 50;
    /** Skewed: |adjusted Fisher–Pearson skewness| at least this (2 = "strongly skewed" by common usage). */
    public static final double SKEW = 2.0;
    /** Outliers: Tukey's fences, values beyond quartile ± this many IQRs. */
    public static final double IQR_FACTOR = 1.5;
    /**
     * Placeholder value: a number exports use for "none" or "unknown" (the bank-marketing data's
     * {@code pdays = -1}, "never contacted"). Negative codes count when every other value is zero or
     * more; codes made of nines when they are more than twice every other value.
     */
    public static final Set<Double> PLACEHOLDER_NEGATIVE_CODES = Set.of(-1.0, -9.0, -99.0,
            -999.0, -9999.0);
    /** The nines codes of {@link #PLACEHOLDER_NEGATIVE_CODES}' rule. */
    public static final Set<Double> PLACEHOLDER_NINES_CODES = Set.of(99.0, 999.0, 9999.0,
            99999.0, 999999.0);
    /** A placeholder must stand in at least this share of the present values (rarer codes are noise). */
    public static final double PLACEHOLDER_MIN_SHARE = 0.01;
    /** Personal data by values: at least this share of the sampled values matches a pattern. */
    public static final double PERSONAL_VALUE_SHARE = 0.5;
    /** How many non-missing values are sampled (from the top of the file) for value patterns. */
    public static final int PERSONAL_SAMPLE = 2000;
    /**
     * Leakage, rule 1: a column that alone reaches this ROC AUC predicts the target almost perfectly.
     * Real single features in marketing data rarely exceed 0.7 (the strongest honest column in the
     * bank-marketing data, month, reaches 0.65).
     */
    public static final double LEAKAGE_AUC = 0.90;
    /**
     * Leakage, rule 2: a column whose name says it is measured during or after the outcome (a call's
     * duration, a response, a conversion) and that alone reaches this AUC.
     */
    public static final double LEAKAGE_AUC_AFTER_OUTCOME = 0.75;
    /** Leakage is only scored for categories with at most this many labels (more would overfit). */
    public static final int LEAKAGE_MAX_LEVELS = HIGH_CARDINALITY;
    /** Leakage is scored against targets with at most this many classes (one class against the rest). */
    public static final int LEAKAGE_MAX_CLASSES = 10;

    private ProfileRules() {
    }
}
