package org.marketingworkbench.core.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * Turns the chosen columns into numbers that k-means can measure distances on.
 *
 * <ul>
 *   <li><b>Numbers</b> are z-scored by default ({@link Scaling#STANDARDISE}): minus the mean, divided by the
 *       standard deviation, both over the usable rows. Otherwise a feature measured in large units (income
 *       in dollars) decides the segments alone. {@link Scaling#NONE} keeps the units.</li>
 *   <li><b>Categories</b> become one column per value (one-hot) holding {@link #CATEGORY_WEIGHT} = 1/√2 for
 *       the customer's value and 0 otherwise: two customers with different values are then at squared
 *       distance 2 · ½ = 1, exactly as far apart as two customers one standard deviation apart on one
 *       z-scored number. A category therefore counts like one number, however many values it has. (Scaling
 *       each one-hot block to unit variance instead would make a rare value, 1% of customers, weigh as much
 *       as ten standard deviations.)</li>
 *   <li><b>Missing values</b>: a customer missing any chosen feature is left out of the segmenting and gets
 *       no segment; how many, and for which features, is counted and said. Nothing is imputed: a made-up
 *       income would place a customer in a segment on no evidence.</li>
 *   <li>A feature with <b>one value</b> for every usable customer cannot tell customers apart and is left out,
 *       with a note; if every feature is like that, segmenting stops with a message.</li>
 *   <li>Identifiers, free text, dates and ignored columns are refused with a message saying why (a date can
 *       become numbers in the Clean step's date features).</li>
 * </ul>
 */
public final class FeaturePreparation {

    /** The one-hot value of a category's own level: 1/√2, see the class comment. */
    public static final double CATEGORY_WEIGHT = Math.sqrt(0.5);

    private FeaturePreparation() {
    }

    public static PreparedFeatures prepare(Dataset data, List<String> features, Scaling scaling) throws SegmentException {
        if (features.isEmpty()) {
            throw new SegmentException(SegmentException.Reason.NO_FEATURES, UserMessage.of("segment.error.noFeatures"));
        }
        int n = data.rowCount();
        List<ColumnSpec> specs = new ArrayList<>();
        for (String f : features) {
            ColumnSpec spec = data.spec(f).orElseThrow(() -> new SegmentException(SegmentException.Reason.UNKNOWN_FEATURE,
                    UserMessage.of("segment.error.unknownFeature", f, String.join(", ", data.table().columnNames()))));
            if (spec.type() != ColumnType.NUMBER && spec.type() != ColumnType.CATEGORY) {
                throw new SegmentException(SegmentException.Reason.UNUSABLE_FEATURE,
                        UserMessage.of("segment.error.unusable." + spec.type().id(), f));
            }
            specs.add(spec);
        }

        // missing values: count per feature, keep the rows that have every feature
        boolean[] usable = new boolean[n];
        java.util.Arrays.fill(usable, true);
        Map<String, Integer> missing = new LinkedHashMap<>();
        for (ColumnSpec spec : specs) {
            Column<?> col = data.table().column(spec.name());
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (isMissing(col, i)) {
                    m++;
                    usable[i] = false;
                }
            }
            if (n > 0 && m == n) {
                throw new SegmentException(SegmentException.Reason.ALL_MISSING,
                        UserMessage.of("segment.error.allMissing", spec.name()));
            }
            missing.put(spec.name(), m);
        }
        int used = 0;
        for (boolean u : usable) {
            if (u) {
                used++;
            }
        }
        if (used == 0) {
            throw new SegmentException(SegmentException.Reason.NO_COMPLETE_ROWS,
                    UserMessage.of(n == 0 ? "segment.error.noRows" : "segment.error.noCompleteRows"));
        }
        int[] rows = new int[used];
        for (int i = 0, r = 0; i < n; i++) {
            if (usable[i]) {
                rows[r++] = i;
            }
        }

        // statistics over the usable rows; constant features left out
        List<PreparedFeatures.Feature> kept = new ArrayList<>();
        List<String> constant = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (ColumnSpec spec : specs) {
            Column<?> col = data.table().column(spec.name());
            if (spec.type() == ColumnType.NUMBER) {
                NumericColumn<?> num = (NumericColumn<?>) col;
                double[] v = new double[used];
                double mean = 0;
                for (int i = 0; i < used; i++) {
                    v[i] = num.getDouble(rows[i]);
                    mean += v[i];
                }
                mean /= used;
                double ss = 0;
                for (double x : v) {
                    ss += (x - mean) * (x - mean);
                }
                double sd = Math.sqrt(ss / used);
                if (!(sd > 0) || sd < Math.abs(mean) * 1e-12) {
                    constant.add(spec.name());
                    continue;
                }
                if (scaling == Scaling.STANDARDISE) {
                    for (int i = 0; i < used; i++) {
                        v[i] = (v[i] - mean) / sd;
                    }
                }
                kept.add(new PreparedFeatures.Feature(spec.name(), ColumnType.NUMBER, mean, sd, List.of(), new double[0],
                        columns.size(), 1, 1));
                columns.add(v);
                names.add(spec.name());
            } else {
                Map<String, Integer> counts = new HashMap<>();
                String[] value = new String[used];
                for (int i = 0; i < used; i++) {
                    value[i] = col.getString(rows[i]);
                    counts.merge(value[i], 1, Integer::sum);
                }
                if (counts.size() < 2) {
                    constant.add(spec.name());
                    continue;
                }
                List<String> levels = new ArrayList<>(counts.keySet());
                levels.sort(Comparator.<String>comparingInt(counts::get).reversed().thenComparing(Comparator.naturalOrder()));
                Map<String, Integer> index = new HashMap<>();
                double[] shares = new double[levels.size()];
                for (int l = 0; l < levels.size(); l++) {
                    index.put(levels.get(l), l);
                    shares[l] = counts.get(levels.get(l)) / (double) used;
                }
                int first = columns.size();
                double[][] block = new double[levels.size()][used];
                for (int i = 0; i < used; i++) {
                    block[index.get(value[i])][i] = CATEGORY_WEIGHT;
                }
                for (int l = 0; l < levels.size(); l++) {
                    columns.add(block[l]);
                    names.add(spec.name() + " = " + levels.get(l));
                }
                kept.add(new PreparedFeatures.Feature(spec.name(), ColumnType.CATEGORY, Double.NaN, Double.NaN, levels,
                        shares, first, levels.size(), CATEGORY_WEIGHT));
            }
        }
        if (kept.isEmpty()) {
            throw new SegmentException(SegmentException.Reason.ALL_CONSTANT,
                    UserMessage.of(specs.size() == 1 ? "segment.error.constantOne" : "segment.error.allConstant",
                            String.join(", ", constant)));
        }
        FeatureMatrix matrix = FeatureMatrix.ofColumns(names, columns.toArray(new double[0][]));
        FeatureExplanation explanation = explain(kept, constant, missing, n, used, scaling);
        return new PreparedFeatures(matrix, rows, n, kept, constant, missing, scaling, explanation);
    }

    static boolean isMissing(Column<?> col, int row) {
        if (col.isMissing(row)) {
            return true;
        }
        if (col instanceof NumericColumn<?> num) {
            double v = num.getDouble(row);
            return Double.isNaN(v) || Double.isInfinite(v);
        }
        return col.getString(row).isEmpty();
    }

    private static FeatureExplanation explain(List<PreparedFeatures.Feature> kept, List<String> constant,
                                              Map<String, Integer> missing, int total, int used, Scaling scaling) {
        // each feature's variance as used, and as it would be with numbers in their own units
        double[] unscaled = new double[kept.size()];
        double[] asUsed = new double[kept.size()];
        for (int f = 0; f < kept.size(); f++) {
            PreparedFeatures.Feature feature = kept.get(f);
            if (feature.isCategory()) {
                double gini = 1;
                for (double p : feature.shares()) {
                    gini -= p * p;
                }
                unscaled[f] = feature.weight() * feature.weight() * gini;
                asUsed[f] = unscaled[f];
            } else {
                unscaled[f] = feature.sd() * feature.sd();
                asUsed[f] = scaling == Scaling.STANDARDISE ? 1 : unscaled[f];
            }
        }
        double sumUnscaled = java.util.Arrays.stream(unscaled).sum();
        double sumUsed = java.util.Arrays.stream(asUsed).sum();
        List<FeatureExplanation.Spread> spreads = new ArrayList<>();
        for (int f = 0; f < kept.size(); f++) {
            PreparedFeatures.Feature feature = kept.get(f);
            spreads.add(new FeatureExplanation.Spread(feature.name(), feature.isCategory(),
                    feature.isCategory() ? Double.NaN : feature.sd(), unscaled[f] / sumUnscaled, asUsed[f] / sumUsed));
        }

        List<UserMessage> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int f = 0; f < kept.size(); f++) {
            if (kept.get(f).isCategory()) {
                categories.add(kept.get(f).name());
            } else {
                numbers.add(f);
            }
        }
        if (!numbers.isEmpty()) {
            int widest = numbers.stream().max(Comparator.comparingDouble(f -> unscaled[f])).orElseThrow();
            int narrowest = numbers.stream().min(Comparator.comparingDouble(f -> unscaled[f])).orElseThrow();
            PreparedFeatures.Feature wide = kept.get(widest);
            PreparedFeatures.Feature narrow = kept.get(narrowest);
            if (scaling == Scaling.STANDARDISE) {
                if (numbers.size() == 1) {
                    lines.add(UserMessage.of("segment.explain.scaledOne", wide.name(), wide.sd()));
                } else {
                    lines.add(UserMessage.of("segment.explain.scaled", wide.name(), wide.sd(), narrow.name(), narrow.sd(),
                            unscaled[widest] / sumUnscaled, asUsed[widest] / sumUsed));
                }
            } else {
                lines.add(UserMessage.of("segment.explain.unscaled", wide.name(), wide.sd(), unscaled[widest] / sumUnscaled));
            }
        }
        if (!categories.isEmpty()) {
            lines.add(UserMessage.of("segment.explain.categories", String.join(", ", categories)));
        }
        for (String c : constant) {
            lines.add(UserMessage.of("segment.explain.constant", c));
        }
        if (used < total) {
            List<String> which = missing.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
            lines.add(UserMessage.of("segment.explain.leftOut", total - used, total, String.join(", ", which)));
        }
        return new FeatureExplanation(spreads, lines);
    }
}
