package org.marketingworkbench.core.segment.rfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * What RFM did with every row of the log: each row is counted in exactly one of {@link #purchaseLines},
 * {@link #returnLines}, {@link #withoutCustomer}, {@link #badDate}, {@link #badAmount} and {@link #afterAsOf}
 * ({@code rows} is their sum), checked in this order: no customer, then a bad date, then a bad amount, then
 * after the reference date, then a return, else a purchase. Nothing is dropped silently.
 *
 * @param rows                     rows of the log
 * @param purchaseLines            lines counted as purchases
 * @param returnLines              returns and cancellations (a negative quantity or amount, or an invoice
 *                                 starting with "C"): they reduce Monetary and are not purchases
 * @param returnedAmount           the amount of those lines, as a positive number
 * @param withoutCustomer          rows without a customer, left out
 * @param badDate                  rows whose date is empty or not a date, left out
 * @param badDateExample           one such value (null when none, or when all were empty)
 * @param badAmount                rows whose amount (or quantity or price) is empty or not a number, left out
 * @param badAmountExample         one such value (null when none, or when all were empty)
 * @param afterAsOf                rows dated after the reference date, left out
 * @param customersWithoutPurchase customers whose rows are all returns (or after the reference date): no
 *                                 purchase to score, so not in the table
 */
public record HandledRows(int rows, int purchaseLines, int returnLines, double returnedAmount, int withoutCustomer,
                          int badDate, String badDateExample, int badAmount, String badAmountExample, int afterAsOf,
                          int customersWithoutPurchase) {

    /** Rows left out (no customer, bad date or amount, after the reference date). */
    public int leftOut() {
        return withoutCustomer + badDate + badAmount + afterAsOf;
    }

    /**
     * The counts in words, for the screen and the command line: the rows used, then one sentence for each
     * kind of row that was handled specially and occurred.
     */
    public List<UserMessage> describe(LocalDate asOf) {
        List<UserMessage> out = new ArrayList<>();
        out.add(UserMessage.of("rfm.rows.used", rows, purchaseLines));
        if (returnLines > 0) {
            out.add(UserMessage.of("rfm.rows.returns", returnLines, returnedAmount));
        }
        if (withoutCustomer > 0) {
            out.add(UserMessage.of("rfm.rows.noCustomer", withoutCustomer));
        }
        if (badDate > 0) {
            out.add(badDateExample == null ? UserMessage.of("rfm.rows.noDate", badDate)
                    : UserMessage.of("rfm.rows.badDate", badDate, badDateExample));
        }
        if (badAmount > 0) {
            out.add(badAmountExample == null ? UserMessage.of("rfm.rows.noAmount", badAmount)
                    : UserMessage.of("rfm.rows.badAmount", badAmount, badAmountExample));
        }
        if (afterAsOf > 0) {
            out.add(UserMessage.of("rfm.rows.afterAsOf", afterAsOf, asOf.toString()));
        }
        if (customersWithoutPurchase > 0) {
            out.add(UserMessage.of("rfm.rows.customersWithoutPurchase", customersWithoutPurchase));
        }
        return out;
    }
}
