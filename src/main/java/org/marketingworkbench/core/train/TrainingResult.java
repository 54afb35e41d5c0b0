package org.marketingworkbench.core.train;

import java.util.List;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * The leaderboard of a run, best first by the {@code primary} measure, and the rows kept aside for Evaluate.
 *
 * @param testRows rows of the imported table held aside as the test part (empty when none)
 * @param notes    what the user should know about the run (test part kept aside or not, leakage warnings)
 */
public record TrainingResult(TrainingSettings settings, TargetInfo target, List<LearnerResult> leaderboard,
                             MetricId primary, int[] testRows, List<UserMessage> notes) {

    public TrainingResult {
        leaderboard = List.copyOf(leaderboard);
        testRows = testRows.clone();
        notes = List.copyOf(notes);
    }

    @Override
    public int[] testRows() {
        return testRows.clone();
    }

    /** The best learner: the first on the leaderboard. */
    public LearnerResult best() {
        if (leaderboard.isEmpty()) {
            throw new IllegalStateException("no learner on the leaderboard");
        }
        return leaderboard.get(0);
    }
}
