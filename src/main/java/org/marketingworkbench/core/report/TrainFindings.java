package org.marketingworkbench.core.report;

import java.util.List;
import java.util.Objects;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.TrainingResult;

/**
 * What the Train step found: the leaderboard (best first) and the learner chosen for Evaluate.
 *
 * @param chosenLearnerId the learner the user chose (the best one when the project names none or one not run)
 * @param notices         remarks on the run (the segment left out, features the data no longer has)
 */
public record TrainFindings(TrainingResult result, String chosenLearnerId, List<UserMessage> notices) {

    public TrainFindings {
        Objects.requireNonNull(result, "result");
        if (result.leaderboard().isEmpty()) {
            throw new IllegalArgumentException("a training run without a learner on its leaderboard");
        }
        String wanted = chosenLearnerId;
        if (wanted == null || result.leaderboard().stream().noneMatch(l -> l.learnerId().equals(wanted))) {
            chosenLearnerId = result.best().learnerId();
        }
        notices = List.copyOf(notices);
    }

    public LearnerResult chosen() {
        return result.leaderboard().stream().filter(l -> l.learnerId().equals(chosenLearnerId)).findFirst()
                .orElseThrow();
    }
}
