package org.marketingworkbench.core.adapter.weka;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The bridge from a Tablesaw dataset to Weka {@link Instances}, column by column (TOOLCHAIN.md: 3–4× faster
 * than row by row): numbers as numeric attributes (NaN is Weka's missing value), categories as nominal
 * attributes, dates as numeric (days since 1970-01-01, UTC). The class attribute is the last one.
 */
public final class TableToInstances {

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private TableToInstances() {
    }

    /**
     * Instances of {@code features} and the class column {@code target}; nominal values are taken from the
     * data (sorted) except the class's, which are {@code classValues} when given (so every fold has the same
     * class attribute). {@code classValues} empty: the target is numeric. A row whose class is not one of
     * {@code classValues} gets a missing class.
     */
    public static Instances convert(Dataset data, List<String> features, String target, List<String> classValues) {
        ArrayList<Attribute> atts = new ArrayList<>(features.size() + 1);
        for (String f : features) {
            ColumnSpec spec = data.spec(f).orElseThrow(() -> new IllegalArgumentException("no column " + f));
            if (spec.type() == ColumnType.NUMBER || spec.type() == ColumnType.DATETIME) {
                atts.add(new Attribute(f));
            } else {
                Column<?> c = data.table().column(f);
                TreeSet<String> values = new TreeSet<>();
                for (int r = 0; r < c.size(); r++) {
                    if (!c.isMissing(r)) {
                        values.add(label(c, r));
                    }
                }
                atts.add(new Attribute(f, new ArrayList<>(values)));
            }
        }
        atts.add(classValues.isEmpty() ? new Attribute(target) : new Attribute(target, new ArrayList<>(classValues)));
        Instances header = new Instances(data.table().name(), atts, 0);
        header.setClassIndex(atts.size() - 1);
        return convertLike(header, data);
    }

    /**
     * Rows of {@code data} in the shape of {@code header} (same attributes, same nominal values, matched by
     * name): a category the header does not know becomes missing, as for a new customer.
     *
     * @throws IllegalArgumentException when {@code data} lacks one of the header's attributes
     */
    public static Instances convertLike(Instances header, Dataset data) {
        int rows = data.rowCount();
        int n = header.numAttributes();
        double[][] columns = new double[n][];
        for (int a = 0; a < n; a++) {
            Attribute att = header.attribute(a);
            if (data.spec(att.name()).isEmpty()) {
                throw new IllegalArgumentException("no column " + att.name());
            }
            columns[a] = values(data.table().column(att.name()), att, rows);
        }
        Instances out = new Instances(header, rows);
        for (int r = 0; r < rows; r++) {
            double[] v = new double[n];
            for (int a = 0; a < n; a++) {
                v[a] = columns[a][r];
            }
            out.add(new DenseInstance(1.0, v));
        }
        return out;
    }

    private static double[] values(Column<?> c, Attribute att, int rows) {
        double[] v = new double[rows];
        if (att.isNumeric()) {
            if (c instanceof NumericColumn<?> num) {
                for (int r = 0; r < rows; r++) {
                    double d = num.getDouble(r);
                    v[r] = Double.isNaN(d) ? Utils.missingValue() : d;
                }
            } else if (c instanceof DateTimeColumn dt) {
                for (int r = 0; r < rows; r++) {
                    v[r] = dt.isMissing(r) ? Utils.missingValue()
                            : dt.get(r).toInstant(ZoneOffset.UTC).toEpochMilli() / MILLIS_PER_DAY;
                }
            } else {
                for (int r = 0; r < rows; r++) {
                    v[r] = parse(c, r);
                }
            }
            return v;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < att.numValues(); i++) {
            index.put(att.value(i), i);
        }
        for (int r = 0; r < rows; r++) {
            Integer i = c.isMissing(r) ? null : index.get(label(c, r));
            v[r] = i == null ? Utils.missingValue() : i;
        }
        return v;
    }

    private static double parse(Column<?> c, int r) {
        if (c.isMissing(r)) {
            return Utils.missingValue();
        }
        try {
            return Double.parseDouble(c.getString(r));
        } catch (NumberFormatException e) {
            return Utils.missingValue();
        }
    }

    /**
     * The label of a cell as a class or category value: a whole number without ".0", other numbers as Java
     * prints them, text as it is. The same for every caller, so a 0/1 target has the classes "0" and "1".
     */
    public static String label(Column<?> c, int row) {
        if (c instanceof NumericColumn<?> num) {
            double d = num.getDouble(row);
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return Double.toString(d);
        }
        return c.getString(row);
    }
}
