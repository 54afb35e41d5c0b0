package org.marketingworkbench.ui.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.step.DropColumnsStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.ScaleStep;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.ui.common.SameThreadTaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The Clean step's rules without a window: a same-thread runner makes every job finish at once. */
class CleanViewModelTest {

    private final WorkbenchSession session = new WorkbenchSession();
    private CleanViewModel vm;

    private static Dataset customers() {
        Table t = Table.create("c",
                StringColumn.create("id", "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8"),
                DoubleColumn.create("age", 30, Double.NaN, 50, 41, 38, 27, Double.NaN, 60),
                DoubleColumn.create("flat", 1, 1, 1, 1, 1, 1, 1, 1),
                StringColumn.create("bought", "yes", "no", "no", "yes", "no", "yes", "no", "yes"));
        return new Dataset(t, List.of(new ColumnSpec("id", ColumnType.IDENTIFIER, null),
                new ColumnSpec("age", ColumnType.NUMBER, null), new ColumnSpec("flat", ColumnType.NUMBER, null),
                new ColumnSpec("bought", ColumnType.CATEGORY, null)));
    }

    @BeforeEach
    void importData() {
        vm = new CleanViewModel(session, new SameThreadTaskRunner());
        session.importedDataProperty().set(customers());
    }

    @Test
    void importedDataIsProfiledAtOnce() {
        assertThat(vm.profileProperty().get()).isNotNull();
        assertThat(vm.columns()).extracting(c -> c.name()).containsExactly("id", "age", "flat", "bought");
        assertThat(vm.selectedColumnProperty().get()).as("the first feature, not the ID").isEqualTo("age");
        assertThat(vm.distributionProperty().get()).isNotNull();
    }

