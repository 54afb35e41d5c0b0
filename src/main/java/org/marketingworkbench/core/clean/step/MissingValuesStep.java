package org.marketingworkbench.core.clean.step;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.DatasetEdit;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * Handles missing values in the chosen columns: drop the rows, or fill with the mean, median, most
 * frequent value or a constant learned at fit time (stored in {@code fills}, one value per column, as
 * text: numbers in Java's {@code Double.toString} form, dates in ISO form). Optionally adds a 0/1
 * column {@code <column>_was_missing} so a model can still see where values were missing.
 */
public record MissingValuesStep(boolean enabled, List<String> columns, Strategy strategy, String constant,
        boolean addIndicator, Map<String, String> fills) implements RecipeStep {

    public static final String OP = "missingValues";
    public static final String INDICATOR_SUFFIX = "_was_missing";

    public enum Strategy { DROP_ROWS, MEAN, MEDIAN, MOST_FREQUENT, CONSTANT }

    @Override
    public boolean removesRows() {
        return strategy() == Strategy.DROP_ROWS;
    }

    public MissingValuesStep {
        columns = List.copyOf(columns);
        fills = fills == null ? null : Map.copyOf(fills);
    }

    @Override
    public java.util.Optional<Invalid> invalid() {
        if (strategy == null) {
            return java.util.Optional.of(new Invalid("strategy", "null"));
        }
        if (fills != null) {
            for (Map.Entry<String, String> e : fills.entrySet()) {
                String v = e.getValue();
                if (v != null && (v.equalsIgnoreCase("NaN") || v.matches("[-+]?Infinity"))) {
                    return java.util.Optional.of(new Invalid(e.getKey() + ": fill", v));
                }
            }
        }
        return java.util.Optional.empty();
    }

    public static MissingValuesStep of(List<String> columns, Strategy strategy, boolean addIndicator) {
        return new MissingValuesStep(true, columns, strategy, null, addIndicator, null);
    }

    public static MissingValuesStep constant(List<String> columns, String value, boolean addIndicator) {
        return new MissingValuesStep(true, columns, Strategy.CONSTANT, value, addIndicator, null);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new MissingValuesStep(e, columns, strategy, constant, addIndicator, fills);
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
        return fills != null;
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        Steps.requireColumns(data, columns);
        Map<String, String> learned = new LinkedHashMap<>();
        for (String c : columns) {
            ColumnType type = data.spec(c).orElseThrow().type();
            Column<?> col = data.table().column(c);
            switch (strategy) {
                case DROP_ROWS -> { }
                case MEAN, MEDIAN -> {
                    Steps.requireNumbers(data, List.of(c), OP);
                    double[] v = Arrays.stream(((DoubleColumn) col).asDoubleArray()).filter(x -> !Double.isNaN(x)).toArray();
                    requireValues(c, v.length);
                    if (strategy == Strategy.MEAN) {
                        learned.put(c, Double.toString(Arrays.stream(v).sum() / v.length));
                    } else {
                        learned.put(c, Double.toString(ColumnProfiler.quantileOfUnsorted(v, 0.5)));
                    }
                }
                case MOST_FREQUENT -> learned.put(c, mostFrequent(c, col));
                case CONSTANT -> {
                    if (constant == null) {
                        throw new CleanException(CleanException.Reason.INVALID_SETTINGS,
                                UserMessage.of("clean.error.constantNeeded", c));
                    }
                    parseFill(c, type, constant); // validates
                    learned.put(c, constant);
                }
                default -> throw new IllegalStateException();
            }
        }
        return new MissingValuesStep(enabled, columns, strategy, constant, addIndicator, learned);
    }

    private static void requireValues(String c, int n) throws CleanException {
        if (n == 0) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS, UserMessage.of("clean.error.noValues", c));
        }
    }

    private static String mostFrequent(String c, Column<?> col) throws CleanException {
        Map<String, Integer> counts = new HashMap<>();
        for (int r = 0; r < col.size(); r++) {
            if (!col.isMissing(r)) {
                counts.merge(col instanceof DoubleColumn d ? Double.toString(d.getDouble(r))
                        : col instanceof DateTimeColumn t ? t.get(r).toString() : col.getString(r), 1, Integer::sum);
            }
        }
        requireValues(c, counts.size());
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }

    private static Object parseFill(String column, ColumnType type, String text) throws CleanException {
        return Steps.parseValue(column, type, text);
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        Steps.requireFitted(this);
        Steps.requireColumns(data, columns);
        int rows = data.rowCount();
        DatasetEdit edit = new DatasetEdit(data);
        List<String> added = new ArrayList<>();
        long changed = 0;
        Selection anyMissing = new BitmapBackedSelection();
        for (String c : columns) {
            Column<?> col = data.table().column(c);
            ColumnSpec spec = data.spec(c).orElseThrow();
            if (addIndicator) {
                double[] ind = new double[rows];
                if (col instanceof DoubleColumn dc) {
                    double[] v = dc.asDoubleArray();
                    for (int r = 0; r < rows; r++) {
                        ind[r] = Double.isNaN(v[r]) ? 1 : 0;
                    }
                } else {
                    for (int r = 0; r < rows; r++) {
                        ind[r] = col.isMissing(r) ? 1 : 0;
                    }
                }
                String name = c + INDICATOR_SUFFIX;
                edit.addAfter(c, DoubleColumn.create(name, ind),
                        DatasetEdit.derivedSpec(name, ColumnType.NUMBER, UserMessage.of("clean.reason.indicator", c)));
                added.add(name);
            }
            if (strategy == Strategy.DROP_ROWS) {
                for (int r = 0; r < rows; r++) {
                    if (col.isMissing(r)) {
                        anyMissing.add(r);
                    }
                }
                continue;
            }
            Object fill = parseFill(c, spec.type(), fills.get(c));
            Column<?> filled;
            if (col instanceof DoubleColumn d) {
                double f = (Double) fill;
                double[] v = d.asDoubleArray();
                for (int r = 0; r < rows; r++) {
                    if (Double.isNaN(v[r])) {
                        v[r] = f;
                        changed++;
                    }
                }
                filled = DoubleColumn.create(c, v);
            } else if (col instanceof DateTimeColumn t) {
                DateTimeColumn copy = t.copy();
                for (int r = 0; r < rows; r++) {
                    if (t.isMissing(r)) {
                        copy.set(r, (LocalDateTime) fill);
                        changed++;
                    }
                }
                filled = copy;
            } else {
                StringColumn s = ((StringColumn) col).copy();
                for (int r = 0; r < rows; r++) {
                    if (s.isMissing(r)) {
                        s.set(r, (String) fill);
                        changed++;
                    }
                }
                filled = s;
            }
            edit.replace(filled, spec);
        }
        Dataset out = edit.build();
        if (strategy == Strategy.DROP_ROWS) {
            Selection keep = Steps.allRows(rows).andNot(anyMissing);
            out = Steps.keepRows(out, keep, OP);
        }
        return new StepOutput(out, StepEffect.of(OP, rows, out.rowCount(), changed, added, List.of()));
    }
}
