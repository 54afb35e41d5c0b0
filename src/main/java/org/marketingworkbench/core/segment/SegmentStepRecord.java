package org.marketingworkbench.core.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.marketingworkbench.core.project.StepRecord;

/**
 * How the Segment step is kept in a project: its versioned settings (enough to replay it exactly, the seed
 * included) and a summary of the result (k, sizes, sum of squares, silhouette, rows used and left out). The
 * segments themselves are recomputed on reopening: the same settings and data give the same segments.
 *
 * <p>The names the user typed for segments are kept too, by segment number ({@code "names": {"2": "VIPs"}} in
 * the result). They belong to the one segmentation they were typed for: with other settings, segment 2 is
 * other customers. Whoever changes the settings decides what happens to the names; {@link #namesApply} says
 * whether stored names still fit the settings about to be used, and a record made with new settings should be
 * given no names (or only those the user confirms). Records saved before names existed read as having none.
 */
public final class SegmentStepRecord {

    private SegmentStepRecord() {
    }

    public static StepRecord of(SegmentationSettings settings, SegmentationResult result) {
        return of(settings, result, Map.of());
    }

    /**
     * The record with the user's names for segments ({@code names}: segment number → name; blank names are
     * not kept, a name is stored stripped).
     */
    public static StepRecord of(SegmentationSettings settings, SegmentationResult result, Map<Integer, String> names) {
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
        ObjectNode named = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(names).forEach((number, name) -> {
            if (name != null && !name.isBlank()) {
                named.put(Integer.toString(number), name.strip());
            }
        });
        if (!named.isEmpty()) {
            summary.set(NAMES, named);
        }
        return new StepRecord(result != null, settings.toJson(), summary);
    }

    /** The names the user typed, by segment number; empty for a record without names (older projects too). */
    public static Map<Integer, String> names(StepRecord record) {
        Map<Integer, String> out = new TreeMap<>();
        JsonNode named = record.result().path(NAMES);
        named.fields().forEachRemaining(e -> {
            try {
                int number = Integer.parseInt(e.getKey());
                if (number > 0 && e.getValue().isTextual() && !e.getValue().asText().isBlank()) {
                    out.put(number, e.getValue().asText());
                }
            } catch (NumberFormatException ignored) {
                // not a segment number: a damaged entry is skipped, the other names still count
            }
        });
        return out;
    }

    /**
     * Whether the names stored in {@code record} fit a segmentation with {@code settings}: only when these are
     * the settings the names were typed for (same features, k, algorithm, seed, scaling and restarts, so the
     * same data gives the same segments, numbered the same way). An unreadable record's names never apply.
     */
    public static boolean namesApply(StepRecord record, SegmentationSettings settings) {
        try {
            return settings(record).equals(settings);
        } catch (SegmentException e) {
            return false;
        }
    }

    private static final String NAMES = "names";

    /**
     * The segment sizes the record kept (largest first), or an empty array when it kept none. A damaged entry
     * ({@code "sizes"} not an array) is read element by element as well as it goes, never thrown on: it then
     * matches no replayed segmentation, so the names are dropped rather than the project failing to open.
     */
    public static int[] storedSizes(StepRecord record) {
        java.util.List<Integer> sizes = new java.util.ArrayList<>();
        record.result().path("sizes").forEach(n -> sizes.add(n.asInt()));
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The names the user typed for the segments of {@code record}, if {@code replayed} found the same segments
     * again: segments are numbered by size, so the same sizes mean the same segments with the same numbers and
     * the names still fit them. Otherwise no names (the proposed ones are shown).
     */
    public static Map<Integer, String> namesFor(StepRecord record, SegmentationResult replayed) {
        return java.util.Arrays.equals(storedSizes(record), replayed.sizes()) ? names(record) : Map.of();
    }

    /** The settings a project stored for its Segment step. */
    public static SegmentationSettings settings(StepRecord record) throws SegmentException {
        return SegmentationSettings.fromJson(record.settings());
    }
}
