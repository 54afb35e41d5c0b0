package org.marketingworkbench.core.deploy;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.marketingworkbench.core.clean.FittedRecipe;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.segment.FittedSegmentation;
import org.marketingworkbench.core.segment.SegmentationResult;
import org.marketingworkbench.core.segment.SegmentationSettings;

/**
 * The segmentation a model bundle can carry, to give scored customers their segment: the fitted segmentation
 * (features as prepared, the clusterer), the cleaning recipe whose output was segmented (null when the segments
 * were made on the table as imported), the segments' names, and the settings the segments were made with.
 *
 * @param segmentation the fitted segmentation
 * @param recipe       the fitted cleaning recipe applied before segmenting, or null for none
 * @param names        segment number → name (the user's, or the proposed one); a segment without one has no name
 * @param settings     the Segment step's settings (for provenance), or null when unknown
 */
public record BundleSegmentation(FittedSegmentation segmentation, FittedRecipe recipe, Map<Integer, String> names,
                                 SegmentationSettings settings) {

    public BundleSegmentation {
        java.util.Objects.requireNonNull(segmentation, "segmentation");
        TreeMap<Integer, String> kept = new TreeMap<>();
        if (names != null) {
            names.forEach((number, name) -> {
                if (number != null && name != null && !name.isBlank()) {
                    kept.put(number, name.strip());
                }
            });
        }
        names = java.util.Collections.unmodifiableMap(kept);
    }

    /**
     * The segmentation of a Segment step's result.
     *
     * @param result the result, as {@code SegmentStep.run} returned it (it holds the fitted segmentation)
     * @param recipe the fitted cleaning recipe whose output was segmented, or null when the imported table was
     * @param names  segment number → name to write next to each customer's segment (e.g. the user's names, the
     *               proposed ones for the others: {@code SegmentExport.names(cards, userNames, locale)})
     * @throws DeployException SCORING_FAILED when the result has no fitted segmentation (made without one)
     */
    public static BundleSegmentation of(SegmentationResult result, FittedRecipe recipe, Map<Integer, String> names)
            throws DeployException {
        FittedSegmentation fitted = result.fittedSegmentation().orElseThrow(() -> new DeployException(
                DeployException.Reason.SCORING_FAILED, UserMessage.of("deploy.segment.notFitted")));
        return new BundleSegmentation(fitted, recipe, names, result.settings());
    }

    public Optional<FittedRecipe> cleaning() {
        return Optional.ofNullable(recipe);
    }

    /** The name of segment {@code number}, or "" when it has none. */
    public String name(int number) {
        return names.getOrDefault(number, "");
    }
}
