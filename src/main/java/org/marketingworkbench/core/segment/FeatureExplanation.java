package org.marketingworkbench.core.segment;

import java.util.List;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Why the features were prepared as they were, in the user's numbers: each feature's spread and its share
 * of the differences between customers with and without scaling ("unscaled, income would make up 97% of
 * the distances"), and the lines the Explain panel shows.
 *
 * @param spreads one entry per feature in use
 * @param lines   the explanation, in order
 */
public record FeatureExplanation(List<Spread> spreads, List<UserMessage> lines) {

    /**
     * One feature's spread.
     *
     * @param sd             a number's standard deviation in its own units (NaN for a category)
     * @param shareUnscaled  its share of the total variance if numbers were used in their own units
     * @param shareUsed      its share of the total variance as the features are used
     */
    public record Spread(String feature, boolean category, double sd, double shareUnscaled, double shareUsed) {
    }

    public FeatureExplanation {
        spreads = List.copyOf(spreads);
        lines = List.copyOf(lines);
    }
}
