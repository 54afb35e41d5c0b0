package org.marketingworkbench.core.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.marketingworkbench.core.project.StepRecord;

/**
 * How the Import step is kept in a project: the settings that reproduce the table (resolved, with the
 * user's overrides) and a summary of what was read. The JSON lives here, not in the view-model.
 */
public final class IngestStepRecord {

    private IngestStepRecord() {
    }

    public static StepRecord of(ImportSettings stored, ImportResult result) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode()
                .put("rows", result.rowsRead()).put("columns", result.columns().size())
                .put("rowsSkipped", result.rowsSkipped()).put("problems", result.problemCount());
        return new StepRecord(true, stored.toJson(), summary);
    }

    /** The settings a project stored for its import. */
    public static ImportSettings settings(StepRecord record) throws ImportException {
        return ImportSettings.fromJson(record.settings());
    }
}
