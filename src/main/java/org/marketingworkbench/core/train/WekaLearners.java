package org.marketingworkbench.core.train;

import java.util.Map;
import weka.classifiers.Classifier;

/** How each learner of {@link Learners} becomes a Weka classifier. */
final class WekaLearners {

    private WekaLearners() {
    }

    static Classifier build(LearnerDefinition def, Map<String, String> values, String advanced, Task task, int seed)
            throws TrainException {
        throw new UnsupportedOperationException("not yet");
    }

    static String optionString(LearnerDefinition def, Map<String, String> values, Task task) {
        throw new UnsupportedOperationException("not yet");
    }
}
