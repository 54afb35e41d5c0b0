package org.marketingworkbench.core.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import weka.classifiers.Classifier;

/**
 * One learner, described once: its id (settings JSON, the command line), label and explanation keys, the
 * tasks it can do, its plain-language settings with defaults, and the live curve it gives. Forms, JSON, the
 * CLI and the Explain panel all read this; {@link #build} and {@link #wekaOptions} turn settings into Weka.
 */
public record LearnerDefinition(String id, String labelKey, String explainKey, Set<Task> tasks,
                                List<LearnerOption> options, CurveKind curve) {

    public LearnerDefinition {
        tasks = Set.copyOf(tasks);
        options = List.copyOf(options);
    }

    /** Each setting's default value, by setting id, in the order of {@link #options}. */
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        options.forEach(o -> d.put(o.id(), o.defaultValue()));
        return d;
    }

    /** The setting with this id, if the learner has it. */
    public java.util.Optional<LearnerOption> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }

    /**
     * A new, untrained Weka classifier for {@code task}.
     *
     * @param values              plain settings by id (missing ones take their default)
     * @param advancedWekaOptions a Weka option string that replaces the one the plain settings give; blank to
     *                            use the plain settings
     * @param seed                the run's seed, given to learners that use randomness (unless the advanced
     *                            string sets {@code -S} itself)
     * @throws TrainException the learner cannot do {@code task}, or a value or the option string is invalid
     */
    public Classifier build(Map<String, String> values, String advancedWekaOptions, Task task, int seed)
            throws TrainException {
        return WekaLearners.build(this, values, advancedWekaOptions, task, seed);
    }

    /** The Weka option string the plain settings give, for the "advanced" view. */
    public String wekaOptions(Map<String, String> values, Task task) {
        return WekaLearners.optionString(this, values, task);
    }
}