    @Test
    void aTargetIsProfiledAndStoredWithoutLosingTheFittedRecipe() {
        vm.addStep(MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.MEDIAN, false));
        assertThat(vm.fittedRecipeJson()).isPresent();
        vm.setTarget("bought");
        assertThat(vm.fittedRecipeJson()).isPresent();
        assertThat(vm.profileProperty().get().target()).contains("bought");
        assertThat(session.project().step(Stage.CLEAN).settings().get("target").asText()).isEqualTo("bought");
    }

    @Test
    void stepsApplyToACopyAndUndoRedoWalkTheHistory() {
        vm.addStep(MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.MEDIAN, true));
        assertThat(session.cleanedDataProperty().get().table().column("age").countMissing()).isZero();
        assertThat(session.cleanedDataProperty().get().table().columnNames()).contains("age_was_missing");
        assertThat(session.importedDataProperty().get().table().column("age").countMissing()).isEqualTo(2);
        assertThat(vm.recipeItems().get(0).effect().cellsChanged()).isEqualTo(2);
        assertThat(session.project().step(Stage.CLEAN).done()).isTrue();
        assertThat(vm.explanation().getValue().paragraphs()).extracting(m -> m.key())
                .contains("clean.explain.missingValues.effect", "clean.explainPanel.spread");

        vm.addStep(new DropColumnsStep(true, List.of("id")));
        assertThat(vm.recipeItems()).hasSize(2);
        vm.undo();
        assertThat(vm.recipeItems()).hasSize(1);
        assertThat(vm.canRedoProperty().get()).isTrue();
        vm.redo();
        assertThat(vm.recipeItems()).hasSize(2);
        vm.moveStep(1, 0);
        assertThat(vm.recipeItems().get(0).step()).isInstanceOf(DropColumnsStep.class);
        vm.setEnabled(0, false);
        assertThat(session.cleanedDataProperty().get().table().columnNames()).contains("id");
        assertThat(vm.recipeItems().get(0).effect()).isNull();
    }

    @Test
    void aFailingStepLeavesRecipeAndDataAsTheyWere() {
        vm.addStep(MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.MEAN, false));
        var before = session.cleanedDataProperty().get();
        vm.addStep(ScaleStep.of(List.of("flat"), ScaleStep.Method.Z_SCORE));
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.recipeItems()).hasSize(1);
        assertThat(session.cleanedDataProperty().get()).isSameAs(before);
        assertThat(vm.canUndoProperty().get()).isTrue();
        vm.undo();
        assertThat(vm.recipeItems()).isEmpty();
    }

    @Test
    void finishingWithAnEmptyRecipeMarksTheStepDone() {
        boolean[] continued = {false};
        vm.finish(() -> continued[0] = true);
        assertThat(continued[0]).isTrue();
        assertThat(session.project().step(Stage.CLEAN).done()).isTrue();
        assertThat(vm.fittedRecipeJson()).isPresent();
    }

    @Test
    void theRecipeIsRestoredWhenTheDataComesBack() {
        vm.addStep(MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.MEDIAN, false));
        var project = session.project();
        session.replace(project, null);
        CleanViewModel reopened = new CleanViewModel(session, new SameThreadTaskRunner());
        session.importedDataProperty().set(customers());
        assertThat(reopened.recipeItems()).hasSize(1);
        assertThat(session.cleanedDataProperty().get().table().column("age").countMissing()).isZero();
    }

    /** Runs jobs at once, except the next recipe run, which it cancels or fails as told. */
    private static final class InterruptingRunner extends org.marketingworkbench.ui.common.TaskRunner.Base {
        private final SameThreadTaskRunner inner = new SameThreadTaskRunner();
        String next;   // "cancel", "fail" or null

        @Override
        public <T> void submit(org.marketingworkbench.ui.common.Job<T> job) {
            if (next != null && job.title().key().equals("clean.job.apply")) {
                String what = next;
                next = null;
                if (what.equals("cancel")) {
                    job.cancelled();
                } else {
                    job.failed(new IllegalStateException("disk on fire"));
                }
                return;
            }
            inner.submit(job);
        }
    }

    @Test
    void aCancelledOrFailedUndoLeavesTheHistoryAsItWas() {
        InterruptingRunner runner = new InterruptingRunner();
        WorkbenchSession fresh = new WorkbenchSession();
        CleanViewModel model = new CleanViewModel(fresh, runner);
        fresh.importedDataProperty().set(customers());
        var a = MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.MEDIAN, false);
        var b = ScaleStep.of(List.of("age"), ScaleStep.Method.Z_SCORE);
        model.addStep(a);
        model.addStep(b);
        runner.next = "cancel";
        model.undo();
        assertThat(model.recipeProperty().get().steps()).containsExactly(a, b);
        runner.next = "fail";
        model.undo();
        assertThat(model.recipeProperty().get().steps()).containsExactly(a, b);
        model.undo();
        assertThat(model.recipeProperty().get().steps()).as("one undo: [A], not []").containsExactly(a);
        runner.next = "cancel";
        model.redo();
        assertThat(model.canRedoProperty().get()).isTrue();
        model.redo();
        assertThat(model.recipeProperty().get().steps()).containsExactly(a, b);
    }

    @Test
    void aCategoryColumnIsOfferedTheMostFrequentValueNotTheMedian() {
        vm.setSelectedColumns(List.of("bought"));
        vm.form().chooseOperation(MissingValuesStep.OP);
        assertThat(vm.form().draftProperty().get().value("strategy")).isEqualTo("MOST_FREQUENT");
        var strategy = org.marketingworkbench.core.clean.step.Operations.get(MissingValuesStep.OP).option("strategy").orElseThrow();
        assertThat(vm.form().choices(strategy)).doesNotContain("MEDIAN", "MEAN");
        vm.setSelectedColumns(List.of("age"));
        assertThat(vm.form().draftProperty().get().value("strategy")).isEqualTo("MEDIAN");
    }

    @Test
    void editingAStepKeepsEverySettingTheUserDidNotChange() {
        var drop = org.marketingworkbench.core.clean.step.MaskPersonalStep.drop(List.of("id"));
        vm.addStep(drop);
        vm.setEnabled(0, false);
        vm.setSelectedColumns(List.of("age"));
        vm.startEdit(0);
        assertThat(vm.form().draftProperty().get().value("method")).isEqualTo("DROP");
        assertThat(vm.form().draftProperty().get().columns()).containsExactly("id");
        vm.submitDraft();
        assertThat(vm.recipeProperty().get().steps()).containsExactly(drop.withEnabled(false));
        assertThat(vm.form().editingProperty().get()).isEqualTo(-1);
    }

    @Test
    void aStepJustAddedIsSelected() {
        vm.setSelectedColumns(List.of("age"));
        vm.form().chooseOperation(ScaleStep.OP);
        vm.submitDraft();
        vm.form().chooseOperation(DropColumnsStep.OP);
        vm.setSelectedColumns(List.of("flat"));
        vm.submitDraft();
        assertThat(vm.recipeItems()).hasSize(2);
        assertThat(vm.selectedStepProperty().get()).isEqualTo(1);
    }

    @Test
    void aFormWithoutColumnsSaysSoAndAddsNothing() {
        vm.setSelectedColumns(List.of());
        vm.form().chooseOperation(ScaleStep.OP);
        vm.submitDraft();
        assertThat(vm.form().problemProperty().get().key()).isEqualTo("clean.form.chooseColumns");
        assertThat(vm.recipeItems()).isEmpty();
    }

    @Test
    void theFirstColumnShownIsChosenBeforeTheProfileRowsArrive() {
        WorkbenchSession fresh = new WorkbenchSession();
        CleanViewModel model = new CleanViewModel(fresh, new SameThreadTaskRunner());
        java.util.List<String> seen = new java.util.ArrayList<>();
        model.columns().addListener((javafx.collections.ListChangeListener<org.marketingworkbench.core.clean.profile.ColumnProfile>) c ->
                seen.add(String.valueOf(model.selectedColumnProperty().get())));
        fresh.importedDataProperty().set(customers());
        assertThat(seen).contains("age").doesNotContain("null");
    }
}
