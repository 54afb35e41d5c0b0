package org.marketingworkbench.core.segment;

/**
 * One segment of a result. Segments are numbered 1, 2, … by size, largest first, so the same seed gives the
 * same numbers.
 *
 * @param number     1-based
 * @param size       customers in the segment
 * @param share      size over the customers segmented
 * @param centroid   per {@link ProfileColumn}: the segment's mean in the feature's own units, or for a category
 *                   value the share of the segment's customers with that value
 * @param meanZ      per {@link ProfileColumn}: how far the segment's mean lies from the overall mean, in overall
 *                   standard deviations ((segment mean − mean) / sd; for a value, its share likewise), for the
 *                   profile heatmap
 * @param silhouette the segment's mean silhouette (NaN when none of its customers was measured)
 */
public record Segment(int number, int size, double share, double[] centroid, double[] meanZ, double silhouette) {

    @Override
    public double[] centroid() {
        return centroid.clone();
    }

    @Override
    public double[] meanZ() {
        return meanZ.clone();
    }
}
