package org.marketingworkbench.core.segment;

/**
 * How well the customers sit in their segments: for each customer, (b − a) / max(a, b), where a is the
 * mean distance to the others in its segment and b the mean distance to the customers of the nearest other
 * segment; from −1 (in the wrong segment) through 0 (between two) to 1 (well inside its own). A customer
 * alone in its segment scores 0, as in scikit-learn.
 *
 * @param average     the mean over the customers measured (NaN with fewer than two segments)
 * @param perSegment  the mean per segment (index 0 = segment 1; NaN for a segment with no customer measured)
 * @param sampleSize  how many customers were measured
 * @param exact       whether every customer was measured (otherwise a seeded random sample of {@code sampleSize})
 */
public record SilhouetteScore(double average, double[] perSegment, int sampleSize, boolean exact) {

    @Override
    public double[] perSegment() {
        return perSegment.clone();
    }
}
