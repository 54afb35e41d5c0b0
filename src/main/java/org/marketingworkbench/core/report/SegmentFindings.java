package org.marketingworkbench.core.report;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.segment.SegmentCard;
import org.marketingworkbench.core.segment.Segmentation;

/**
 * What the Segment step found: the segments with their cards and map, and the names the user typed for them.
 *
 * @param names  the user's names by segment number (only for these segments; a proposed name is shown otherwise)
 * @param notice a remark (the names typed before no longer fit replayed segments), if any
 */
public record SegmentFindings(Segmentation segmentation, Map<Integer, String> names, Optional<UserMessage> notice) {

    public SegmentFindings {
        Objects.requireNonNull(segmentation, "segmentation");
        names = java.util.Collections.unmodifiableMap(new TreeMap<>(names));
        Objects.requireNonNull(notice, "notice");
    }

    /** The name shown for segment {@code number}: the one the user typed, else the proposed one in {@code locale}. */
    public String name(int number, Locale locale) {
        return segmentation.cards().stream().filter(c -> c.number() == number).findFirst()
                .map(c -> c.displayName(names, locale)).orElse(Integer.toString(number));
    }

    public SegmentCard card(int number) {
        return segmentation.cards().stream().filter(c -> c.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no segment " + number));
    }
}
