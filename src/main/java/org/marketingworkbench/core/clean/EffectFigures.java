package org.marketingworkbench.core.clean;

import java.util.List;
import java.util.Optional;
import org.marketingworkbench.core.clean.step.MarkMissingStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.NumericColumn;

/**
 * A recipe's last step in figures from the user's own data, for the Explain panel: what a mean or
 * median fill did to a column's spread ("the standard deviation fell from 15.2 to 14.6", which is why
 * such fills make a column look more certain than it is), or what a placeholder code did to its mean
 * (bank-marketing pdays: 40.2 with the -1s counted, 224.6 without). Reads whole columns, so it runs
 * with the recipe, off the UI thread.
 */
public final class EffectFigures {

    private EffectFigures() {
    }

    /** The figures for {@code recipe}'s last step, comparing its input with its cleaned output; empty if none apply. */
    public static Optional<UserMessage> ofLastStep(Recipe recipe, Dataset input, Dataset cleaned) {
        List<RecipeStep> steps = recipe.steps();
        RecipeStep last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last == null || !last.enabled()) {
            return Optional.empty();
        }
        if (last instanceof MarkMissingStep mark) {
            return firstNumberColumn(mark.columns(), input, cleaned, (column, before, after) -> {
                int marked = after.countMissing() - before.countMissing();
                return marked <= 0 || marked >= before.size() - before.countMissing() ? Optional.empty()
                        : Optional.of(UserMessage.of("clean.explainPanel.placeholderMean", column, marked,
                                mark.value().strip(), before.mean(), after.mean()));
            });
        }
        if (last instanceof MissingValuesStep fill && fill.strategy() != MissingValuesStep.Strategy.DROP_ROWS
                && fill.strategy() != MissingValuesStep.Strategy.CONSTANT) {
            return firstNumberColumn(fill.columns(), input, cleaned, (column, before, after) -> {
                int filled = before.countMissing() - after.countMissing();
                return filled <= 0 ? Optional.empty() : Optional.of(UserMessage.of("clean.explainPanel.spread", column,
                        filled, before.standardDeviation(), after.standardDeviation()));
            });
        }
        return Optional.empty();
    }

    /** What one number column looked like before and after the recipe, in a sentence (or nothing to say). */
    private interface BeforeAfter {
        Optional<UserMessage> describe(String column, NumericColumn<?> before, NumericColumn<?> after);
    }

    /** The first of {@code columns} that is a number column in the input and the result and has something to say. */
    private static Optional<UserMessage> firstNumberColumn(List<String> columns, Dataset input, Dataset cleaned,
                                                           BeforeAfter figures) {
        for (String column : columns) {
            if (input.spec(column).map(c -> c.type() == ColumnType.NUMBER).orElse(false)
                    && cleaned.spec(column).isPresent()) {
                Optional<UserMessage> said = figures.describe(column, input.table().numberColumn(column),
                        cleaned.table().numberColumn(column));
                if (said.isPresent()) {
                    return said;
                }
            }
        }
        return Optional.empty();
    }
}
