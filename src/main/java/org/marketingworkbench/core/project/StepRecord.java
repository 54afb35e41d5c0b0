package org.marketingworkbench.core.project;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a project keeps of one step: its settings (always), whether it is done, and results that are
 * costly to recompute. Settings and results are JSON trees owned by the step's own typed, versioned
 * records; the project file only carries them.
 */
public record StepRecord(boolean done, ObjectNode settings, ObjectNode result) {

    public StepRecord {
        settings = settings == null ? JsonNodeFactory.instance.objectNode() : settings.deepCopy();
        result = result == null ? JsonNodeFactory.instance.objectNode() : result.deepCopy();
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
