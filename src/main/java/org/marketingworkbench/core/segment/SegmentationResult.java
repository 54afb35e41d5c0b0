package org.marketingworkbench.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What the Segment step found.
 *
 * @param settings                  the settings it ran with
 * @param k                         the number of segments (EM may have chosen it)
 * @param segments                  segment 1 (the largest) first
 * @param profileColumns            the columns of each segment's {@code centroid} and {@code meanZ}
 * @param segmentOfRow              for every input row, its segment number (1..k), or 0 when the row was left out
 * @param withinClusterSumOfSquares the sum over segmented customers of the squared distance to their segment's
 *                                  centre, on the prepared features (scaled unless scaling is off; k-means reports
 *                                  its own centres, as scikit-learn's inertia does, the others their segments' means)
 * @param silhouette                average and per segment
 * @param rowsUsed                  customers segmented
 * @param rowsLeftOut               customers left out because a chosen feature is missing
 * @param rowsFitted                customers the algorithm was fitted on (a sample for EM and hierarchical on large
 *                                  data; the other customers were then assigned)
 * @param iterations                k-means: the kept run's iterations; otherwise 0
 * @param explanation               how the features were prepared, with the user's numbers
 * @param notes                     what else the user should know (samples, what EM chose)
 * @param fitted                    the fitted segmentation that places new customers (for a model bundle), or null
 *                                  for a result made without one
 */
public record SegmentationResult(SegmentationSettings settings, int k, List<Segment> segments,
                                 List<ProfileColumn> profileColumns, int[] segmentOfRow, double withinClusterSumOfSquares,
                                 SilhouetteScore silhouette, int rowsUsed, int rowsLeftOut, int rowsFitted, int iterations,
                                 FeatureExplanation explanation, List<UserMessage> notes, FittedSegmentation fitted) {

    /** The name of the column {@link #withSegmentColumn} adds (numbered if the table already has one). */
    public static final String SEGMENT_COLUMN = "segment";

    public SegmentationResult {
        segments = List.copyOf(segments);
        profileColumns = List.copyOf(profileColumns);
        notes = List.copyOf(notes);
    }

    /** A result without a fitted segmentation (it cannot be put in a model bundle). */
    public SegmentationResult(SegmentationSettings settings, int k, List<Segment> segments,
                              List<ProfileColumn> profileColumns, int[] segmentOfRow, double withinClusterSumOfSquares,
                              SilhouetteScore silhouette, int rowsUsed, int rowsLeftOut, int rowsFitted, int iterations,
                              FeatureExplanation explanation, List<UserMessage> notes) {
        this(settings, k, segments, profileColumns, segmentOfRow, withinClusterSumOfSquares, silhouette, rowsUsed,
                rowsLeftOut, rowsFitted, iterations, explanation, notes, null);
    }

    /** The fitted segmentation that places new customers as this one placed these, when the result has it. */
    public java.util.Optional<FittedSegmentation> fittedSegmentation() {
        return java.util.Optional.ofNullable(fitted);
    }

    @Override
    public int[] segmentOfRow() {
        return segmentOfRow.clone();
    }

    /** Row {@code row}'s segment number, or empty when the row was left out. */
    public OptionalInt segmentOf(int row) {
        int s = segmentOfRow[row];
        return s == 0 ? OptionalInt.empty() : OptionalInt.of(s);
    }

    public double averageSilhouette() {
        return silhouette.average();
    }

    public int[] sizes() {
        return segments.stream().mapToInt(Segment::size).toArray();
    }

    /**
     * {@code data} (the table this result was computed on) with a category column holding each row's segment
     * number ("1", "2", …), empty for rows left out: every input row is kept. A new dataset; {@code data} is
     * not changed.
     */
    public Dataset withSegmentColumn(Dataset data) {
        if (data.rowCount() != segmentOfRow.length) {
            throw new IllegalArgumentException("the result has " + segmentOfRow.length + " rows, the table "
                    + data.rowCount());
        }
        String name = SEGMENT_COLUMN;
        for (int i = 2; data.spec(name).isPresent(); i++) {
            name = SEGMENT_COLUMN + "_" + i;
        }
        StringColumn col = StringColumn.create(name, segmentOfRow.length);
        for (int i = 0; i < segmentOfRow.length; i++) {
            col.set(i, segmentOfRow[i] == 0 ? "" : Integer.toString(segmentOfRow[i]));
        }
        List<Column<?>> columns = new ArrayList<>(data.table().columns());
        columns.add(col);
        List<ColumnSpec> specs = new ArrayList<>(data.columns());
        specs.add(new ColumnSpec(name, ColumnType.CATEGORY,
                UserMessage.of("segment.column.reason", settings.algorithm().label(), k, settings.seed())));
        return new Dataset(Table.create(data.table().name(), columns.toArray(new Column<?>[0])), specs);
    }
}
