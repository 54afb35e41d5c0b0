package org.marketingworkbench.core.clean.step;

import java.util.List;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.DatasetEdit;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Treats one value as missing in the chosen columns: a placeholder an export writes for "none" or
 * "unknown" ({@code pdays = -1} for "never contacted", {@code 999}, a label "unknown"). Numbers compare
 * by value ("-1" matches -1.0), dates by their ISO form, text exactly. Learns nothing; a following
 * missing-values step can then fill the gaps and keep a 0/1 indicator of where the placeholder was.
 */
public record MarkMissingStep(boolean enabled, List<String> columns, String value) implements RecipeStep {

    public static final String OP = "markMissing";

    public MarkMissingStep {
        columns = List.copyOf(columns);
    }

    public static MarkMissingStep of(List<String> columns, String value) {
        return new MarkMissingStep(true, columns, value);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new MarkMissingStep(e, columns, value);
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
        return true;
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        Steps.requireColumns(data, columns);
        for (String c : columns) {
            parse(c, data.spec(c).orElseThrow().type());
        }
        return this;
    }

    /** The value in the column's own terms; refuses a value the column could never hold. */
    private Object parse(String column, ColumnType type) throws CleanException {
        if (value == null || value.isBlank()) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS,
                    UserMessage.of("clean.error.valueNeeded", column));
        }
        return Steps.parseValue(column, type, value);
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        Steps.requireColumns(data, columns);
        DatasetEdit edit = new DatasetEdit(data);
        long changed = 0;
        for (String c : columns) {
            Object target = parse(c, data.spec(c).orElseThrow().type());
            Column<?> col = data.table().column(c);
            Column<?> marked;
            int hits = 0;
            if (col instanceof DoubleColumn d) {
                double t = (Double) target;
                double[] v = d.asDoubleArray();
                for (int r = 0; r < v.length; r++) {
                    if (v[r] == t) {
                        v[r] = Double.NaN;
                        hits++;
                    }
                }
                marked = DoubleColumn.create(c, v);
            } else if (col instanceof DateTimeColumn t) {
                DateTimeColumn copy = t.copy();
                for (int r = 0; r < t.size(); r++) {
                    if (!t.isMissing(r) && t.get(r).equals(target)) {
                        copy.setMissing(r);
                        hits++;
                    }
                }
                marked = copy;
            } else {
                StringColumn s = ((StringColumn) col).copy();
                for (int r = 0; r < s.size(); r++) {
                    if (value.equals(s.get(r))) {
                        s.setMissing(r);
                        hits++;
                    }
                }
                marked = s;
            }
            changed += hits;
            if (hits > 0) {
                edit.replace(marked, data.spec(c).orElseThrow());
            }
        }
        return new StepOutput(edit.build(), StepEffect.of(OP, data.rowCount(), data.rowCount(), changed, List.of(),
                List.of()));
    }
}
