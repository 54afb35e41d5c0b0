package org.marketingworkbench.core.train;

import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Hears about a training run while it goes. Methods may be called from worker threads, concurrently for
 * different learners; a screen hands them to its own thread.
 */
public interface TrainingListener {

    /** A learner's own progress in [0, 1], with what it is doing. */
    void learnerProgress(String learnerId, double fraction, UserMessage status);

    /** A new point of a learner's live curve (of its first fold, or of the split's validation part). */
    void curvePoint(String learnerId, CurvePoint point);

    /** A learner finished all its folds. */
    void learnerDone(LearnerResult result);

    TrainingListener NONE = new TrainingListener() {
        @Override
        public void learnerProgress(String learnerId, double fraction, UserMessage status) {
        }

        @Override
        public void curvePoint(String learnerId, CurvePoint point) {
        }

        @Override
        public void learnerDone(LearnerResult result) {
        }
    };
}
