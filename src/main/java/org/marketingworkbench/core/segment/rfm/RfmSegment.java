package org.marketingworkbench.core.segment.rfm;

import java.util.Locale;
import java.util.Optional;

/**
 * The eleven classic RFM segments, best first. A customer's segment follows from the R score and the FM
 * score, the average of the F and M scores rounded half up ({@link #fm}), on this grid (rows R, columns FM):
 *
 * <pre>
 *  R \ FM   1                2                3                4            5
 *  5        New              Potential loyal. Potential loyal. Champions    Champions
 *  4        Promising        Potential loyal. Potential loyal. Loyal        Loyal
 *  3        About to sleep   About to sleep   Need attention   Loyal        Loyal
 *  2        Hibernating      Hibernating      At risk          At risk      Can't lose them
 *  1        Lost             Hibernating      At risk          At risk      Can't lose them
 * </pre>
 *
 * It is the widely used R-against-F map (Champions {@code 5[4-5]}, Loyal {@code [3-4][4-5]}, Potential
 * loyalists {@code [4-5][2-3]}, New {@code 51}, Promising {@code 41}, Need attention {@code 33}, About to
 * sleep {@code 3[1-2]}, At risk {@code [1-2][3-4]}, Can't lose them {@code [1-2]5}, Hibernating
 * {@code [1-2][1-2]}) read with FM in place of F, so that a big spender who buys rarely is not filed with
 * the small ones, and with its lowest corner (R 1, FM 1) split off as Lost. See ADR 0015.
 */
public enum RfmSegment {
    CHAMPIONS,
    LOYAL,
    POTENTIAL_LOYALISTS,
    NEW,
    PROMISING,
    NEED_ATTENTION,
    ABOUT_TO_SLEEP,
    AT_RISK,
    CANT_LOSE_THEM,
    HIBERNATING,
    LOST;

    /** Rows R 1..5 (index 0..4), columns FM 1..5. */
    private static final RfmSegment[][] GRID = {
        {LOST, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE_THEM},
        {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANT_LOSE_THEM},
        {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
        {PROMISING, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, LOYAL, LOYAL},
        {NEW, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, CHAMPIONS, CHAMPIONS},
    };

    /** The segment of R score {@code r} and FM score {@code fm}, both 1..5. */
    public static RfmSegment of(int r, int fm) {
        if (r < 1 || r > 5 || fm < 1 || fm > 5) {
            throw new IllegalArgumentException("scores are 1..5: r=" + r + ", fm=" + fm);
        }
        return GRID[r - 1][fm - 1];
    }

    /** The FM score: the average of the F and M scores, rounded half up (F 3, M 4 gives 4). */
    public static int fm(int f, int m) {
        return (f + m + 1) / 2;
    }

    /** Stable name in files and on the command line: "champions", "cant_lose_them". */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bundle key of the segment's name in the user's language. */
    public String labelKey() {
        return "rfm.segment." + id();
    }

    /** The bundle key of one sentence on what the segment is and what to do with it. */
    public String adviceKey() {
        return "rfm.segmentAdvice." + id();
    }

    public static Optional<RfmSegment> fromId(String id) {
        for (RfmSegment s : values()) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
