package org.marketingworkbench.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.step.MarkMissingStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep.Strategy;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;

class EffectFiguresTest {

    private static Optional<UserMessage> figures(Recipe recipe, Dataset d) throws CleanException {
        return EffectFigures.ofLastStep(recipe, d, recipe.fitAndApply(d, Progress.none()).result().dataset());
    }

    @Test
    void aPlaceholderIsShownByTheMeanWithAndWithoutIt() throws Exception {
        Dataset d = Fixtures.table().num("pdays", -1, -1, -1, 100, 200).build();
        UserMessage m = figures(Recipe.of(MarkMissingStep.of(List.of("pdays"), "-1")), d).orElseThrow();
        assertThat(m.key()).isEqualTo("clean.explainPanel.placeholderMean");
        assertThat(m.args()).containsExactly("pdays", 3, "-1", 59.4, 150.0);
    }

    @Test
    void aMedianFillIsShownByTheSpreadBeforeAndAfter() throws Exception {
        Dataset d = Fixtures.table().num("age", 20, Double.NaN, 40, 60).build();
        UserMessage m = figures(Recipe.of(MissingValuesStep.of(List.of("age"), Strategy.MEDIAN, false)), d).orElseThrow();
        assertThat(m.key()).isEqualTo("clean.explainPanel.spread");
        assertThat(m.args()[1]).isEqualTo(1);
        assertThat((double) m.args()[2]).isCloseTo(20.0, within(1e-9));          // sd of 20, 40, 60
        assertThat((double) m.args()[3]).isCloseTo(Math.sqrt(800.0 / 3), within(1e-9)); // of 20, 40, 40, 60
    }

    @Test
    void nothingToSayForADisabledLastStepOrAConstantFill() throws Exception {
        Dataset d = Fixtures.table().num("age", 20, Double.NaN, 40, 60).build();
        Recipe median = Recipe.of(MissingValuesStep.of(List.of("age"), Strategy.MEDIAN, false));
        assertThat(figures(median.withEnabled(0, false), d)).isEmpty();
        assertThat(figures(Recipe.of(MissingValuesStep.constant(List.of("age"), "0", false)), d)).isEmpty();
        assertThat(figures(Recipe.empty(), d)).isEmpty();
    }
}
