package org.marketingworkbench.core.evaluate;

/**
 * Contacting the customers whose score is at or above {@code threshold}.
 *
 * @param share          the share of customers contacted
 * @param customers      how many customers that is (see {@link ProfitCurve} for whose count)
 * @param conversions    actual buyers among them
 * @param expectedProfit conversions × value per conversion − customers × cost per contact
 * @param threshold      the lowest score contacted (+∞ when nobody is contacted)
 */
public record ProfitPoint(double share, long customers, double conversions, double expectedProfit, double threshold) {
}
