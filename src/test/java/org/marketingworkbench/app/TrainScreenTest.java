package org.marketingworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.TrainStepRecord;
import org.marketingworkbench.ui.common.FxDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Train screen driven headless on the sample customers: train two learners, cancel a run, pick a model. */
@ExtendWith(ApplicationExtension.class)
class TrainScreenTest {

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
        waitFor(120, TimeUnit.SECONDS, () -> !window.tasks().monitor().isRunning()
                && !window.clean().busyProperty().get() && !window.train().busyProperty().get()
                && !window.ingest().readingProperty().get());
        waitForFxEvents();
    }

    private static void fire(FxRobot robot, String query) {
        Button b = robot.lookup(query).queryAs(Button.class);
        robot.interact(b::fire);
    }

    private void openSampleInTrain(FxRobot robot) throws Exception {
        robot.clickOn("#sampleDataButton");
        waitFor(30, TimeUnit.SECONDS, () -> window.ingest().resultProperty().get() != null);
        idle();
        robot.clickOn("#step-clean");
        waitFor(30, TimeUnit.SECONDS, () -> window.clean().profileProperty().get() != null);
        idle();
        fire(robot, "#continueButton");   // Clean → Segment (runs the empty recipe)
        idle();
        robot.clickOn("#step-train");
        waitFor(30, TimeUnit.SECONDS, () -> window.train().inputProperty().get() != null);
        idle();
        robot.interact(() -> window.train().targetProperty().set("churned"));
        idle();
        robot.interact(() -> {
            window.train().foldsProperty().set(3);
            window.train().learners().forEach(l -> l.selectedProperty().set(
                    List.of("logistic", "j48").contains(l.definition().id())));
        });
    }

    @Test
    void trainTwoLearnersAndPickTheSecond(FxRobot robot) throws Exception {
        openSampleInTrain(robot);
        fire(robot, "#trainButton");
        idle();
        @SuppressWarnings("unchecked")
        TableView<LearnerResult> board = robot.lookup("#leaderboard").queryAs(TableView.class);
        assertThat(board.getItems()).hasSize(2);
        String second = board.getItems().get(1).learnerId();
        robot.interact(() -> board.getSelectionModel().select(1));
        assertThat(robot.lookup("#useModelButton").queryAs(Button.class).isDisabled()).isFalse();
        fire(robot, "#useModelButton");
        idle();
        assertThat(window.train().chosenLearnerProperty().get()).isEqualTo(second);
        assertThat(TrainStepRecord.chosen(window.session().project().step(
                org.marketingworkbench.core.pipeline.Stage.TRAIN))).contains(second);
        assertThat(window.session().trainedModelProperty().get().learnerId()).isEqualTo(second);
        assertThat(robot.lookup("#continueButton").match(Node::isVisible).queryAs(Button.class).isDisabled()).isFalse();

        // Chinese: the leaderboard and the curve follow the language
        robot.interact(() -> window.localization().setLocale(org.marketingworkbench.ui.common.Localization.SIMPLIFIED_CHINESE));
        waitForFxEvents();
        assertThat(board.getColumns().get(0).getText()).isEqualTo("学习器");
        robot.interact(() -> window.localization().setLocale(Locale.ENGLISH));
        waitForFxEvents();

        // away and back: the same screen, the same leaderboard and choice
        robot.clickOn("#step-segment");
        waitForFxEvents();
        robot.clickOn("#step-train");
        waitForFxEvents();
        assertThat(robot.lookup("#leaderboard").<Node>query()).isSameAs(board);
        assertThat(board.getItems()).hasSize(2);
        assertThat(window.train().chosenLearnerProperty().get()).isEqualTo(second);
    }

    @Test
    void cancellingARunLeavesTheProjectAsItWas(FxRobot robot) throws Exception {
        openSampleInTrain(robot);
        robot.interact(() -> window.train().learners().forEach(l -> l.selectedProperty().set(
                l.definition().id().equals("mlp"))));
        var before = window.session().project();
        fire(robot, "#trainButton");
        waitFor(10, TimeUnit.SECONDS, () -> window.train().busyProperty().get());
        fire(robot, "#cancelButton");
        idle();
        assertThat(window.train().leaderboard()).isEmpty();
        assertThat(window.session().project()).isSameAs(before);
        assertThat(window.train().noticeProperty().get().key()).isEqualTo("train.notice.cancelled");
    }
}
