package org.marketingworkbench.core.evaluate;

/**
 * How much the model's figure falls when one feature's values are shuffled among the held-out customers.
 *
 * @param meanDrop the mean fall over the repeats (for RMSE: the mean rise of the error)
 * @param sd       the sample standard deviation of the falls over the repeats (0 for one repeat)
 */
public record FeatureImportance(String feature, double meanDrop, double sd, double[] drops) {

    public FeatureImportance {
        drops = drops.clone();
    }

    @Override
    public double[] drops() {
        return drops.clone();
    }
}
