package org.marketingworkbench.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.adapter.weka.InspectableRandomForest;
import org.marketingworkbench.core.i18n.UserMessage;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.bayes.NaiveBayes;
import weka.classifiers.functions.LinearRegression;
import weka.classifiers.functions.Logistic;
import weka.classifiers.functions.MultilayerPerceptron;
import weka.classifiers.functions.SMO;
import weka.classifiers.meta.LogitBoost;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.M5P;
import weka.core.Randomizable;
import weka.core.Utils;

/**
 * How each learner of {@link Learners} becomes a Weka classifier: the class, and the Weka options its plain
 * settings stand for. The one place that knows Weka's option letters.
 */
final class WekaLearners {

    private WekaLearners() {
    }

    static Classifier build(LearnerDefinition def, Map<String, String> values, String advanced, Task task, int seed)
            throws TrainException {
        if (!def.tasks().contains(task)) {
            throw new TrainException(TrainException.Reason.LEARNER_NOT_FOR_TASK, UserMessage.of(
                    "train.error.learnerNotForTask", UserMessage.of(def.labelKey()), UserMessage.of("train.task." + task.name().toLowerCase(java.util.Locale.ROOT))));
        }
        Map<String, String> v = checked(def, values);
        String[] options;
        boolean ownSeed = false;
        if (advanced != null && !advanced.isBlank()) {
            try {
                options = Utils.splitOptions(advanced);
            } catch (Exception e) {
                throw invalid(def, advanced, e);
            }
            ownSeed = Arrays.asList(options).contains("-S");
        } else {
            options = options(def.id(), v).toArray(String[]::new);
        }
        Classifier c = instance(def.id());
        try {
            ((AbstractClassifier) c).setOptions(options.clone());
        } catch (Exception e) {
            throw invalid(def, advanced == null || advanced.isBlank() ? String.join(" ", options) : advanced, e);
        }
        if (!ownSeed && c instanceof Randomizable r) {
            r.setSeed(seed);
        }
        if (c instanceof InspectableRandomForest rf) {
            rf.setNumExecutionSlots(1); // the Train step runs folds and learners in parallel itself
        }
        return c;
    }

    private static TrainException invalid(LearnerDefinition def, String options, Exception e) {
        return new TrainException(TrainException.Reason.INVALID_OPTIONS, UserMessage.of("train.error.wekaOptions",
                UserMessage.of(def.labelKey()), options, String.valueOf(e.getMessage())), e);
    }

    static String optionString(LearnerDefinition def, Map<String, String> values, Task task) {
        Map<String, String> v = new java.util.LinkedHashMap<>(def.defaults());
        values.forEach((k, x) -> {
            if (v.containsKey(k) && x != null && !x.isBlank()) {
                v.put(k, x.strip());
            }
        });
        return Utils.joinOptions(options(def.id(), v).toArray(String[]::new));
    }

    /** The values with defaults filled in, each checked against its option's type and range. */
    private static Map<String, String> checked(LearnerDefinition def, Map<String, String> values)
            throws TrainException {
        Map<String, String> v = new java.util.LinkedHashMap<>(def.defaults());
        for (Map.Entry<String, String> e : values.entrySet()) {
            LearnerOption o = def.option(e.getKey()).orElseThrow(() -> new TrainException(
                    TrainException.Reason.INVALID_OPTIONS, UserMessage.of("train.error.unknownOption",
                            UserMessage.of(def.labelKey()), e.getKey())));
            String x = e.getValue() == null ? "" : e.getValue().strip();
            if (x.isEmpty()) {
                continue;
            }
            boolean ok = switch (o.type()) {
                case INTEGER -> x.matches("-?\\d+") && inRange(o, Long.parseLong(x));
                case DECIMAL -> isNumber(x) && inRange(o, Double.parseDouble(x));
                case BOOLEAN -> x.equals("true") || x.equals("false");
                case CHOICE -> o.choices().contains(x);
            };
            if (!ok) {
                throw new TrainException(TrainException.Reason.INVALID_OPTIONS, UserMessage.of("train.error.optionValue",
                        UserMessage.of(o.labelKey()), x, UserMessage.of(def.labelKey())));
            }
            v.put(o.id(), x);
        }
        return v;
    }

