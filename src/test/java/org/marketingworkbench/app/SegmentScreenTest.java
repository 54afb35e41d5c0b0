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
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.CheckListView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.segment.SegmentStepRecord;
import org.marketingworkbench.ui.common.FxDialogService;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.segment.SegmentViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Segment screen driven headless on the sample customers: segment, see charts and cards, rename, export. */
@ExtendWith(ApplicationExtension.class)
class SegmentScreenTest {

    @TempDir
    static Path home;

    private WorkbenchWindow window;
    private ScriptedDialogs dialogs;

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        window = new WorkbenchWindow(stage, new AppDirs(Files.createTempDirectory(home, "user")), new FxTaskRunner(),
                l10n -> dialogs = new ScriptedDialogs(new FxDialogService(() -> stage, l10n)));
        window.show();
    }

    private void idle() throws Exception {
        waitFor(60, TimeUnit.SECONDS, () -> !window.tasks().monitor().isRunning()
                && !window.clean().busyProperty().get() && !window.segment().busyProperty().get()
                && !window.ingest().readingProperty().get());
        waitForFxEvents();
    }

    private void openSampleInSegment(FxRobot robot) throws Exception {
        robot.clickOn("#sampleDataButton");
        waitFor(30, TimeUnit.SECONDS, () -> window.ingest().resultProperty().get() != null);
        idle();
        robot.clickOn("#step-clean");
        waitFor(30, TimeUnit.SECONDS, () -> window.clean().profileProperty().get() != null);
        idle();
        fire(robot, "#continueButton");
        idle();
        waitFor(30, TimeUnit.SECONDS, () -> window.segment().inputProperty().get() != null);
        assertThat(window.shell().currentStage()).isEqualTo(org.marketingworkbench.core.pipeline.Stage.SEGMENT);
        idle();
    }

    private static void fire(FxRobot robot, String query) {
        Button b = robot.lookup(query).match(Node::isVisible).queryAs(Button.class);
        robot.interact(b::fire);
    }

    @Test
    void segmentTheSampleCustomersRenameASegmentAndExport(FxRobot robot) throws Exception {
        openSampleInSegment(robot);
        @SuppressWarnings("unchecked")
        CheckListView<SegmentViewModel.FeatureItem> list = robot.lookup("#featureList").queryAs(CheckListView.class);
        assertThat(list.getCheckModel().getCheckedItems()).extracting(SegmentViewModel.FeatureItem::name)
                .doesNotContain("customer_id", "email").isNotEmpty();
        // the marketer segments on what customers do: untick everything but spend, orders and recency
        robot.interact(() -> list.getCheckModel().clearChecks());
        for (String f : List.of("total_spend", "n_orders", "days_since_last_purchase")) {
            SegmentViewModel.FeatureItem item = list.getItems().stream().filter(i -> i.name().equals(f)).findFirst()
                    .orElseThrow();
            robot.interact(() -> list.getCheckModel().check(item));
        }
        assertThat(window.segment().chosenFeatures()).containsExactly("n_orders", "total_spend", "days_since_last_purchase");

        fire(robot, "#settingsPane #runButton");
        idle();
        var r = window.segment().resultProperty().get();
        assertThat(r).isNotNull();
        assertThat(r.k()).isEqualTo(4);
        assertThat(robot.lookup(".segment-card").queryAll()).hasSize(4);
        assertThat(robot.lookup("#sizesHolder .segment-chart").queryAll()).hasSize(1);

        // rename segment 1 in its card: Enter keeps it, the project stores it, the charts use it
        TextField name = robot.lookup("#segment-name-1").queryAs(TextField.class);
        System.gc();   // listeners the screen relies on must be held strongly (a weak one was lost here once)
        robot.clickOn(name);
        robot.interact(name::selectAll);
        robot.write("Loyal regulars");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        waitForFxEvents();
        assertThat(window.segment().busyProperty().get()).as("Enter in a name does not segment again").isFalse();
        assertThat(robot.lookup("#sizesHolder .segment-chart-title").queryAs(javafx.scene.control.Label.class).getText())
                .contains("1 · Loyal regulars");
        assertThat(SegmentStepRecord.names(window.session().project().step(
                org.marketingworkbench.core.pipeline.Stage.SEGMENT))).containsEntry(1, "Loyal regulars");
        assertThat(window.session().isDirty()).isTrue();

        Path out = home.resolve("segments-" + System.nanoTime() + ".csv");
        dialogs.files.add(out);
        fire(robot, "#resultToolbar #exportButton");
        idle();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).endsWith("segment,segment_name");
        assertThat(lines).anyMatch(l -> l.endsWith(",1,Loyal regulars"));
        assertThat(lines).hasSize(window.segment().inputProperty().get().rowCount() + 1);

        // Chinese: the other cards' proposed names follow the language; the typed one stays
        robot.interact(() -> window.localization().setLocale(Localization.SIMPLIFIED_CHINESE));
        waitForFxEvents();
        assertThat(robot.lookup("#segment-name-1").queryAs(TextField.class).getText()).isEqualTo("Loyal regulars");
        String second = robot.lookup("#segment-name-2").queryAs(TextField.class).getText();
        assertThat(second).matches(".*[\\u4e00-\\u9fff].*");
        robot.interact(() -> window.localization().setLocale(Locale.ENGLISH));
        waitForFxEvents();

        // away and back: the same screen, the same segments
        Node before = robot.lookup("#featureList").query();
        robot.clickOn("#step-clean");
        idle();
        robot.clickOn("#step-segment");
        idle();
        assertThat(robot.lookup("#featureList").<Node>query()).isSameAs(before);
        assertThat(window.segment().resultProperty().get()).isSameAs(r);
        assertThat(robot.lookup(".segment-card").queryAll()).hasSize(4);
    }

    @Test
    void theKChooserDrawsTheElbowAndTheUserTakesItsK(FxRobot robot) throws Exception {
        openSampleInSegment(robot);
        robot.interact(() -> {
            window.segment().chooseOnly(List.of("total_spend", "n_orders"));
            window.segment().kToProperty().set(6);
        });
        fire(robot, "#chooseKButton");
        idle();
        var choice = window.segment().kChoiceProperty().get();
        assertThat(choice).isNotNull();
        assertThat(choice.scores()).hasSize(5);
        Button use = robot.lookup("#useKButton").queryAs(Button.class);
        assertThat(use.isVisible()).isTrue();
        robot.interact(use::fire);
        assertThat(window.segment().kProperty().get()).isEqualTo(choice.recommendedK());
    }
}
