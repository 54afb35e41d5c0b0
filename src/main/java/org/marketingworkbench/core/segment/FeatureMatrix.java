package org.marketingworkbench.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Numbers for clustering, stored column by column in one {@code double[]}: the value of row {@code i},
 * column {@code j} is at {@code j * rows + i}. A column is contiguous, so a loop over a block of rows of
 * one column is a straight run through memory that the JIT vectorises. No value is missing (NaN).
 */
public final class FeatureMatrix {

    private final double[] values;
    private final int rows;
    private final int cols;
    private final List<String> names;

    private FeatureMatrix(double[] values, int rows, int cols, List<String> names) {
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(rows + " x " + cols + " does not match " + values.length + " values");
        }
        if (names.size() != cols) {
            throw new IllegalArgumentException(cols + " columns but " + names.size() + " names");
        }
        this.values = values;
        this.rows = rows;
        this.cols = cols;
        this.names = List.copyOf(names);
    }

    /**
     * A matrix over {@code values} laid out column by column (not copied: the caller hands it over and
     * must not change it afterwards).
     */
    public static FeatureMatrix columnMajor(double[] values, int rows, int cols, List<String> names) {
        for (double v : values) {
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("a feature matrix holds no missing or infinite values");
            }
        }
        return new FeatureMatrix(values, rows, cols, names);
    }

    /** A matrix of the given columns (each of the same length), copied. */
    public static FeatureMatrix ofColumns(List<String> names, double[]... columns) {
        int n = columns.length == 0 ? 0 : columns[0].length;
        double[] v = new double[n * columns.length];
        for (int j = 0; j < columns.length; j++) {
            if (columns[j].length != n) {
                throw new IllegalArgumentException("columns differ in length");
            }
            System.arraycopy(columns[j], 0, v, j * n, n);
        }
        return columnMajor(v, n, columns.length, names);
    }

    /** Numeric, non-missing attributes of {@code data}; the class attribute, if set, is refused. */
    public static FeatureMatrix fromInstances(Instances data) {
        if (data.classIndex() >= 0) {
            throw new IllegalArgumentException("clustering data must not have a class attribute");
        }
        int n = data.numInstances();
        int d = data.numAttributes();
        double[] v = new double[n * d];
        List<String> names = new ArrayList<>(d);
        for (int j = 0; j < d; j++) {
            if (!data.attribute(j).isNumeric()) {
                throw new IllegalArgumentException("attribute " + data.attribute(j).name() + " is not numeric");
            }
            names.add(data.attribute(j).name());
            for (int i = 0; i < n; i++) {
                v[j * n + i] = data.instance(i).value(j);
            }
        }
        return columnMajor(v, n, d, names);
    }

    /** The matrix as Weka instances with numeric attributes, one instance per row. */
    public Instances toInstances(String relation) {
        ArrayList<Attribute> atts = new ArrayList<>(cols);
        for (String name : names) {
            atts.add(new Attribute(name));
        }
        Instances out = new Instances(relation, atts, rows);
        for (int i = 0; i < rows; i++) {
            out.add(new DenseInstance(1.0, row(i)));
        }
        return out;
    }

    /** The rows {@code picked}, in that order, as a new matrix. */
    public FeatureMatrix rows(int[] picked) {
        double[] v = new double[picked.length * cols];
        for (int j = 0; j < cols; j++) {
            int off = j * rows;
            int to = j * picked.length;
            for (int i = 0; i < picked.length; i++) {
                v[to + i] = values[off + picked[i]];
            }
        }
        return new FeatureMatrix(v, picked.length, cols, names);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public List<String> names() {
        return names;
    }

    public double get(int row, int col) {
        return values[col * rows + row];
    }

    /** A copy of one row. */
    public double[] row(int r) {
        double[] out = new double[cols];
        for (int j = 0; j < cols; j++) {
            out[j] = values[j * rows + r];
        }
        return out;
    }

    /** A copy of one column. */
    public double[] column(int j) {
        return Arrays.copyOfRange(values, j * rows, (j + 1) * rows);
    }

    /** The backing array, for the clustering kernels in this package (never changed by them). */
    double[] values() {
        return values;
    }

    /** How many different points the rows hold, counting at most up to {@code cap}. */
    public int distinctRows(int cap) {
        java.util.HashSet<RowKey> seen = new java.util.HashSet<>();
        for (int i = 0; i < rows && seen.size() < cap; i++) {
            seen.add(new RowKey(row(i)));
        }
        return seen.size();
    }

    private record RowKey(double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey k && Arrays.equals(v, k.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }
}
