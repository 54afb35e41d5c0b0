package org.marketingworkbench.core.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.step.DropColumnsStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.RemoveDuplicatesStep;
import org.marketingworkbench.core.data.Dataset;

class RecipeAdaptToTest {

    private final Dataset data = Fixtures.table().num("income", 1, Double.NaN, 3).cat("city", "a", "b", "a").build();

    @Test
    void stepsReadingAColumnTheTableLacksAreSwitchedOffAndNamed() {
        Recipe recipe = Recipe.of(RemoveDuplicatesStep.exact(),
                MissingValuesStep.of(List.of("income", "age"), MissingValuesStep.Strategy.MEDIAN, false),
                new DropColumnsStep(List.of("email")),
                new DropColumnsStep(List.of("city")));

        Recipe.Adapted adapted = recipe.adaptTo(data);

        assertThat(adapted.switchedOff()).containsExactly(2, 3);
        assertThat(adapted.absentColumns()).containsExactly("age", "email");
        assertThat(adapted.recipe().steps()).extracting(s -> s.enabled()).containsExactly(true, false, false, true);
        assertThat(adapted.notice()).hasValueSatisfying(m -> {
            assertThat(m.key()).isEqualTo("clean.notice.stepsOff");
            assertThat(m.args()).containsExactly(2, "2, 3", "age, email");
        });
    }

    @Test
    void aRecipeThatFitsIsLeftAsItIs() {
        Recipe recipe = Recipe.of(new DropColumnsStep(List.of("city")),
                new DropColumnsStep(List.of("nowhere")).withEnabled(false));
        Recipe.Adapted adapted = recipe.adaptTo(data);
        assertThat(adapted.recipe()).isEqualTo(recipe);
        assertThat(adapted.switchedOff()).isEmpty();
        assertThat(adapted.notice()).isEmpty();
    }
}
