package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.Dataset;

class FeaturePreparationTest {

    private final Dataset customers = Tables.create()
            .number("income", 20_000, 40_000, 60_000, 80_000, Double.NaN, 100_000)
            .number("age", 20, 30, 40, 50, 60, Double.NaN)
            .category("gender", "F", "M", "F", "F", "M", "M")
            .number("country", 1, 1, 1, 1, 1, 1)
            .build();

    @Test
    void numbersAreZScoredOverTheUsableRows() throws Exception {
        PreparedFeatures p = FeaturePreparation.prepare(customers, List.of("income", "age"), Scaling.STANDARDISE);
        assertThat(p.rows()).containsExactly(0, 1, 2, 3);
        for (int j = 0; j < 2; j++) {
            double[] col = p.matrix().column(j);
            double mean = java.util.Arrays.stream(col).average().orElseThrow();
            double var = java.util.Arrays.stream(col).map(v -> (v - mean) * (v - mean)).sum() / col.length;
            assertThat(mean).isCloseTo(0, within(1e-12));
            assertThat(var).isCloseTo(1, within(1e-12));
        }
        PreparedFeatures.Feature income = p.features().get(0);
        assertThat(income.mean()).isEqualTo(50_000);
        assertThat(income.sd()).isCloseTo(Math.sqrt(5e8), within(1e-6));
    }

    @Test
    void unscaledIncomeWouldOutweighAgeAndTheExplanationSaysSoWithTheUsersNumbers() throws Exception {
        PreparedFeatures p = FeaturePreparation.prepare(customers, List.of("income", "age"), Scaling.STANDARDISE);
        FeatureExplanation e = p.explanation();
        assertThat(e.spreads().get(0).shareUnscaled()).isGreaterThan(0.999999);
        assertThat(e.spreads().get(0).shareUsed()).isCloseTo(0.5, within(1e-12));
        assertThat(e.lines().get(0).key()).isEqualTo("segment.explain.scaled");
        assertThat(e.lines().get(0).format(Locale.ENGLISH))
                .contains("Unscaled, income (standard deviation 22,360.68) would outweigh age (standard deviation 11.18)")
                .contains("100%").contains("rescaled, 50%");
        assertThat(e.lines().get(0).format(Locale.SIMPLIFIED_CHINESE)).contains("income").contains("22,360.68");
        assertThat(e.lines().get(1).format(Locale.ENGLISH))
                .isEqualTo("2 of 6 customers are left out because a chosen feature is missing for them "
                        + "(missing: income (1), age (1)). They get no segment; nothing is made up for them.");
    }

    @Test
    void categoriesAreOneHotSoThatADifferentValueCountsLikeOneStandardDeviation() throws Exception {
        PreparedFeatures p = FeaturePreparation.prepare(customers, List.of("age", "gender"), Scaling.STANDARDISE);
        assertThat(p.matrix().names()).containsExactly("age", "gender = F", "gender = M");
        double[] f = p.matrix().row(0);
        double[] m = p.matrix().row(1);
        double categoryPart = Math.pow(f[1] - m[1], 2) + Math.pow(f[2] - m[2], 2);
        assertThat(categoryPart).isCloseTo(1.0, within(1e-12));
        assertThat(p.explanation().lines()).anyMatch(l -> l.key().equals("segment.explain.categories"));
    }

    @Test
    void aConstantFeatureIsLeftOutWithANote() throws Exception {
        PreparedFeatures p = FeaturePreparation.prepare(customers, List.of("age", "country"), Scaling.STANDARDISE);
        assertThat(p.constantFeatures()).containsExactly("country");
        assertThat(p.matrix().cols()).isEqualTo(1);
        assertThat(p.explanation().lines()).anyMatch(l -> l.key().equals("segment.explain.constant"));
    }

    @Test
    void withoutScalingNumbersKeepTheirUnits() throws Exception {
        PreparedFeatures p = FeaturePreparation.prepare(customers, List.of("income"), Scaling.NONE);
        assertThat(p.matrix().column(0)).containsExactly(20_000, 40_000, 60_000, 80_000, 100_000);
        assertThat(p.explanation().lines().get(0).key()).isEqualTo("segment.explain.unscaled");
    }
}
