package org.marketingworkbench.core.clean.profile;

/**
 * Summary of a number column's non-missing values. Quartiles use linear interpolation between order
 * statistics (Hyndman–Fan type 7, as pandas and R do); {@code std} is the sample standard deviation
 * (n − 1); {@code skewness} is the adjusted Fisher–Pearson coefficient (as pandas {@code skew()}).
 *
 * @param outliers number of values outside [q1 − 1.5·IQR, q3 + 1.5·IQR] (0 when IQR is 0)
 * @param modeShare share of non-missing values taken by the most frequent value
 */
public record NumericSummary(int count, double min, double max, double mean, double median, double std,
        double q1, double q3, double skewness, int outliers, boolean integerValued, double modeShare) {

    public double iqr() {
        return q3 - q1;
    }

    public double lowerFence() {
        return q1 - 1.5 * iqr();
    }

    public double upperFence() {
        return q3 + 1.5 * iqr();
    }
}
