package org.marketingworkbench.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.marketingworkbench.core.clean.FittedRecipe;
import org.marketingworkbench.core.clean.RecipeJson;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.ingest.ImportException;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.segment.FittedSegmentation;
import org.marketingworkbench.core.segment.SegmentException;
import org.marketingworkbench.core.segment.SegmentationSettings;
import org.marketingworkbench.core.train.TargetInfo;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainException;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingSettings;
import weka.classifiers.Classifier;
import weka.clusterers.Clusterer;
import weka.core.Instances;

/**
 * Reads a {@link ModelBundle}, in this order, so that a hostile or damaged file is refused before any of its
 * bytes reach Java deserialisation: file and part size limits, the zip's parts (only the known names, each once),
 * the manifest's format and version (a newer version is named as such), the SHA-256 of every part (every part
 * present must be listed, every part listed must be present), the JSON parts; only then {@code weka.model} (and
 * {@code segments.model}), through {@link ModelObjects}' {@link ObjectInputFilter}. Everything else is rejected
 * with a message in words.
 *
 * <p>The first form (version 0, written by the first {@code train --save}: model.json and weka.model, no manifest)
 * opens too, through the same filter, with a notice that its integrity cannot be checked: the manifest guards
 * against damage, not against an attacker (who can recompute the hashes); the filter is what keeps a hostile file
 * from running code. A current bundle that lost its manifest (its model.json has the provenance the first form
 * never had) is incomplete, and refused as such.
 */
public final class ModelBundleReader {

    /** Largest bundle file read (a random forest on a million rows is far below). */
    public static final long MAX_FILE_BYTES = 1L << 30;
    /** Largest uncompressed part. */
    public static final long MAX_PART_BYTES = 1L << 30;
    /** Largest JSON part or manifest. */
    public static final long MAX_JSON_BYTES = 64L << 20;

    private static final Set<String> PARTS = Set.of(ModelBundle.MODEL_JSON, ModelBundle.WEKA_MODEL,
            ModelBundle.SEGMENTS_JSON, ModelBundle.SEGMENTS_MODEL, ModelBundle.MANIFEST);
    private static final Set<String> SERIALISED = Set.of(ModelBundle.WEKA_MODEL, ModelBundle.SEGMENTS_MODEL);

    private ModelBundleReader() {
    }

