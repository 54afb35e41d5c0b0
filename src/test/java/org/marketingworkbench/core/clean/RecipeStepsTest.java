package org.marketingworkbench.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.step.DateFeaturesStep;
import org.marketingworkbench.core.clean.step.DropColumnsStep;
import org.marketingworkbench.core.clean.step.FixTypesStep;
import org.marketingworkbench.core.clean.step.MarkMissingStep;
import org.marketingworkbench.core.clean.step.MaskPersonalStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep.Strategy;
import org.marketingworkbench.core.clean.step.NormaliseCategoriesStep;
import org.marketingworkbench.core.clean.step.NormaliseCategoriesStep.CaseChange;
import org.marketingworkbench.core.clean.step.OutliersStep;
import org.marketingworkbench.core.clean.step.RatioStep;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.step.RemoveDuplicatesStep;
import org.marketingworkbench.core.clean.step.ScaleStep;
import org.marketingworkbench.core.clean.step.StepOutput;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;

class RecipeStepsTest {

    private static StepOutput fitApply(RecipeStep step, Dataset d) throws CleanException {
        return step.fit(d).apply(d);
    }

    private static double[] nums(Dataset d, String c) {
        return ((DoubleColumn) d.table().column(c)).asDoubleArray();
    }

    private static List<String> strs(Dataset d, String c) {
        return ((StringColumn) d.table().column(c)).asList();
    }

    @Test
    void dropColumnsRemovesThemFromANewTableOnly() throws Exception {
        Dataset d = Fixtures.table().num("a", 1, 2).num("b", 3, 4).build();
        StepOutput out = fitApply(new DropColumnsStep(List.of("a")), d);
        assertThat(out.data().table().columnNames()).containsExactly("b");
        assertThat(out.effect().columnsRemoved()).containsExactly("a");
        assertThat(d.table().columnNames()).containsExactly("a", "b");
    }

    @Test
    void removeDuplicatesExactlyOrOnKeyColumns() throws Exception {
        Dataset d = Fixtures.table().cat("id", "1", "1", "2", "1").num("v", 5, 5, 6, 7).build();
        StepOutput exact = fitApply(RemoveDuplicatesStep.exact(), d);
        assertThat(exact.effect().rowsRemoved()).isEqualTo(1);
        assertThat(nums(exact.data(), "v")).containsExactly(5, 6, 7);
        StepOutput keyed = fitApply(RemoveDuplicatesStep.onKeys(List.of("id")), d);
        assertThat(nums(keyed.data(), "v")).containsExactly(5, 6);
        assertThat(d.rowCount()).isEqualTo(4);
    }

