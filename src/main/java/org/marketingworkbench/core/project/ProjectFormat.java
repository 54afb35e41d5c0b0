package org.marketingworkbench.core.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Stage;

/**
 * The {@code .mwb} format: a JSON document, versioned, with migrations from every older version.
 *
 * <pre>
 * { "format": "marketing-workbench-project", "version": 3, "app": "0.1.0", "name": "...",
 *   "created": "...", "saved": "...",
 *   "data": { "path": "customers.csv", "sha256": "...", "bytes": 1234 },
 *   "steps": { "ingest": { "done": true, "settings": {...}, "result": {...} }, ... },
 *   "notes": { "segment": "...", "evaluate.profit": "..." } }
 * </pre>
 *
 * Version 1 (the prototype) kept an absolute {@code dataFile} and a flat {@code settings} map; version 2 had
 * no {@code notes} (the consultant's comments on report sections and charts, written only when there are
 * some). Both are migrated on read. A version-2 reader refuses a version-3 file as newer instead of opening it
 * and dropping its notes on the next save.
 */
public final class ProjectFormat {

    public static final String FORMAT_MARKER = "marketing-workbench-project";
    public static final int CURRENT_VERSION = 3;

    private ProjectFormat() {
    }

    /** Turns a parsed document into a project, migrating older versions first. */
    static Project fromJson(JsonNode root, Path projectDir) throws ProjectException {
        if (!root.isObject() || !FORMAT_MARKER.equals(root.path("format").asText(null))) {
            throw new ProjectException(ProjectException.Reason.NOT_A_PROJECT,
                    UserMessage.of("project.error.notProject"), null);
        }
        JsonNode versionNode = root.get("version");
        if (versionNode == null || !versionNode.canConvertToInt() || versionNode.asInt() < 1) {
            throw corrupt("version", null);
        }
        int version = versionNode.asInt();
        if (version > CURRENT_VERSION) {
            throw new ProjectException(ProjectException.Reason.NEWER_VERSION,
                    UserMessage.of("project.error.newerVersion", version, CURRENT_VERSION), null);
        }
        ObjectNode doc = ((ObjectNode) root).deepCopy();
        if (version == 1) {
            doc = migrateV1toV2(doc);
        }
        if (doc.path("version").asInt() == 2) {
            doc = migrateV2toV3(doc);
        }
        return readCurrent(doc, projectDir);
    }

    static ObjectNode toJson(Project project, Path projectDir, String appVersion, Instant savedAt) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT_MARKER);
        root.put("version", CURRENT_VERSION);
        root.put("app", appVersion);
        root.put("name", project.name());
        root.put("created", project.created().toString());
        root.put("saved", savedAt.toString());
        project.data().ifPresent(ds -> {
            ObjectNode data = root.putObject("data");
            data.put("path", storedPath(ds.path(), projectDir));
            if (ds.sha256() != null) {
                data.put("sha256", ds.sha256());
            }
            data.put("bytes", ds.bytes());
        });
        ObjectNode steps = root.putObject("steps");
        for (Map.Entry<Stage, StepRecord> e : project.steps().entrySet()) {
            ObjectNode step = steps.putObject(e.getKey().id());
            step.put("done", e.getValue().done());
            step.set("settings", e.getValue().settings());
            step.set("result", e.getValue().result());
        }
        if (!project.notes().isEmpty()) {
            ObjectNode notes = root.putObject("notes");
            project.notes().forEach(notes::put);
        }
        return root;
    }

    /** Relative to the project with forward slashes where possible, else absolute. */
    static String storedPath(Path data, Path projectDir) {
        Path abs = data.toAbsolutePath().normalize();
        if (projectDir != null) {
            Path dir = projectDir.toAbsolutePath().normalize();
            if (abs.getRoot() != null && abs.getRoot().equals(dir.getRoot())) {
                return dir.relativize(abs).toString().replace('\\', '/');
            }
        }
        return abs.toString();
    }

    static Path resolveStoredPath(String stored, Path projectDir) {
        Path p = Path.of(stored.replace('/', java.io.File.separatorChar));
        return p.isAbsolute() || projectDir == null ? p : projectDir.resolve(p).normalize();
    }

    private static ObjectNode migrateV1toV2(ObjectNode v1) {
        ObjectNode v2 = v1.deepCopy();
        v2.put("version", 2);
        JsonNode dataFile = v2.remove("dataFile");
        if (dataFile != null && dataFile.isTextual()) {
            ObjectNode data = v2.putObject("data");
            data.put("path", dataFile.asText());
            data.put("bytes", -1);
        }
        JsonNode settings = v2.remove("settings");
        ObjectNode steps = v2.putObject("steps");
        if (settings != null && settings.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = settings.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                ObjectNode step = steps.putObject(e.getKey());
                step.put("done", false);
                step.set("settings", e.getValue().isObject() ? e.getValue() : JsonNodeFactory.instance.objectNode());
            }
        }
        if (!v2.has("created") && v2.has("saved")) {
            v2.set("created", v2.get("saved"));
        }
        return v2;
    }

    /** Version 3 added the notes; a version-2 project has none. */
    private static ObjectNode migrateV2toV3(ObjectNode v2) {
        ObjectNode v3 = v2.deepCopy();
        v3.put("version", 3);
        v3.remove("notes");
        return v3;
    }

    private static Project readCurrent(ObjectNode doc, Path projectDir) throws ProjectException {
        String name = doc.path("name").asText("Untitled");
        Instant created;
        try {
            created = doc.hasNonNull("created") ? Instant.parse(doc.get("created").asText()) : null;
        } catch (DateTimeParseException e) {
            throw corrupt("created", e);
        }
        DataSource data = null;
        JsonNode d = doc.get("data");
        if (d != null && !d.isNull()) {
            if (!d.isObject() || !d.path("path").isTextual() || d.path("path").asText().isBlank()) {
                throw corrupt("data.path", null);
            }
            String hash = d.hasNonNull("sha256") ? d.get("sha256").asText() : null;
            data = new DataSource(resolveStoredPath(d.get("path").asText(), projectDir), hash,
                    d.path("bytes").asLong(-1));
        }
        EnumMap<Stage, StepRecord> steps = new EnumMap<>(Stage.class);
        JsonNode stepsNode = doc.path("steps");
        if (!stepsNode.isMissingNode() && !stepsNode.isObject()) {
            throw corrupt("steps", null);
        }
        Iterator<Map.Entry<String, JsonNode>> it = stepsNode.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Stage stage = Stage.fromId(e.getKey()).orElse(null);
            if (stage == null) {
                continue; // a step this version does not know: ignored, not fatal
            }
            JsonNode s = e.getValue();
            if (!s.isObject()) {
                throw corrupt("steps." + e.getKey(), null);
            }
            steps.put(stage, new StepRecord(s.path("done").asBoolean(false),
                    s.get("settings") instanceof ObjectNode o ? o : null,
                    s.get("result") instanceof ObjectNode r ? r : null));
        }
        java.util.Map<String, String> notes = new java.util.TreeMap<>();
        JsonNode notesNode = doc.path("notes");
        if (!notesNode.isMissingNode() && !notesNode.isNull() && !notesNode.isObject()) {
            throw corrupt("notes", null);
        }
        notesNode.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                notes.put(e.getKey(), e.getValue().asText());
            }
            // a note that is not text is skipped: the other notes and the project still open
        });
        return new Project(name, data, steps, created, notes);
    }

    private static ProjectException corrupt(String field, Throwable cause) {
        return new ProjectException(ProjectException.Reason.CORRUPT,
                UserMessage.of("project.error.corrupt", field), cause);
    }
}
