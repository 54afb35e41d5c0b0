package org.marketingworkbench.core.train;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.marketingworkbench.core.project.StepRecord;

/**
 * How the Train step is kept in a project: its versioned settings (enough to replay the run, the seed
 * included), a summary of the leaderboard, and the learner the user chose for Evaluate. The models
 * themselves are trained again on reopening (the same settings and data give the same models).
 */
public final class TrainStepRecord {

    private static final String CHOSEN = "chosenLearner";

    private TrainStepRecord() {
    }

    /** The record of a run; {@code result} may be null (settings only), {@code chosenLearnerId} too. */
    public static StepRecord of(TrainingSettings s, TrainingResult r, String chosenLearnerId) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        if (r != null) {
            summary.put("primary", r.primary().name());
            summary.put("testRows", r.testRows().length);
            ArrayNode board = summary.putArray("leaderboard");
            for (LearnerResult lr : r.leaderboard()) {
                ObjectNode l = board.addObject();
                l.put("id", lr.learnerId());
                ObjectNode m = l.putObject("metrics");
                lr.metrics().forEach((id, metric) -> {
                    if (!Double.isNaN(metric.mean())) {
                        ObjectNode x = m.putObject(id.name());
                        x.put("mean", metric.mean());
                        x.put("sd", Double.isNaN(metric.sd()) ? 0 : metric.sd());
                    }
                });
                l.put("trainSeconds", lr.trainSeconds());
            }
        }
        if (chosenLearnerId != null && !chosenLearnerId.isBlank()) {
            summary.put(CHOSEN, chosenLearnerId);
        }
        return new StepRecord(r != null, s.toJson(), summary);
    }

    /** The settings a project stored for its Train step. */
    public static TrainingSettings settings(StepRecord r) throws TrainException {
        return TrainingSettings.fromJson(r.settings());
    }

    /** The learner the user chose to go on to Evaluate, if any. */
    public static Optional<String> chosen(StepRecord r) {
        String id = r.result().path(CHOSEN).asText("");
        return id.isBlank() ? Optional.empty() : Optional.of(id);
    }
}
