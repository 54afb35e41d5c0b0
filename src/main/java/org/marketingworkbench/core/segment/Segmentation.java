package org.marketingworkbench.core.segment;

import java.util.List;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * One run of the Segment step as a marketer sees it: the result, a card per segment and the map, worked out
 * together (the screen in one background job, the report's replay headless).
 */
public record Segmentation(SegmentationResult result, List<SegmentCard> cards, SegmentMap map) {

    public Segmentation {
        cards = List.copyOf(cards);
    }

    /** Segments {@code data} with {@code settings}, then describes the segments and maps the customers. */
    public static Segmentation compute(Dataset data, SegmentationSettings settings, Progress progress)
            throws SegmentException {
        SegmentationResult r = new SegmentStep().run(data, settings, progress.slice(0, 0.85));
        progress.throwIfCancelled();
        List<SegmentCard> cards = SegmentDescriber.describe(data, r);
        progress.report(0.9);
        progress.throwIfCancelled();
        SegmentMap map = SegmentMap.project(data, r, SegmentMap.DEFAULT_MAX_POINTS, settings.seed());
        progress.report(1);
        return new Segmentation(r, cards, map);
    }
}
