package org.marketingworkbench.ui.segment;

import java.util.List;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.segment.SegmentCard;
import org.marketingworkbench.core.segment.SegmentDescriber;
import org.marketingworkbench.core.segment.SegmentException;
import org.marketingworkbench.core.segment.SegmentMap;
import org.marketingworkbench.core.segment.SegmentStep;
import org.marketingworkbench.core.segment.SegmentationResult;
import org.marketingworkbench.core.segment.SegmentationSettings;

/**
 * What one run of the Segment screen shows: the result, a card per segment and the map, all worked out in
 * the same background job so the screen never computes on the UI thread.
 */
public record Segmentation(SegmentationResult result, List<SegmentCard> cards, SegmentMap map) {

    public Segmentation {
        cards = List.copyOf(cards);
    }

    static Segmentation compute(Dataset data, SegmentationSettings settings, Progress progress) throws SegmentException {
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
