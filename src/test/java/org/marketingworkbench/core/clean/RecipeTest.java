package org.marketingworkbench.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.profile.DatasetProfile;
import org.marketingworkbench.core.clean.step.DateFeaturesStep;
import org.marketingworkbench.core.clean.step.DropColumnsStep;
import org.marketingworkbench.core.clean.step.FixTypesStep;
import org.marketingworkbench.core.clean.step.MarkMissingStep;
import org.marketingworkbench.core.clean.step.MaskPersonalStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.NormaliseCategoriesStep;
import org.marketingworkbench.core.clean.step.OutliersStep;
import org.marketingworkbench.core.clean.step.RatioStep;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.step.RemoveDuplicatesStep;
import org.marketingworkbench.core.clean.step.ScaleStep;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.DoubleColumn;

class RecipeTest {

    private static Dataset customers(double shift, String extraCity) {
        int n = 40;
        return Fixtures.table()
                .id("id", Fixtures.strs(n, i -> "C" + i))
                .num("age", Fixtures.seq(n, i -> i % 9 == 0 ? Double.NaN : 20 + i + shift))
                .num("spend", Fixtures.seq(n, i -> i == 3 ? 5000 : 10 * (i % 7) + shift))
                .num("visits", Fixtures.seq(n, i -> 1 + i % 4))
                .cat("city", Fixtures.strs(n, i -> i == 0 && extraCity != null ? extraCity : i % 3 == 0 ? " Paris" : "Lyon"))
                .text("signup", Fixtures.strs(n, i -> String.format("%02d/03/2024", 1 + i % 28)))
                .text("email", Fixtures.strs(n, i -> "c" + i + "@example.com"))
                .build();
    }

