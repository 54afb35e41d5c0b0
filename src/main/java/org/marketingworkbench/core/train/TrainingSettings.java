package org.marketingworkbench.core.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * What the Train step is asked to do. Versioned, so that projects saved today still open when settings are
 * added ({@link #fromJson} migrates older versions).
 *
 * @param target        the target column
 * @param positiveClass for two classes, the class that means "yes" (blank for other tasks)
 * @param features      the columns to train on
 * @param learners      the learners to compare, in the user's order
 * @param validation    cross-validation or a split
 * @param seed          the random seed for the split, the folds and the learners
 * @param imbalance     what to do about a rare class
 */
public record TrainingSettings(int version, String target, String positiveClass, List<String> features,
                               List<LearnerChoice> learners, Validation validation, int seed, Imbalance imbalance) {

    public static final int CURRENT_VERSION = 1;
    public static final int DEFAULT_SEED = 1;
    public static final int MAX_FOLDS = 50;

    public TrainingSettings {
        target = target == null ? "" : target;
        positiveClass = positiveClass == null ? "" : positiveClass;
        features = List.copyOf(features);
        learners = List.copyOf(learners);
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(imbalance, "imbalance");
    }

    /** Settings with 10-fold cross-validation, no test part, seed 1, no imbalance treatment. */
    public static TrainingSettings of(String target, String positiveClass, List<String> features,
                                      List<LearnerChoice> learners) {
        return new TrainingSettings(CURRENT_VERSION, target, positiveClass, features, learners,
                Validation.crossValidation(Validation.DEFAULT_FOLDS, 0), DEFAULT_SEED, Imbalance.NONE);
    }

    public TrainingSettings withFeatures(List<String> v) {
        return new TrainingSettings(version, target, positiveClass, v, learners, validation, seed, imbalance);
    }

    public TrainingSettings withLearners(List<LearnerChoice> v) {
        return new TrainingSettings(version, target, positiveClass, features, v, validation, seed, imbalance);
    }

    public TrainingSettings withValidation(Validation v) {
        return new TrainingSettings(version, target, positiveClass, features, learners, v, seed, imbalance);
    }

    public TrainingSettings withSeed(int v) {
        return new TrainingSettings(version, target, positiveClass, features, learners, validation, v, imbalance);
    }

    public TrainingSettings withImbalance(Imbalance v) {
        return new TrainingSettings(version, target, positiveClass, features, learners, validation, seed, v);
    }

    public TrainingSettings withPositiveClass(String v) {
        return new TrainingSettings(version, target, v, features, learners, validation, seed, imbalance);
    }

    /** The choice for a learner id, if the settings have it. */
    public Optional<LearnerChoice> learner(String learnerId) {
        return learners.stream().filter(l -> l.learnerId().equals(learnerId)).findFirst();
    }

    /** Why these settings cannot run (before any data is looked at), if anything. */
    public Optional<UserMessage> problem() {
        if (target.isBlank()) {
            return Optional.of(UserMessage.of("train.error.noTarget"));
        }
        if (features.isEmpty()) {
            return Optional.of(UserMessage.of("train.error.noFeatures"));
        }
        if (features.contains(target)) {
            return Optional.of(UserMessage.of("train.error.targetAsFeature", target));
        }
        if (new HashSet<>(features).size() != features.size()) {
            return Optional.of(UserMessage.of("train.error.duplicateFeature"));
        }
        if (learners.isEmpty()) {
            return Optional.of(UserMessage.of("train.error.noLearners"));
        }
        Set<String> ids = new HashSet<>();
        for (LearnerChoice c : learners) {
            if (!Learners.exists(c.learnerId())) {
                return Optional.of(UserMessage.of("train.error.unknownLearner", c.learnerId()));
            }
            if (!ids.add(c.learnerId())) {
                return Optional.of(UserMessage.of("train.error.duplicateLearner", c.learnerId()));
            }
        }
        Validation v = validation;
        if (v.testPercent() < 0 || v.testPercent() > 50) {
            return Optional.of(UserMessage.of("train.error.testPercent", v.testPercent()));
        }
        if (v.kind() == Validation.Kind.CROSS_VALIDATION) {
            if (v.folds() < 2 || v.folds() > MAX_FOLDS) {
                return Optional.of(UserMessage.of("train.error.folds", v.folds(), MAX_FOLDS));
            }
        } else if (v.trainPercent() < 10 || v.validationPercent() < 5
                || v.trainPercent() + v.validationPercent() + v.testPercent() != 100) {
            return Optional.of(UserMessage.of("train.error.splitPercent", v.trainPercent(), v.validationPercent(),
                    v.testPercent()));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- JSON

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("version", CURRENT_VERSION);
        o.put("target", target);
        o.put("positiveClass", positiveClass);
        ArrayNode f = o.putArray("features");
        features.forEach(f::add);
        ArrayNode ls = o.putArray("learners");
        for (LearnerChoice c : learners) {
            ObjectNode l = ls.addObject();
            l.put("id", c.learnerId());
            ObjectNode opts = l.putObject("options");
            c.options().forEach(opts::put);
            l.put("advancedWekaOptions", c.advancedWekaOptions());
        }
        ObjectNode v = o.putObject("validation");
        v.put("kind", validation.kind().name().toLowerCase(Locale.ROOT));
        v.put("folds", validation.folds());
        v.put("trainPercent", validation.trainPercent());
        v.put("validationPercent", validation.validationPercent());
        v.put("testPercent", validation.testPercent());
        o.put("seed", seed);
        o.put("imbalance", imbalance.name().toLowerCase(Locale.ROOT));
        return o;
    }

    /**
     * Reads settings stored by any version of the workbench. Version 1 is the first; settings without a
     * version are read as version 1. Settings from a newer workbench are refused with a message.
     */
    public static TrainingSettings fromJson(JsonNode json) throws TrainException {
        if (json == null || !json.isObject()) {
            throw unreadable("not an object");
        }
        int ver = json.path("version").asInt(1);
        if (ver > CURRENT_VERSION) {
            throw new TrainException(TrainException.Reason.UNREADABLE_SETTINGS,
                    UserMessage.of("train.error.settingsNewer", ver, CURRENT_VERSION));
        }
        ObjectNode o = migrate(((ObjectNode) json).deepCopy(), ver);
        List<String> features = new ArrayList<>();
        o.path("features").forEach(n -> features.add(n.asText()));
        List<LearnerChoice> learners = new ArrayList<>();
        for (JsonNode l : o.path("learners")) {
            String id = l.path("id").asText("");
            if (id.isBlank()) {
                throw unreadable("learner without id");
            }
            Map<String, String> opts = new LinkedHashMap<>();
            l.path("options").fields().forEachRemaining(e -> opts.put(e.getKey(), e.getValue().asText()));
            learners.add(new LearnerChoice(id, opts, l.path("advancedWekaOptions").asText("")));
        }
        JsonNode v = o.path("validation");
        Validation validation;
        String kind = v.path("kind").asText("cross_validation");
        int test = v.path("testPercent").asInt(0);
        switch (kind) {
            case "cross_validation" -> validation = Validation.crossValidation(
                    v.path("folds").asInt(Validation.DEFAULT_FOLDS), test);
            case "split" -> validation = Validation.split(v.path("trainPercent").asInt(60),
                    v.path("validationPercent").asInt(20), test);
            default -> throw unreadable("validation " + kind);
        }
        String imb = o.path("imbalance").asText("none");
        Imbalance imbalance;
        try {
            imbalance = Imbalance.valueOf(imb.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unreadable("imbalance " + imb);
        }
        return new TrainingSettings(CURRENT_VERSION, o.path("target").asText(""), o.path("positiveClass").asText(""),
                features, learners, validation, o.path("seed").asInt(DEFAULT_SEED), imbalance);
    }

    private static TrainException unreadable(String what) {
        return new TrainException(TrainException.Reason.UNREADABLE_SETTINGS,
                UserMessage.of("train.error.settingsInvalid", what));
    }

    /** Brings stored settings of version {@code from} up to the current version. */
    private static ObjectNode migrate(ObjectNode o, int from) {
        // Version 1 is the first stored version: nothing to migrate yet.
        return o;
    }
}
