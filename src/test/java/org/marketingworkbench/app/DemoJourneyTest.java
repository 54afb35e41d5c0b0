package org.marketingworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.clean.step.MaskPersonalStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.ui.clean.RecipeItem;
import org.marketingworkbench.ui.common.FxDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A demo as a consultant gives it, forward and back: sample data, two cleaning steps (one edited), back to
 * Import, Chinese and the dark theme, a second file imported from the Clean step, save, reopen, undo. Any
 * exception that reaches a thread's uncaught handler (as the IndexOutOfBoundsException of the profile
 * table's selection did) fails it.
 */
@ExtendWith(ApplicationExtension.class)
class DemoJourneyTest {

    @TempDir
    static Path home;

    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private WorkbenchWindow window;
    private ScriptedDialogs dialogs;
    private Thread.UncaughtExceptionHandler previousDefault;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Thread.UncaughtExceptionHandler record = (t, e) -> uncaught.add(e);
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(record);
        Thread.currentThread().setUncaughtExceptionHandler(record);   // the FX thread: event handlers
        window = new WorkbenchWindow(stage, new AppDirs(Files.createTempDirectory(home, "user")), new FxTaskRunner(),
                l10n -> dialogs = new ScriptedDialogs(new FxDialogService(() -> stage, l10n)));
        window.show();
        stage.setWidth(1024);
        stage.setHeight(700);
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }

    private void idle() throws Exception {
        waitFor(60, TimeUnit.SECONDS, () -> !window.tasks().monitor().isRunning()
                && !window.clean().busyProperty().get() && !window.ingest().readingProperty().get());
        waitForFxEvents();
    }

    private List<RecipeStep> recipe() {
        return window.clean().recipeItems().stream().map(RecipeItem::step).toList();
    }

    @Test
    void aWholeDemoForwardBackAndAgainLosesNothing(FxRobot robot) throws Exception {
        // 1. the sample data, then Clean
        robot.clickOn("#sampleDataButton");
        waitFor(60, TimeUnit.SECONDS, () -> window.ingest().resultProperty().get() != null);
        idle();
        robot.clickOn("#step-clean");
        waitFor(60, TimeUnit.SECONDS, () -> window.clean().profileProperty().get() != null);
        idle();

        // 2. two steps: fill age's gaps; drop the e-mail addresses; then edit the first to use the mean
        selectProfileRow(robot, "age");
        chooseOperation(robot, MissingValuesStep.OP);
        fire(robot, "#addStepButton");
        idle();
        selectProfileRow(robot, "email");
        chooseOperation(robot, MaskPersonalStep.OP);
        chooseOption(robot, "#option-method", "DROP");
        fire(robot, "#addStepButton");
        idle();
        assertThat(recipe()).containsExactly(MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.MEDIAN, false),
                MaskPersonalStep.drop(List.of("email")));
        assertThat(window.clean().selectedStepProperty().get()).as("the step just added is selected").isEqualTo(1);

        selectRecipeStep(robot, 1);
        fire(robot, "#editButton");
        assertThat(optionValue(robot, "#option-method")).as("an edited drop step stays drop").isEqualTo("DROP");
        fire(robot, "#addStepButton");   // update without changing anything
        idle();
        assertThat(recipe().get(1)).isEqualTo(MaskPersonalStep.drop(List.of("email")));

        selectRecipeStep(robot, 0);
        fire(robot, "#editButton");
        chooseOption(robot, "#option-strategy", "MEAN");
        fire(robot, "#addStepButton");
        idle();
        assertThat(recipe()).containsExactly(MissingValuesStep.of(List.of("age"), MissingValuesStep.Strategy.MEAN, false),
                MaskPersonalStep.drop(List.of("email")));

        // 2b. on to Segment: segment on age, name the first segment
        fire(robot, "#continueButton");
        idle();
        waitFor(60, TimeUnit.SECONDS, () -> window.segment().inputProperty().get() != null);
        assertThat(window.shell().currentStage()).isEqualTo(org.marketingworkbench.core.pipeline.Stage.SEGMENT);
        robot.interact(() -> {
            window.segment().chooseOnly(List.of("age"));
            window.segment().kProperty().set(2);
        });
        fire(robot, "#runButton");
        idle();
        assertThat(window.segment().resultProperty().get().k()).isEqualTo(2);
        robot.interact(() -> window.segment().rename(1, "Older customers"));
        assertThat(robot.lookup(".segment-card").queryAll()).hasSize(2);

        // 3. back to Import: the data is still shown
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitForFxEvents();
        assertImportShowsTheData(robot, "customers.csv");

        // 4. Chinese and dark: nothing is rebuilt or lost
        robot.clickOn("View").clickOn("简体中文");
        waitForFxEvents();
        robot.clickOn("视图(V)").clickOn("深色主题(D)");
        waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(robot.lookup("#step-ingest .step-name").queryAs(Label.class).getText()).isEqualTo("导入");
        assertImportShowsTheData(robot, "customers.csv");
        robot.clickOn("#step-clean");
        waitForFxEvents();
        assertThat(recipe()).hasSize(2);
        assertThat(robot.lookup("#continueButton").queryButton().getText()).isEqualTo(
                window.localization().get("clean.action.continue"));
        assertWhollyVisible(robot.lookup("#continueButton").queryButton());
        assertWhollyVisible(robot.lookup("#recipeList").query());
        robot.clickOn("#step-segment");
        waitForFxEvents();
        assertThat(robot.lookup(".segment-card").queryAll()).as("the segments are still shown").hasSize(2);
        assertThat(robot.lookup("#segment-name-1").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("Older customers");
        assertWhollyVisible(robot.lookup("#runButton").queryButton());
        robot.clickOn("#step-clean");
        waitForFxEvents();

        // 5. Ctrl+I on Clean: another file, after asking; the recipe is replayed on it
        Path second = Files.copy(Path.of(getClass().getResource("/org/marketingworkbench/cli/small-customers.csv").toURI()),
                home.resolve("small-customers.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        dialogs.files.add(second);
        robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
        waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#" + FxDialogService.IMPORT_INTO_BUTTON_ID).tryQuery().isPresent());
        robot.clickOn("#" + FxDialogService.IMPORT_INTO_BUTTON_ID);
        waitFor(60, TimeUnit.SECONDS, () -> window.ingest().fileProperty().get() != null
                && window.ingest().fileProperty().get().getFileName().toString().equals("small-customers.csv")
                && window.ingest().resultProperty().get() != null
                && window.ingest().resultProperty().get().dataset() == window.session().importedDataProperty().get());
        waitFor(60, TimeUnit.SECONDS, () -> window.clean().profileProperty().get() != null);
        idle();
        assertImportShowsTheData(robot, "small-customers.csv");
        assertThat(window.clean().errorProperty().get()).as("the old recipe does not fail on the new file").isNull();
        assertThat(recipe()).extracting(RecipeStep::enabled).containsExactly(true, false);
        assertThat(window.clean().noticeProperty().get()).isNotNull();
        assertThat(window.clean().noticeProperty().get().args()).contains("email");
        waitFor(60, TimeUnit.SECONDS, () -> window.segment().resultProperty().get() != null);
        idle();
        assertThat(window.segment().resultProperty().get().segmentOfRow()).as("the segments replayed on the new file")
                .hasSize(window.session().cleanedDataProperty().get().rowCount());
        robot.interact(() -> window.segment().rename(1, "Older customers"));

        // 6. save: the title is clean, the undo history stays, nothing runs again
        robot.clickOn("#step-clean");
        waitForFxEvents();
        assertThat(robot.lookup("#recipeNotice").queryAs(Label.class).getText()).contains("email");
        selectRecipeStep(robot, 1);   // the switched-off step goes: a change that can be undone
        fire(robot, "#removeButton");
        idle();
        assertThat(recipe()).hasSize(1);
        AtomicInteger runs = new AtomicInteger();
        window.clean().busyProperty().addListener((obs, was, now) -> {
            if (now) {
                runs.incrementAndGet();
            }
        });
        boolean couldUndo = window.clean().canUndoProperty().get();
        Path project = home.resolve("demo.mwb");
        dialogs.files.add(project);
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitForFxEvents();
        idle();
        assertThat(Files.exists(project)).isTrue();
        assertThat(robot.lookup(".root").query().getScene().getWindow()).isNotNull();
        assertThat(((Stage) robot.lookup("#step-clean").query().getScene().getWindow()).getTitle()).doesNotContain("*");
        assertThat(window.clean().canUndoProperty().get()).isEqualTo(couldUndo);
        assertThat(runs.get()).as("saving does not run the recipe again").isZero();
        assertThat(recipe()).hasSize(1);
        List<RecipeStep> saved = recipe();

        // 7. close and reopen: the title is clean and the state the same
        robot.interact(() -> window.shell().newProject());
        idle();
        assertThat(window.session().isDirty()).isFalse();
        robot.interact(() -> window.shell().openProject(project));
        waitFor(60, TimeUnit.SECONDS, () -> window.clean().profileProperty().get() != null
                && window.clean().recipeItems().size() == saved.size());
        idle();
        assertThat(window.session().isDirty()).as("a project just opened is not changed").isFalse();
        assertThat(recipe()).isEqualTo(saved);
        assertImportShowsTheData(robot, "small-customers.csv");
        waitFor(60, TimeUnit.SECONDS, () -> window.segment().resultProperty().get() != null);
        idle();
        assertThat(window.segment().names().displayName(1, java.util.Locale.ENGLISH)).isEqualTo("Older customers");
        assertThat(window.session().isDirty()).as("segments replayed on opening are not a change").isFalse();

        // 8. undo after reopening: the history was saved with the project
        assertThat(window.clean().canUndoProperty().get()).isTrue();
        robot.interact(() -> window.clean().undo());
        idle();
        assertThat(recipe()).hasSize(2).startsWith(saved.get(0));
        assertThat(window.session().isDirty()).isTrue();

        assertThat(uncaught).as("uncaught exceptions during the demo").isEmpty();
    }

    /** At 1024 x 700 the node is inside the window and, for a button, not cut short ("Cont…"). */
    private static void assertWhollyVisible(Node node) {
        var bounds = node.localToScene(node.getBoundsInLocal());
        var scene = node.getScene();
        assertThat(bounds.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(bounds.getMaxX()).as("%s inside the window", node.getId()).isLessThanOrEqualTo(scene.getWidth() + 0.5);
        assertThat(bounds.getMaxY()).isLessThanOrEqualTo(scene.getHeight() + 0.5);
        if (node instanceof javafx.scene.control.Labeled labeled) {
            assertThat(labeled.getWidth()).as("%s shows its whole label", node.getId())
                    .isGreaterThanOrEqualTo(labeled.prefWidth(-1) - 0.5);
        }
    }

    private void assertImportShowsTheData(FxRobot robot, String file) {
        robot.interact(() -> window.shell().selectStage(org.marketingworkbench.core.pipeline.Stage.INGEST));
        waitForFxEvents();
        Node preview = robot.lookup("#previewTable").query();
        assertThat(preview.isVisible() && preview.getScene() != null).as("the preview is on screen").isTrue();
        assertThat(((TableView<?>) preview).getItems()).isNotEmpty();
        assertThat(robot.lookup("#emptyState").query().isVisible()).as("not the empty 'import your data' page").isFalse();
        assertThat(robot.lookup("#fileName").queryAs(Label.class).getText()).isEqualTo(file);
    }

    private void selectProfileRow(FxRobot robot, String column) {
        TableView<?> table = robot.lookup("#profileTable").queryAs(TableView.class);
        int row = -1;
        for (int i = 0; i < window.clean().columns().size(); i++) {
            if (window.clean().columns().get(i).name().equals(column)) {
                row = i;
            }
        }
        int index = row;
        robot.interact(() -> {
            table.getSelectionModel().clearAndSelect(index);
            table.scrollTo(index);
        });
        waitForFxEvents();
    }

    private void selectRecipeStep(FxRobot robot, int index) {
        javafx.scene.control.ListView<?> list = robot.lookup("#recipeList").queryAs(javafx.scene.control.ListView.class);
        robot.interact(() -> list.getSelectionModel().clearAndSelect(index));
        waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void chooseOperation(FxRobot robot, String op) {
        ComboBox<String> ops = robot.lookup("#opBox").queryAs(ComboBox.class);
        robot.interact(() -> ops.getSelectionModel().select(op));
        waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private void chooseOption(FxRobot robot, String id, String value) {
        ComboBox<String> box = robot.lookup(id).queryAs(ComboBox.class);
        robot.interact(() -> box.getSelectionModel().select(value));
        waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private String optionValue(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class).getValue().toString();
    }

    /** Fires a button (as Enter or a click would) even when its part of the screen is scrolled away. */
    private void fire(FxRobot robot, String id) {
        robot.interact(() -> robot.lookup(id).queryButton().fire());
        waitForFxEvents();
    }
}
