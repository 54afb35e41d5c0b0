package org.marketingworkbench.core.adapter.weka;

import java.util.List;
import org.marketingworkbench.core.data.Dataset;
import weka.core.Instances;

/**
 * The bridge from a Tablesaw dataset to Weka {@link Instances}, column by column: numbers as numeric
 * attributes (NaN is Weka's missing value), categories as nominal attributes, dates as numeric (epoch ms).
 */
public final class TableToInstances {

    private TableToInstances() {
    }

    /**
     * Instances of {@code features} and the class column {@code target}; nominal values are taken from the
     * data (sorted) except the class's, which are {@code classValues} when given (so every fold has the same
     * class attribute). {@code classValues} empty: the target is numeric.
     */
    public static Instances convert(Dataset data, List<String> features, String target, List<String> classValues) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Rows of {@code data} in the shape of {@code header} (same attributes, same nominal values): a category
     * the header does not know becomes missing, as for a new customer.
     */
    public static Instances convertLike(Instances header, Dataset data) {
        throw new UnsupportedOperationException("not yet");
    }
}
