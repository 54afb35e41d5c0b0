package org.marketingworkbench.core.evaluate;

import java.util.Locale;

/**
 * The measures the Evaluate step shows, each with a label and a one-line meaning for a marketer
 * ({@code evaluate.metric.<id>} and {@code evaluate.metric.<id>.meaning}).
 */
public enum EvaluationMetric {
    ACCURACY(true),
    BASELINE_ACCURACY(true),
    PRECISION(true),
    RECALL(true),
    SPECIFICITY(true),
    F1(true),
    MCC(true),
    AUC(true),
    LOG_LOSS(false),
    RMSE(false),
    MAE(false),
    R2(true);

    private final boolean higherIsBetter;

    EvaluationMetric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The metric's name on screen. */
    public String labelKey() {
        return "evaluate.metric." + id();
    }

    /** One line saying what the metric means for a campaign. */
    public String meaningKey() {
        return "evaluate.metric." + id() + ".meaning";
    }
}
