package org.marketingworkbench.core.clean.profile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.Column;

/**
 * Computes {@link Distribution}s for the charts: the UI draws, this counts. Histograms get an automatic
 * bin count (Freedman–Diaconis: width 2·IQR·n^(−1/3); Sturges, ⌈log2 n⌉ + 1, when the IQR is 0), or the
 * count the user chose. Dates are binned by day.
 */
public final class Distributions {

    /** Pass as {@code bins} to choose the bin count automatically. */
    public static final int AUTO = 0;
    public static final int MAX_BINS = 200;
    /** Default number of category bars before the rest is grouped into "other". */
    public static final int DEFAULT_TOP = 10;
    /** A split column with more groups than this shows the largest ones and "other". */
    public static final int MAX_GROUPS = 8;

    private Distributions() {
    }

    /** Histogram for NUMBER and DATETIME columns, bar counts for all others. */
    public static Distribution of(Dataset data, String column, Optional<String> splitBy) throws CleanException {
        ColumnType t = spec(data, column).type();
        return t == ColumnType.NUMBER || t == ColumnType.DATETIME
                ? histogram(data, column, AUTO, splitBy) : categories(data, column, DEFAULT_TOP, splitBy);
    }

    public static Distribution histogram(Dataset data, String column, int bins, Optional<String> splitBy)
            throws CleanException {
        ColumnSpec spec = spec(data, column);
        double[] x;
        boolean dates = spec.type() == ColumnType.DATETIME;
        if (spec.type() == ColumnType.NUMBER) {
            x = ((DoubleColumn) data.table().column(column)).asDoubleArray();
        } else if (dates) {
            DateTimeColumn c = (DateTimeColumn) data.table().column(column);
            x = new double[c.size()];
            for (int r = 0; r < x.length; r++) {
                x[r] = c.isMissing(r) ? Double.NaN : c.get(r).toLocalDate().toEpochDay();
            }
        } else {
            throw new CleanException(CleanException.Reason.WRONG_COLUMN_TYPE,
                    UserMessage.of("clean.error.notNumeric", column));
        }
        Groups groups = groups(data, splitBy);
        double[] sorted = Arrays.stream(x).filter(v -> !Double.isNaN(v)).sorted().toArray();
        int k = bins > 0 ? Math.min(bins, MAX_BINS) : autoBinCount(sorted);
        double lo = sorted.length == 0 ? 0 : sorted[0];
        double hi = sorted.length == 0 ? 1 : sorted[sorted.length - 1];
        if (hi == lo) {
            k = 1;
            hi = lo + 1;
        } else if (bins <= 0 && !dates) {
            // automatic bins for people: at most MAX_AUTO_BINS bars with round edges (20 – 25, not 18.7 – 23.4)
            double width = niceWidth(Math.max((hi - lo) / k, (hi - lo) / MAX_AUTO_BINS), integerValued(sorted));
            double niceLo = Math.floor(lo / width) * width;
            k = Math.max(1, (int) Math.ceil((hi - niceLo) / width - 1e-9));
            if (niceLo + k * width <= hi) {
                k++;
            }
            lo = niceLo;
            hi = niceLo + k * width;
        }
        double[] edges = new double[k + 1];
        for (int b = 0; b <= k; b++) {
            edges[b] = b == k ? hi : lo + (hi - lo) * b / k;
        }
        long[][] counts = new long[groups.labels.size()][k];
        long[] missing = new long[groups.labels.size()];
        double width = (hi - lo) / k;
        for (int r = 0; r < x.length; r++) {
            int g = groups.rowGroup[r];
            if (Double.isNaN(x[r])) {
                missing[g]++;
                continue;
            }
            int b = (int) ((x[r] - lo) / width);
            counts[g][Math.max(0, Math.min(k - 1, b))]++;
        }
        List<String> labels = new ArrayList<>(k);
        for (int b = 0; b < k; b++) {
            labels.add(dates ? LocalDate.ofEpochDay((long) Math.floor(edges[b])) + " – "
                    + LocalDate.ofEpochDay((long) Math.floor(edges[b + 1]))
                    : format(edges[b]) + " – " + format(edges[b + 1]));
        }
        return new Distribution(column, true, labels, edges, groups.labels, counts, missing);
    }

