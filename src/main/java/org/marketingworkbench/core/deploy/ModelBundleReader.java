package org.marketingworkbench.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.marketingworkbench.core.clean.FittedRecipe;
import org.marketingworkbench.core.clean.RecipeJson;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.train.TargetInfo;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainException;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingSettings;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * Reads a {@link ModelBundle}, in this order, so that a hostile or damaged file is refused before any of its
 * bytes reach Java deserialisation: file and part size limits, the zip's parts (only the three known names, each
 * once), the manifest's format and version (a newer version is named as such), the SHA-256 of every part, the
 * JSON part; only then {@code weka.model}, through an {@link ObjectInputFilter} that allows Weka's classes, a
 * short list of JDK value and collection classes, arrays and primitives, and limits depth, references, array
 * length and bytes. Everything else is rejected with a message in words.
 */
public final class ModelBundleReader {

    /** Largest bundle file read (a random forest on a million rows is far below). */
    public static final long MAX_FILE_BYTES = 1L << 30;
    /** Largest uncompressed part. */
    public static final long MAX_PART_BYTES = 1L << 30;
    /** Largest JSON part or manifest. */
    public static final long MAX_JSON_BYTES = 64L << 20;
    static final long MAX_DEPTH = 2_000;
    static final long MAX_REFERENCES = 50_000_000;

    private static final Set<String> PARTS = Set.of(ModelBundle.MODEL_JSON, ModelBundle.WEKA_MODEL, ModelBundle.MANIFEST);

