package org.marketingworkbench.core.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marketingworkbench.core.clean.FittedRecipe;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.segment.FittedSegmentation;
import org.marketingworkbench.core.segment.SegmentException;
import org.marketingworkbench.core.segment.SegmentExport;
import org.marketingworkbench.core.segment.SegmentationResult;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Gives customers the segments of a model bundle's segmentation: the file as imported goes through the
 * segmentation's own cleaning recipe (if it had one), then each customer joins a segment as the Segment step's
 * customers did ({@link FittedSegmentation#assign}). The result adds {@code segment} (the number, as the Segment
 * step writes it) and {@code segment_name} to a table of the same rows, e.g. the scored one. Nothing is changed in
 * place.
 */
public final class SegmentAssigner {

    /**
     * Each customer's segment.
     *
     * @param segmentOfRow per row, its segment number (1..k), or 0 when it has none
     * @param missing      rows without a segment because a feature is missing
     * @param unseen       rows without a segment because a category has a value the segmentation never saw
     * @param unseenValues per feature, the values never seen
     * @param names        segment number → name
     */
    public record Segments(int[] segmentOfRow, int missing, int unseen, Map<String, List<String>> unseenValues,
                           Map<Integer, String> names) {

        public Segments {
            segmentOfRow = segmentOfRow.clone();
            unseenValues = Map.copyOf(unseenValues);
            names = Map.copyOf(names);
        }

        @Override
        public int[] segmentOfRow() {
            return segmentOfRow.clone();
        }

        /** {@code data} (the same rows) with a {@code segment} column, as the Segment step adds it. */
        public Dataset withSegmentColumn(Dataset data) {
            check(data);
            String name = free(data, SegmentationResult.SEGMENT_COLUMN);
            StringColumn col = StringColumn.create(name, segmentOfRow.length);
            for (int r = 0; r < segmentOfRow.length; r++) {
                col.set(r, segmentOfRow[r] == 0 ? "" : Integer.toString(segmentOfRow[r]));
            }
            return add(data, col, new ColumnSpec(name, ColumnType.CATEGORY, UserMessage.of("deploy.reason.segment")));
        }

        /**
         * {@code data} (the same rows) with {@code segment} and {@code segment_name}; a {@code segment} column it
         * already has (added for a model that uses it) is kept, not repeated.
         */
        public Dataset withSegmentAndName(Dataset data) {
            check(data);
            Dataset with = data.spec(SegmentationResult.SEGMENT_COLUMN).isPresent() && hasOurSegments(data)
                    ? data : withSegmentColumn(data);
            String name = free(with, SegmentExport.NAME_COLUMN);
            StringColumn col = StringColumn.create(name, segmentOfRow.length);
            for (int r = 0; r < segmentOfRow.length; r++) {
                col.set(r, segmentOfRow[r] == 0 ? "" : names.getOrDefault(segmentOfRow[r], ""));
            }
            return add(with, col, new ColumnSpec(name, ColumnType.TEXT, UserMessage.of("deploy.reason.segment")));
        }

        private boolean hasOurSegments(Dataset data) {
            Column<?> c = data.table().column(SegmentationResult.SEGMENT_COLUMN);
            for (int r = 0; r < segmentOfRow.length; r++) {
                String want = segmentOfRow[r] == 0 ? "" : Integer.toString(segmentOfRow[r]);
                if (!(c.isMissing(r) ? "" : c.getString(r)).equals(want)) {
                    return false;
                }
            }
            return true;
        }

        private void check(Dataset data) {
            if (data.rowCount() != segmentOfRow.length) {
                throw new IllegalArgumentException(segmentOfRow.length + " segments for " + data.rowCount() + " rows");
            }
        }
    }

    private SegmentAssigner() {
    }

    /**
     * The columns a file as imported needs for the segments: those the segmentation's recipe reads, and the
     * features it takes as they are.
     */
    public static List<String> requiredColumns(BundleSegmentation s) {
        Set<String> out = new LinkedHashSet<>();
        FittedRecipe recipe = s.recipe();
        if (recipe == null) {
            out.addAll(s.segmentation().requiredColumns());
        } else {
            out.addAll(recipe.requiredColumns());
            Set<String> raw = new LinkedHashSet<>();
            recipe.inputSchema().forEach(c -> raw.add(c.name()));
            s.segmentation().requiredColumns().stream().filter(raw::contains).forEach(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * Each row of {@code data} (imported, before cleaning) with its segment.
     *
     * @param targetColumn the model's target: when the recipe reads it and the file lacks it (new customers), it is
     *                     added empty, as for scoring; may be null
     * @throws DeployException MISSING_COLUMNS, TYPE_MISMATCH, or SCORING_FAILED when the recipe or the clusterer
     *                         fails, or the recipe removes rows (segments could not be matched to customers)
     */
    public static Segments assign(BundleSegmentation s, Dataset data, String targetColumn, Progress progress)
            throws DeployException {
        List<String> missing = new ArrayList<>();
        for (String c : requiredColumns(s)) {
            if (data.spec(c).isEmpty() && !c.equals(targetColumn)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new DeployException(DeployException.Reason.MISSING_COLUMNS,
                    UserMessage.of("deploy.segment.missingColumns", missing.size(), String.join(", ", missing)));
        }
        Dataset cleaned = data;
        if (s.recipe() != null) {
            try {
                cleaned = s.recipe().forScoring().apply(withEmpty(data, s.recipe(), targetColumn), progress.slice(0, 0.5)).dataset();
            } catch (CleanException e) {
                throw new DeployException(DeployException.Reason.SCORING_FAILED,
                        UserMessage.of("deploy.segment.recipeFailed", e.userMessage()), e);
            }
            if (cleaned.rowCount() != data.rowCount()) {
                throw new DeployException(DeployException.Reason.SCORING_FAILED,
                        UserMessage.of("deploy.segment.rowsRemoved", data.rowCount(), cleaned.rowCount()));
            }
        }
        FittedSegmentation fitted = s.segmentation();
        List<String> gone = fitted.missingColumns(cleaned);
        if (!gone.isEmpty()) {
            throw new DeployException(DeployException.Reason.MISSING_COLUMNS,
                    UserMessage.of("deploy.segment.missingColumns", gone.size(), String.join(", ", gone)));
        }
        List<String> text = fitted.notNumbers(cleaned);
        if (!text.isEmpty()) {
            throw new DeployException(DeployException.Reason.TYPE_MISMATCH,
                    UserMessage.of("deploy.segment.notNumbers", String.join(", ", text)));
        }
        FittedSegmentation.Assignment a;
        try {
            a = fitted.assign(cleaned, s.recipe() == null ? progress : progress.slice(0.5, 1));
        } catch (SegmentException e) {
            throw new DeployException(DeployException.Reason.SCORING_FAILED,
                    UserMessage.of("deploy.segment.failed", e.userMessage()), e);
        }
        return new Segments(a.segmentOfRow(), a.missing(), a.unseen(), a.unseenValues(), s.names());
    }

    /** {@code data} with the target column added empty when the recipe reads it and the data lacks it. */
    private static Dataset withEmpty(Dataset data, FittedRecipe recipe, String target) {
        if (target == null || data.spec(target).isPresent() || !recipe.requiredColumns().contains(target)) {
            return data;
        }
        ColumnType type = recipe.inputSchema().stream().filter(c -> c.name().equals(target)).map(SchemaColumn::type)
                .findFirst().orElse(ColumnType.CATEGORY);
        int n = data.rowCount();
        Column<?> col = switch (type) {
            case NUMBER -> {
                DoubleColumn d = DoubleColumn.create(target, n);
                for (int i = 0; i < n; i++) {
                    d.setMissing(i);
                }
                yield d;
            }
            case DATETIME -> DateTimeColumn.create(target, n);
            default -> StringColumn.create(target, n);
        };
        return add(data, col, new ColumnSpec(target, type, UserMessage.of("evaluate.reason.unknownOutcome")));
    }

    private static String free(Dataset data, String base) {
        String name = base;
        for (int i = 2; data.spec(name).isPresent(); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    private static Dataset add(Dataset data, Column<?> column, ColumnSpec spec) {
        List<Column<?>> columns = new ArrayList<>(data.table().columns());
        columns.add(column);
        List<ColumnSpec> specs = new ArrayList<>(data.columns());
        specs.add(spec);
        return Dataset.of(data.table().name(), columns, specs);
    }
}
