package org.marketingworkbench.core.evaluate;

import java.util.Optional;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * The threshold figures of one group of held-out customers (a gender, an age band, a segment).
 *
 * @param group     the group's value; empty for customers with no value in the column
 * @param customers held-out customers in the group
 * @param positives actual positives among them
 * @param metrics   the figures at the report's threshold; undefined ones (recall without buyers) are NaN
 * @param ranked    the group's predictions ranked, for its curves and profit view
 * @param note      why the group's figures are not compared (too few customers, no buyers), if so
 */
public record GroupMetrics(String group, int customers, int positives, ThresholdMetrics metrics,
                           RankedPredictions ranked, Optional<UserMessage> note) {

    public boolean isMissingValue() {
        return group.isEmpty();
    }
}
