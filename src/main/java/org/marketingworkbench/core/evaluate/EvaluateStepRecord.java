package org.marketingworkbench.core.evaluate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.marketingworkbench.core.project.StepRecord;

/**
 * How the Evaluate step is kept in a project: version 1 of its settings (threshold, cost and value as typed).
 * The figures themselves are worked out again from the Train step's replayed predictions.
 *
 * <pre>{ "version": 1, "threshold": 0.35, "cost": "5", "value": "50" }</pre>
 */
public final class EvaluateStepRecord {

    public static final int CURRENT_VERSION = 1;

    private EvaluateStepRecord() {
    }

    /** The record of an evaluation the user has seen (done). */
    public static StepRecord of(EvaluateSettings s) {
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        settings.put("version", CURRENT_VERSION);
        settings.put("threshold", s.threshold());
        settings.put("cost", s.cost());
        settings.put("value", s.value());
        return new StepRecord(true, settings, null);
    }

    /** The settings a project kept; a setting it lacks (an older or a damaged record) takes its default. */
    public static EvaluateSettings settings(StepRecord record) {
        ObjectNode s = record.settings();
        double threshold = s.path("threshold").isNumber() ? s.get("threshold").asDouble()
                : EvaluateSettings.DEFAULT_THRESHOLD;
        if (!Double.isFinite(threshold) || threshold < 0 || threshold > 1) {
            threshold = EvaluateSettings.DEFAULT_THRESHOLD;
        }
        return new EvaluateSettings(threshold,
                s.hasNonNull("cost") ? s.get("cost").asText() : EvaluateSettings.DEFAULT_COST,
                s.hasNonNull("value") ? s.get("value").asText() : EvaluateSettings.DEFAULT_VALUE);
    }
}