    /** JDK classes a Weka model and its header are made of, by exact name. */
    static final Set<String> JDK_ALLOWED = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Number", "java.lang.Boolean", "java.lang.Character",
            "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
            "java.lang.Double", "java.lang.Enum",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.Vector", "java.util.Stack",
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.Hashtable",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.BitSet",
            "java.util.Random", "java.util.Date", "java.util.Locale", "java.util.Collections$UnmodifiableList",
            "java.util.Collections$UnmodifiableRandomAccessList", "java.util.Collections$UnmodifiableCollection",
            "java.util.Collections$EmptyList", "java.util.Collections$EmptyMap", "java.util.Collections$EmptySet",
            "java.util.Arrays$ArrayList", "java.util.Map$Entry", "java.util.concurrent.atomic.AtomicLong",
            // date attributes of a Weka header keep their format
            "java.text.SimpleDateFormat", "java.text.DateFormat", "java.text.Format", "java.text.DecimalFormat",
            "java.text.NumberFormat", "java.text.DecimalFormatSymbols", "java.text.DateFormatSymbols",
            "java.util.GregorianCalendar", "java.util.Calendar", "java.util.SimpleTimeZone", "java.util.TimeZone",
            "sun.util.calendar.ZoneInfo");

    /** The workbench's own subclasses of Weka learners (e.g. a random forest that can be inspected). */
    static final String OWN_WEKA_CLASSES = "org.marketingworkbench.core.adapter.weka.";

    private ModelBundleReader() {
    }

    /** Reads and checks {@code file}; see the class comment for the order of the checks. */
    public static LoadedBundle read(Path file) throws DeployException {
        Map<String, byte[]> parts = parts(file);
        JsonNode manifest = json(file, parts.get(ModelBundle.MANIFEST), ModelBundle.MANIFEST);
        if (!ModelBundle.FORMAT.equals(manifest.path("format").asText())) {
            throw notAModel(file, null);
        }
        int version = manifest.path("version").asInt(-1);
        if (version > ModelBundle.VERSION) {
            throw new DeployException(DeployException.Reason.NEWER_VERSION,
                    UserMessage.of("deploy.error.newerVersion", file, version, ModelBundle.VERSION));
        }
        if (version < 1) {
            throw notAModel(file, null);
        }
        checkIntegrity(file, manifest, parts);
        JsonNode meta = json(file, parts.get(ModelBundle.MODEL_JSON), ModelBundle.MODEL_JSON);
        if (!ModelBundle.FORMAT.equals(meta.path("format").asText()) || meta.path("version").asInt(-1) != version) {
            throw notAModel(file, null);
        }
        TrainingSettings settings;
        TargetInfo target;
        FittedRecipe recipe;
        try {
            settings = TrainingSettings.fromJson(meta.get("settings"));
            target = target(meta.path("target"));
            recipe = RecipeJson.readFitted(new ObjectMapper().writeValueAsString(meta.get("recipe")));
        } catch (TrainException | CleanException | JsonProcessingException | RuntimeException e) {
            throw new DeployException(DeployException.Reason.NOT_A_MODEL, UserMessage.of("deploy.error.damagedPart",
                    file, ModelBundle.MODEL_JSON, e instanceof WorkbenchException we ? we.userMessage() : reason(e)), e);
        }
        Object[] weka = deserialise(file, parts.get(ModelBundle.WEKA_MODEL), 2);
        if (!(weka[0] instanceof Classifier classifier) || !(weka[1] instanceof Instances header)) {
            throw notAModel(file, null);
        }
        double threshold = meta.path("threshold").asDouble(ModelBundle.DEFAULT_THRESHOLD);
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new DeployException(DeployException.Reason.NOT_A_MODEL, UserMessage.of("deploy.error.damagedPart",
                    file, ModelBundle.MODEL_JSON, "threshold " + threshold));
        }
        TrainedModel model = new TrainedModel(settings, target, meta.path("learner").asText(),
                classifier, recipe, header);
        return new LoadedBundle(version, model, threshold, meta.path("provenance"));
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
        long size;
        try {
            if (!Files.isRegularFile(file)) {
                throw new DeployException(DeployException.Reason.UNREADABLE, UserMessage.of("deploy.error.noFile", file));
            }
            size = Files.size(file);
        } catch (IOException e) {
            throw new DeployException(DeployException.Reason.UNREADABLE,
                    UserMessage.of("deploy.error.unreadable", file, reason(e)), e);
        }
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
                long limit = name.equals(ModelBundle.WEKA_MODEL) ? MAX_PART_BYTES : MAX_JSON_BYTES;
                parts.put(name, readLimited(zip, limit, file, name));
            }
        } catch (EOFException | ZipException e) {
            throw new DeployException(DeployException.Reason.TRUNCATED, UserMessage.of("deploy.error.truncated", file), e);
        } catch (IOException e) {
            throw new DeployException(DeployException.Reason.UNREADABLE,
                    UserMessage.of("deploy.error.unreadable", file, reason(e)), e);
        }
        if (!parts.containsKey(ModelBundle.MANIFEST)) {
            // written last: a bundle cut short loses it first; a zip of something else never had it
            if (parts.containsKey(ModelBundle.MODEL_JSON)) {
                throw new DeployException(DeployException.Reason.TRUNCATED, UserMessage.of("deploy.error.noManifest", file));
            }
            throw notAModel(file, null);
        }
        return parts;
    }

    private static byte[] readLimited(InputStream in, long limit, Path file, String part) throws IOException,
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

    private static void checkIntegrity(Path file, JsonNode manifest, Map<String, byte[]> parts) throws DeployException {
        JsonNode hashes = manifest.path("sha256");
        for (String part : List.of(ModelBundle.MODEL_JSON, ModelBundle.WEKA_MODEL)) {
            byte[] bytes = parts.get(part);
            String expected = hashes.path(part).asText("");
            if (bytes == null) {
                throw new DeployException(DeployException.Reason.TRUNCATED,
                        UserMessage.of("deploy.error.missingPart", file, part));
            }
            byte[] want;
            try {
                want = HexFormat.of().parseHex(expected);
            } catch (IllegalArgumentException e) {
                want = new byte[0];
            }
            byte[] actual = HexFormat.of().parseHex(ModelBundle.sha256(bytes));
            if (!MessageDigest.isEqual(want, actual)) {
                throw new DeployException(DeployException.Reason.TAMPERED, UserMessage.of("deploy.error.tampered", file, part));
            }
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
        AllowList filter = new AllowList(bytes.length);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            Object[] objects = new Object[count];
            for (int i = 0; i < count; i++) {
                objects[i] = in.readObject();
            }
            return objects;
        } catch (InvalidClassException e) {
            if (filter.rejected != null) {
                throw new DeployException(DeployException.Reason.UNSAFE_CONTENT,
                        UserMessage.of("deploy.error.unsafe", file, filter.rejected), e);
            }
            throw notAModel(file, e);
        } catch (EOFException e) {
            throw new DeployException(DeployException.Reason.TRUNCATED, UserMessage.of("deploy.error.truncated", file), e);
        } catch (StreamCorruptedException | ClassNotFoundException | ClassCastException e) {
            throw notAModel(file, e);
        } catch (IOException | RuntimeException e) {
            throw new DeployException(DeployException.Reason.NOT_A_MODEL,
                    UserMessage.of("deploy.error.damagedPart", file, ModelBundle.WEKA_MODEL, reason(e)), e);
        }
    }

    /** Weka's classes, the JDK classes in {@link #JDK_ALLOWED}, arrays of those and primitives; limits. */
    static final class AllowList implements ObjectInputFilter {
        private final long maxBytes;
        private final long maxArray;
        /** What was refused, for the message. */
        String rejected;

        AllowList(long streamBytes) {
            this.maxBytes = streamBytes;
            // each element of an array takes at least one byte of the stream (a null is one byte)
            this.maxArray = streamBytes;
        }

        @Override
        public Status checkInput(FilterInfo info) {
            if (info.depth() > MAX_DEPTH) {
                rejected = "depth " + info.depth() + " > " + MAX_DEPTH;
                return Status.REJECTED;
            }
            if (info.references() > MAX_REFERENCES) {
                rejected = "references " + info.references() + " > " + MAX_REFERENCES;
                return Status.REJECTED;
            }
            if (info.streamBytes() > maxBytes) {
                rejected = "bytes " + info.streamBytes() + " > " + maxBytes;
                return Status.REJECTED;
            }
            if (info.arrayLength() > maxArray) {
                rejected = "array length " + info.arrayLength();
                return Status.REJECTED;
            }
            Class<?> c = info.serialClass();
            if (c == null) {
                return Status.UNDECIDED;
            }
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.isPrimitive() || allowed(c.getName())) {
                return Status.ALLOWED;
            }
            rejected = info.serialClass().getName();
            return Status.REJECTED;
        }

        static boolean allowed(String name) {
            return name.startsWith("weka.") || JDK_ALLOWED.contains(name)
                    || name.startsWith(OWN_WEKA_CLASSES) && name.indexOf('.', OWN_WEKA_CLASSES.length()) < 0;
        }
    }

    private static DeployException notAModel(Path file, Throwable cause) {
        return new DeployException(DeployException.Reason.NOT_A_MODEL, UserMessage.of("deploy.error.notAModel", file), cause);
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
