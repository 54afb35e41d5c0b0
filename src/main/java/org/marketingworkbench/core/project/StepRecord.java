package org.marketingworkbench.core.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a project keeps of one step: its settings (always), whether it is done, and results that are
 * costly to recompute. Settings and results are JSON trees owned by the step's own typed, versioned
 * records; the project file only carries them.
 */
public record StepRecord(boolean done, ObjectNode settings, ObjectNode result) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public StepRecord {
        settings = canonical(settings);
        result = canonical(result);
    }

    /**
     * A copy in the form the project file reads back (a long 5000 becomes an int 5000, and so on), so
     * that a record equals itself after a save and reopen, and re-reading unchanged data changes nothing.
     */
    private static ObjectNode canonical(ObjectNode node) {
        if (node == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return (ObjectNode) JSON.readTree(JSON.writeValueAsBytes(node));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static StepRecord empty() {
        return new StepRecord(false, null, null);
    }

    @Override
    public ObjectNode settings() {
        return settings.deepCopy();
    }

    @Override
    public ObjectNode result() {
        return result.deepCopy();
    }
}
