package org.marketingworkbench.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * What the Segment step is asked to do: which features, how many segments, which algorithm, the seed,
 * how numbers are scaled and how many k-means restarts. Versioned, so that projects saved today still open
 * when settings are added ({@link #fromJson} migrates older versions).
 *
 * @param version   format version of these settings ({@link #CURRENT_VERSION} when made here)
 * @param features  the columns to segment on, in the user's order
 * @param k         the number of segments; {@link #AUTOMATIC_K} lets an algorithm that can ({@link Algorithm#choosesK()}) choose
 * @param algorithm the clustering algorithm
 * @param seed      the random seed: the same seed and data give the same segments, numbered the same way
 * @param scaling   how number features are scaled
 * @param restarts  k-means runs from different starts; the best is kept (ignored by the other algorithms)
 */
public record SegmentationSettings(int version, List<String> features, int k, Algorithm algorithm, int seed,
                                   Scaling scaling, int restarts) {

    public static final int CURRENT_VERSION = 1;
    public static final int AUTOMATIC_K = 0;
    public static final int DEFAULT_K = 4;
    public static final int DEFAULT_SEED = 1;

    public SegmentationSettings {
        features = List.copyOf(features);
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(scaling, "scaling");
    }

    /** k-means on {@code features} with k segments, seed 1, standardised numbers and 10 restarts. */
    public static SegmentationSettings kMeans(List<String> features, int k) {
        return new SegmentationSettings(CURRENT_VERSION, features, k, Algorithm.KMEANS, DEFAULT_SEED,
                Scaling.STANDARDISE, FastKMeans.DEFAULT_RESTARTS);
    }

    public SegmentationSettings withFeatures(List<String> v) {
        return new SegmentationSettings(version, v, k, algorithm, seed, scaling, restarts);
    }

    public SegmentationSettings withK(int v) {
        return new SegmentationSettings(version, features, v, algorithm, seed, scaling, restarts);
    }

    public SegmentationSettings withAlgorithm(Algorithm v) {
        return new SegmentationSettings(version, features, k, v, seed, scaling, restarts);
    }

    public SegmentationSettings withSeed(int v) {
        return new SegmentationSettings(version, features, k, algorithm, v, scaling, restarts);
    }

    public SegmentationSettings withScaling(Scaling v) {
        return new SegmentationSettings(version, features, k, algorithm, seed, v, restarts);
    }

    public SegmentationSettings withRestarts(int v) {
        return new SegmentationSettings(version, features, k, algorithm, seed, scaling, v);
    }

    public boolean automaticK() {
        return k == AUTOMATIC_K;
    }

    /** Why these settings cannot run (before any data is looked at), if anything. */
    public java.util.Optional<UserMessage> problem() {
        if (features.isEmpty()) {
            return java.util.Optional.of(UserMessage.of("segment.error.noFeatures"));
        }
        if (automaticK() && !algorithm.choosesK()) {
            return java.util.Optional.of(UserMessage.of("segment.error.kRequired", algorithm.label()));
        }
        if (!automaticK() && k < 2) {
            return java.util.Optional.of(UserMessage.of("segment.error.kTooSmall", k));
        }
        if (restarts < 1) {
            return java.util.Optional.of(UserMessage.of("segment.error.restarts", restarts));
        }
        if (new java.util.HashSet<>(features).size() != features.size()) {
            return java.util.Optional.of(UserMessage.of("segment.error.duplicateFeature"));
        }
        return java.util.Optional.empty();
    }

    // ---------------------------------------------------------------- JSON

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("version", CURRENT_VERSION);
        ArrayNode f = o.putArray("features");
        features.forEach(f::add);
        o.put("k", k);
        o.put("algorithm", algorithm.id());
        o.put("seed", seed);
        o.put("scaling", scaling.id());
        o.put("restarts", restarts);
        return o;
    }

    /**
     * Reads settings stored by any version of the workbench. Version 1 is the first; settings without a
     * version are read as version 1. Settings from a newer workbench are refused with a message.
     */
    public static SegmentationSettings fromJson(JsonNode json) throws SegmentException {
        if (json == null || !json.isObject()) {
            throw new SegmentException(SegmentException.Reason.UNREADABLE_SETTINGS,
                    UserMessage.of("segment.error.settingsInvalid", "not an object"));
        }
        int v = json.path("version").asInt(1);
        if (v > CURRENT_VERSION) {
            throw new SegmentException(SegmentException.Reason.UNREADABLE_SETTINGS,
                    UserMessage.of("segment.error.settingsNewer", v, CURRENT_VERSION));
        }
        ObjectNode o = migrate(((ObjectNode) json).deepCopy(), v);
        List<String> features = new ArrayList<>();
        o.path("features").forEach(n -> features.add(n.asText()));
        String alg = o.path("algorithm").asText(Algorithm.KMEANS.id());
        String sc = o.path("scaling").asText(Scaling.STANDARDISE.id());
        Algorithm algorithm = Algorithm.fromId(alg).orElseThrow(() -> new SegmentException(
                SegmentException.Reason.UNREADABLE_SETTINGS, UserMessage.of("segment.error.settingsInvalid",
                        "algorithm " + alg)));
        Scaling scaling = Scaling.fromId(sc).orElseThrow(() -> new SegmentException(
                SegmentException.Reason.UNREADABLE_SETTINGS, UserMessage.of("segment.error.settingsInvalid",
                        "scaling " + sc)));
        return new SegmentationSettings(CURRENT_VERSION, features, o.path("k").asInt(DEFAULT_K), algorithm,
                o.path("seed").asInt(DEFAULT_SEED), scaling, o.path("restarts").asInt(FastKMeans.DEFAULT_RESTARTS));
    }

    /** Brings stored settings of version {@code from} up to the current version. */
    private static ObjectNode migrate(ObjectNode o, int from) {
        // Version 1 is the first stored version: nothing to migrate yet. A later version adds a step here
        // (if (from < 2) { ... }) so that old projects keep opening.
        return o;
    }
}
