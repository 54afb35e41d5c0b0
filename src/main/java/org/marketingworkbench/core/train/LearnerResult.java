package org.marketingworkbench.core.train;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * One learner's line on the leaderboard.
 *
 * @param metrics      mean ± sd over folds
 * @param trainSeconds the learner's training time summed over folds (fitting the recipe not included)
 * @param curveKind    the live curve this learner gave ({@link CurveKind#NONE}: none)
 * @param curve        the curve of the first fold (or of the validation part)
 * @param curveNote    what the curve shows, or why there is none
 * @param heldOut      pooled held-out predictions
 */
public record LearnerResult(LearnerChoice choice, Map<MetricId, Metric> metrics, double trainSeconds,
                            CurveKind curveKind, List<CurvePoint> curve, UserMessage curveNote, Predictions heldOut) {

    public LearnerResult {
        java.util.EnumMap<MetricId, Metric> m = new java.util.EnumMap<>(MetricId.class);
        m.putAll(metrics);
        metrics = java.util.Collections.unmodifiableMap(m);
        curve = List.copyOf(curve);
    }

    public String learnerId() {
        return choice.learnerId();
    }

    public Optional<Metric> metric(MetricId id) {
        return Optional.ofNullable(metrics.get(id));
    }
}
