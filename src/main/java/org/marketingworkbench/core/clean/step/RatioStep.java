package org.marketingworkbench.core.clean.step;

import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.DatasetEdit;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DoubleColumn;

/**
 * Adds {@code newColumn = numerator / denominator} (e.g. spend per visit). A zero or missing
 * denominator gives a missing value, counted in the effect. Learns nothing.
 */
public record RatioStep(boolean enabled, String numerator, String denominator, String newColumn)
        implements RecipeStep {

    public static final String OP = "ratio";

    public static RatioStep of(String numerator, String denominator, String newColumn) {
        return new RatioStep(true, numerator, denominator, newColumn);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new RatioStep(e, numerator, denominator, newColumn);
    }

    @Override
    public String op() {
        return OP;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of(numerator, denominator);
    }

    @Override
    public boolean isFitted() {
        return true;
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        check(data);
        return this;
    }

    private void check(Dataset data) throws CleanException {
        Steps.requireNumbers(data, List.of(numerator, denominator), OP);
        if (newColumn == null || newColumn.isBlank() || data.spec(newColumn).isPresent()) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS,
                    UserMessage.of("clean.error.columnExists", String.valueOf(newColumn)));
        }
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        check(data);
        double[] a = DatasetEdit.doubles(data, numerator).asDoubleArray();
        double[] b = DatasetEdit.doubles(data, denominator).asDoubleArray();
        double[] q = new double[a.length];
        int undefined = 0;
        for (int r = 0; r < a.length; r++) {
            q[r] = b[r] == 0 || Double.isNaN(b[r]) || Double.isNaN(a[r]) ? Double.NaN : a[r] / b[r];
            if (Double.isNaN(q[r])) {
                undefined++;
            }
        }
        Dataset out = new DatasetEdit(data).addAfter(null, DoubleColumn.create(newColumn, q),
                DatasetEdit.derivedSpec(newColumn, ColumnType.NUMBER,
                        UserMessage.of("clean.reason.ratio", numerator, denominator))).build();
        List<UserMessage> notes = undefined == 0 ? List.of()
                : List.of(UserMessage.of("clean.effect.ratioUndefined", undefined, newColumn));
        return new StepOutput(out, new StepEffect(OP, a.length, a.length, 0, List.of(newColumn), List.of(), Map.of(), notes));
    }
}
