package org.marketingworkbench.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketingworkbench.core.adapter.weka.TableToInstances;
import org.marketingworkbench.core.clean.profile.ColumnProfile;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.profile.DatasetProfile;
import org.marketingworkbench.core.clean.profile.Distribution;
import org.marketingworkbench.core.clean.profile.Distributions;
import org.marketingworkbench.core.clean.profile.FlagKind;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.Column;

/**
 * A feature that matters: one that tells the target apart well on its own (the profile's single-feature AUC),
 * with its distribution in each target group and the difference in one sentence.
 *
 * @param auc          the single-feature AUC (0.5 = useless, 1 = perfect), as the Clean step's profile found it
 * @param distribution counts per bin and target group, on the data as imported (the customers' own units)
 * @param finding      the difference in words, with the user's figures
 */
public record KeyFeature(String column, ColumnType type, double auc, Distribution distribution, String positive,
                         UserMessage finding) {

    /** A category value needs this many customers before its rate is worth a sentence. */
    static final int MIN_LEVEL_CUSTOMERS = 20;
    /** A histogram shows at most this many bars. */
    static final int MAX_BINS = 20;
    /** Numbers beyond these quantiles are gathered in the first and last bar, so outliers cannot flatten the rest. */
    static final double LOW_QUANTILE = 0.01;
    static final double HIGH_QUANTILE = 0.99;

    /**
     * The features of {@code data} that tell {@code target} apart best on their own, best first: numbers and
     * categories the {@code profile} scored, leaving out leakage suspects, identifiers and personal data.
     *
     * @param positive the class that means "yes" for a two-class target, for the sentences and the colours; empty
     *                 otherwise
     */
    public static List<KeyFeature> rank(Dataset data, DatasetProfile profile, String target, Optional<String> positive,
                                        int max) throws CleanException {
        List<ColumnProfile> scored = profile.columns().stream()
                .filter(c -> !c.name().equals(target) && data.spec(c.name()).isPresent())
                .filter(c -> c.type() == ColumnType.NUMBER || c.type() == ColumnType.CATEGORY)
                .filter(c -> c.targetAuc().isPresent() && !Double.isNaN(c.targetAuc().getAsDouble()))
                .filter(c -> !c.has(FlagKind.TARGET_LEAKAGE) && !c.has(FlagKind.IDENTIFIER_LIKE)
                        && !c.has(FlagKind.PERSONAL_DATA))
                .sorted(Comparator.comparingDouble((ColumnProfile c) -> -c.targetAuc().getAsDouble())
                        .thenComparing(ColumnProfile::name))
                .limit(Math.max(0, max))
                .toList();
        List<KeyFeature> out = new ArrayList<>();
        for (ColumnProfile c : scored) {
            Distribution d = distribution(data, c, target);
            double auc = c.targetAuc().getAsDouble();
            out.add(new KeyFeature(c.name(), c.type(), auc, d, positive.orElse(null),
                    finding(data, c, target, positive, auc)));
        }
        return out;
    }

    /**
     * The column's distribution in each target group. A number's bars span its 1st to 99th percentile; the few
     * values beyond are counted in the first and last bar ("&lt; 3", "≥ 950"), so that one customer with 4,200
     * visits does not squeeze everyone else into a single bar.
     */
    static Distribution distribution(Dataset data, ColumnProfile c, String target) throws CleanException {
        if (c.type() != ColumnType.NUMBER) {
            return Distributions.of(data, c.name(), Optional.of(target));
        }
        double[] values = data.table().numberColumn(c.name()).asDoubleArray();
        double[] present = java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (present.length == 0) {
            return Distributions.of(data, c.name(), Optional.of(target));
        }
        double lo = ColumnProfiler.quantileOfUnsorted(present.clone(), LOW_QUANTILE);
        double hi = ColumnProfiler.quantileOfUnsorted(present.clone(), HIGH_QUANTILE);
        if (!(lo < hi)) {
            return histogram(data, c.name(), target);
        }
        boolean below = false;
        boolean above = false;
        double[] clipped = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            double v = values[r];
            below |= v < lo;
            above |= v > hi;
            clipped[r] = Double.isNaN(v) ? v : Math.max(lo, Math.min(hi, v));
        }
        Dataset view = Dataset.of(data.table().name(), List.of(DoubleColumn.create(c.name(), clipped),
                data.table().column(target)), List.of(data.spec(c.name()).orElseThrow(), data.spec(target).orElseThrow()));
        Distribution d = histogram(view, c.name(), target);
        List<String> labels = new ArrayList<>(d.binLabels());
        double[] edges = d.edges();
        if (below && labels.size() > 1) {
            labels.set(0, "< " + format(edges[1]));
        }
        if (above && labels.size() > 1) {
            labels.set(labels.size() - 1, "≥ " + format(edges[edges.length - 2]));
        }
        return new Distribution(d.column(), true, labels, edges, d.groups(), d.counts(), d.missing());
    }

    private static Distribution histogram(Dataset data, String column, String target) throws CleanException {
        Distribution d = Distributions.histogram(data, column, Distributions.AUTO, Optional.of(target));
        return d.binCount() <= MAX_BINS ? d : Distributions.histogram(data, column, MAX_BINS, Optional.of(target));
    }

    /** An edge as the histogram labels write it: a whole number as such, else four significant digits. */
    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    private static UserMessage finding(Dataset data, ColumnProfile c, String target, Optional<String> positive,
                                       double auc) {
        if (positive.isEmpty()) {
            return UserMessage.of("report.clean.feature.auc", c.name(), target, auc);
        }
        String pos = positive.get();
        Column<?> t = data.table().column(target);
        Column<?> x = data.table().column(c.name());
        if (c.type() == ColumnType.NUMBER) {
            double[] values = data.table().numberColumn(c.name()).asDoubleArray();
            double[] withPos = new double[values.length];
            double[] withOther = new double[values.length];
            int np = 0;
            int no = 0;
            for (int r = 0; r < values.length; r++) {
                if (t.isMissing(r) || Double.isNaN(values[r])) {
                    continue;
                }
                if (pos.equals(TableToInstances.label(t, r))) {
                    withPos[np++] = values[r];
                } else {
                    withOther[no++] = values[r];
                }
            }
            if (np == 0 || no == 0) {
                return UserMessage.of("report.clean.feature.auc", c.name(), target, auc);
            }
            double medianPos = ColumnProfiler.quantileOfUnsorted(java.util.Arrays.copyOf(withPos, np), 0.5);
            double medianOther = ColumnProfiler.quantileOfUnsorted(java.util.Arrays.copyOf(withOther, no), 0.5);
            return UserMessage.of("report.clean.feature.number", c.name(), target, pos, medianPos, medianOther, auc);
        }
        Map<String, int[]> byLevel = new HashMap<>();   // level → {customers, positives}
        int customers = 0;
        int positives = 0;
        for (int r = 0; r < x.size(); r++) {
            if (t.isMissing(r) || x.isMissing(r)) {
                continue;
            }
            boolean isPos = pos.equals(TableToInstances.label(t, r));
            int[] n = byLevel.computeIfAbsent(x.getString(r), k -> new int[2]);
            n[0]++;
            customers++;
            if (isPos) {
                n[1]++;
                positives++;
            }
        }
        String best = null;
        double bestRate = -1;
        for (Map.Entry<String, int[]> e : byLevel.entrySet()) {
            int[] n = e.getValue();
            double rate = (double) n[1] / n[0];
            if (n[0] >= MIN_LEVEL_CUSTOMERS && (rate > bestRate || rate == bestRate && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestRate = rate;
            }
        }
        if (best == null || customers == 0) {
            return UserMessage.of("report.clean.feature.auc", c.name(), target, auc);
        }
        return UserMessage.of("report.clean.feature.category", c.name(), best, bestRate, target, pos,
                (double) positives / customers, auc);
    }
}
