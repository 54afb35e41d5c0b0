package org.marketingworkbench.core.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.train.Predictions;

/**
 * The threshold figures and the profit view per segment, when the project has a segment column: the same
 * grouping as {@link FairnessCheck}. A segment without buyers (or without non-buyers) has no profit view.
 *
 * @param profit the segment's profit curve counted on its own held-out customers; empty when undefined
 */
public record SegmentMetrics(GroupMetrics metrics, Optional<ProfitCurve> profit) {

    /**
     * @throws EvaluateException an unknown column, too many segments, a negative or non-number cost or value
     */
    public static List<SegmentMetrics> by(Predictions p, Dataset rows, String segmentColumn, double threshold,
                                          double costPerContact, double valuePerConversion) throws EvaluateException {
        return of(FairnessCheck.groups(p, rows, segmentColumn, threshold), costPerContact, valuePerConversion);
    }

    /** The profit view of groups already made (a {@link FairnessReport}'s), without grouping again. */
    public static List<SegmentMetrics> of(List<GroupMetrics> groups, double costPerContact, double valuePerConversion)
            throws EvaluateException {
        ProfitCurve.requireValidMoney(costPerContact, valuePerConversion);
        List<SegmentMetrics> out = new ArrayList<>();
        for (GroupMetrics g : groups) {
            RankedPredictions r = g.ranked();
            Optional<ProfitCurve> profit = r.positives() == 0 || r.negatives() == 0 ? Optional.empty()
                    : Optional.of(ProfitCurve.of(r, costPerContact, valuePerConversion, r.size()));
            out.add(new SegmentMetrics(g, profit));
        }
        return out;
    }
}
