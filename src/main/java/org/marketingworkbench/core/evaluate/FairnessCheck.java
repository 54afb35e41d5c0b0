package org.marketingworkbench.core.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.marketingworkbench.core.adapter.weka.TableToInstances;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.Predictions;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/**
 * The same threshold figures per group of a chosen column (gender, age band, segment), so that a model that
 * serves one group worse is seen before the campaign runs. A group is flagged when its recall or precision
 * differs from the figure over all held-out customers by more than {@link #LIMIT}; groups with fewer than
 * {@link #MIN_CUSTOMERS} customers or no buyers are shown but not flagged (their figures swing by chance).
 *
 * <p>A number column with more than {@link #MAX_GROUPS} different values is cut into {@link #BANDS} bands of
 * about equal size (age → age bands); a category column with more than {@link #MAX_GROUPS} values is refused
 * with a message, since such a table cannot be read.
 */
public final class FairnessCheck {

    public static final double LIMIT = 0.1;
    public static final int MAX_GROUPS = 30;
    public static final int MIN_CUSTOMERS = 30;
    public static final int BANDS = 5;

    private FairnessCheck() {
    }

    /** The figures by {@code column} at threshold 0.5. */
    public static FairnessReport by(Predictions p, Dataset rows, String column) throws EvaluateException {
        return by(p, rows, column, 0.5);
    }

    /**
     * @param rows the imported table the predictions' row numbers refer to
     * @throws EvaluateException UNKNOWN_COLUMN, TOO_MANY_GROUPS, or what {@link RankedPredictions#of} refuses
     */
    public static FairnessReport by(Predictions p, Dataset rows, String column, double threshold)
            throws EvaluateException {
        return report(column, threshold, RankedPredictions.of(p).at(threshold), groups(p, rows, column, threshold));
    }

    /**
     * The same groups at another threshold, without grouping or sorting again: each group's figures come from
     * its ranked predictions in O(log n), so a threshold slider can follow the groups live.
     *
     * @param all the ranked predictions of every held-out customer (the report's overall figures)
     */
    public static FairnessReport at(FairnessReport report, RankedPredictions all, double threshold) {
        List<GroupMetrics> groups = new ArrayList<>();
        for (GroupMetrics g : report.groups()) {
            groups.add(new GroupMetrics(g.group(), g.customers(), g.positives(), g.ranked().at(threshold), g.ranked(),
                    g.note()));
        }
        return report(report.column(), threshold, all.at(threshold), groups);
    }

    private static FairnessReport report(String column, double threshold, ThresholdMetrics overall,
                                         List<GroupMetrics> groups) {
        List<FairnessFlag> flags = new ArrayList<>();
        for (GroupMetrics g : groups) {
            if (g.note().isPresent()) {
                continue;
            }
            flag(g, EvaluationMetric.RECALL, g.metrics().recall(), overall.recall(), column, flags);
            flag(g, EvaluationMetric.PRECISION, g.metrics().precision(), overall.precision(), column, flags);
        }
        return new FairnessReport(column, threshold, overall, groups, flags);
    }

    private static void flag(GroupMetrics g, EvaluationMetric metric, double value, double overall, String column,
                             List<FairnessFlag> flags) {
        if (Double.isNaN(value) || Double.isNaN(overall) || Math.abs(value - overall) <= LIMIT) {
            return;
        }
        String key = "evaluate.fairness." + metric.id() + (value < overall ? ".lower" : ".higher");
        flags.add(new FairnessFlag(g.group(), metric, value, overall,
                UserMessage.of(key, column, groupName(g.group()), value, overall)));
    }

    private static Object groupName(String group) {
        return group.isEmpty() ? UserMessage.of("evaluate.group.missing") : group;
    }

    /** The held-out customers grouped by {@code column}, each group's figures at {@code threshold}. */
    static List<GroupMetrics> groups(Predictions p, Dataset rows, String column, double threshold)
            throws EvaluateException {
        if (rows.spec(column).isEmpty()) {
            throw new EvaluateException(EvaluateException.Reason.UNKNOWN_COLUMN,
                    UserMessage.of("evaluate.error.unknownColumn", column));
        }
        Column<?> c = rows.table().column(column);
        int[] r = p.rows();
        for (int row : r) {
            if (row < 0 || row >= rows.rowCount()) {
                throw new EvaluateException(EvaluateException.Reason.UNKNOWN_COLUMN,
                        UserMessage.of("evaluate.error.rowsDoNotMatch", rows.rowCount(), row + 1));
            }
        }
        String[] label = labels(c, r, rows.spec(column).get().type());
        Map<String, List<Integer>> byGroup = new TreeMap<>();
        for (int i = 0; i < r.length; i++) {
            byGroup.computeIfAbsent(label[i], k -> new ArrayList<>()).add(i);
        }
        if (byGroup.size() > MAX_GROUPS) {
            throw new EvaluateException(EvaluateException.Reason.TOO_MANY_GROUPS,
                    UserMessage.of("evaluate.error.tooManyGroups", column, byGroup.size(), MAX_GROUPS));
        }
        List<GroupMetrics> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
            int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            RankedPredictions g = RankedPredictions.subset(p, idx);
            Optional<UserMessage> note = Optional.empty();
            if (g.size() < MIN_CUSTOMERS) {
                note = Optional.of(UserMessage.of("evaluate.group.tooSmall", g.size(), MIN_CUSTOMERS));
            } else if (g.positives() == 0) {
                note = Optional.of(UserMessage.of("evaluate.group.noPositives", g.labels().get(1)));
            }
            out.add(new GroupMetrics(e.getKey(), g.size(), g.positives(), g.at(threshold), g, note));
        }
        return out;
    }

    /** Each held-out customer's group: the cell's label, or its band for a number column with many values. */
    private static String[] labels(Column<?> c, int[] rows, ColumnType type) {
        String[] out = new String[rows.length];
        if (c instanceof NumericColumn<?> num && type == ColumnType.NUMBER) {
            double[] v = Arrays.stream(rows).mapToDouble(num::getDouble).toArray();
            double[] present = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
            long distinct = Arrays.stream(present).distinct().count();
            if (distinct > MAX_GROUPS) {
                double[] cuts = new double[BANDS + 1];
                for (int b = 0; b <= BANDS; b++) {
                    cuts[b] = present[(int) Math.min(present.length - 1, Math.floor((double) b * present.length / BANDS))];
                }
                cuts[BANDS] = present[present.length - 1];
                Map<Integer, String> names = new LinkedHashMap<>();
                for (int i = 0; i < rows.length; i++) {
                    if (Double.isNaN(v[i])) {
                        out[i] = "";
                        continue;
                    }
                    int b = 0;
                    while (b < BANDS - 1 && v[i] >= cuts[b + 1]) {
                        b++;
                    }
                    int band = b;
                    out[i] = names.computeIfAbsent(band, k -> String.format(java.util.Locale.ROOT, "%d. %s – %s",
                            k + 1, number(cuts[k]), k == BANDS - 1 ? number(cuts[BANDS]) : "<" + number(cuts[k + 1])));
                }
                return out;
            }
        }
        for (int i = 0; i < rows.length; i++) {
            out[i] = c.isMissing(rows[i]) ? "" : TableToInstances.label(c, rows[i]);
        }
        return out;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d)
                : String.format(java.util.Locale.ROOT, "%.4g", d);
    }
}
