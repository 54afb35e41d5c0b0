package org.marketingworkbench.core.train;

import java.util.Locale;

/** The measures on the leaderboard. */
public enum MetricId {
    AUC(true),
    ACCURACY(true),
    F1(true),
    LOG_LOSS(false),
    RMSE(false),
    MAE(false),
    R2(true);

    private final boolean higherIsBetter;

    MetricId(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public String labelKey() {
        return "train.metric." + name().toLowerCase(Locale.ROOT);
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
