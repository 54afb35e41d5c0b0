package org.marketingworkbench.core.clean.step;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * One cleaning operation: its settings and, once fitted, the statistics it learned from the data it
 * was fitted on (means, bounds, category lists, a reference date). A step is an immutable value:
 * {@link #fit} returns a fitted copy, {@link #apply} returns a new table and never changes its input.
 * Applying a fitted step to new data uses the stored statistics; it never re-learns them.
 * The JSON {@code op} names are bound to the step classes by {@link Operations#jsonModule()}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
public sealed interface RecipeStep permits DropColumnsStep, RemoveDuplicatesStep, MarkMissingStep,
        MissingValuesStep, FixTypesStep, NormaliseCategoriesStep, OutliersStep, ScaleStep, DateFeaturesStep, RatioStep,
        MaskPersonalStep {

    boolean enabled();

    /** Whether this step removes rows (duplicates, rows with a missing value, outlying rows). */
    default boolean removesRows() {
        return false;
    }

    RecipeStep withEnabled(boolean enabled);

    /** The operation id, also the JSON {@code op} and the bundle keys {@code clean.op.<op>}, {@code clean.explain.<op>.*}. */
    @JsonIgnore
    String op();

    /** Columns the step reads; applying it to data without one of them fails with COLUMN_MISSING. */
    @JsonIgnore
    List<String> requiredColumns();

    /** Whether the step holds the statistics it needs to be applied. */
    @JsonIgnore
    boolean isFitted();

    /** Learns the step's statistics from {@code data} and returns a fitted copy (this step is unchanged). */
    RecipeStep fit(Dataset data) throws CleanException;

    /** Applies the fitted step to {@code data}, returning a new table and the effect. */
    StepOutput apply(Dataset data) throws CleanException;

    /** A stored setting or statistic that no real fit produces: the field (with its column) and its value. */
    record Invalid(String field, String value) {
    }

    /**
     * The first impossible value this step holds, if any: checked when a recipe is read, so a changed or
     * damaged file (a scale of 0, NaN or inverted bounds) is refused with the step and column named instead
     * of filling columns with Infinity or blanks.
     */
    default java.util.Optional<Invalid> invalid() {
        return java.util.Optional.empty();
    }

    /** Whether {@code v} is a number a fit could have learned (not NaN, not infinite). */
    static boolean finite(double v) {
        return !Double.isNaN(v) && !Double.isInfinite(v);
    }

    /** Short name of the operation for lists: {@code clean.op.<op>}. */
    @JsonIgnore
    default UserMessage title() {
        return UserMessage.of("clean.op." + op());
    }
}
