package org.marketingworkbench.core.segment;

import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.data.ColumnType;

/**
 * The features made ready for clustering: a matrix of the usable rows, which input row each matrix row
 * is, and for each feature how it was turned into matrix columns.
 *
 * @param matrix           one row per usable customer; number features scaled, categories one-hot
 * @param rows             {@code rows[i]} is the input row of matrix row {@code i}
 * @param totalRows        the rows of the input table (usable or not)
 * @param features         the features in use, in the user's order, constant ones left out
 * @param constantFeatures chosen features left out because they have one value for every usable customer
 * @param missingByFeature for each chosen feature, the customers for whom it is missing (all rows counted)
 * @param scaling          how numbers were scaled
 * @param explanation      the why, with the user's numbers, for the Explain panel
 */
public record PreparedFeatures(FeatureMatrix matrix, int[] rows, int totalRows, List<Feature> features,
                               List<String> constantFeatures, Map<String, Integer> missingByFeature, Scaling scaling,
                               FeatureExplanation explanation) {

    /**
     * One feature's encoding. A number takes one matrix column: {@code (value - mean) / sd}, or the value
     * itself without scaling. A category takes one column per level, {@code weight} for the customer's own
     * level and 0 for the others.
     *
     * @param mean   a number's mean over the usable rows (original units)
     * @param sd     a number's standard deviation (population) over the usable rows
     * @param levels a category's values, most frequent first
     * @param shares each level's share of the usable rows
     * @param column the feature's first matrix column
     * @param width  how many matrix columns it takes
     * @param weight a category's one-hot value; for a number, 1
     */
    public record Feature(String name, ColumnType type, double mean, double sd, List<String> levels, double[] shares,
                          int column, int width, double weight) {

        public boolean isCategory() {
            return type == ColumnType.CATEGORY;
        }
    }

    public PreparedFeatures {
        features = List.copyOf(features);
        constantFeatures = List.copyOf(constantFeatures);
        missingByFeature = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(missingByFeature));
    }

    public int rowsUsed() {
        return rows.length;
    }

    public int rowsLeftOut() {
        return totalRows - rows.length;
    }

    /** The same features on a subset of the usable rows ({@code picked} are matrix row indices). */
    PreparedFeatures sample(int[] picked) {
        int[] r = new int[picked.length];
        for (int i = 0; i < picked.length; i++) {
            r[i] = rows[picked[i]];
        }
        return new PreparedFeatures(matrix.rows(picked), r, totalRows, features, constantFeatures, missingByFeature,
                scaling, explanation);
    }
}
