package org.marketingworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.deploy.DeployFixtures;
import org.marketingworkbench.core.deploy.ModelBundle;
import org.marketingworkbench.core.deploy.ModelBundleReader;
import org.marketingworkbench.core.deploy.Scorer;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.ui.common.FxDialogService;
import org.marketingworkbench.ui.common.Localization;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Score screen driven headless: open a saved model, choose a file whose "n_orders" column is called
 * "orders_count", match it in the mapping dialog that opens, score, save; the scores equal scoring the original file.
 */
@ExtendWith(ApplicationExtension.class)
class DeployScreenTest {

    @TempDir
    static Path home;

    private static Path modelFile;
    private static Path renamed;

    private WorkbenchWindow window;
    private ScriptedDialogs dialogs;

    @BeforeAll
    static void saveAModelAndARenamedFile() throws Exception {
        Dataset customers = DeployFixtures.customers();
        modelFile = home.resolve("responded.mwbmodel");
        ModelBundle.write(DeployFixtures.model(customers, "logistic"), modelFile, 0.4, null);
        renamed = home.resolve("next-month.csv");
        Files.writeString(renamed, Files.readString(DeployFixtures.CUSTOMERS, StandardCharsets.UTF_8)
                .replaceFirst(",n_orders,", ",orders_count,"), StandardCharsets.UTF_8);
    }

    @Start
    void start(Stage stage) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        window = new WorkbenchWindow(stage, new AppDirs(Files.createTempDirectory(home, "user")), new FxTaskRunner(),
                l10n -> dialogs = new ScriptedDialogs(new FxDialogService(() -> stage, l10n)));
        window.show();
    }

    private void idle() throws Exception {
        waitFor(60, TimeUnit.SECONDS, () -> !window.tasks().monitor().isRunning() && !window.deploy().busyProperty().get());
        waitForFxEvents();
    }

    private static void fire(FxRobot robot, String query) {
        Button b = robot.lookup(query).queryAs(Button.class);
        assertThat(b.isDisabled()).as(query + " is enabled").isFalse();
        robot.interact(b::fire);
    }

    @Test
    void scoreAFileWithARenamedColumnThroughTheMappingDialog(FxRobot robot) throws Exception {
        robot.clickOn("#step-deploy");
        waitForFxEvents();
        assertThat(robot.lookup("#scoreButton").queryAs(Button.class).isDisabled()).isTrue();

        dialogs.files.add(modelFile);
        fire(robot, "#openModelButton");
        idle();
        assertThat(window.deploy().modelProperty().get()).isNotNull();
        assertThat(window.deploy().modelProperty().get().threshold()).isEqualTo(0.4);

        // the file lacks "n_orders" by that name: the mapping dialog opens by itself
        dialogs.files.add(renamed);
        fire(robot, "#chooseCustomersButton");
        waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#mapping-dialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#mapping-dialog").queryAs(DialogPane.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> orders = robot.from(pane).lookup(".combo-box").queryAllAs(ComboBox.class).stream()
                .filter(b -> "n_orders".equals(b.getUserData())).findFirst().orElseThrow();
        assertThat(orders.getItems()).contains("orders_count");
        assertThat(orders.getValue()).as("no column of that name: nothing chosen").isNotEqualTo("orders_count");
        robot.interact(() -> orders.getSelectionModel().select("orders_count"));
        robot.clickOn((Node) pane.lookupButton(pane.getButtonTypes().get(0)));
        idle();
        assertThat(robot.lookup("#mapping-dialog").tryQuery()).isEmpty();
        assertThat(window.deploy().checkProperty().get().missing()).isEmpty();
        assertThat(window.deploy().mappingProperty().get().modelToFile()).containsEntry("n_orders", "orders_count");

        fire(robot, "#scoreButton");
        idle();
        Dataset scored = window.deploy().scoredProperty().get();
        assertThat(scored.rowCount()).isEqualTo(5012);
        assertThat(scored.table().columnNames()).contains("orders_count");
        Dataset expected = Scorer.score(ModelBundleReader.read(modelFile), DeployFixtures.customers(),
                Scorer.UnseenCategories.MISSING, Progress.none());
        assertThat(scored.table().doubleColumn("score").asDoubleArray())
                .containsExactly(expected.table().doubleColumn("score").asDoubleArray());
        @SuppressWarnings("unchecked")
        TableView<Integer> top = robot.lookup("#topTable").queryAs(TableView.class);
        assertThat(top.getItems()).hasSize(200);
        assertThat(top.getColumns().get(0).getCellData(0)).isEqualTo("1");

        Path out = home.resolve("next-month-scored.csv");
        dialogs.files.add(out);
        fire(robot, "#saveScoredButton");
        idle();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(5013);
        assertThat(lines.get(0)).contains(",orders_count,").endsWith(",score,predicted,rank,decile");

        // Chinese, and away and back: the same screen with the same scores
        Node screen = robot.lookup("#topTable").query();
        robot.interact(() -> window.localization().setLocale(Localization.SIMPLIFIED_CHINESE));
        waitForFxEvents();
        assertThat(robot.lookup("#scoreButton").queryAs(Button.class).getText()).isEqualTo("评分");
        assertThat(top.getColumns().get(0).getText()).isEqualTo("排名");
        robot.interact(() -> window.localization().setLocale(Locale.ENGLISH));
        robot.clickOn("#step-ingest");
        waitForFxEvents();
        robot.clickOn("#step-deploy");
        waitForFxEvents();
        assertThat(robot.lookup("#topTable").<Node>query()).isSameAs(screen);
        assertThat(top.getItems()).hasSize(200);
        assertThat(dialogs.lastError).isNull();
    }
}
