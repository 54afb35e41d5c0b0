package org.marketingworkbench.core.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.marketingworkbench.core.clean.RecipeJson;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.env.LibraryVersions;
import org.marketingworkbench.core.evaluate.ModelInput;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.train.TrainedModel;
import weka.core.Attribute;

/**
 * The {@code .mwbmodel} file: a zip with
 * <ul>
 *   <li>{@code model.json}: format and version, the training settings, target and positive class, the threshold,
 *       the schema (names, types, category levels), the fitted cleaning recipe, and provenance (learner and Weka
 *       options, seed, source data hash when known, workbench/Weka/Java versions, date); when known, the import
 *       settings the training file was read with ({@code importSettings}) and the learner's validation figures
 *       ({@code evaluation}); for a model imported from Weka, the file it came from
 *       ({@code provenance.importedFrom});</li>
 *   <li>{@code weka.model}: Java serialisation of the Weka classifier and its empty {@code Instances} header;</li>
 *   <li>optionally {@code segments.json} (the segmentation's prepared features, cleaning recipe, segment names and
 *       settings) with {@code segments.model} (Java serialisation of the fitted Weka clusterer and its header);</li>
 *   <li>{@code manifest.json} (last): the SHA-256 of each part, which {@link ModelBundleReader} checks before it
 *       deserialises anything.</li>
 * </ul>
 * Format versions: 0 is the first form written by the first {@code train --save} (model.json and weka.model, no
 * manifest; read with a notice that its integrity cannot be checked); 1 adds the manifest; 2 is a bundle with a
 * segmentation. A bundle without a segmentation is still written as version 1, so that a workbench from before
 * segments opens it; one with a segmentation says 2, so that such a workbench says it is from a newer version
 * instead of refusing an unknown part. Written through {@link AtomicFile}: a failure never leaves half a bundle.
 */
public final class ModelBundle {

    public static final String FORMAT = "marketing-workbench-model";
    public static final String SEGMENTS_FORMAT = "marketing-workbench-segments";
    /** The newest format version this workbench reads and writes. */
    public static final int VERSION = 2;
    /** The version of a bundle without a segmentation. */
    public static final int VERSION_WITHOUT_SEGMENTS = 1;
    public static final String MODEL_JSON = "model.json";
    public static final String WEKA_MODEL = "weka.model";
    public static final String SEGMENTS_JSON = "segments.json";
    public static final String SEGMENTS_MODEL = "segments.model";
    public static final String MANIFEST = "manifest.json";
    public static final double DEFAULT_THRESHOLD = 0.5;

    private ModelBundle() {
    }

    /** Writes {@code model} with the default threshold and no known source data. */
    public static void write(TrainedModel model, Path file) throws IOException {
        write(BundleContents.of(model), file);
    }

    /**
     * Writes {@code model} to {@code file} atomically.
     *
     * @param threshold    the score from which a customer is predicted positive (two classes)
     * @param sourceSha256 SHA-256 (hex) of the file the model was trained on, or {@code null} when unknown
     */
    public static void write(TrainedModel model, Path file, double threshold, String sourceSha256) throws IOException {
        write(BundleContents.of(model).withThreshold(threshold).withSourceSha256(sourceSha256), file);
    }

    /** Writes the model and every optional part {@code contents} has to {@code file}, atomically. */
    public static void write(BundleContents contents, Path file) throws IOException {
        int version = versionOf(contents);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(MODEL_JSON, modelJson(contents, version));
        parts.put(WEKA_MODEL, serialise(contents.model().classifier(), contents.model().header()));
        if (contents.segmentation() != null) {
            parts.put(SEGMENTS_JSON, segmentsJson(contents.segmentation()));
            parts.put(SEGMENTS_MODEL, serialise(contents.segmentation().segmentation().clusterer(),
                    contents.segmentation().segmentation().header()));
        }
        writeParts(parts, file, version);
    }

    static int versionOf(BundleContents contents) {
        return contents.segmentation() == null ? VERSION_WITHOUT_SEGMENTS : VERSION;
    }

    static byte[] modelJson(TrainedModel model, double threshold, String sourceSha256) throws IOException {
        BundleContents c = BundleContents.of(model).withThreshold(threshold).withSourceSha256(sourceSha256);
        return modelJson(c, versionOf(c));
    }

