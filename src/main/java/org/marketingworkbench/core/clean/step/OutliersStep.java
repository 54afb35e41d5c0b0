package org.marketingworkbench.core.clean.step;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.DatasetEdit;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * Deals with extreme numbers. The bounds are learned at fit time and stored: the IQR rule uses
 * [Q1 − k·IQR, Q3 + k·IQR] (k = 1.5 by default), the z-score rule [mean − k·sd, mean + k·sd] (k = 3).
 * FLAG adds a 0/1 column {@code <column>_outlier}, CAP clamps values to the bounds (winsorising),
 * REMOVE drops the rows (missing values are kept).
 */
public record OutliersStep(boolean enabled, List<String> columns, Rule rule, double factor, Action action,
        Map<String, Bounds> bounds) implements RecipeStep {

    public static final String OP = "outliers";
    public static final String FLAG_SUFFIX = "_outlier";

    public enum Rule { IQR, Z_SCORE }

    public enum Action { FLAG, CAP, REMOVE }

    @Override
    public boolean removesRows() {
        return action() == Action.REMOVE;
    }

    /** Values below {@code low} or above {@code high} are outliers. */
    public record Bounds(double low, double high) {
    }

    public OutliersStep {
        columns = List.copyOf(columns);
        bounds = bounds == null ? null : Map.copyOf(bounds);
    }

    @Override
    public java.util.Optional<Invalid> invalid() {
        if (!RecipeStep.finite(factor) || !(factor > 0)) {
            return java.util.Optional.of(new Invalid("factor", String.valueOf(factor)));
        }
        if (bounds != null) {
            for (Map.Entry<String, Bounds> e : bounds.entrySet()) {
                Bounds b = e.getValue();
                if (b == null || !RecipeStep.finite(b.low()) || !RecipeStep.finite(b.high()) || b.low() > b.high()) {
                    return java.util.Optional.of(new Invalid(e.getKey() + ": bounds",
                            b == null ? "null" : "[" + b.low() + ", " + b.high() + "]"));
                }
            }
        }
        return java.util.Optional.empty();
    }

    public static OutliersStep of(List<String> columns, Rule rule, Action action) {
        return new OutliersStep(true, columns, rule, rule == Rule.IQR ? 1.5 : 3.0, action, null);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new OutliersStep(e, columns, rule, factor, action, bounds);
    }

    @Override
    public String op() {
        return OP;
    }

    @Override
    public List<String> requiredColumns() {
        return columns;
    }

    @Override
    public boolean isFitted() {
        return bounds != null;
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        Steps.requireNumbers(data, columns, OP);
        if (!(factor > 0)) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS, UserMessage.of("clean.error.factor", factor));
        }
        Map<String, Bounds> learned = new LinkedHashMap<>();
        for (String c : columns) {
            double[] v = Arrays.stream(DatasetEdit.doubles(data, c).asDoubleArray()).filter(x -> !Double.isNaN(x)).toArray();
            if (v.length == 0) {
                throw new CleanException(CleanException.Reason.INVALID_SETTINGS, UserMessage.of("clean.error.noValues", c));
            }
            if (rule == Rule.IQR) {
                double q1 = ColumnProfiler.quantileOfUnsorted(v, 0.25);
                double q3 = ColumnProfiler.quantileOfUnsorted(v, 0.75);
                learned.put(c, new Bounds(q1 - factor * (q3 - q1), q3 + factor * (q3 - q1)));
            } else {
                double mean = Arrays.stream(v).sum() / v.length;
                double ss = 0;
                for (double x : v) {
                    ss += (x - mean) * (x - mean);
                }
                double sd = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
                learned.put(c, new Bounds(mean - factor * sd, mean + factor * sd));
            }
        }
        return new OutliersStep(enabled, columns, rule, factor, action, learned);
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        Steps.requireFitted(this);
        Steps.requireNumbers(data, columns, OP);
        int rows = data.rowCount();
        DatasetEdit edit = new DatasetEdit(data);
        List<String> added = new ArrayList<>();
        Selection outside = new BitmapBackedSelection();
        long changed = 0;
        for (String c : columns) {
            Bounds b = bounds.get(c);
            double[] v = DatasetEdit.doubles(data, c).asDoubleArray();
            switch (action) {
                case FLAG -> {
                    double[] flag = new double[rows];
                    for (int r = 0; r < rows; r++) {
                        flag[r] = Double.isNaN(v[r]) ? Double.NaN : (v[r] < b.low() || v[r] > b.high()) ? 1 : 0;
                    }
                    String name = c + FLAG_SUFFIX;
                    edit.addAfter(c, DoubleColumn.create(name, flag), DatasetEdit.derivedSpec(name, ColumnType.NUMBER,
                            UserMessage.of("clean.reason.outlierFlag", c)));
                    added.add(name);
                }
                case CAP -> {
                    for (int r = 0; r < rows; r++) {
                        if (v[r] < b.low()) {
                            v[r] = b.low();
                            changed++;
                        } else if (v[r] > b.high()) {
                            v[r] = b.high();
                            changed++;
                        }
                    }
                    edit.replace(DoubleColumn.create(c, v), data.spec(c).orElseThrow());
                }
                case REMOVE -> {
                    for (int r = 0; r < rows; r++) {
                        if (v[r] < b.low() || v[r] > b.high()) {
                            outside.add(r);
                        }
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        Dataset out = edit.build();
        if (action == Action.REMOVE) {
            out = Steps.keepRows(out, Steps.allRows(rows).andNot(outside), OP);
        }
        return new StepOutput(out, StepEffect.of(OP, rows, out.rowCount(), changed, added, List.of()));
    }
}
