package org.marketingworkbench.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.Metric;
import org.marketingworkbench.core.train.MetricId;
import org.marketingworkbench.core.train.Metrics;
import org.marketingworkbench.core.train.Predictions;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.core.train.Validation;

/**
 * How well the saved learner did when it was chosen, as the Train step measured it: its line on the leaderboard
 * (each measure's mean ± sd over the folds, or on the validation part), the pooled held-out AUC for two classes,
 * how it was validated and on how many customers. These are the figures of the validation the learner was chosen
 * by, not of the final model (trained on every non-test row), which has no held-out figures of its own.
 *
 * @param learnerId        the learner the figures are for
 * @param validation       cross-validation (folds) or a split, with the test part kept aside
 * @param heldOutRows      customers the figures were measured on (held out in turn, or the validation part)
 * @param primary          the measure the leaderboard was sorted by
 * @param metrics          mean ± sd per measure (sd 0 for a single validation part; a measure that does not apply is
 *                         absent)
 * @param pooledAuc        two classes: AUC of the pooled held-out predictions; NaN otherwise
 * @param learnersCompared how many learners were on the leaderboard
 */
public record EvaluationSummary(String learnerId, Validation validation, int heldOutRows, MetricId primary,
                                Map<MetricId, Metric> metrics, double pooledAuc, int learnersCompared) {

    public EvaluationSummary {
        EnumMap<MetricId, Metric> m = new EnumMap<>(MetricId.class);
        m.putAll(metrics);
        metrics = java.util.Collections.unmodifiableMap(m);
    }

    /** The figures of the best learner of {@code result} (the one {@code train --save} saves). */
    public static EvaluationSummary of(TrainingResult result) {
        return of(result, result.best().learnerId());
    }

    /**
     * The figures of {@code learnerId} on the leaderboard of {@code result}.
     *
     * @throws IllegalArgumentException when the learner is not on the leaderboard
     */
    public static EvaluationSummary of(TrainingResult result, String learnerId) {
        LearnerResult row = result.leaderboard().stream().filter(l -> l.learnerId().equals(learnerId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(learnerId + " is not on the leaderboard"));
        Predictions p = row.heldOut();
        double auc = p.positiveIndex() >= 0 && p.size() > 0 ? Metrics.pooledAuc(p) : Double.NaN;
        return new EvaluationSummary(learnerId, result.settings().validation(), p.size(), result.primary(),
                row.metrics(), auc, result.leaderboard().size());
    }

    public Optional<Metric> metric(MetricId id) {
        return Optional.ofNullable(metrics.get(id));
    }

    /** As stored in {@code model.json}; a figure that is not a number (undefined) is left out. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("learner", learnerId);
        ObjectNode v = o.putObject("validation");
        v.put("kind", validation.kind().name().toLowerCase(Locale.ROOT));
        v.put("folds", validation.folds());
        v.put("trainPercent", validation.trainPercent());
        v.put("validationPercent", validation.validationPercent());
        v.put("testPercent", validation.testPercent());
        o.put("heldOutRows", heldOutRows);
        o.put("primary", primary.name().toLowerCase(Locale.ROOT));
        ObjectNode ms = o.putObject("metrics");
        metrics.forEach((id, m) -> {
            if (Double.isFinite(m.mean())) {
                ObjectNode x = ms.putObject(id.name().toLowerCase(Locale.ROOT));
                x.put("mean", m.mean());
                if (Double.isFinite(m.sd())) {
                    x.put("sd", m.sd());
                }
            }
        });
        if (Double.isFinite(pooledAuc)) {
            o.put("pooledAuc", pooledAuc);
        }
        o.put("learnersCompared", learnersCompared);
        return o;
    }

    /**
     * Reads what {@link #toJson()} wrote; measures this version does not know are skipped.
     *
     * @throws IllegalArgumentException when the JSON is damaged
     */
    public static EvaluationSummary fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("evaluation is not an object");
        }
        JsonNode v = json.path("validation");
        int test = v.path("testPercent").asInt(0);
        Validation validation = switch (v.path("kind").asText("cross_validation")) {
            case "cross_validation" -> Validation.crossValidation(v.path("folds").asInt(Validation.DEFAULT_FOLDS), test);
            case "split" -> Validation.split(v.path("trainPercent").asInt(60), v.path("validationPercent").asInt(20), test);
            default -> throw new IllegalArgumentException("validation " + v.path("kind").asText());
        };
        Map<MetricId, Metric> metrics = new EnumMap<>(MetricId.class);
        json.path("metrics").fields().forEachRemaining(e -> {
            for (MetricId id : MetricId.values()) {
                if (id.name().equalsIgnoreCase(e.getKey())) {
                    metrics.put(id, new Metric(e.getValue().path("mean").asDouble(Double.NaN),
                            e.getValue().path("sd").asDouble(Double.NaN)));
                }
            }
        });
        MetricId primary = MetricId.valueOf(json.path("primary").asText("auc").toUpperCase(Locale.ROOT));
        return new EvaluationSummary(json.path("learner").asText(""), validation, json.path("heldOutRows").asInt(0),
                primary, metrics, json.path("pooledAuc").asDouble(Double.NaN), json.path("learnersCompared").asInt(1));
    }
}
