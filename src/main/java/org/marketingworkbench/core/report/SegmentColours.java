package org.marketingworkbench.core.report;

/**
 * The segment colours of the app's charts (ui/segment/SegmentPalette), for the report: segment {@code n} has the
 * same colour on the screen and in the report. Okabe–Ito without its black, then the Tableau 10 colours not close
 * to one of them. The profile heatmap's diverging scale runs from blue (below average) through a light grey to
 * orange (above), clamped at ±{@value #DIVERGING_LIMIT} standard deviations. This is the one definition: the
 * JavaFX palette reads its colours from here (core cannot use JavaFX, the screen can use core).
 */
public final class SegmentColours {

    private static final String[] CATEGORICAL = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999",
        "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#9C755F", "#EDC948", "#76B7B2", "#FF9DA7",
    };

    public static final double DIVERGING_LIMIT = 2.0;
    public static final String BELOW = "#2166AC";
    public static final String ABOVE = "#D9650B";
    public static final String NEUTRAL = "#F7F7F7";

    private SegmentColours() {
    }

    public static int size() {
        return CATEGORICAL.length;
    }

    /** Segment {@code number}'s colour (1-based), such as {@code #0072B2}. */
    public static String hex(int number) {
        return CATEGORICAL[Math.floorMod(number - 1, CATEGORICAL.length)];
    }
}
