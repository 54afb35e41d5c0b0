package org.marketingworkbench.core.segment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * One segment described for a marketer: how big it is, what sets it apart in words, what it spends (when the
 * data has a money column) and a proposed name. Every text is a {@link UserMessage}, so the screen shows it in
 * the user's language. Made by {@link SegmentDescriber}.
 *
 * @param number       the segment's number (1 = the largest)
 * @param size         customers in the segment
 * @param share        size over the customers segmented
 * @param silhouette   the segment's mean silhouette (NaN when not measured)
 * @param traits       what sets the segment apart, strongest first (at most {@link SegmentDescriber#MAX_TRAITS},
 *                     each at least {@link SegmentDescriber#TRAIT_THRESHOLD} standard deviations from average)
 * @param spend        the segment's spend, when the data has a money column
 * @param proposedName a plain-language name built from the strongest traits, unique within the result
 */
public record SegmentCard(int number, int size, double share, double silhouette, List<Trait> traits,
                          Optional<Spend> spend, UserMessage proposedName) {

    public SegmentCard {
        traits = List.copyOf(traits);
    }

    /**
     * One thing that sets a segment apart.
     *
     * @param column       the profile column (a number feature, or one value of a category)
     * @param z            (segment mean − overall mean) / overall sd, as in {@link Segment#meanZ()}
     * @param segmentValue the segment's mean (a value's share for a category)
     * @param overallValue the mean over all segmented customers (a value's share for a category)
     * @param words        "Annual Income (k$): much higher than average (88.2 vs 60.56)", "mostly Female (78% vs
     *                     56% overall)"
     */
    public record Trait(ProfileColumn column, double z, double segmentValue, double overallValue, UserMessage words) {
    }

    /**
     * What a segment spends, from a money column of the data (whether or not it was a feature).
     *
     * @param column       the money column's name
     * @param mean         the segment's mean spend per customer with a value
     * @param total        the segment's total spend
     * @param shareOfTotal the segment's total over the total of all segmented customers (0..1)
     * @param overallMean  the mean spend over all segmented customers with a value
     * @param words        the figures in one line, for the card
     */
    public record Spend(String column, double mean, double total, double shareOfTotal, double overallMean,
                        UserMessage words) {
    }

    /** "81 customers (41%)". */
    public UserMessage sizeWords() {
        return UserMessage.of("segment.card.size", size, share);
    }

    /** The name to show: the one the user typed for this segment, if any (not blank), else the proposed one. */
    public String displayName(Map<Integer, String> userNames, Locale locale) {
        String typed = userNames.get(number);
        return typed != null && !typed.isBlank() ? typed.strip() : proposedName.format(locale);
    }
}
