package org.marketingworkbench.core.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.project.StepRecord;

/**
 * How the Clean step is kept in a project: settings (target, the project's hashing salt, the recipe
 * as the user built it) and results (the fitted recipe with its learned statistics, the cleaned
 * table's size). The JSON lives here, not in the view-model.
 */
public final class CleanStepRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CleanStepRecord() {
    }

    public static StepRecord of(boolean done, Optional<String> target, String salt, Recipe recipe,
                                CleanResult result, FittedRecipe fitted) {
        ObjectNode settings = JsonNodeFactory.instance.objectNode();
        target.ifPresent(t -> settings.put("target", t));
        settings.put("salt", salt);
        settings.set("recipe", tree(RecipeJson.write(recipe)));
        ObjectNode results = JsonNodeFactory.instance.objectNode();
        if (result != null) {
            results.put("rows", result.dataset().rowCount()).put("columns", result.dataset().columns().size());
        }
        if (fitted != null) {
            results.set("fitted", tree(RecipeJson.write(fitted)));
        }
        return new StepRecord(done, settings, results);
    }

    public static Optional<String> target(StepRecord record) {
        ObjectNode s = record.settings();
        return s.hasNonNull("target") ? Optional.of(s.get("target").asText()) : Optional.empty();
    }

    public static Optional<String> salt(StepRecord record) {
        ObjectNode s = record.settings();
        return s.hasNonNull("salt") ? Optional.of(s.get("salt").asText()) : Optional.empty();
    }

    /** The recipe as the user left it, or an empty one when none was stored. */
    public static Recipe recipe(StepRecord record) throws CleanException {
        ObjectNode s = record.settings();
        return s.has("recipe") ? RecipeJson.readRecipe(s.get("recipe").toString()) : Recipe.empty();
    }

    /** How many recipes each of the undo and redo histories keeps in the project file. */
    public static final int HISTORY_LIMIT = 50;

    /** The undo and redo histories, most recent first, as the project keeps them. */
    public record History(List<Recipe> undo, List<Recipe> redo) {
        public History {
            undo = List.copyOf(undo);
            redo = List.copyOf(redo);
        }

        public static History empty() {
            return new History(List.of(), List.of());
        }
    }

    /** The record with the undo and redo histories kept in it (so undo still works after reopening). */
    public static StepRecord withHistory(StepRecord record, History history) {
        ObjectNode settings = record.settings().deepCopy();
        ObjectNode h = settings.putObject("history");
        ArrayNode undo = h.putArray("undo");
        history.undo().stream().limit(HISTORY_LIMIT).forEach(r -> undo.add(tree(RecipeJson.write(r))));
        ArrayNode redo = h.putArray("redo");
        history.redo().stream().limit(HISTORY_LIMIT).forEach(r -> redo.add(tree(RecipeJson.write(r))));
        return new StepRecord(record.done(), settings, record.result());
    }

    /** The histories the project kept, or empty ones (an older project, or a damaged entry). */
    public static History history(StepRecord record) {
        JsonNode h = record.settings().path("history");
        try {
            return new History(recipes(h.path("undo")), recipes(h.path("redo")));
        } catch (CleanException e) {
            return History.empty();
        }
    }

    private static List<Recipe> recipes(JsonNode array) throws CleanException {
        List<Recipe> out = new ArrayList<>();
        for (JsonNode r : array) {
            out.add(RecipeJson.readRecipe(r.toString()));
        }
        return out;
    }

    /** The fitted recipe as a document for "Export recipe…" and {@code clean --recipe}. */
    public static Optional<String> fittedJson(StepRecord record) {
        ObjectNode r = record.result();
        return r.has("fitted") ? Optional.of(r.get("fitted").toPrettyString()) : Optional.empty();
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("a recipe always serialises", e);
        }
    }
}
