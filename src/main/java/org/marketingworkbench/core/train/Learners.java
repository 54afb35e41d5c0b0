package org.marketingworkbench.core.train;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of learners: every learner the workbench offers, described once. */
public final class Learners {

    public static final String LOGISTIC = "logistic";
    public static final String NAIVE_BAYES = "naive_bayes";
    public static final String J48 = "j48";
    public static final String RANDOM_FOREST = "rf";
    public static final String LOGIT_BOOST = "logitboost";
    public static final String SMO = "smo";
    public static final String MLP = "mlp";
    public static final String LINEAR = "linear";
    public static final String M5P = "m5p";

    private static final Set<Task> CLASSES = Set.of(Task.BINARY, Task.MULTICLASS);

    private static final List<LearnerDefinition> ALL = List.of(
            def(LOGISTIC, CLASSES, CurveKind.NONE,
                    decimal(LOGISTIC, "ridge", "1.0E-8", 0, 1e6),
                    integer(LOGISTIC, "maxIterations", "-1", -1, 100_000)),
            def(NAIVE_BAYES, CLASSES, CurveKind.NONE,
                    bool(NAIVE_BAYES, "kernel", false),
                    bool(NAIVE_BAYES, "discretize", false)),
            def(J48, CLASSES, CurveKind.NONE,
                    decimal(J48, "confidence", "0.25", 0.001, 0.5),
                    integer(J48, "minLeaf", "2", 1, 100_000),
                    bool(J48, "unpruned", false)),
            def(RANDOM_FOREST, Set.of(Task.BINARY, Task.MULTICLASS, Task.NUMBER), CurveKind.ERROR_PER_TREES,
                    integer(RANDOM_FOREST, "trees", "100", 1, 5000),
                    integer(RANDOM_FOREST, "featuresPerSplit", "0", 0, 10_000),
                    integer(RANDOM_FOREST, "maxDepth", "0", 0, 1000)),
            def(LOGIT_BOOST, CLASSES, CurveKind.ERROR_PER_ITERATION,
                    integer(LOGIT_BOOST, "iterations", "10", 1, 10_000),
                    decimal(LOGIT_BOOST, "shrinkage", "1.0", 0.001, 1)),
            def(SMO, CLASSES, CurveKind.NONE,
                    decimal(SMO, "complexity", "1.0", 1e-6, 1e6),
                    choice(SMO, "kernel", "linear", List.of("linear", "quadratic", "rbf"))),
            def(MLP, CLASSES, CurveKind.LOSS_PER_EPOCH,
                    integer(MLP, "hiddenUnits", "0", 0, 1000),
                    integer(MLP, "epochs", "500", 1, 100_000),
                    decimal(MLP, "learningRate", "0.3", 0.0001, 1)),
            def(LINEAR, Set.of(Task.NUMBER), CurveKind.NONE,
                    decimal(LINEAR, "ridge", "1.0E-8", 0, 1e6),
                    choice(LINEAR, "selection", "m5", List.of("m5", "none", "greedy"))),
            def(M5P, Set.of(Task.NUMBER), CurveKind.NONE,
                    integer(M5P, "minLeaf", "4", 1, 100_000),
                    bool(M5P, "unpruned", false)));

    private static final Map<String, LearnerDefinition> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(LearnerDefinition::id, Function.identity()));

    private Learners() {
    }

    public static List<LearnerDefinition> all() {
        return ALL;
    }

    public static List<LearnerDefinition> forTask(Task task) {
        return ALL.stream().filter(d -> d.tasks().contains(task)).toList();
    }

    /**
     * The learner with this id.
     *
     * @throws IllegalArgumentException for an id no learner has (see {@link #exists})
     */
    public static LearnerDefinition get(String id) {
        LearnerDefinition d = BY_ID.get(id);
        if (d == null) {
            throw new IllegalArgumentException("no learner " + id + "; known: " + BY_ID.keySet());
        }
        return d;
    }

    public static boolean exists(String id) {
        return BY_ID.containsKey(id);
    }

    private static LearnerDefinition def(String id, Set<Task> tasks, CurveKind curve, LearnerOption... options) {
        return new LearnerDefinition(id, "train.learner." + id, "train.learner." + id + ".explain", tasks,
                List.of(options), curve);
    }

    private static LearnerOption integer(String learner, String id, String def, double min, double max) {
        return new LearnerOption(id, key(learner, id), key(learner, id) + ".help", OptionType.INTEGER, def, min, max,
                List.of());
    }

    private static LearnerOption decimal(String learner, String id, String def, double min, double max) {
        return new LearnerOption(id, key(learner, id), key(learner, id) + ".help", OptionType.DECIMAL, def, min, max,
                List.of());
    }

    private static LearnerOption bool(String learner, String id, boolean def) {
        return new LearnerOption(id, key(learner, id), key(learner, id) + ".help", OptionType.BOOLEAN,
                Boolean.toString(def), 0, 1, List.of());
    }

    private static LearnerOption choice(String learner, String id, String def, List<String> choices) {
        return new LearnerOption(id, key(learner, id), key(learner, id) + ".help", OptionType.CHOICE, def, 0, 0,
                choices);
    }

    private static String key(String learner, String option) {
        return "train.learner." + learner + "." + option;
    }
}