    /** Every operation once, in a sensible order. */
    private static Recipe fullRecipe() {
        return Recipe.of(
                new DropColumnsStep(List.of("id")),
                RemoveDuplicatesStep.exact(),
                MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.MEDIAN, true),
                FixTypesStep.toDate("signup"),
                NormaliseCategoriesStep.of(List.of("city"), true, NormaliseCategoriesStep.CaseChange.LOWER, Map.of(), 0),
                OutliersStep.of(List.of("spend"), OutliersStep.Rule.IQR, OutliersStep.Action.CAP),
                RatioStep.of("spend", "visits", "spend_per_visit"),
                ScaleStep.of(List.of("age"), ScaleStep.Method.Z_SCORE),
                DateFeaturesStep.of("signup", true, true, false),
                MaskPersonalStep.hash(List.of("email"), "project-salt"));
    }

    @Test
    void replayOnNewDataUsesTheStoredStatisticsNotNewOnes() throws Exception {
        Dataset train = customers(0, null);
        FittedRecipe fitted = fullRecipe().fit(train, Progress.none());
        Dataset fresh = customers(100, null);
        CleanResult replay = fitted.apply(fresh, Progress.none());
        CleanResult refit = fullRecipe().fit(fresh, Progress.none()).apply(fresh, Progress.none());
        double[] replayAge = ((DoubleColumn) replay.dataset().table().column("age")).asDoubleArray();
        double[] refitAge = ((DoubleColumn) refit.dataset().table().column("age")).asDoubleArray();
        assertThat(replayAge).isNotEqualTo(refitAge);
        // the stored z-score: (value - trainMean) / trainSd
        ScaleStep scale = (ScaleStep) fitted.steps().get(7);
        double trainCenter = scale.scalings().get("age").center();
        assertThat(replayAge[1]).isEqualTo((121 - trainCenter) / scale.scalings().get("age").scale(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(replay.replay().isClean()).isTrue();
        assertThat(replay.effects()).hasSize(10);
    }

    @Test
    void replayOfTheSameFileGivesExactlyTheSameTableAsFitting() throws Exception {
        Dataset train = customers(0, null);
        Recipe.Run run = fullRecipe().fitAndApply(train, Progress.none());
        CleanResult again = run.recipe().apply(train, Progress.none());
        assertThat(again.dataset().table().columnNames()).isEqualTo(run.result().dataset().table().columnNames());
        for (int c = 0; c < again.dataset().table().columnCount(); c++) {
            assertThat(again.dataset().table().column(c).asList())
                    .isEqualTo(run.result().dataset().table().column(c).asList());
        }
        assertThat(again.dataset().columns()).isEqualTo(run.result().dataset().columns());
    }

    @Test
    void jsonRoundTripKeepsSettingsAndLearnedStatistics() throws Exception {
        Dataset train = customers(0, null);
        FittedRecipe fitted = fullRecipe().fit(train, Progress.none());
        String json = RecipeJson.write(fitted);
        FittedRecipe back = RecipeJson.readFitted(json);
        assertThat(back).isEqualTo(fitted);
        assertThat(RecipeJson.write(back)).isEqualTo(json);
        assertThat(json).contains("\"op\" : \"missingValues\"", "\"fills\"", "\"version\" : " + RecipeJson.CURRENT_VERSION);
        CleanResult a = fitted.apply(customers(3, null), Progress.none());
        CleanResult b = back.apply(customers(3, null), Progress.none());
        for (int c = 0; c < a.dataset().table().columnCount(); c++) {
            assertThat(b.dataset().table().column(c).asList()).isEqualTo(a.dataset().table().column(c).asList());
        }
        Recipe unfitted = fullRecipe();
        assertThat(RecipeJson.readRecipe(RecipeJson.write(unfitted))).isEqualTo(unfitted);
    }

    @Test
    void aVersionOneRecipeIsReadAndWrittenBackAsVersionTwo() throws Exception {
        String v1 = "{\"format\":\"marketing-workbench-recipe\",\"version\":1,\"fitted\":false,"
                + "\"steps\":[{\"op\":\"dropColumns\",\"enabled\":true,\"columns\":[\"id\"]}]}";
        Recipe read = RecipeJson.readRecipe(v1);
        assertThat(read.steps()).containsExactly(new DropColumnsStep(List.of("id")));
        assertThat(RecipeJson.write(read)).contains("\"version\" : 2");
    }

    @Test
    void recipeFromANewerVersionIsRefusedClearly() {
        String json = "{\"format\":\"marketing-workbench-recipe\",\"version\":99,\"fitted\":true,\"steps\":[]}";
        assertThatThrownBy(() -> RecipeJson.readFitted(json))
                .isInstanceOfSatisfying(CleanException.class, e -> assertThat(e.reason()).isEqualTo(CleanException.Reason.NEWER_VERSION))
                .hasMessageContaining("newer").hasMessageContaining("99");
    }

    @Test
    void damagedOrForeignRecipeFilesAreRefusedClearly() {
        assertThatThrownBy(() -> RecipeJson.readRecipe("{not json"))
                .isInstanceOfSatisfying(CleanException.class, e -> assertThat(e.reason()).isEqualTo(CleanException.Reason.CORRUPT_RECIPE));
        assertThatThrownBy(() -> RecipeJson.readRecipe("{\"format\":\"something-else\",\"version\":1}"))
                .hasMessageContaining("not a Marketing Workbench cleaning recipe");
        assertThatThrownBy(() -> RecipeJson.readRecipe(
                "{\"format\":\"marketing-workbench-recipe\",\"version\":1,\"steps\":[{\"op\":\"teleport\"}]}"))
                .isInstanceOfSatisfying(CleanException.class, e -> assertThat(e.reason()).isEqualTo(CleanException.Reason.CORRUPT_RECIPE));
        assertThatThrownBy(() -> RecipeJson.readFitted(RecipeJson.write(Recipe.empty())))
                .hasMessageContaining("not been run");
    }

    @Test
    void newFileWithMissingOrExtraColumnsAndUnseenLabelsGetsAReport() throws Exception {
        Dataset train = customers(0, null);
        FittedRecipe fitted = Recipe.of(MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.MEAN, false))
                .fit(train, Progress.none());
        Dataset fresh = new Dataset(customers(0, "Nice").table().removeColumns("visits"),
                customers(0, "Nice").columns().stream().filter(c -> !c.name().equals("visits")).toList());
        Dataset withExtra = Fixtures.table().build();
        CleanResult r = fitted.apply(fresh, Progress.none());
        assertThat(r.replay().missingColumns()).containsExactly("visits");
        assertThat(r.replay().unseenCategories()).containsEntry("city", List.of("Nice"));
        assertThat(r.replay().isClean()).isFalse();
        Dataset extra = new Dataset(train.table().copy().addColumns(DoubleColumn.create("score", new double[40])),
                concat(train, "score"));
        assertThat(fitted.check(extra).extraColumns()).containsExactly("score");
        assertThat(withExtra.columns()).isEmpty();
    }

    private static List<org.marketingworkbench.core.data.ColumnSpec> concat(Dataset d, String number) {
        List<org.marketingworkbench.core.data.ColumnSpec> specs = new ArrayList<>(d.columns());
        specs.add(new org.marketingworkbench.core.data.ColumnSpec(number, org.marketingworkbench.core.data.ColumnType.NUMBER, null));
        return specs;
    }

    @Test
    void aRecipeWhoseColumnNoLongerExistsStopsBeforeChangingAnything() throws Exception {
        FittedRecipe fitted = fullRecipe().fit(customers(0, null), Progress.none());
        Dataset noSpend = new Dataset(customers(0, null).table().removeColumns("spend"),
                customers(0, null).columns().stream().filter(c -> !c.name().equals("spend")).toList());
        assertThatThrownBy(() -> fitted.apply(noSpend, Progress.none()))
                .isInstanceOfSatisfying(CleanException.class, e -> assertThat(e.reason()).isEqualTo(CleanException.Reason.COLUMN_MISSING))
                .hasMessageContaining("spend");
        assertThat(fitted.requiredColumns()).contains("spend", "age", "email").doesNotContain("spend_per_visit");
    }

    @Test
    void disabledStepsAreKeptButSkipped() throws Exception {
        Recipe r = fullRecipe().withEnabled(0, false);
        CleanResult out = r.fitAndApply(customers(0, null), Progress.none()).result();
        assertThat(out.dataset().table().columnNames()).contains("id");
        assertThat(out.effects()).hasSize(9);
        assertThat(r.steps().get(0).enabled()).isFalse();
    }

    @Test
    void editsReturnNewRecipesSoHistoryCanBeKept() {
        Recipe a = fullRecipe();
        Recipe b = a.remove(0).move(0, 2).withEnabled(1, false);
        assertThat(a.steps()).hasSize(10);
        assertThat(a.steps().get(0)).isInstanceOf(DropColumnsStep.class);
        assertThat(b.steps()).hasSize(9);
        assertThat(b.steps().get(2)).isInstanceOf(RemoveDuplicatesStep.class);
        assertThat(b.steps().get(1).enabled()).isFalse();
        assertThat(a).isEqualTo(fullRecipe());
    }

    @Test
    void applyReportsProgressPerStepAndStopsWhenCancelled() throws Exception {
        List<Double> seen = new ArrayList<>();
        Progress progress = Progress.to((f, m) -> seen.add(f));
        fullRecipe().fit(customers(0, null), progress);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(10).isSorted();
        assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
        Progress cancelled = Progress.none();
        cancelled.cancel();
        assertThatThrownBy(() -> fullRecipe().fit(customers(0, null), cancelled)).isInstanceOf(CancelledException.class);
    }

    @Test
    void suggesterProposesStepsFromTheFlags() throws Exception {
        int n = 60;
        String[] y = Fixtures.strs(n, i -> i % 3 == 0 ? "yes" : "no");
        Dataset d = Fixtures.table()
                .id("customer", Fixtures.strs(n, i -> "K" + i))
                .text("email", Fixtures.strs(n, i -> "k" + i + "@mail.org"))
                .num("income", Fixtures.seq(n, i -> i % 2 == 0 ? Double.NaN : i == 1 ? 1e6 : 1000 + i % 10))
                .num("call_duration", Fixtures.seq(n, i -> y[i].equals("yes") ? 300 + i : i))
                .cat("y", y).build();
        DatasetProfile profile = ColumnProfiler.profile(d, Optional.of("y"), Progress.none());
        List<RecipeStep> steps = RecipeSuggester.suggest(profile, Optional.of("s"));
        assertThat(steps.get(0)).isEqualTo(new DropColumnsStep(List.of("customer", "call_duration")));
        assertThat(steps).contains(MaskPersonalStep.hash(List.of("email"), "s"),
                MissingValuesStep.of(List.of("income"), MissingValuesStep.Strategy.MEDIAN, true),
                OutliersStep.of(List.of("income"), OutliersStep.Rule.IQR, OutliersStep.Action.CAP));
        assertThat(steps).noneMatch(s -> s.requiredColumns().contains("y"));
        // the suggestions run as a recipe
        assertThat(new Recipe(steps).fitAndApply(d, Progress.none()).result().dataset().table().columnNames())
                .containsExactly("email", "income", "income_was_missing", "y");
    }

    @Test
    void suggesterTreatsAPlaceholderAsMissingAndKeepsWhereItWas() throws Exception {
        Dataset d = Fixtures.table()
                .num("pdays", Fixtures.seq(100, i -> i < 80 ? -1 : 90 + i))
                .num("spend", Fixtures.seq(100, i -> i % 7 == 0 ? Double.NaN : i % 30)).build();
        List<RecipeStep> steps = RecipeSuggester.suggest(ColumnProfiler.profile(d, Optional.empty(), Progress.none()));
        assertThat(steps).containsSubsequence(MarkMissingStep.of(List.of("pdays"), "-1"),
                MissingValuesStep.of(List.of("pdays"), MissingValuesStep.Strategy.MEDIAN, true));
        assertThat(steps).contains(MissingValuesStep.of(List.of("spend"), MissingValuesStep.Strategy.MEDIAN, false));
        Dataset cleaned = new Recipe(steps).fitAndApply(d, Progress.none()).result().dataset();
        assertThat(cleaned.table().numberColumn("pdays").min()).isEqualTo(170);
        assertThat(cleaned.table().numberColumn("pdays_was_missing").sum()).isEqualTo(80);
    }

    @Test
    void fittingAndApplyingNeverChangeTheInputTable() throws Exception {
        Dataset input = customers(0, null);
        Dataset before = new Dataset(input.table().copy(), input.columns());
        Recipe.Run run = fullRecipe().fitAndApply(input, Progress.none());
        run.recipe().apply(input, Progress.none());
        assertThat(input.table().columnNames()).isEqualTo(before.table().columnNames());
        for (int c = 0; c < before.table().columnCount(); c++) {
            assertThat(input.table().column(c).asList()).isEqualTo(before.table().column(c).asList());
        }
        assertThat(input.columns()).isEqualTo(before.columns());
    }
}
