package org.marketingworkbench.core.segment.rfm;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.marketingworkbench.core.clean.step.FixTypesStep;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * RFM from a transaction log: for each customer the Recency (days from the last purchase to the reference
 * date), Frequency (purchases) and Monetary value (net spend), a score of 1 to 5 for each, and the named
 * segment ({@link RfmSegment}).
 *
 * <ul>
 *   <li><b>Rows</b>: a row without a customer, with a date that is empty or not a date, or with an amount
 *   (quantity, price) that is empty or not a number is left out and counted ({@link HandledRows}); so is a row
 *   dated after the reference date. If no value at all of the date or amount column can be read, the step
 *   stops with a message instead.</li>
 *   <li><b>Returns and cancellations</b> are lines with a negative amount (or quantity × price), or whose
 *   invoice starts with "C" (as in the UCI Online Retail log). They are subtracted from Monetary (as a
 *   negative amount, whatever their sign) but are not purchases: they change neither Frequency nor Recency.
 *   A customer with no purchase left (only returns) is counted and not scored.</li>
 *   <li><b>Frequency</b> counts distinct purchase invoices when an invoice column is given (a line with an
 *   empty invoice counts as its day), else distinct purchase days.</li>
 *   <li><b>Reference date</b>: the one given, or by default the day after the last purchase in the log, so
 *   the most recent customers have a Recency of 1 day. Only days count; times of day are ignored.</li>
 *   <li><b>Scores</b> ({@link #scores}): quintiles of rank. Customers are ranked from worst to best (longest
 *   recency, fewest purchases, least spent first); tied customers share the average of their ranks; the
 *   score is ⌈5 × (rank − ½) / n⌉, the fifth in which the customer's mid-rank falls. So each score holds a
 *   fifth of the customers, the best fifth scores 5, and customers with the same value always get the same
 *   score (a score can then hold more or fewer than a fifth, or none, as with many one-purchase customers;
 *   a tie that straddles a boundary goes to the fifth its middle falls in, and when everyone is tied all
 *   score 3).</li>
 * </ul>
 *
 * <p>{@link #run} reports progress and checks for cancel every {@value #CHECK_EVERY} rows. It never changes
 * the dataset.
 */
public final class RfmStep {

    static final int CHECK_EVERY = 10_000;
    private static final long NO_DAY = Long.MIN_VALUE;
    private static final Pattern THOUSANDS = Pattern.compile("^[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");

    public RfmResult run(Dataset data, RfmSettings settings, Progress progress) throws RfmException {
        java.util.Optional<UserMessage> problem = settings.problem();
        if (problem.isPresent()) {
            throw new RfmException(RfmException.Reason.MISSING_COLUMN, problem.get());
        }
        for (String c : settings.columnsUsed()) {
            if (data.spec(c).isEmpty()) {
                throw new RfmException(RfmException.Reason.UNKNOWN_COLUMN, UserMessage.of("rfm.error.unknownColumn", c));
            }
        }
        progress.report(0, UserMessage.of("rfm.progress.reading"));
        int n = data.rowCount();
        Column<?> customerCol = data.table().column(settings.customer());
        if (customerCol instanceof DateTimeColumn || customerCol instanceof DateColumn) {
            throw new RfmException(RfmException.Reason.UNUSABLE_COLUMN,
                    UserMessage.of("rfm.error.customerIsDate", settings.customer()));
        }
        DateReader dates = DateReader.of(data.table().column(settings.date()));
        Amounts amounts = settings.usesQuantityTimesPrice()
                ? Amounts.product(data.table().column(settings.quantity()), data.table().column(settings.price()))
                : Amounts.of(data.table().column(settings.amount()));
        Column<?> invoiceCol = settings.invoice() == null ? null : data.table().column(settings.invoice());

        // ---- pass 1: read and classify every row
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[] customerOf = new int[n];
        long[] dayOf = new long[n];
        double[] amountOf = new double[n];
        boolean[] isReturn = new boolean[n];
        int withoutCustomer = 0;
        int badDate = 0;
        int badAmount = 0;
        String badDateExample = null;
        String badAmountExample = null;
        long lastPurchaseDay = NO_DAY;
        Progress reading = progress.slice(0, 0.8);
        for (int r = 0; r < n; r++) {
            if (r % CHECK_EVERY == 0) {
                reading.throwIfCancelled();
                reading.report((double) r / n);
            }
            customerOf[r] = -1;
            String key = customerKey(customerCol, r);
            if (key == null) {
                withoutCustomer++;
                continue;
            }
            long day = dates.day(r);
            if (day == NO_DAY) {
                badDate++;
                if (badDateExample == null) {
                    badDateExample = dates.badText(r);
                }
                continue;
            }
            double amount = amounts.amount(r);
            if (Double.isNaN(amount)) {
                badAmount++;
                if (badAmountExample == null) {
                    badAmountExample = amounts.badText(r);
                }
                continue;
            }
            Integer c = index.get(key);
            if (c == null) {
                c = names.size();
                index.put(key, c);
                names.add(key);
            }
            customerOf[r] = c;
            dayOf[r] = day;
            amountOf[r] = amount;
            isReturn[r] = amount < 0 || isCancellation(invoiceCol, r);
            if (!isReturn[r]) {
                lastPurchaseDay = Math.max(lastPurchaseDay, day);
            }
        }
        if (withoutCustomer == n && n > 0) {
            throw new RfmException(RfmException.Reason.NO_CUSTOMERS, UserMessage.of("rfm.error.noCustomers",
                    settings.customer()));
        }
        if (n == 0 || lastPurchaseDay == NO_DAY) {
            throw new RfmException(RfmException.Reason.NO_PURCHASES, UserMessage.of("rfm.error.noPurchases", n));
        }
        boolean asOfIsDefault = settings.asOf() == null;
        LocalDate asOf = asOfIsDefault ? LocalDate.ofEpochDay(lastPurchaseDay + 1) : settings.asOf();
        long asOfDay = asOf.toEpochDay();

        // ---- pass 2: sum up per customer
        progress.report(0.8, UserMessage.of("rfm.progress.scoring"));
        int k = names.size();
        long[] last = new long[k];
        Arrays.fill(last, NO_DAY);
        double[] monetary = new double[k];
        List<Set<Object>> purchases = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            purchases.add(new HashSet<>());
        }
        int afterAsOf = 0;
        int purchaseLines = 0;
        int returnLines = 0;
        double returned = 0;
        for (int r = 0; r < n; r++) {
            int c = customerOf[r];
            if (c < 0) {
                continue;
            }
            if (dayOf[r] > asOfDay) {
                afterAsOf++;
                continue;
            }
            if (isReturn[r]) {
                returnLines++;
                returned += Math.abs(amountOf[r]);
                monetary[c] -= Math.abs(amountOf[r]);
                continue;
            }
            purchaseLines++;
            monetary[c] += amountOf[r];
            last[c] = Math.max(last[c], dayOf[r]);
            purchases.get(c).add(purchaseKey(invoiceCol, r, dayOf[r]));
        }
        progress.throwIfCancelled();

        int[] scored = java.util.stream.IntStream.range(0, k).filter(c -> last[c] != NO_DAY).toArray();
        int m = scored.length;
        if (m == 0) {
            throw new RfmException(RfmException.Reason.NO_PURCHASES, UserMessage.of("rfm.error.noPurchasesBefore",
                    asOf.toString()));
        }
        double[] recencyGoodness = new double[m];
        double[] frequency = new double[m];
        double[] money = new double[m];
        for (int i = 0; i < m; i++) {
            int c = scored[i];
            recencyGoodness[i] = -(asOfDay - last[c]);
            frequency[i] = purchases.get(c).size();
            money[i] = dropFloatingPointNoise(monetary[c]);
        }
        int[] rs = scores(recencyGoodness);
        int[] fs = scores(frequency);
        int[] ms = scores(money);
        List<CustomerRfm> customers = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            int c = scored[i];
            customers.add(new CustomerRfm(names.get(c), LocalDate.ofEpochDay(last[c]), asOfDay - last[c],
                    (int) frequency[i], money[i], rs[i], fs[i], ms[i], RfmSegment.of(rs[i], RfmSegment.fm(fs[i], ms[i]))));
        }
        customers.sort(Comparator.comparing(CustomerRfm::segment)
                .thenComparing(Comparator.comparingDouble(CustomerRfm::monetary).reversed())
                .thenComparing(CustomerRfm::customer));
        HandledRows rows = new HandledRows(n, purchaseLines, returnLines, dropFloatingPointNoise(returned),
                withoutCustomer, badDate,
                badDateExample, badAmount, badAmountExample, afterAsOf, k - m);
        RfmResult result = new RfmResult(settings, asOf, asOfIsDefault, customers, summarise(customers), rows);
        progress.report(1);
        return result;
    }

    /**
     * Quintile scores 1..5 of {@code values}, higher values scoring higher: rank from lowest (1) to highest
     * (n), tied values sharing the average of their ranks, score ⌈5 × (rank − ½) / n⌉ (the fifth in which the
     * mid-point of the rank lies). Without ties and with n a multiple of 5 this is pandas'
     * {@code qcut(rank, 5, labels=[1, 2, 3, 4, 5])}; a tie on a boundary takes the lower fifth.
     */
    public static int[] scores(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        int[] out = new int[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(values[order[j + 1]], values[order[i]]) == 0) {
                j++;
            }
            // ranks i+1 .. j+1 (1-based); twice (their average − ½) is i + j + 1: whole numbers, no rounding
            long twiceMid = (long) i + j + 1;
            long denominator = 2L * n;
            int score = (int) Math.min(5, Math.max(1, (5 * twiceMid + denominator - 1) / denominator));
            for (int t = i; t <= j; t++) {
                out[order[t]] = score;
            }
            i = j + 1;
        }
        return out;
    }

    /**
     * A sum of amounts rounded to 6 decimals: 6 × 2.55 + 2 × 3.39 − 2.55 is 19.529999999999998 in binary
     * floating point, and a marketer should see (and export) 19.53.
     */
    static double dropFloatingPointNoise(double v) {
        return Math.abs(v) < 1e9 ? Math.round(v * 1e6) / 1e6 : v;
    }

    private static List<SegmentSummary> summarise(List<CustomerRfm> customers) {
        int[] count = new int[RfmSegment.values().length];
        double[] revenue = new double[count.length];
        double total = 0;
        for (CustomerRfm c : customers) {
            count[c.segment().ordinal()]++;
            revenue[c.segment().ordinal()] += c.monetary();
            total += c.monetary();
        }
        List<SegmentSummary> out = new ArrayList<>();
        for (RfmSegment s : RfmSegment.values()) {
            int i = s.ordinal();
            out.add(new SegmentSummary(s, count[i], (double) count[i] / customers.size(), revenue[i],
                    total > 0 ? revenue[i] / total : 0));
        }
        return out;
    }

    // ------------------------------------------------------------------ reading cells

    /** The customer in row {@code r} as text ("17850" for a number 17850.0), or null when there is none. */
    private static String customerKey(Column<?> col, int r) {
        if (col instanceof NumericColumn<?> num) {
            double v = num.getDouble(r);
            if (Double.isNaN(v)) {
                return null;
            }
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        if (col.isMissing(r)) {
            return null;
        }
        String s = col.getString(r).strip();
        return s.isEmpty() ? null : s;
    }

    private static boolean isCancellation(Column<?> invoice, int r) {
        if (invoice == null || invoice instanceof NumericColumn<?> || invoice.isMissing(r)) {
            return false;
        }
        String s = invoice.getString(r).strip();
        return !s.isEmpty() && (s.charAt(0) == 'C' || s.charAt(0) == 'c');
    }

    private static Object purchaseKey(Column<?> invoice, int r, long day) {
        if (invoice != null && !invoice.isMissing(r)) {
            String s = invoice.getString(r).strip();
            if (!s.isEmpty()) {
                return s;
            }
        }
        return day;
    }

    /** Reads the day of each row from a date-time, date or text column. */
    private interface DateReader {
        /** The day as an epoch day, or {@link #NO_DAY}. */
        long day(int r);

        /** The unreadable text in row r, or null when the cell is empty. */
        String badText(int r);

        static DateReader of(Column<?> col) throws RfmException {
            if (col instanceof DateTimeColumn dt) {
                return cells(r -> {
                    LocalDateTime v = dt.get(r);
                    return v == null ? NO_DAY : v.toLocalDate().toEpochDay();
                }, r -> null);
            }
            if (col instanceof DateColumn d) {
                return cells(r -> {
                    LocalDate v = d.get(r);
                    return v == null ? NO_DAY : v.toEpochDay();
                }, r -> null);
            }
            if (col instanceof InstantColumn || col instanceof NumericColumn<?>) {
                throw new RfmException(RfmException.Reason.UNUSABLE_COLUMN,
                        UserMessage.of("rfm.error.dateNotDate", col.name()));
            }
            return TextDates.of(col);
        }

        private static DateReader cells(java.util.function.IntToLongFunction day,
                                        java.util.function.IntFunction<String> bad) {
            return new DateReader() {
                @Override
                public long day(int r) {
                    return day.applyAsLong(r);
                }

                @Override
                public String badText(int r) {
                    return bad.apply(r);
                }
            };
        }
    }

    /** Dates written as text, in the one common format that reads most of them. */
    private static final class TextDates implements DateReader {
        private final Column<?> col;
        private final DateTimeFormatter format;

        private TextDates(Column<?> col, DateTimeFormatter format) {
            this.col = col;
            this.format = format;
        }

        static TextDates of(Column<?> col) throws RfmException {
            List<String> sample = new ArrayList<>();
            for (int r = 0; r < col.size() && sample.size() < 1000; r++) {
                String s = col.isMissing(r) ? "" : col.getString(r).strip();
                if (!s.isEmpty()) {
                    sample.add(s);
                }
            }
            if (sample.isEmpty()) {
                throw new RfmException(RfmException.Reason.NO_DATES, UserMessage.of("rfm.error.dateEmpty", col.name()));
            }
            DateTimeFormatter best = null;
            int bestCount = 0;
            for (String p : FixTypesStep.DATE_PATTERNS) {
                DateTimeFormatter f = DateTimeFormatter.ofPattern(p, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
                int count = 0;
                for (String s : sample) {
                    if (parse(f, s) != NO_DAY) {
                        count++;
                    }
                }
                if (count > bestCount) {
                    best = f;
                    bestCount = count;
                }
            }
            if (best == null) {
                throw new RfmException(RfmException.Reason.NO_DATES,
                        UserMessage.of("rfm.error.noDates", col.name(), sample.get(0)));
            }
            return new TextDates(col, best);
        }

        @Override
        public long day(int r) {
            if (col.isMissing(r)) {
                return NO_DAY;
            }
            String s = col.getString(r).strip();
            return s.isEmpty() ? NO_DAY : parse(format, s);
        }

        @Override
        public String badText(int r) {
            String s = col.isMissing(r) ? "" : col.getString(r).strip();
            return s.isEmpty() ? null : s;
        }

        private static long parse(DateTimeFormatter f, String s) {
            try {
                TemporalAccessor t = f.parseBest(s, LocalDateTime::from, LocalDate::from);
                return t instanceof LocalDateTime dt ? dt.toLocalDate().toEpochDay() : ((LocalDate) t).toEpochDay();
            } catch (DateTimeParseException e) {
                return NO_DAY;
            }
        }
    }

    /** Each row's amount: one number column, or quantity × price. */
    private static final class Amounts {
        private final Numbers first;
        private final Numbers second;

        private Amounts(Numbers first, Numbers second) {
            this.first = first;
            this.second = second;
        }

        static Amounts of(Column<?> amount) throws RfmException {
            return new Amounts(Numbers.of(amount), null);
        }

        static Amounts product(Column<?> quantity, Column<?> price) throws RfmException {
            return new Amounts(Numbers.of(quantity), Numbers.of(price));
        }

        double amount(int r) {
            double a = first.value(r);
            return second == null || Double.isNaN(a) ? a : a * second.value(r);
        }

        String badText(int r) {
            String t = first.badText(r);
            if (t == null && second != null && Double.isNaN(second.value(r))) {
                t = second.badText(r);
            }
            return t;
        }
    }

    /** A number column, or text holding numbers ("1,234.50" as well). */
    private static final class Numbers {
        private final Column<?> col;
        private final double[] parsed;

        private Numbers(Column<?> col, double[] parsed) {
            this.col = col;
            this.parsed = parsed;
        }

        static Numbers of(Column<?> col) throws RfmException {
            if (col instanceof DateTimeColumn || col instanceof DateColumn || col instanceof InstantColumn) {
                throw new RfmException(RfmException.Reason.UNUSABLE_COLUMN,
                        UserMessage.of("rfm.error.amountIsDate", col.name()));
            }
            double[] parsed = new double[col.size()];
            boolean any = false;
            String example = null;
            for (int r = 0; r < parsed.length; r++) {
                if (col instanceof NumericColumn<?> num) {
                    parsed[r] = num.getDouble(r);
                } else {
                    String s = col.isMissing(r) ? "" : col.getString(r).strip();
                    parsed[r] = parseNumber(s);
                    if (example == null && !s.isEmpty()) {
                        example = s;
                    }
                }
                any |= !Double.isNaN(parsed[r]);
            }
            if (!any) {
                throw new RfmException(RfmException.Reason.NO_NUMBERS, example == null
                        ? UserMessage.of("rfm.error.amountEmpty", col.name())
                        : UserMessage.of("rfm.error.noNumbers", col.name(), example));
            }
            return new Numbers(col, parsed);
        }

        double value(int r) {
            return parsed[r];
        }

        String badText(int r) {
            if (col instanceof NumericColumn<?> || col.isMissing(r)) {
                return null;
            }
            String s = col.getString(r).strip();
            return s.isEmpty() ? null : s;
        }

        private static double parseNumber(String s) {
            if (s.isEmpty()) {
                return Double.NaN;
            }
            String t = THOUSANDS.matcher(s).matches() ? s.replace(",", "") : s;
            try {
                double v = Double.parseDouble(t);
                return Double.isInfinite(v) ? Double.NaN : v;
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }
}
