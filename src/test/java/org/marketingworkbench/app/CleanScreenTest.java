package org.marketingworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.clean.profile.ColumnProfile;
import org.marketingworkbench.core.clean.step.MarkMissingStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.ui.clean.RecipeItem;
import org.marketingworkbench.ui.common.FxDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Clean screen driven headless on the sample customers. */
@ExtendWith(ApplicationExtension.class)
class CleanScreenTest {

    @TempDir
    static Path home;

    private WorkbenchWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        window = new WorkbenchWindow(stage, new AppDirs(Files.createTempDirectory(home, "user")), new FxTaskRunner(),
                l10n -> new ScriptedDialogs(new FxDialogService(() -> stage, l10n)));
        window.show();
    }

    private void idle() throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> !window.tasks().monitor().isRunning()
                && !window.clean().busyProperty().get() && !window.ingest().readingProperty().get());
        waitForFxEvents();
    }

    private void openSampleInClean(FxRobot robot) throws Exception {
        robot.clickOn("#sampleDataButton");
        waitFor(30, TimeUnit.SECONDS, () -> window.ingest().resultProperty().get() != null);
        idle();
        robot.clickOn("#step-clean");
        waitFor(30, TimeUnit.SECONDS, () -> window.clean().profileProperty().get() != null);
        idle();
    }

    @Test
    void theProfileShowsEveryColumnWithAFlagOnTheId(FxRobot robot) throws Exception {
        openSampleInClean(robot);
        TableView<?> table = robot.lookup("#profileTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(window.ingest().resultProperty().get().columns().size());
        ColumnProfile id = window.clean().columns().stream().filter(c -> c.name().equals("customer_id"))
                .findFirst().orElseThrow();
        assertThat(id.flags()).isNotEmpty();
        assertThat(robot.lookup(".flag-badge").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Identifier", "Personal data");
    }

    @Test
    void typingALetterInTheOperationBoxJumpsToTheOperation(FxRobot robot) throws Exception {
        openSampleInClean(robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> ops = robot.lookup("#opBox").queryAs(ComboBox.class);
        robot.interact(ops::requestFocus);
        robot.type(javafx.scene.input.KeyCode.S);   // "Scale numbers" (ControlsFX prefix selection)
        waitForFxEvents();
        assertThat(ops.getValue()).isEqualTo(org.marketingworkbench.core.clean.step.ScaleStep.OP);
        assertThat(window.clean().form().draftProperty().get().op()).isEqualTo(org.marketingworkbench.core.clean.step.ScaleStep.OP);
    }

    @Test
    void aMissingValueStepAppliesAndUndoes(FxRobot robot) throws Exception {
        openSampleInClean(robot);
        int ageMissing = window.clean().columns().stream().filter(c -> c.name().equals("age")).findFirst()
                .orElseThrow().missing();
        assertThat(ageMissing).isPositive();

        selectProfileRow(robot, "age");
        fire(robot, "#addStepButton");
        idle();
        assertThat(window.clean().recipeItems()).hasSize(1);
        assertThat(window.clean().recipeItems().get(0).step()).isInstanceOf(MissingValuesStep.class);
        var cleaned = window.session().cleanedDataProperty().get();
        assertThat(cleaned.table().column("age").countMissing()).isZero();
        assertThat(window.session().importedDataProperty().get().table().column("age").countMissing())
                .as("the imported table is never changed").isEqualTo(ageMissing);
        assertThat(robot.lookup(".recipe-step-detail").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.contains("cells changed"));

        fire(robot, "#undoButton");
        idle();
        assertThat(window.clean().recipeItems()).isEmpty();
        assertThat(window.session().cleanedDataProperty().get().table().column("age").countMissing()).isEqualTo(ageMissing);
        fire(robot, "#redoButton");
        idle();
        assertThat(window.clean().recipeItems()).hasSize(1);
    }

    @Test
    void aValueTypedInTheFormIsTreatedAsMissing(FxRobot robot) throws Exception {
        openSampleInClean(robot);
        var imported = (tech.tablesaw.api.DoubleColumn) window.session().importedDataProperty().get().table().column("age");
        long eighteen = java.util.Arrays.stream(imported.asDoubleArray()).filter(v -> v == 18).count();
        assertThat(eighteen).isPositive();

        selectProfileRow(robot, "age");
        @SuppressWarnings("unchecked")
        ComboBox<String> ops = robot.lookup("#opBox").queryAs(ComboBox.class);
        robot.interact(() -> ops.getSelectionModel().select(MarkMissingStep.OP));
        javafx.scene.control.TextField value = robot.lookup("#opOptions .text-field").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> value.setText("18"));   // the form may be scrolled out of view, as with fire()
        fire(robot, "#addStepButton");
        idle();

        assertThat(window.clean().recipeItems()).extracting(RecipeItem::step)
                .containsExactly(MarkMissingStep.of(List.of("age"), "18"));
        assertThat(window.session().cleanedDataProperty().get().table().column("age").countMissing())
                .isEqualTo(imported.countMissing() + (int) eighteen);
        // the Explain panel puts the code's effect on the mean in figures from this data
        assertThat(window.clean().explanation().getValue().paragraphs()).anySatisfy(m -> {
            assertThat(m.key()).isEqualTo("clean.explainPanel.placeholderMean");
            assertThat(m.args()).startsWith("age", (int) eighteen, "18");
        });
    }

    @Test
    void theChartFollowsTheChosenColumn(FxRobot robot) throws Exception {
        openSampleInClean(robot);
        selectProfileRow(robot, "age");
        idle();
        String ageTitle = chartTitle(robot);
        assertThat(ageTitle).startsWith("age");
        selectProfileRow(robot, "region");
        idle();
        assertThat(chartTitle(robot)).startsWith("region").isNotEqualTo(ageTitle);
        XYChart<?, ?> chart = robot.lookup("#distributionChart").queryAs(XYChart.class);
        assertThat(chart.getData()).hasSize(1);

        robot.interact(() -> window.clean().setSplitBy("churned"));
        idle();
        chart = robot.lookup("#distributionChart").queryAs(XYChart.class);
        assertThat(chart.getData()).as("one series per churn group").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void choosingATargetChecksForLeakage(FxRobot robot) throws Exception {
        openSampleInClean(robot);
        robot.interact(() -> window.clean().setTarget("churned"));
        idle();
        assertThat(window.clean().profileProperty().get().target()).as("error: %s", window.clean().errorProperty().get())
                .contains("churned");
        assertThat(window.clean().columns()).anyMatch(c -> c.targetAuc().isPresent());
        assertThat(window.session().project().step(org.marketingworkbench.core.pipeline.Stage.CLEAN).settings()
                .get("target").asText()).isEqualTo("churned");
    }

    /** The recipe panel scrolls; fire the button as a click would, wherever it is scrolled to. */
    private static void fire(FxRobot robot, String id) {
        javafx.scene.control.Button button = robot.lookup(id).queryButton();
        assertThat(button.isDisabled()).as(id + " enabled").isFalse();
        robot.interact(button::fire);
    }

    private String chartTitle(FxRobot robot) {
        return robot.lookup("#distributionChart").queryAs(XYChart.class).getTitle();
    }

    private void selectProfileRow(FxRobot robot, String column) {
        @SuppressWarnings("unchecked")
        TableView<ColumnProfile> table = robot.lookup("#profileTable").queryAs(TableView.class);
        List<ColumnProfile> items = table.getItems();
        int index = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).name().equals(column)) {
                index = i;
            }
        }
        int row = index;
        robot.interact(() -> {
            table.scrollTo(row);
            table.getSelectionModel().clearAndSelect(row);
        });
    }
}
