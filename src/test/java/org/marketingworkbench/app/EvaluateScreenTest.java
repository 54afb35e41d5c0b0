package org.marketingworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.ui.common.FxDialogService;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Evaluate screen driven headless: a logistic model on the sample customers, the threshold, the profit view. */
@ExtendWith(ApplicationExtension.class)
class EvaluateScreenTest {

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
                && !window.evaluate().busyProperty().get() && !window.ingest().readingProperty().get());
        waitForFxEvents();
    }

    private static void fire(FxRobot robot, String query) {
        Button b = robot.lookup(query).queryAs(Button.class);
        robot.interact(b::fire);
    }

    @Test
    void theThresholdAndTheProfitViewMoveTogether(FxRobot robot) throws Exception {
        robot.clickOn("#sampleDataButton");
        waitFor(30, TimeUnit.SECONDS, () -> window.ingest().resultProperty().get() != null);
        idle();
        robot.clickOn("#step-clean");
        waitFor(30, TimeUnit.SECONDS, () -> window.clean().profileProperty().get() != null);
        idle();
        fire(robot, "#continueButton");
        idle();
        robot.clickOn("#step-train");
        idle();
        robot.interact(() -> window.train().targetProperty().set("churned"));
        idle();
        robot.interact(() -> {
            window.train().foldsProperty().set(3);
            window.train().learners().forEach(l -> l.selectedProperty().set(l.definition().id().equals("logistic")));
        });
        fire(robot, "#trainButton");
        idle();
        fire(robot, "#continueButton");   // Train → Evaluate
        idle();
        assertThat(window.shell().currentStage()).isEqualTo(org.marketingworkbench.core.pipeline.Stage.EVALUATE);
        waitFor(30, TimeUnit.SECONDS, () -> window.evaluate().analysisProperty().get() != null);
        idle();

        Label found = robot.lookup("#confusion-11").queryAs(Label.class);
        String at50 = found.getText();
        Slider slider = robot.lookup("#thresholdSlider").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(0.2));
        waitForFxEvents();
        assertThat(found.getText()).as("the matrix follows the slider at once").isNotEqualTo(at50);

        TextField cost = robot.lookup("#costField").queryAs(TextField.class);
        robot.interact(() -> cost.setText("five"));
        waitForFxEvents();
        assertThat(robot.lookup("#profitProblem").queryAs(Label.class).isVisible()).isTrue();
        robot.interact(() -> cost.setText("5"));
        waitForFxEvents();
        fire(robot, "#bestButton");
        waitForFxEvents();
        assertThat(slider.getValue()).isEqualTo(window.evaluate().profitProperty().get().best().threshold());
        assertThat(robot.lookup("#profitWords").queryAs(Label.class).getText()).startsWith("Best: contact the top");

        // why: explain the customer with the highest score
        robot.interact(() -> {
            javafx.scene.control.TabPane tabs = robot.lookup("#tabs").queryAs(javafx.scene.control.TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "whyTab".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        fire(robot, "#highestButton");
        idle();
        assertThat(robot.lookup("#methodLabel").queryAs(Label.class).getText()).isNotBlank();
        assertThat(robot.lookup("#customerSummaryLabel").queryAs(Label.class).getText()).isNotBlank();

        robot.interact(() -> window.localization().setLocale(org.marketingworkbench.ui.common.Localization.SIMPLIFIED_CHINESE));
        waitForFxEvents();
        assertThat(robot.lookup("#profitWords").queryAs(Label.class).getText()).startsWith("最佳");
        robot.interact(() -> window.localization().setLocale(Locale.ENGLISH));
    }
}
