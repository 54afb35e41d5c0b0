package org.marketingworkbench.core.segment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.marketingworkbench.core.project.StepRecord;

/**
 * How the Segment step is kept in a project: its versioned settings (enough to replay it exactly, the seed
 * included) and a summary of the result (k, sizes, sum of squares, silhouette, rows used and left out). The
 * segments themselves are recomputed on reopening: the same settings and data give the same segments.
 */
public final class SegmentStepRecord {

    private SegmentStepRecord() {
    }

    public static StepRecord of(SegmentationSettings settings, SegmentationResult result) {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        if (result != null) {
            summary.put("k", result.k());
            ArrayNode sizes = summary.putArray("sizes");
            for (int s : result.sizes()) {
                sizes.add(s);
            }
            summary.put("withinClusterSumOfSquares", result.withinClusterSumOfSquares());
            if (!Double.isNaN(result.averageSilhouette())) {
                summary.put("averageSilhouette", result.averageSilhouette());
            }
            summary.put("rowsUsed", result.rowsUsed());
            summary.put("rowsLeftOut", result.rowsLeftOut());
        }
        return new StepRecord(result != null, settings.toJson(), summary);
    }

    /** The settings a project stored for its Segment step. */
    public static SegmentationSettings settings(StepRecord record) throws SegmentException {
        return SegmentationSettings.fromJson(record.settings());
    }
}