    /** Reads and checks {@code file}; see the class comment for the order of the checks. */
    public static LoadedBundle read(Path file) throws DeployException {
        Map<String, byte[]> parts = parts(file);
        int version;
        List<UserMessage> notices = new ArrayList<>();
        if (parts.containsKey(ModelBundle.MANIFEST)) {
            JsonNode manifest = json(file, parts.get(ModelBundle.MANIFEST), ModelBundle.MANIFEST);
            if (!ModelBundle.FORMAT.equals(manifest.path("format").asText())) {
                throw notAModel(file, null);
            }
            version = manifest.path("version").asInt(-1);
            if (version > ModelBundle.VERSION) {
                throw new DeployException(DeployException.Reason.NEWER_VERSION,
                        UserMessage.of("deploy.error.newerVersion", file, version, ModelBundle.VERSION));
            }
            if (version < 1) {
                throw notAModel(file, null);
            }
            checkIntegrity(file, manifest, parts);
        } else {
            version = 0;
            notices.add(UserMessage.of("deploy.notice.unchecked", file.getFileName()));
        }
        JsonNode meta = json(file, parts.get(ModelBundle.MODEL_JSON), ModelBundle.MODEL_JSON);
        if (!ModelBundle.FORMAT.equals(meta.path("format").asText())
                || version > 0 && meta.path("version").asInt(-1) != version) {
            throw notAModel(file, null);
        }
        TrainingSettings settings;
        TargetInfo target;
        FittedRecipe recipe;
        ImportSettings importSettings = null;
        EvaluationSummary evaluation = null;
        try {
            settings = TrainingSettings.fromJson(meta.get("settings"));
            target = target(meta.path("target"));
            recipe = RecipeJson.readFitted(new ObjectMapper().writeValueAsString(meta.get("recipe")));
            if (meta.hasNonNull("importSettings")) {
                importSettings = ImportSettings.fromJson(meta.get("importSettings"));
            }
            if (meta.hasNonNull("evaluation")) {
                evaluation = EvaluationSummary.fromJson(meta.get("evaluation"));
            }
        } catch (TrainException | CleanException | ImportException | JsonProcessingException | RuntimeException e) {
            throw damaged(file, ModelBundle.MODEL_JSON, e);
        }
        double threshold = meta.path("threshold").asDouble(ModelBundle.DEFAULT_THRESHOLD);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new DeployException(DeployException.Reason.NOT_A_MODEL, UserMessage.of("deploy.error.damagedPart",
                    file, ModelBundle.MODEL_JSON, "threshold " + threshold));
        }
        SegmentsJson segments = parts.containsKey(ModelBundle.SEGMENTS_JSON)
                ? segmentsJson(file, parts.get(ModelBundle.SEGMENTS_JSON)) : null;
        // only now, with every check passed, anything is deserialised
        Object[] weka = ModelObjects.read(file, ModelBundle.WEKA_MODEL, parts.get(ModelBundle.WEKA_MODEL), 2, 2);
        if (!(weka[0] instanceof Classifier classifier) || !(weka[1] instanceof Instances header)) {
            throw notAModel(file, null);
        }
        BundleSegmentation segmentation = null;
        if (segments != null) {
            Object[] clusterer = ModelObjects.read(file, ModelBundle.SEGMENTS_MODEL,
                    parts.get(ModelBundle.SEGMENTS_MODEL), 2, 2);
            if (!(clusterer[0] instanceof Clusterer c) || !(clusterer[1] instanceof Instances h)) {
                throw damaged(file, ModelBundle.SEGMENTS_MODEL, "not a clusterer and its header");
            }
            try {
                segmentation = new BundleSegmentation(FittedSegmentation.fromJson(segments.fitted(), c, h),
                        segments.recipe(), segments.names(), segments.settings());
            } catch (SegmentException e) {
                throw damaged(file, ModelBundle.SEGMENTS_JSON, e);
            }
        }
        TrainedModel model = new TrainedModel(settings, target, meta.path("learner").asText(),
                classifier, recipe, header);
        JsonNode provenance = version == 0 ? firstFormProvenance(meta) : meta.path("provenance");
        return new LoadedBundle(version, model, threshold, provenance, importSettings, evaluation, segmentation,
                notices);
    }

    /** The first form kept the learner's Weka class and options at the top of model.json. */
    private static JsonNode firstFormProvenance(JsonNode meta) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("learner", meta.path("learner").asText());
        if (meta.hasNonNull("wekaClass")) {
            p.put("wekaClass", meta.get("wekaClass").asText());
        }
        if (meta.hasNonNull("wekaOptions")) {
            p.put("wekaOptions", meta.get("wekaOptions").asText());
        }
        return p;
    }

    /** The segments part, read and checked before the clusterer is deserialised. */
    private record SegmentsJson(JsonNode fitted, FittedRecipe recipe, Map<Integer, String> names,
                                SegmentationSettings settings) {
    }

    private static SegmentsJson segmentsJson(Path file, byte[] bytes) throws DeployException {
        JsonNode json = json(file, bytes, ModelBundle.SEGMENTS_JSON);
        if (!ModelBundle.SEGMENTS_FORMAT.equals(json.path("format").asText())) {
            throw damaged(file, ModelBundle.SEGMENTS_JSON, "format " + json.path("format").asText());
        }
        try {
            FittedRecipe recipe = json.hasNonNull("recipe")
                    ? RecipeJson.readFitted(new ObjectMapper().writeValueAsString(json.get("recipe"))) : null;
            SegmentationSettings settings = json.hasNonNull("settings")
                    ? SegmentationSettings.fromJson(json.get("settings")) : null;
            Map<Integer, String> names = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = json.path("names").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                names.put(Integer.parseInt(e.getKey()), e.getValue().asText());
            }
            if (!json.path("segmentation").isObject()) {
                throw new IllegalArgumentException("no segmentation");
            }
            return new SegmentsJson(json.get("segmentation"), recipe, names, settings);
        } catch (CleanException | SegmentException | JsonProcessingException | RuntimeException e) {
            throw damaged(file, ModelBundle.SEGMENTS_JSON, e);
        }
    }

    private static TargetInfo target(JsonNode t) {
        List<String> classes = new ArrayList<>();
        t.path("classes").forEach(c -> classes.add(c.asText()));
        int[] counts = new int[classes.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = t.path("classCounts").path(i).asInt(0);
        }
        Optional<String> suggested = t.hasNonNull("suggestedPositive")
                ? Optional.of(t.get("suggestedPositive").asText()) : Optional.empty();
        return new TargetInfo(t.path("column").asText(), Task.valueOf(t.path("task").asText()), classes, counts,
                suggested);
    }

    /** Every part of the zip, in memory, with limits on the file, each part and the names. */
    private static Map<String, byte[]> parts(Path file) throws DeployException {
        long size = checkedSize(file);
        if (size > MAX_FILE_BYTES) {
            throw new DeployException(DeployException.Reason.TOO_LARGE,
                    UserMessage.of("deploy.error.tooLarge", file, MAX_FILE_BYTES >> 20));
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] magic = raw.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                throw notAModel(file, null);
            }
        } catch (IOException e) {
            throw new DeployException(DeployException.Reason.UNREADABLE,
                    UserMessage.of("deploy.error.unreadable", file, reason(e)), e);
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                String name = e.getName();
                if (!PARTS.contains(name) || parts.containsKey(name)) {
                    throw new DeployException(DeployException.Reason.NOT_A_MODEL,
                            UserMessage.of("deploy.error.unexpectedPart", file, name));
                }
                long limit = SERIALISED.contains(name) ? MAX_PART_BYTES : MAX_JSON_BYTES;
                parts.put(name, readLimited(zip, limit, file, name));
            }
        } catch (EOFException | ZipException e) {
            throw new DeployException(DeployException.Reason.TRUNCATED, UserMessage.of("deploy.error.truncated", file), e);
        } catch (IOException e) {
            throw new DeployException(DeployException.Reason.UNREADABLE,
                    UserMessage.of("deploy.error.unreadable", file, reason(e)), e);
        }
        if (!parts.containsKey(ModelBundle.MANIFEST)) {
            // written last: a bundle cut short loses it first; a zip of something else never had it; the first
            // form never had it either, and is told apart by its model.json (no provenance, no threshold)
            if (!parts.containsKey(ModelBundle.MODEL_JSON)) {
                throw notAModel(file, null);
            }
            JsonNode meta = json(file, parts.get(ModelBundle.MODEL_JSON), ModelBundle.MODEL_JSON);
            boolean firstForm = ModelBundle.FORMAT.equals(meta.path("format").asText())
                    && !meta.has("provenance") && !meta.has("threshold")
                    && parts.keySet().equals(Set.of(ModelBundle.MODEL_JSON, ModelBundle.WEKA_MODEL));
            if (!firstForm) {
                throw new DeployException(DeployException.Reason.TRUNCATED, UserMessage.of("deploy.error.noManifest", file));
            }
        }
        return parts;
    }

    /** The size of {@code file}, which must be a readable regular file. */
    static long checkedSize(Path file) throws DeployException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new DeployException(DeployException.Reason.UNREADABLE, UserMessage.of("deploy.error.noFile", file));
            }
            return Files.size(file);
        } catch (IOException e) {
            throw new DeployException(DeployException.Reason.UNREADABLE,
                    UserMessage.of("deploy.error.unreadable", file, reason(e)), e);
        }
    }

    static byte[] readLimited(InputStream in, long limit, Path file, String part) throws IOException,
            DeployException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limit) {
                throw new DeployException(DeployException.Reason.TOO_LARGE,
                        UserMessage.of("deploy.error.partTooLarge", file, part, limit >> 20));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Every part listed in the manifest is there with its hash, and every part there is listed. */
    private static void checkIntegrity(Path file, JsonNode manifest, Map<String, byte[]> parts) throws DeployException {
        JsonNode hashes = manifest.path("sha256");
        List<String> expected = new ArrayList<>(List.of(ModelBundle.MODEL_JSON, ModelBundle.WEKA_MODEL));
        hashes.fieldNames().forEachRemaining(name -> {
            if (!expected.contains(name)) {
                expected.add(name);
            }
        });
        for (String part : parts.keySet()) {
            if (!part.equals(ModelBundle.MANIFEST) && !expected.contains(part)) {
                // a part nobody listed was put in afterwards
                throw new DeployException(DeployException.Reason.TAMPERED, UserMessage.of("deploy.error.tampered", file, part));
            }
        }
        for (String part : expected) {
            byte[] bytes = parts.get(part);
            if (bytes == null) {
                throw new DeployException(DeployException.Reason.TRUNCATED,
                        UserMessage.of("deploy.error.missingPart", file, part));
            }
            byte[] want;
            try {
                want = HexFormat.of().parseHex(hashes.path(part).asText(""));
            } catch (IllegalArgumentException e) {
                want = new byte[0];
            }
            byte[] actual = HexFormat.of().parseHex(ModelBundle.sha256(bytes));
            if (!MessageDigest.isEqual(want, actual)) {
                throw new DeployException(DeployException.Reason.TAMPERED, UserMessage.of("deploy.error.tampered", file, part));
            }
        }
        if (parts.containsKey(ModelBundle.SEGMENTS_JSON) != parts.containsKey(ModelBundle.SEGMENTS_MODEL)) {
            String missing = parts.containsKey(ModelBundle.SEGMENTS_JSON) ? ModelBundle.SEGMENTS_MODEL
                    : ModelBundle.SEGMENTS_JSON;
            throw new DeployException(DeployException.Reason.TRUNCATED,
                    UserMessage.of("deploy.error.missingPart", file, missing));
        }
    }

    private static JsonNode json(Path file, byte[] bytes, String part) throws DeployException {
        try {
            JsonNode n = new ObjectMapper().readTree(new String(bytes, StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) {
                throw notAModel(file, null);
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new DeployException(DeployException.Reason.NOT_A_MODEL,
                    UserMessage.of("deploy.error.damagedPart", file, part, reason(e)), e);
        }
    }

    /**
     * Reads {@code count} objects from {@code bytes} through the allow-list filter. Package-private for the
     * hostile-object test, which shows that these exact bytes do run code without the filter.
     */
    static Object[] deserialise(Path file, byte[] bytes, int count) throws DeployException {
        return ModelObjects.read(file, ModelBundle.WEKA_MODEL, bytes, count, count);
    }

    private static DeployException damaged(Path file, String part, Exception e) {
        return new DeployException(DeployException.Reason.NOT_A_MODEL, UserMessage.of("deploy.error.damagedPart",
                file, part, e instanceof WorkbenchException we ? we.userMessage() : reason(e)), e);
    }

    private static DeployException damaged(Path file, String part, String why) {
        return new DeployException(DeployException.Reason.NOT_A_MODEL,
                UserMessage.of("deploy.error.damagedPart", file, part, why));
    }

    private static DeployException notAModel(Path file, Throwable cause) {
        return ModelObjects.notAModel(file, cause);
    }

    private static String reason(Throwable e) {
        return ModelObjects.reason(e);
    }
}
