package org.marketingworkbench.ui.clean;

import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.step.StepEffect;

/** One line of the recipe panel: the step and, once applied, what it did (null for a disabled step). */
public record RecipeItem(int index, RecipeStep step, StepEffect effect) {
}
