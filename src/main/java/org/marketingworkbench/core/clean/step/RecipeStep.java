package org.marketingworkbench.core.clean.step;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
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
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DropColumnsStep.class, name = DropColumnsStep.OP),
    @JsonSubTypes.Type(value = RemoveDuplicatesStep.class, name = RemoveDuplicatesStep.OP),
    @JsonSubTypes.Type(value = MarkMissingStep.class, name = MarkMissingStep.OP),
    @JsonSubTypes.Type(value = MissingValuesStep.class, name = MissingValuesStep.OP),
    @JsonSubTypes.Type(value = FixTypesStep.class, name = FixTypesStep.OP),
    @JsonSubTypes.Type(value = NormaliseCategoriesStep.class, name = NormaliseCategoriesStep.OP),
    @JsonSubTypes.Type(value = OutliersStep.class, name = OutliersStep.OP),
    @JsonSubTypes.Type(value = ScaleStep.class, name = ScaleStep.OP),
    @JsonSubTypes.Type(value = DateFeaturesStep.class, name = DateFeaturesStep.OP),
    @JsonSubTypes.Type(value = RatioStep.class, name = RatioStep.OP),
    @JsonSubTypes.Type(value = MaskPersonalStep.class, name = MaskPersonalStep.OP)
})
public sealed interface RecipeStep permits DropColumnsStep, RemoveDuplicatesStep, MarkMissingStep,
        MissingValuesStep, FixTypesStep, NormaliseCategoriesStep, OutliersStep, ScaleStep, DateFeaturesStep, RatioStep,
        MaskPersonalStep {

    /** All operation ids, in the order the recipe panel offers them. */
    List<String> OPS = List.of(DropColumnsStep.OP, RemoveDuplicatesStep.OP, MarkMissingStep.OP, MissingValuesStep.OP,
            FixTypesStep.OP, NormaliseCategoriesStep.OP, OutliersStep.OP, ScaleStep.OP, DateFeaturesStep.OP,
            RatioStep.OP, MaskPersonalStep.OP);

    boolean enabled();

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

    /** Short name of the operation for lists: {@code clean.op.<op>}. */
    @JsonIgnore
    default UserMessage title() {
        return UserMessage.of("clean.op." + op());
    }
}