    private static boolean isNumber(String x) {
        try {
            double d = Double.parseDouble(x);
            return !Double.isNaN(d) && !Double.isInfinite(d);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean inRange(LearnerOption o, double d) {
        return d >= o.min() && d <= o.max();
    }

    private static Classifier instance(String id) {
        return switch (id) {
            case Learners.LOGISTIC -> new Logistic();
            case Learners.NAIVE_BAYES -> new NaiveBayes();
            case Learners.J48 -> new J48();
            case Learners.RANDOM_FOREST -> new InspectableRandomForest();
            case Learners.LOGIT_BOOST -> new LogitBoost();
            case Learners.SMO -> new SMO();
            case Learners.MLP -> new MultilayerPerceptron();
            case Learners.LINEAR -> new LinearRegression();
            case Learners.M5P -> new M5P();
            default -> throw new IllegalArgumentException("no Weka class for learner " + id);
        };
    }

    /** The Weka options the plain settings {@code v} (complete, checked) stand for. */
    private static List<String> options(String id, Map<String, String> v) {
        List<String> o = new ArrayList<>();
        switch (id) {
            case Learners.LOGISTIC -> {
                o.addAll(List.of("-R", v.get("ridge"), "-M", v.get("maxIterations")));
            }
            case Learners.NAIVE_BAYES -> {
                if (Boolean.parseBoolean(v.get("kernel"))) {
                    o.add("-K");
                } else if (Boolean.parseBoolean(v.get("discretize"))) {
                    o.add("-D");
                }
            }
            case Learners.J48 -> {
                if (Boolean.parseBoolean(v.get("unpruned"))) {
                    o.add("-U");
                } else {
                    o.addAll(List.of("-C", v.get("confidence")));
                }
                o.addAll(List.of("-M", v.get("minLeaf")));
            }
            case Learners.RANDOM_FOREST -> {
                o.addAll(List.of("-I", v.get("trees"), "-K", v.get("featuresPerSplit"), "-depth", v.get("maxDepth")));
            }
            case Learners.LOGIT_BOOST -> {
                o.addAll(List.of("-I", v.get("iterations"), "-H", v.get("shrinkage")));
            }
            case Learners.SMO -> {
                o.addAll(List.of("-C", v.get("complexity"), "-M", "-K"));
                o.add(switch (v.get("kernel")) {
                    case "quadratic" -> "weka.classifiers.functions.supportVector.PolyKernel -E 2.0";
                    case "rbf" -> "weka.classifiers.functions.supportVector.RBFKernel -G 0.01";
                    default -> "weka.classifiers.functions.supportVector.PolyKernel -E 1.0";
                });
            }
            case Learners.MLP -> {
                int hidden = Integer.parseInt(v.get("hiddenUnits"));
                o.addAll(List.of("-L", v.get("learningRate"), "-M", "0.2", "-N", v.get("epochs"), "-H",
                        hidden == 0 ? "a" : Integer.toString(hidden)));
            }
            case Learners.LINEAR -> {
                o.addAll(List.of("-S", switch (v.get("selection")) {
                    case "none" -> "1";
                    case "greedy" -> "2";
                    default -> "0";
                }, "-R", v.get("ridge")));
            }
            case Learners.M5P -> {
                o.addAll(List.of("-M", v.get("minLeaf")));
                if (Boolean.parseBoolean(v.get("unpruned"))) {
                    o.add("-N");
                }
            }
            default -> throw new IllegalArgumentException("no options for learner " + id);
        }
        return o;
    }
}
