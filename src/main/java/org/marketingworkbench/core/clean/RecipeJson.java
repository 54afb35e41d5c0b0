package org.marketingworkbench.core.clean;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Recipes as JSON, versioned. The document:
 *
 * <pre>
 * { "format": "marketing-workbench-recipe", "version": 1, "fitted": true,
 *   "steps": [ { "op": "missingValues", "enabled": true, "columns": ["age"], "strategy": "MEDIAN",
 *                "addIndicator": false, "fills": { "age": "41.0" } }, ... ],
 *   "inputSchema": [ { "name": "age", "type": "NUMBER" }, ... ],
 *   "knownCategories": { "job": ["admin.", ...] } }
 * </pre>
 *
 * An unfitted recipe has {@code "fitted": false} and no schema. Reading migrates older versions step by
 * step through {@link #MIGRATIONS} (version n → n + 1) before binding. Version 2 added the
 * {@code markMissing} operation: a version-1 document is a valid version-2 one as it is, and an app that
 * only knows version 1 now says "made by a newer version" instead of "damaged". A document from a newer
 * version is refused with a message that says to update the app.
 */
public final class RecipeJson {

    public static final String FORMAT = "marketing-workbench-recipe";
    public static final int CURRENT_VERSION = 2;
    /** MIGRATIONS.get(n) turns a version-n document into a version-(n+1) one. */
    static final Map<Integer, UnaryOperator<ObjectNode>> MIGRATIONS = Map.of(
            1, doc -> doc);   // 1 → 2: a new operation only, nothing to rewrite

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(org.marketingworkbench.core.clean.step.Operations.jsonModule())
            .build();

    private RecipeJson() {
    }

    public static String write(Recipe recipe) {
        ObjectNode root = header(false);
        root.set("steps", MAPPER.valueToTree(recipe.steps().toArray(new RecipeStep[0])));
        return toString(root);
    }

    public static String write(FittedRecipe recipe) {
        ObjectNode root = header(true);
        root.set("steps", MAPPER.valueToTree(recipe.steps().toArray(new RecipeStep[0])));
        root.set("inputSchema", MAPPER.valueToTree(recipe.inputSchema()));
        root.set("knownCategories", MAPPER.valueToTree(recipe.knownCategories()));
        return toString(root);
    }

    /** Reads the steps of any recipe document, fitted or not (learned statistics are kept). */
    public static Recipe readRecipe(String json) throws CleanException {
        ObjectNode doc = parse(json);
        return new Recipe(steps(doc));
    }

    /** Reads a fitted recipe, ready to apply to new data. */
    public static FittedRecipe readFitted(String json) throws CleanException {
        ObjectNode doc = parse(json);
        if (!doc.path("fitted").asBoolean(false)) {
            throw new CleanException(CleanException.Reason.CORRUPT_RECIPE, UserMessage.of("clean.error.recipeNotFitted"));
        }
        try {
            List<SchemaColumn> schema = MAPPER.convertValue(doc.path("inputSchema"), new TypeReference<List<SchemaColumn>>() { });
            Map<String, List<String>> known = doc.has("knownCategories")
                    ? MAPPER.convertValue(doc.get("knownCategories"), new TypeReference<Map<String, List<String>>>() { })
                    : Map.of();
            return new FittedRecipe(steps(doc), schema == null ? List.of() : schema, known);
        } catch (IllegalArgumentException e) {
            throw corrupt(e);
        }
    }

    private static ObjectNode header(boolean fitted) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", CURRENT_VERSION);
        root.put("fitted", fitted);
        return root;
    }

    private static String toString(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("recipe values always serialise", e);
        }
    }

    private static ObjectNode parse(String json) throws CleanException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw corrupt(e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new CleanException(CleanException.Reason.CORRUPT_RECIPE, UserMessage.of("clean.error.notRecipe"));
        }
        JsonNode v = root.get("version");
        if (v == null || !v.canConvertToInt() || v.asInt() < 1) {
            throw new CleanException(CleanException.Reason.CORRUPT_RECIPE, UserMessage.of("clean.error.recipeCorrupt", "version"));
        }
        int version = v.asInt();
        if (version > CURRENT_VERSION) {
            throw new CleanException(CleanException.Reason.NEWER_VERSION,
                    UserMessage.of("clean.error.recipeNewer", version, CURRENT_VERSION));
        }
        ObjectNode doc = ((ObjectNode) root).deepCopy();
        for (int n = version; n < CURRENT_VERSION; n++) {
            doc = MIGRATIONS.get(n).apply(doc);
            doc.put("version", n + 1);
        }
        return doc;
    }

    private static List<RecipeStep> steps(ObjectNode doc) throws CleanException {
        if (!doc.path("steps").isArray()) {
            throw new CleanException(CleanException.Reason.CORRUPT_RECIPE, UserMessage.of("clean.error.recipeCorrupt", "steps"));
        }
        try {
            List<RecipeStep> steps = MAPPER.convertValue(doc.get("steps"), new TypeReference<List<RecipeStep>>() { });
            validate(steps);
            return steps;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw corrupt(e);
        }
    }

    /** Refuses a step that no fit could have produced, naming the step, the column and the value. */
    private static void validate(List<RecipeStep> steps) throws CleanException {
        for (int i = 0; i < steps.size(); i++) {
            RecipeStep step = steps.get(i);
            if (step == null) {
                throw new CleanException(CleanException.Reason.CORRUPT_RECIPE,
                        UserMessage.of("clean.error.recipeNullStep", i + 1));
            }
            if (step.requiredColumns().stream().anyMatch(c -> c == null || c.isBlank())) {
                throw new CleanException(CleanException.Reason.CORRUPT_RECIPE, UserMessage.of("clean.error.recipeInvalid",
                        i + 1, UserMessage.of("clean.op." + step.op()), "columns", "(blank)"));
            }
            var invalid = step.invalid();
            if (invalid.isPresent()) {
                throw new CleanException(CleanException.Reason.CORRUPT_RECIPE, UserMessage.of("clean.error.recipeInvalid",
                        i + 1, UserMessage.of("clean.op." + step.op()), invalid.get().field(), invalid.get().value()));
            }
        }
    }

    private static CleanException corrupt(Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new CleanException(CleanException.Reason.CORRUPT_RECIPE, UserMessage.of("clean.error.recipeCorrupt", detail), e);
    }
}
