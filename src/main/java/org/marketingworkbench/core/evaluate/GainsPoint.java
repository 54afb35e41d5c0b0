package org.marketingworkbench.core.evaluate;

/**
 * Cumulative gains and lift at one depth of the ranked list.
 *
 * @param share     the share of customers contacted, highest scores first (0.1 = the top decile)
 * @param customers how many customers that is
 * @param gain      the share of all buyers found among them
 * @param lift      how many times the buyer rate among them exceeds the overall rate ({@code gain / share})
 */
public record GainsPoint(double share, int customers, double gain, double lift) {
}
