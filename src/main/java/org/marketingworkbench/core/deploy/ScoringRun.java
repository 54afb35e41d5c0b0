package org.marketingworkbench.core.deploy;

import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.segment.SegmentationResult;

/**
 * Scoring a file's customers in the order every front door uses (the {@code score} command and the Score screen):
 * place each customer in a segment when the model carries a segmentation (adding the {@code segment} column when the
 * model was trained on it), check the columns, score, and add {@code segment} and {@code segment_name} to the output.
 */
public final class ScoringRun {

    /**
     * @param input    the table the model reads: the file's rows, with the segment column when the model needs it
     * @param segments where each customer was placed, or {@code null} when the model carries no segmentation
     */
    public record Prepared(Dataset input, SegmentAssigner.Segments segments) {

        /** How the input differs from what the model needs. */
        public Scorer.Check check(LoadedBundle bundle) {
            return Scorer.check(bundle.model(), input);
        }
    }

    /**
     * @param scored   every input row with score, predicted, rank, decile (and segment, segment_name)
     * @param check    how the input differed from what the model needs
     * @param segments where each customer was placed, or {@code null}
     * @param firstScoreColumn index in {@code scored} of the score column (predicted, rank and decile follow)
     */
    public record Result(Dataset scored, Scorer.Check check, SegmentAssigner.Segments segments, int firstScoreColumn) {
    }

    private ScoringRun() {
    }

    /** Places the customers in segments when the bundle carries a segmentation; otherwise the data as it is. */
    public static Prepared prepare(LoadedBundle bundle, Dataset data, Progress progress) throws DeployException {
        if (bundle.segmentation() == null) {
            return new Prepared(data, null);
        }
        SegmentAssigner.Segments segments = SegmentAssigner.assign(bundle.segmentation(), data,
                bundle.model().target().column(), progress);
        return new Prepared(usesSegment(bundle, data) ? segments.withSegmentColumn(data) : data, segments);
    }

    /** Prepares, checks and scores {@code data}; the progress covers placing in segments (first 20%) and scoring. */
    public static Result run(LoadedBundle bundle, Dataset data, Scorer.UnseenCategories unseen, Progress progress)
            throws DeployException {
        Prepared prepared = prepare(bundle, data, bundle.segmentation() == null ? Progress.none() : progress.slice(0, 0.2));
        Scorer.Check check = prepared.check(bundle);
        Dataset scored = Scorer.score(bundle, prepared.input(), unseen,
                bundle.segmentation() == null ? progress : progress.slice(0.2, 1));
        if (prepared.segments() != null) {
            scored = prepared.segments().withSegmentAndName(scored);
        }
        return new Result(scored, check, prepared.segments(), prepared.input().columns().size());
    }

    /** Every column of the file the model and its segmentation read, by name (the segment column excluded). */
    public static java.util.List<SchemaColumn> required(LoadedBundle bundle) {
        java.util.List<SchemaColumn> all = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Map<String, SchemaColumn> schema = new java.util.HashMap<>();
        org.marketingworkbench.core.evaluate.ModelInput.schema(bundle.model()).forEach(c -> schema.put(c.name(), c));
        for (SchemaColumn c : Scorer.required(bundle.model())) {
            if (!(bundle.segmentation() != null && c.name().equals(SegmentationResult.SEGMENT_COLUMN)) && seen.add(c.name())) {
                all.add(c);
            }
        }
        if (bundle.segmentation() != null) {
            for (String name : SegmentAssigner.requiredColumns(bundle.segmentation())) {
                if (!name.equals(bundle.model().target().column()) && seen.add(name)) {
                    all.add(schema.getOrDefault(name, new SchemaColumn(name, null)));
                }
            }
        }
        return all;
    }

    /** Whether the model was trained on the segment column (the Train step can add it) that the file lacks. */
    public static boolean usesSegment(LoadedBundle bundle, Dataset data) {
        return data.spec(SegmentationResult.SEGMENT_COLUMN).isEmpty() && Scorer.required(bundle.model()).stream()
                .map(SchemaColumn::name).anyMatch(SegmentationResult.SEGMENT_COLUMN::equals);
    }
}
