package org.marketingworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.project.DataSource;
import org.marketingworkbench.core.project.StepRecord;
import org.marketingworkbench.ui.common.FxDialogService;
import org.marketingworkbench.ui.common.Job;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {

    @TempDir
    static Path home;

    private WorkbenchWindow window;
    private ScriptedDialogs dialogs;
    private FxTaskRunner tasks;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        Path userHome = Files.createTempDirectory(home, "user");
        tasks = new FxTaskRunner();
        window = new WorkbenchWindow(stage, new AppDirs(userHome), tasks, l10n -> {
            dialogs = new ScriptedDialogs(new FxDialogService(() -> stage, l10n));
            return dialogs;
        });
        window.show();
    }

    private String stepName(FxRobot robot, String stageId) {
        Button step = robot.lookup("#step-" + stageId).queryAs(Button.class);
        return robot.from(step).lookup(".step-name").queryAs(Label.class).getText();
    }

    @Test
    void aStepThatNeedsAnEarlierOneCannotBeOpened(FxRobot robot) {
        robot.clickOn("#step-train");
        assertThat(window.shell().currentStage()).isEqualTo(org.marketingworkbench.core.pipeline.Stage.INGEST);
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText())
                .contains("Train").contains("Import");

        robot.interact(() -> window.session().update(window.session().project()
                .withStep(org.marketingworkbench.core.pipeline.Stage.INGEST, new StepRecord(true, null, null))));
        robot.clickOn("#step-clean");
        assertThat(window.shell().currentStage()).isEqualTo(org.marketingworkbench.core.pipeline.Stage.CLEAN);
        assertThat(robot.lookup(".clean").tryQuery()).isPresent();
    }

    @Test
    void keyboardShortcutsMoveBetweenOpenSteps(FxRobot robot) {
        robot.interact(() -> window.session().update(window.session().project()
                .withStep(org.marketingworkbench.core.pipeline.Stage.INGEST, new StepRecord(true, null, null))));
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        assertThat(window.shell().currentStage()).isEqualTo(org.marketingworkbench.core.pipeline.Stage.CLEAN);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        assertThat(window.shell().currentStage()).isEqualTo(org.marketingworkbench.core.pipeline.Stage.CLEAN);
    }

    @Test
    void switchingToChineseRelabelsTheWindow(FxRobot robot) {
        assertThat(stepName(robot, "ingest")).isEqualTo("Import");
        robot.clickOn("View").clickOn("简体中文");
        waitForFxEvents();
        assertThat(stepName(robot, "ingest")).isEqualTo("导入");
        assertThat(robot.lookup("#explainHeading").queryAs(Label.class).getText()).isEqualTo("说明");
        robot.clickOn("视图(V)").clickOn("English");
        waitForFxEvents();
        assertThat(stepName(robot, "ingest")).isEqualTo("Import");
    }

    @Test
    void switchingThemeChangesTheStylesheet(FxRobot robot) {
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
        robot.clickOn("View").clickOn("Dark theme");
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark");
        robot.clickOn("View").clickOn("Light theme");
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light");
    }

    @Test
    void theExplainPanelCanBeHiddenAndShown(FxRobot robot) {
        assertThat(robot.lookup("#explainPanel").query().isVisible()).isTrue();
        robot.clickOn("#hideExplainButton");
        assertThat(robot.lookup("#explainPanel").query().isVisible()).isFalse();
        robot.press(KeyCode.F1).release(KeyCode.F1);
        assertThat(robot.lookup("#explainPanel").query().isVisible()).isTrue();
    }

    @Test
    void aProjectIsSavedAndReopened(FxRobot robot) throws Exception {
        Path folder = Files.createTempDirectory(home, "projects");
        Path data = Files.writeString(folder.resolve("customers.csv"), "id,age\n1,30\n");
        robot.interact(() -> window.session().update(window.session().project()
                .withDataSource(new DataSource(data, null, 12))
                .withStep(org.marketingworkbench.core.pipeline.Stage.INGEST, new StepRecord(true, null, null))));
        // the import step reads the data in the background and records its hash: let it finish
        waitFor(10, TimeUnit.SECONDS, () -> !window.tasks().monitor().isRunning());
        waitForFxEvents();
        Path file = folder.resolve("spring.mwb");
        dialogs.files.add(folder.resolve("spring"));
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        assertThat(file).exists();
        assertThat(window.session().isDirty()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        assertThat(window.session().project().data()).isEmpty();

        dialogs.files.add(file);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        assertThat(window.session().project().name()).isEqualTo("spring");
        assertThat(window.session().project().dataSource().path()).isEqualTo(data);
        assertThat(window.shell().recentProjects()).contains(file);
        assertThat(((Stage) robot.window(0)).getTitle()).startsWith("spring —");
    }

    @Test
    void openingAProjectWhoseDataMovedAsksToLocateIt(FxRobot robot) throws Exception {
        Path folder = Files.createTempDirectory(home, "moved");
        Path data = Files.writeString(folder.resolve("customers.csv"), "id\n1\n");
        robot.interact(() -> window.session().update(window.session().project().withDataSource(new DataSource(data, null, 5))));
        dialogs.files.add(folder.resolve("p.mwb"));
        robot.interact(() -> window.shell().save());
        Path newPlace = Files.move(data, folder.resolve("renamed.csv"));

        dialogs.files.add(folder.resolve("p.mwb"));
        dialogs.files.add(newPlace);
        robot.interact(() -> window.shell().newProject());
        robot.interact(() -> window.shell().openProject());
        assertThat(window.session().project().dataSource().path()).isEqualTo(newPlace);
        assertThat(window.session().isDirty()).as("the relocation is a change to save").isTrue();
    }

    @Test
    void aBrokenProjectFileShowsAClearError(FxRobot robot) throws Exception {
        Path bad = Files.writeString(home.resolve("broken.mwb"), "{\"format\":\"marketing-workbench-project\",\"version\":9}");
        robot.interact(() -> window.shell().openProject(bad));
        assertThat(dialogs.lastError).isNotNull();
        assertThat(dialogs.lastError.key()).isEqualTo("project.error.newerVersion");
        assertThat(window.session().project().name()).isEqualTo("Untitled");
    }

    @Test
    void aRunningJobCanBeCancelledFromTheStatusBar(FxRobot robot) throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger steps = new AtomicInteger();
        robot.interact(() -> tasks.submit(Job.of(UserMessage.of("stage.train"), progress -> {
            while (true) {
                progress.report(Math.min(0.99, steps.incrementAndGet() / 10_000.0));
                progress.throwIfCancelled();
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
        }).onCancelled(() -> cancelled.set(true))));
        waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#cancelButton").query().isVisible() && steps.get() > 5);
        assertThat(robot.lookup("#jobText").queryAs(Label.class).getText()).contains("Train");
        robot.clickOn("#cancelButton");
        waitFor(5, TimeUnit.SECONDS, cancelled::get);
        waitForFxEvents();
        assertThat(window.tasks().monitor().isRunning()).isFalse();
        assertThat(robot.lookup("#cancelButton").query().isVisible()).isFalse();
    }

    @Test
    void unsavedChangesAreAskedAboutBeforeANewProject(FxRobot robot) {
        robot.interact(() -> window.session().update(window.session().project().withName("Autumn")));
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitForFxEvents();
        assertThat(robot.lookup("#unsaved-dialog").tryQuery()).isPresent();
        robot.clickOn("#" + FxDialogService.CANCEL_BUTTON_ID);
        assertThat(window.session().project().name()).isEqualTo("Autumn");
        assertThat(window.session().isDirty()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        waitForFxEvents();
        robot.clickOn("#" + FxDialogService.DISCARD_BUTTON_ID);
        assertThat(window.session().project().name()).isEqualTo("Untitled");
        assertThat(window.session().isDirty()).isFalse();
    }
}
