package org.marketingworkbench.core.segment.rfm;

import java.time.LocalDate;

/**
 * One customer's RFM figures and scores.
 *
 * @param customer     the customer as written in the log
 * @param lastPurchase the day of the customer's last purchase on or before the reference date
 * @param recencyDays  days from the last purchase to the reference date (0 on the reference date itself)
 * @param frequency    purchases: distinct purchase invoices, or distinct purchase days without an invoice column
 * @param monetary     purchases minus returns and cancellations, in the log's currency (can be 0 or below)
 * @param r            recency score 1..5 (5: most recent)
 * @param f            frequency score 1..5 (5: most purchases)
 * @param m            monetary score 1..5 (5: most spent)
 * @param segment      the named segment of {@code r} and the average of {@code f} and {@code m}
 */
public record CustomerRfm(String customer, LocalDate lastPurchase, long recencyDays, int frequency, double monetary,
                          int r, int f, int m, RfmSegment segment) {

    /** The FM score the segment was read with. */
    public int fm() {
        return RfmSegment.fm(f, m);
    }

    /** The three scores as one code, "545". */
    public String scoreCode() {
        return "" + r + f + m;
    }
}