    @Test
    void meanImputationStoresTheMeanAndAddsAnIndicator() throws Exception {
        Dataset d = Fixtures.table().num("x", 1, Double.NaN, 3, 8).build();
        RecipeStep fitted = MissingValuesStep.of(List.of("x"), Strategy.MEAN, true).fit(d);
        assertThat(((MissingValuesStep) fitted).fills()).containsEntry("x", "4.0");
        StepOutput out = fitted.apply(d);
        assertThat(nums(out.data(), "x")).containsExactly(1, 4, 3, 8);
        assertThat(nums(out.data(), "x_was_missing")).containsExactly(0, 1, 0, 0);
        assertThat(out.data().spec("x_was_missing").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(out.effect().cellsChanged()).isEqualTo(1);
        assertThat(out.effect().columnsAdded()).containsExactly("x_was_missing");
        assertThat(Double.isNaN(nums(d, "x")[1])).isTrue();
    }

    @Test
    void medianMostFrequentConstantAndDropRows() throws Exception {
        Dataset d = Fixtures.table().num("x", 1, Double.NaN, 3, 100).cat("c", "a", "b", "", "b").build();
        assertThat(nums(fitApply(MissingValuesStep.of(List.of("x"), Strategy.MEDIAN, false), d).data(), "x"))
                .containsExactly(1, 3, 3, 100);
        assertThat(strs(fitApply(MissingValuesStep.of(List.of("c"), Strategy.MOST_FREQUENT, false), d).data(), "c"))
                .containsExactly("a", "b", "b", "b");
        assertThat(strs(fitApply(MissingValuesStep.constant(List.of("c"), "none", false), d).data(), "c"))
                .containsExactly("a", "b", "none", "b");
        StepOutput dropped = fitApply(MissingValuesStep.of(List.of("x", "c"), Strategy.DROP_ROWS, false), d);
        assertThat(dropped.effect().rowsRemoved()).isEqualTo(2);
        assertThat(nums(dropped.data(), "x")).containsExactly(1, 100);
    }

    @Test
    void markMissingEmptiesAPlaceholderInNumbersTextAndDates() throws Exception {
        Dataset d = Fixtures.table().num("pdays", -1, 5, -1, 120).cat("job", "unknown", "admin", "Unknown", "unknown")
                .date("left", "1900-01-01", "2024-03-01", null, "1900-01-01").build();
        StepOutput days = fitApply(MarkMissingStep.of(List.of("pdays"), " -1.0 "), d);
        assertThat(nums(days.data(), "pdays")).containsExactly(Double.NaN, 5, Double.NaN, 120);
        assertThat(days.effect().cellsChanged()).isEqualTo(2);
        StepOutput jobs = fitApply(MarkMissingStep.of(List.of("job"), "unknown"), d);
        assertThat(strs(jobs.data(), "job")).containsExactly("", "admin", "Unknown", "");
        StepOutput dates = fitApply(MarkMissingStep.of(List.of("left"), "1900-01-01T00:00"), d);
        assertThat(dates.data().table().dateTimeColumn("left").countMissing()).isEqualTo(3);
        assertThat(dates.effect().cellsChanged()).isEqualTo(2);
        // the input is untouched, and a value the column cannot hold is refused before anything runs
        assertThat(nums(d, "pdays")).containsExactly(-1, 5, -1, 120);
        assertThatThrownBy(() -> MarkMissingStep.of(List.of("pdays"), "never").fit(d))
                .isInstanceOf(CleanException.class).hasMessageContaining("never");
        assertThatThrownBy(() -> MarkMissingStep.of(List.of("pdays"), " ").fit(d))
                .isInstanceOf(CleanException.class)
                .satisfies(e -> assertThat(((CleanException) e).userMessage().key()).isEqualTo("clean.error.valueNeeded"));
    }

    @Test
    void markMissingSurvivesTheRecipeFile() throws Exception {
        Dataset d = Fixtures.table().num("pdays", -1, 5, -1, 120).build();
        FittedRecipe fitted = Recipe.of(MarkMissingStep.of(List.of("pdays"), "-1"),
                MissingValuesStep.of(List.of("pdays"), Strategy.MEDIAN, true)).fit(d, org.marketingworkbench.core.pipeline.Progress.none());
        FittedRecipe read = RecipeJson.readFitted(RecipeJson.write(fitted));
        assertThat(read.steps()).isEqualTo(fitted.steps());
        Dataset cleaned = read.apply(d, org.marketingworkbench.core.pipeline.Progress.none()).dataset();
        assertThat(nums(cleaned, "pdays")).containsExactly(62.5, 5, 62.5, 120);
        assertThat(nums(cleaned, "pdays_was_missing")).containsExactly(1, 0, 1, 0);
    }

    @Test
    void fixTypesConvertsNumbersAndReportsFailedValues() throws Exception {
        Dataset d = Fixtures.table().text("amount", " 12 ", "1,234.5", "3,5", "n/a", "").build();
        StepOutput out = fitApply(FixTypesStep.toNumber("amount"), d);
        double[] v = nums(out.data(), "amount");
        assertThat(v[0]).isEqualTo(12);
        assertThat(v[1]).isEqualTo(1234.5);
        assertThat(v[2]).isEqualTo(3.5);
        assertThat(Double.isNaN(v[3]) && Double.isNaN(v[4])).isTrue();
        assertThat(out.data().spec("amount").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(out.effect().notes()).hasSize(1);
        assertThat(out.effect().notes().get(0).format(Locale.ENGLISH)).contains("1 values", "n/a");
    }

    @Test
    void fixTypesLearnsOneDateFormatAndKeepsItForNewData() throws Exception {
        Dataset d = Fixtures.table().text("signup", "31.01.2024", "15.02.2024", "").build();
        RecipeStep fitted = FixTypesStep.toDate("signup").fit(d);
        assertThat(((FixTypesStep) fitted).datePattern()).isEqualTo("dd.MM.uuuu");
        Dataset fresh = Fixtures.table().text("signup", "01.03.2024").build();
        StepOutput out = fitted.apply(fresh);
        assertThat(out.data().spec("signup").orElseThrow().type()).isEqualTo(ColumnType.DATETIME);
        assertThat(out.data().table().dateTimeColumn("signup").get(0).toLocalDate()).hasToString("2024-03-01");
    }

    @Test
    void fixTypesRefusesAColumnWithMixedDateFormats() {
        Dataset d = Fixtures.table().text("signup", "2024-01-31", "2024-02-15", "15.03.2024").build();
        assertThatThrownBy(() -> FixTypesStep.toDate("signup").fit(d))
                .isInstanceOfSatisfying(CleanException.class,
                        e -> assertThat(e.reason()).isEqualTo(CleanException.Reason.MIXED_DATE_FORMATS))
                .hasMessageContaining("15.03.2024");
    }

    @Test
    void normaliseCategoriesTrimsCasesMergesAndGroupsRareLabels() throws Exception {
        String[] city = Fixtures.strs(100, i -> i < 50 ? " Paris" : i < 90 ? "PARIS " : i < 99 ? "Lyon" : "Nice");
        Dataset d = Fixtures.table().cat("city", city).build();
        NormaliseCategoriesStep step = NormaliseCategoriesStep.of(List.of("city"), true, CaseChange.LOWER,
                Map.of("lyon", "lyon-metro"), 0.05);
        RecipeStep fitted = step.fit(d);
        assertThat(((NormaliseCategoriesStep) fitted).kept()).containsEntry("city", List.of("lyon-metro", "paris"));
        StepOutput out = fitted.apply(d);
        assertThat(strs(out.data(), "city")).containsOnly("paris", "lyon-metro", "other");
        assertThat(strs(out.data(), "city").get(99)).isEqualTo("other");
        assertThat(out.effect().cellsChanged()).isEqualTo(100);
    }

    @Test
    void outliersAreFlaggedCappedOrRemovedWithStoredBounds() throws Exception {
        Dataset d = Fixtures.table().num("x", 1, 2, 3, 4, 5, 6, 7, 8, 100).build();
        OutliersStep cap = (OutliersStep) OutliersStep.of(List.of("x"), OutliersStep.Rule.IQR, OutliersStep.Action.CAP).fit(d);
        assertThat(cap.bounds().get("x").high()).isEqualTo(7 + 1.5 * 4);
        assertThat(nums(cap.apply(d).data(), "x")[8]).isEqualTo(13);
        StepOutput flag = fitApply(OutliersStep.of(List.of("x"), OutliersStep.Rule.IQR, OutliersStep.Action.FLAG), d);
        assertThat(nums(flag.data(), "x_outlier")).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1);
        StepOutput removed = fitApply(OutliersStep.of(List.of("x"), OutliersStep.Rule.Z_SCORE, OutliersStep.Action.REMOVE)
                .withEnabled(true), Fixtures.table().num("x", Fixtures.seq(30, i -> i == 0 ? 1000 : i % 5)).build());
        assertThat(removed.effect().rowsRemoved()).isEqualTo(1);
    }

    @Test
    void scalingUsesStoredStatisticsOnNewData() throws Exception {
        Dataset d = Fixtures.table().num("x", 10, 20, 30).build();
        RecipeStep minMax = ScaleStep.of(List.of("x"), ScaleStep.Method.MIN_MAX).fit(d);
        assertThat(nums(minMax.apply(d).data(), "x")).containsExactly(0, 0.5, 1);
        assertThat(nums(minMax.apply(Fixtures.table().num("x", 40).build()).data(), "x")).containsExactly(1.5);
        RecipeStep z = ScaleStep.of(List.of("x"), ScaleStep.Method.Z_SCORE).fit(d);
        assertThat(nums(z.apply(d).data(), "x")).containsExactly(-1, 0, 1);
    }

    @Test
    void scalingAConstantColumnIsRefusedForBothMethods() {
        Dataset d = Fixtures.table().num("x", 5, 5, 5).build();
        for (ScaleStep.Method m : ScaleStep.Method.values()) {
            assertThatThrownBy(() -> ScaleStep.of(List.of("x"), m).fit(d))
                    .isInstanceOfSatisfying(CleanException.class,
                            e -> assertThat(e.reason()).isEqualTo(CleanException.Reason.CONSTANT_COLUMN))
                    .hasMessageContaining("x");
        }
    }

    @Test
    void dateFeaturesStoreTheReferenceDate() throws Exception {
        Dataset d = Fixtures.table().date("last", "2024-01-01", "2024-03-15", null).build();
        RecipeStep fitted = DateFeaturesStep.of("last", true, true, true).fit(d);
        assertThat(((DateFeaturesStep) fitted).referenceDate()).isEqualTo("2024-03-15");
        StepOutput out = fitted.apply(Fixtures.table().date("last", "2024-03-01").build());
        assertThat(nums(out.data(), "last_days_since")).containsExactly(14);
        assertThat(strs(out.data(), "last_month")).containsExactly("03");
        assertThat(strs(out.data(), "last_weekday")).containsExactly("5"); // 1 March 2024 was a Friday
        assertThat(out.effect().columnsAdded()).containsExactly("last_days_since", "last_month", "last_weekday");
    }

    @Test
    void ratioDividesAndLeavesZeroDenominatorsMissing() throws Exception {
        Dataset d = Fixtures.table().num("spend", 10, 9, 4).num("visits", 2, 0, 4).build();
        StepOutput out = fitApply(RatioStep.of("spend", "visits", "spend_per_visit"), d);
        double[] q = nums(out.data(), "spend_per_visit");
        assertThat(q[0]).isEqualTo(5);
        assertThat(Double.isNaN(q[1])).isTrue();
        assertThat(out.effect().notes()).hasSize(1);
    }

    @Test
    void maskingHashesWithTheSaltOrDrops() throws Exception {
        Dataset d = Fixtures.table().text("email", "a@x.com", "b@x.com", "a@x.com", "").build();
        StepOutput out = fitApply(MaskPersonalStep.hash(List.of("email"), "salt1"), d);
        List<String> h = strs(out.data(), "email");
        assertThat(h.get(0)).hasSize(64).isEqualTo(h.get(2)).isNotEqualTo(h.get(1));
        assertThat(h.get(3)).isEmpty();
        // echo -n "salt1a@x.com" | sha256sum
        assertThat(h.get(0)).isEqualTo(sha256("salt1a@x.com"));
        assertThat(strs(fitApply(MaskPersonalStep.hash(List.of("email"), "salt2"), d).data(), "email").get(0))
                .isNotEqualTo(h.get(0));
        assertThat(out.data().spec("email").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(fitApply(MaskPersonalStep.drop(List.of("email")), d).data().columns()).isEmpty();
    }

    private static String sha256(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aStepThatWouldRemoveEveryRowIsRefused() throws Exception {
        Dataset d = Fixtures.table().num("x", Double.NaN, Double.NaN).num("y", 1, 2).build();
        RecipeStep step = MissingValuesStep.of(List.of("x"), Strategy.DROP_ROWS, false).fit(d);
        assertThatThrownBy(() -> step.apply(d))
                .isInstanceOfSatisfying(CleanException.class,
                        e -> assertThat(e.reason()).isEqualTo(CleanException.Reason.ALL_ROWS_REMOVED))
                .hasMessageContaining("2 rows");
        assertThat(d.rowCount()).isEqualTo(2);
    }

    @Test
    void meanOfATextColumnIsAClearTypeError() {
        Dataset d = Fixtures.table().cat("c", "a", "").build();
        assertThatThrownBy(() -> MissingValuesStep.of(List.of("c"), Strategy.MEAN, false).fit(d))
                .isInstanceOfSatisfying(CleanException.class,
                        e -> assertThat(e.reason()).isEqualTo(CleanException.Reason.WRONG_COLUMN_TYPE))
                .hasMessageContaining("category");
    }

    @Test
    void unfittedStepCannotBeApplied() {
        Dataset d = Fixtures.table().num("x", 1, 2).build();
        assertThatThrownBy(() -> ScaleStep.of(List.of("x"), ScaleStep.Method.MIN_MAX).apply(d))
                .isInstanceOfSatisfying(CleanException.class,
                        e -> assertThat(e.reason()).isEqualTo(CleanException.Reason.NOT_FITTED));
    }

    @Test
    void zScoreImputationShrinksVarianceAsTheExplainTextSays() throws Exception {
        Dataset d = Fixtures.table().num("x", 1, 2, 3, 4, 5, Double.NaN, Double.NaN, Double.NaN).build();
        double[] filled = nums(fitApply(MissingValuesStep.of(List.of("x"), Strategy.MEAN, false), d).data(), "x");
        double mean = java.util.Arrays.stream(filled).average().orElseThrow();
        double var = java.util.Arrays.stream(filled).map(v -> (v - mean) * (v - mean)).sum() / (filled.length - 1);
        assertThat(mean).isCloseTo(3, within(1e-12));
        assertThat(var).isLessThan(2.5); // the observed variance was 2.5
    }
}