    static byte[] modelJson(BundleContents contents, int version) throws IOException {
        TrainedModel model = contents.model();
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", FORMAT);
        json.put("version", version);
        json.put("learner", model.learnerId());
        json.set("settings", model.settings().toJson());
        ObjectNode target = json.putObject("target");
        target.put("column", model.target().column());
        target.put("task", model.target().task().name());
        ArrayNode classes = target.putArray("classes");
        model.target().classes().forEach(classes::add);
        ArrayNode counts = target.putArray("classCounts");
        for (int c : model.target().classCounts()) {
            counts.add(c);
        }
        model.target().suggestedPositive().ifPresent(p -> target.put("suggestedPositive", p));
        int positive = ModelInput.positiveIndex(model);
        if (positive >= 0) {
            target.put("positiveClass", model.target().classes().get(positive));
        }
        json.put("threshold", contents.threshold());
        ArrayNode schema = json.putArray("schema");
        for (SchemaColumn c : ModelInput.schema(model)) {
            ObjectNode col = schema.addObject();
            col.put("name", c.name());
            col.put("type", c.type().id());
            Attribute a = model.header().attribute(c.name());
            if (a != null && a.isNominal()) {
                ArrayNode levels = col.putArray("levels");
                for (int i = 0; i < a.numValues(); i++) {
                    levels.add(a.value(i));
                }
            }
        }
        json.set("recipe", new ObjectMapper().readTree(RecipeJson.write(model.recipe())));
        if (contents.importSettings() != null) {
            json.set("importSettings", contents.importSettings().toJson());
        }
        if (contents.evaluation() != null) {
            json.set("evaluation", contents.evaluation().toJson());
        }
        ObjectNode provenance = json.putObject("provenance");
        provenance.put("learner", model.learnerId());
        provenance.put("wekaClass", model.classifier().getClass().getName());
        if (model.classifier() instanceof weka.core.OptionHandler oh) {
            provenance.put("wekaOptions", weka.core.Utils.joinOptions(oh.getOptions()));
        }
        provenance.put("seed", model.settings().seed());
        if (contents.sourceSha256() != null) {
            provenance.put("sourceSha256", contents.sourceSha256());
        }
        if (contents.importedFrom() != null) {
            ObjectNode from = provenance.putObject("importedFrom");
            from.put("file", contents.importedFrom().fileName());
            from.put("sha256", contents.importedFrom().sha256());
            if (contents.importedFrom().headerFileName() != null) {
                from.put("header", contents.importedFrom().headerFileName());
            }
        }
        LibraryVersions v = LibraryVersions.detect();
        provenance.put("workbench", v.workbench());
        provenance.put("weka", v.wekaVersion());
        provenance.put("java", v.java());
        provenance.put("created", Instant.now().toString());
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
    }

    static byte[] segmentsJson(BundleSegmentation s) throws IOException {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("format", SEGMENTS_FORMAT);
        json.put("version", 1);
        json.set("segmentation", s.segmentation().toJson());
        ObjectNode names = json.putObject("names");
        s.names().forEach((number, name) -> names.put(Integer.toString(number), name));
        if (s.settings() != null) {
            json.set("settings", s.settings().toJson());
        }
        if (s.recipe() != null) {
            json.set("recipe", new ObjectMapper().readTree(RecipeJson.write(s.recipe())));
        }
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
    }

    static byte[] wekaModel(TrainedModel model) throws IOException {
        return serialise(model.classifier(), model.header());
    }

    /** Java serialisation of {@code objects} in order, as Weka's {@code SerializationHelper.writeAll} writes them. */
    static byte[] serialise(Object... objects) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            for (Object o : objects) {
                oos.writeObject(o);
            }
        }
        return bytes.toByteArray();
    }

    /** Writes {@code parts} in order and then the manifest of their hashes (version 1), atomically. */
    static void writeParts(Map<String, byte[]> parts, Path file) throws IOException {
        writeParts(parts, file, VERSION_WITHOUT_SEGMENTS);
    }

    /** Writes {@code parts} in order and then the manifest of their hashes, atomically. */
    static void writeParts(Map<String, byte[]> parts, Path file, int version) throws IOException {
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("format", FORMAT);
        manifest.put("version", version);
        ObjectNode hashes = manifest.putObject("sha256");
        parts.forEach((name, bytes) -> hashes.put(name, sha256(bytes)));
        byte[] manifestBytes = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        AtomicFile.write(file, out -> {
            // finish, not close: AtomicFile closes (and syncs) the stream itself
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(manifestBytes);
            zip.closeEntry();
            zip.finish();
        });
    }

    /** SHA-256 of {@code bytes} in lower-case hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** SHA-256 of a file's content in lower-case hex, for the source data's provenance. */
    public static String sha256(Path file) throws IOException {
        MessageDigest d = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
