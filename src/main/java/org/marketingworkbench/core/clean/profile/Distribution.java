package org.marketingworkbench.core.clean.profile;

import java.util.List;

/**
 * Numbers for one distribution chart: a histogram of a number column or a bar chart of a category
 * column, optionally split by another column.
 *
 * @param column the column drawn
 * @param numeric true for a histogram (bins are ranges), false for category bars
 * @param binLabels one label per bin (a range such as "20 – 30", or a category, or "other")
 * @param edges for histograms {@code bins + 1} bin edges, lower edge inclusive, the last bin also
 *        includes its upper edge; empty for categories
 * @param groups the split column's groups (one group named "all" when not split)
 * @param counts {@code counts[g][b]}: rows of group g in bin b
 * @param missing {@code missing[g]}: rows of group g with no value in the column
 */
public record Distribution(String column, boolean numeric, List<String> binLabels, double[] edges,
        List<String> groups, long[][] counts, long[] missing) {

    /** Label of the group when no split column is chosen. */
    public static final String ALL = "all";
    /** Label of the bin / group that gathers the labels beyond the top N. */
    public static final String OTHER = "other";
    /** Label of the group of rows whose split value is missing. */
    public static final String MISSING = "(missing)";

    public int binCount() {
        return binLabels.size();
    }

    /** Rows in bin b over all groups. */
    public long total(int bin) {
        long t = 0;
        for (long[] g : counts) {
            t += g[bin];
        }
        return t;
    }
}
