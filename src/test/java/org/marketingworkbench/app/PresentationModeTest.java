package org.marketingworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.ui.common.FxDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Presentation mode: F5 shows the key charts full screen, arrows move, Esc gives every chart back to its screen. */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {

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
        waitFor(60, TimeUnit.SECONDS, () -> !window.tasks().monitor().isRunning()
                && !window.clean().busyProperty().get() && !window.segment().busyProperty().get()
                && !window.ingest().readingProperty().get());
        waitForFxEvents();
    }

    private static void fire(FxRobot robot, String query) {
        Button b = robot.lookup(query).match(Node::isVisible).queryAs(Button.class);
        robot.interact(b::fire);
    }

    private static boolean presenting() {
        return Window.getWindows().stream().anyMatch(w -> w.isShowing() && w.getScene() != null
                && w.getScene().getRoot().getId() != null && w.getScene().getRoot().getId().equals("presentation"));
    }

    @Test
    void theKeyChartsAreShownOneByOneAndGivenBack(FxRobot robot) throws Exception {
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitForFxEvents();
        assertThat(presenting()).as("nothing to present before any chart has data").isFalse();
        assertThat(window.shell().noticeProperty().get().key()).isEqualTo("presentation.nothing");

        robot.clickOn("#sampleDataButton");
        waitFor(30, TimeUnit.SECONDS, () -> window.ingest().resultProperty().get() != null);
        idle();
        robot.clickOn("#step-clean");
        waitFor(30, TimeUnit.SECONDS, () -> window.clean().profileProperty().get() != null);
        idle();
        fire(robot, "#continueButton");
        idle();
        waitFor(30, TimeUnit.SECONDS, () -> window.segment().inputProperty().get() != null);
        idle();
        fire(robot, "#settingsPane #runButton");
        idle();
        assertThat(window.segment().resultProperty().get()).isNotNull();

        Pane sizesHolder = robot.lookup("#sizesHolder").queryAs(Pane.class);
        Node sizes = sizesHolder.getChildren().get(0);
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitFor(10, TimeUnit.SECONDS, PresentationModeTest::presenting);
        waitForFxEvents();
        assertThat(sizes.getScene().getRoot().getId()).as("the live chart is on show").isEqualTo("presentation");
        assertThat(robot.lookup(".presentation-counter").queryAs(Label.class).getText()).isEqualTo("1 / 3");

        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        waitForFxEvents();
        assertThat(robot.lookup(".presentation-counter").queryAs(Label.class).getText()).isEqualTo("2 / 3");
        assertThat(sizesHolder.getChildren()).as("the first chart went back when the second came").containsExactly(sizes);
        robot.press(KeyCode.END).release(KeyCode.END);
        robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
        waitForFxEvents();
        assertThat(robot.lookup(".presentation-counter").queryAs(Label.class).getText()).isEqualTo("3 / 3");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitForFxEvents();
        assertThat(presenting()).isFalse();
        Pane heatmapHolder = robot.lookup("#heatmapHolder").queryAs(Pane.class);
        assertThat(heatmapHolder.getChildren()).hasSize(1);
        assertThat(heatmapHolder.getChildren().get(0).getScene()).isSameAs(window.scene());
        assertThat(sizes.getParent()).isSameAs(sizesHolder);
    }

    @Test
    void theFinishedSampleProjectOpensFromTheFirstScreenWithEveryStepDoneAndPresents(FxRobot robot) throws Exception {
        robot.clickOn("#sampleProjectButton");
        waitFor(120, TimeUnit.SECONDS, () -> window.session().projectFile() != null
                && window.segment().resultProperty().get() != null && window.evaluate().analysisProperty().get() != null);
        idle();
        assertThat(window.session().project().pipelineState().done()).containsAll(java.util.EnumSet.range(
                org.marketingworkbench.core.pipeline.Stage.INGEST, org.marketingworkbench.core.pipeline.Stage.EVALUATE));
        assertThat(window.session().isDirty()).as("opening the sample changes nothing").isFalse();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        waitFor(10, TimeUnit.SECONDS, PresentationModeTest::presenting);
        waitForFxEvents();
        String counter = robot.lookup(".presentation-counter").queryAs(Label.class).getText();
        int count = Integer.parseInt(counter.substring(counter.indexOf('/') + 1).strip());
        assertThat(count).as("segment sizes, map, profile; ROC, gains, lift, profit").isGreaterThanOrEqualTo(7);
        // every slide shows its chart, also those of screens not visited yet (Segment, Evaluate were not opened)
        for (int i = 0; i < count; i++) {
            javafx.scene.Group shown = robot.lookup(".presentation-chart").queryAs(javafx.scene.layout.StackPane.class)
                    .getChildren().stream().filter(javafx.scene.Group.class::isInstance).map(javafx.scene.Group.class::cast)
                    .findFirst().orElseThrow();
            assertThat(shown.getChildren()).as("slide " + (i + 1)).hasSize(1);
            robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
            waitForFxEvents();
        }
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        waitForFxEvents();
        assertThat(presenting()).isFalse();
    }
}
