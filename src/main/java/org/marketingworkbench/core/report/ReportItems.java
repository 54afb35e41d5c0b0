package org.marketingworkbench.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * The parts of the report a consultant can write a note on: the summary, each section and each chart, by a stable
 * id. The note is kept in the project ({@code project.withNote(id, text)}) and shown under that part.
 */
public final class ReportItems {

    /** A part of the report that can carry a note. */
    public record Item(String id, UserMessage label, boolean chart) {
        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
        }
    }

    public static final String SUMMARY = "summary";
    public static final String INGEST = IngestSection.ID;
    public static final String CLEAN = CleanSection.ID;
    public static final String CLEAN_MISSING = CleanSection.MISSING_CHART;
    public static final String SEGMENT = SegmentSection.ID;
    public static final String SEGMENT_SIZES = SegmentSection.SIZES_CHART;
    public static final String SEGMENT_CARDS = SegmentSection.CARDS;
    public static final String SEGMENT_MAP = SegmentSection.MAP_CHART;
    public static final String SEGMENT_PROFILE = SegmentSection.PROFILE_CHART;
    public static final String TRAIN = TrainSection.ID;
    public static final String TRAIN_LEADERBOARD = TrainSection.LEADERBOARD_CHART;
    public static final String EVALUATE = EvaluateSection.ID;
    public static final String EVALUATE_CONFUSION = EvaluateSection.CONFUSION;
    public static final String EVALUATE_ROC = EvaluateSection.ROC_CHART;
    public static final String EVALUATE_GAINS = EvaluateSection.GAINS_CHART;
    public static final String EVALUATE_LIFT = EvaluateSection.LIFT_CHART;
    public static final String EVALUATE_PROFIT = EvaluateSection.PROFIT_CHART;
    public static final String EVALUATE_IMPORTANCE = EvaluateSection.IMPORTANCE_CHART;
    public static final String PROVENANCE = ProvenanceSection.ID;

    private ReportItems() {
    }

    /** The id of the chart of one feature that matters (Clean section). */
    public static String featureChart(String column) {
        return CleanSection.FEATURE_CHART_PREFIX + column;
    }

    /**
     * The parts of the report {@code results} makes that can carry a note, in page order: the summary, every
     * section (also one of a step not run) and the charts of the steps that ran.
     */
    public static List<Item> of(ProjectResults results) {
        List<Item> items = new ArrayList<>();
        items.add(new Item(SUMMARY, UserMessage.of("report.item.summary"), false));
        items.add(section(INGEST));
        items.add(section(CLEAN));
        if (results.clean() != null) {
            items.add(chart(CLEAN_MISSING));
            results.clean().keyFeatures().forEach(k -> items.add(new Item(featureChart(k.column()),
                    UserMessage.of("report.item.clean.feature", k.column()), true)));
        }
        items.add(section(SEGMENT));
        if (results.segment() != null) {
            items.add(chart(SEGMENT_SIZES));
            items.add(new Item(SEGMENT_CARDS, UserMessage.of("report.item." + SEGMENT_CARDS), false));
            items.add(chart(SEGMENT_MAP));
            items.add(chart(SEGMENT_PROFILE));
        }
        items.add(section(TRAIN));
        if (results.train() != null) {
            items.add(chart(TRAIN_LEADERBOARD));
        }
        items.add(section(EVALUATE));
        if (results.evaluate() != null) {
            if (results.evaluate().atThreshold() != null) {
                items.add(new Item(EVALUATE_CONFUSION, UserMessage.of("report.item." + EVALUATE_CONFUSION), false));
                items.add(chart(EVALUATE_ROC));
                items.add(chart(EVALUATE_GAINS));
                items.add(chart(EVALUATE_LIFT));
                if (results.evaluate().profit() != null) {
                    items.add(chart(EVALUATE_PROFIT));
                }
            }
            if (results.evaluate().importance() != null && results.evaluate().importance().result() != null) {
                items.add(chart(EVALUATE_IMPORTANCE));
            }
        }
        items.add(section(PROVENANCE));
        return items;
    }

    private static Item section(String id) {
        return new Item(id, UserMessage.of("report." + id + ".title"), false);
    }

    private static Item chart(String id) {
        return new Item(id, UserMessage.of("report.item." + id), true);
    }
}
