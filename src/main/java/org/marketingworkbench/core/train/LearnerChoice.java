package org.marketingworkbench.core.train;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A learner picked for a run, with its plain settings and an optional Weka option string that overrides
 * them ("advanced"; blank = built from the plain settings).
 */
public record LearnerChoice(String learnerId, Map<String, String> options, String advancedWekaOptions) {

    public LearnerChoice {
        Objects.requireNonNull(learnerId, "learnerId");
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        advancedWekaOptions = advancedWekaOptions == null ? "" : advancedWekaOptions.strip();
    }

    /** The learner with its default settings. */
    public static LearnerChoice defaults(String learnerId) {
        return new LearnerChoice(learnerId, Learners.get(learnerId).defaults(), "");
    }
}
