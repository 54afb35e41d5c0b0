package org.marketingworkbench.core.segment;

/**
 * One column of the segment profile (a heatmap column): a number feature, or one value of a category.
 *
 * @param feature the feature's name
 * @param level   the category value, or null for a number
 * @param mean    over all segmented customers: a number's mean in its own units, or the value's share (0..1)
 * @param sd      the standard deviation behind the z-scores: a number's (population) standard deviation, or
 *                √(p(1 − p)) for a value with share p
 */
public record ProfileColumn(String feature, String level, double mean, double sd) {

    public boolean isLevel() {
        return level != null;
    }

    /** "Annual income", or "Gender = Female". */
    public String label() {
        return level == null ? feature : feature + " = " + level;
    }
}
