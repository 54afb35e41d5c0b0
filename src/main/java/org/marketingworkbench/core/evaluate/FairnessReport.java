package org.marketingworkbench.core.evaluate;

import java.util.List;

/** The threshold figures split by {@code column}, with the large differences flagged. */
public record FairnessReport(String column, double threshold, ThresholdMetrics overall, List<GroupMetrics> groups,
                             List<FairnessFlag> flags) {

    public FairnessReport {
        groups = List.copyOf(groups);
        flags = List.copyOf(flags);
    }
}