    public static Distribution categories(Dataset data, String column, int topN, Optional<String> splitBy)
            throws CleanException {
        spec(data, column);
        Column<?> c = data.table().column(column);
        Groups groups = groups(data, splitBy);
        Map<String, long[]> counts = new HashMap<>();
        long[] missing = new long[groups.labels.size()];
        int ng = groups.labels.size();
        for (int r = 0; r < c.size(); r++) {
            int g = groups.rowGroup[r];
            if (c.isMissing(r)) {
                missing[g]++;
                continue;
            }
            counts.computeIfAbsent(c.getString(r), k -> new long[ng])[g]++;
        }
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> {
            int cmp = Long.compare(Arrays.stream(b.getValue()).sum(), Arrays.stream(a.getValue()).sum());
            return cmp != 0 ? cmp : a.getKey().compareTo(b.getKey());
        });
        int top = Math.max(1, topN);
        boolean other = entries.size() > top;
        int k = other ? top + 1 : entries.size();
        long[][] out = new long[ng][k];
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int b = Math.min(i, top);
            if (i < top) {
                labels.add(entries.get(i).getKey());
            }
            for (int g = 0; g < ng; g++) {
                out[g][b] += entries.get(i).getValue()[g];
            }
        }
        if (other) {
            labels.add(Distribution.OTHER);
        }
        return new Distribution(column, false, labels, new double[0], groups.labels, out, missing);
    }

    /** Automatic histograms never draw more bars than this; a chart with 90 slivers shows nothing. */
    public static final int MAX_AUTO_BINS = 30;

    /** The smallest of 1, 2, 2.5, 5 × 10^k not below {@code raw}; whole numbers for whole-number data. */
    static double niceWidth(double raw, boolean integers) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double width = 10 * magnitude;
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= raw - 1e-12) {
                width = step * magnitude;
                break;
            }
        }
        return integers ? Math.max(1, Math.ceil(width)) : width;
    }

    private static boolean integerValued(double[] sorted) {
        for (double v : sorted) {
            if (v != Math.rint(v)) {
                return false;
            }
        }
        return true;
    }

    /** Freedman–Diaconis bin count for sorted values, Sturges when the IQR is 0; within [1, MAX_BINS]. */
    public static int autoBinCount(double[] sorted) {
        int n = sorted.length;
        if (n < 2) {
            return 1;
        }
        double range = sorted[n - 1] - sorted[0];
        double iqr = ColumnProfiler.quantile(sorted, 0.75) - ColumnProfiler.quantile(sorted, 0.25);
        int k;
        if (iqr > 0 && range > 0) {
            double width = 2 * iqr / Math.cbrt(n);
            k = (int) Math.ceil(range / width);
        } else {
            k = (int) Math.ceil(Math.log(n) / Math.log(2)) + 1;
        }
        return Math.max(1, Math.min(MAX_BINS, k));
    }

    private record Groups(List<String> labels, int[] rowGroup) {
    }

    private static Groups groups(Dataset data, Optional<String> splitBy) throws CleanException {
        int rows = data.rowCount();
        if (splitBy.isEmpty()) {
            return new Groups(List.of(Distribution.ALL), new int[rows]);
        }
        spec(data, splitBy.get());
        Column<?> s = data.table().column(splitBy.get());
        Map<String, Integer> freq = new HashMap<>();
        for (int r = 0; r < rows; r++) {
            if (!s.isMissing(r)) {
                freq.merge(s.getString(r), 1, Integer::sum);
            }
        }
        List<String> order = new ArrayList<>(freq.keySet());
        order.sort((a, b) -> freq.get(b).equals(freq.get(a)) ? a.compareTo(b) : freq.get(b) - freq.get(a));
        boolean other = order.size() > MAX_GROUPS;
        List<String> labels = new ArrayList<>(order.subList(0, Math.min(order.size(), other ? MAX_GROUPS - 1 : MAX_GROUPS)));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        int otherIdx = -1;
        if (other) {
            otherIdx = labels.size();
            labels.add(Distribution.OTHER);
        }
        int missingIdx = -1;
        int[] rowGroup = new int[rows];
        for (int r = 0; r < rows; r++) {
            if (s.isMissing(r)) {
                if (missingIdx < 0) {
                    missingIdx = labels.size();
                    labels.add(Distribution.MISSING);
                }
                rowGroup[r] = missingIdx;
            } else {
                rowGroup[r] = index.getOrDefault(s.getString(r), otherIdx);
            }
        }
        return new Groups(List.copyOf(labels), rowGroup);
    }

    private static ColumnSpec spec(Dataset data, String column) throws CleanException {
        return data.spec(column).orElseThrow(() -> new CleanException(CleanException.Reason.COLUMN_MISSING,
                UserMessage.of("clean.error.columnMissing", column)));
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
