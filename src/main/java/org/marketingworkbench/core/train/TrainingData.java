package org.marketingworkbench.core.train;

import java.util.List;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;

/** What a table offers for training: which columns can be the target, what the target is, which features. */
public final class TrainingData {

    /** More classes than this and the target is refused: nobody reads a 60-class leaderboard. */
    public static final int MAX_CLASSES = 50;

    private TrainingData() {
    }

    /**
     * The target's task, classes and counts.
     *
     * @throws TrainException an unknown or unusable column, no values, one class, more than {@link #MAX_CLASSES}
     */
    public static TargetInfo analyse(Dataset data, String target) throws TrainException {
        throw new UnsupportedOperationException("not yet");
    }

    /** The columns that can be a target (numbers and categories with at least two values). */
    public static List<String> targetCandidates(Dataset data) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every column but the target, with whether it is a feature by default and why not. */
    public static List<FeatureCandidate> candidates(Dataset data, String target, Progress progress)
            throws TrainException {
        throw new UnsupportedOperationException("not yet");
    }
}
