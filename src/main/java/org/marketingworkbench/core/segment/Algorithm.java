package org.marketingworkbench.core.segment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * The clustering algorithms the Segment step offers, each described once: its id (settings JSON, the CLI's
 * {@code --algorithm}, the bundle keys {@code segment.algorithm.<id>} and {@code segment.algorithm.<id>.explain}),
 * whether it can choose the number of segments itself, whether restarts apply, and the most rows it is
 * fitted on (beyond that, a seeded random sample of that many rows; every row is then assigned).
 */
public enum Algorithm {
    /** {@link FastKMeans}: every row, restarts, numbers scaled and categories one-hot (see {@link FeaturePreparation}). */
    KMEANS("kmeans", false, true, 0),
    /**
     * Weka's {@code EM} (a Gaussian mixture with diagonal covariances; categories as their own discrete
     * distributions, no one-hot), fitted on at most {@value #EM_ROWS} rows; it can choose the number of
     * segments by cross-validation.
     */
    EM("em", true, false, Algorithm.EM_ROWS),
    /**
     * Weka's {@code HierarchicalClusterer} with Ward linkage on the same scaled, one-hot features as k-means,
     * on at most {@value #HIERARCHICAL_ROWS} rows: its time grows with the cube of the rows (2,000 rows took
     * 45 s here). Rows beyond the sample join the segment with the nearest centre.
     */
    HIERARCHICAL("hierarchical", false, false, Algorithm.HIERARCHICAL_ROWS);

    static final int EM_ROWS = 10_000;
    static final int HIERARCHICAL_ROWS = 1_000;

    private final String id;
    private final boolean choosesK;
    private final boolean usesRestarts;
    private final int rowLimit;

    Algorithm(String id, boolean choosesK, boolean usesRestarts, int rowLimit) {
        this.id = id;
        this.choosesK = choosesK;
        this.usesRestarts = usesRestarts;
        this.rowLimit = rowLimit;
    }

    public String id() {
        return id;
    }

    public UserMessage label() {
        return UserMessage.of("segment.algorithm." + id);
    }

    /** What the algorithm does with the data, for the Explain panel. */
    public UserMessage explanation() {
        return rowLimit == 0 ? UserMessage.of("segment.algorithm." + id + ".explain")
                : UserMessage.of("segment.algorithm." + id + ".explain", rowLimit);
    }

    /** Whether the algorithm can find the number of segments itself (k = {@link SegmentationSettings#AUTOMATIC_K}). */
    public boolean choosesK() {
        return choosesK;
    }

    public boolean usesRestarts() {
        return usesRestarts;
    }

    /** The most rows the algorithm is fitted on; 0 = every row. */
    public int rowLimit() {
        return rowLimit;
    }

    public static Optional<Algorithm> fromId(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(wanted) || a.name().equalsIgnoreCase(wanted)).findFirst();
    }
}
