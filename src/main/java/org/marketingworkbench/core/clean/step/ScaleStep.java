package org.marketingworkbench.core.clean.step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.DatasetEdit;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Puts number columns on a common scale: x' = (x − center) / scale, with center and scale learned at
 * fit time and stored (min-max: min and max − min, giving [0, 1] on the fitted data; z-score: mean and
 * sample standard deviation). A constant column cannot be scaled (division by 0) and is refused.
 */
public record ScaleStep(boolean enabled, List<String> columns, Method method, Map<String, Scaling> scalings)
        implements RecipeStep {

    public static final String OP = "scale";

    public enum Method { MIN_MAX, Z_SCORE }

    public record Scaling(double center, double scale) {
    }

    public ScaleStep {
        columns = List.copyOf(columns);
        scalings = scalings == null ? null : Map.copyOf(scalings);
    }

    @Override
    public java.util.Optional<Invalid> invalid() {
        if (scalings != null) {
            for (Map.Entry<String, Scaling> e : scalings.entrySet()) {
                Scaling s = e.getValue();
                if (s == null) {
                    return java.util.Optional.of(new Invalid(e.getKey() + ": scaling", "null"));
                }
                if (!RecipeStep.finite(s.center())) {
                    return java.util.Optional.of(new Invalid(e.getKey() + ": center", String.valueOf(s.center())));
                }
                if (!RecipeStep.finite(s.scale()) || !(s.scale() > 0)) {
                    return java.util.Optional.of(new Invalid(e.getKey() + ": scale", String.valueOf(s.scale())));
                }
            }
        }
        return java.util.Optional.empty();
    }

    public static ScaleStep of(List<String> columns, Method method) {
        return new ScaleStep(true, columns, method, null);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new ScaleStep(e, columns, method, scalings);
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
        return scalings != null;
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        Steps.requireNumbers(data, columns, OP);
        Map<String, Scaling> learned = new LinkedHashMap<>();
        for (String c : columns) {
            double[] v = DatasetEdit.doubles(data, c).asDoubleArray();
            int n = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    n++;
                    sum += x;
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
            if (n == 0) {
                throw new CleanException(CleanException.Reason.INVALID_SETTINGS, UserMessage.of("clean.error.noValues", c));
            }
            Scaling s;
            if (method == Method.MIN_MAX) {
                s = new Scaling(min, max - min);
            } else {
                double mean = sum / n;
                double ss = 0;
                for (double x : v) {
                    if (!Double.isNaN(x)) {
                        ss += (x - mean) * (x - mean);
                    }
                }
                s = new Scaling(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0);
            }
            if (!(s.scale() > 0)) {
                throw new CleanException(CleanException.Reason.CONSTANT_COLUMN,
                        UserMessage.of("clean.error.constantScaled", c, UserMessage.of("clean.scale." + method.name())));
            }
            learned.put(c, s);
        }
        return new ScaleStep(enabled, columns, method, learned);
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        Steps.requireFitted(this);
        Steps.requireNumbers(data, columns, OP);
        DatasetEdit edit = new DatasetEdit(data);
        long changed = 0;
        for (String c : columns) {
            Scaling s = scalings.get(c);
            double[] v = DatasetEdit.doubles(data, c).asDoubleArray();
            double inv = 1.0 / s.scale();
            for (int r = 0; r < v.length; r++) {
                if (!Double.isNaN(v[r])) {
                    v[r] = (v[r] - s.center()) * inv;
                    changed++;
                }
            }
            edit.replace(Steps.doubles(c, v), data.spec(c).orElseThrow());
        }
        return new StepOutput(edit.build(), StepEffect.of(OP, data.rowCount(), data.rowCount(), changed, List.of(), List.of()));
    }
}
