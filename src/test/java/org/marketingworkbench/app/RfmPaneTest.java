package org.marketingworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.ui.common.FxDialogService;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.segment.RfmView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The RFM pane on its own, headless, on the sample's transaction log (95,671 lines). */
@ExtendWith(ApplicationExtension.class)
class RfmPaneTest {

    private static Dataset log;

    @TempDir
    Path dir;

    private final SimpleObjectProperty<Dataset> data = new SimpleObjectProperty<>();
    private FxTaskRunner tasks;
    private Localization l10n;
    private RfmView view;
    private ScriptedDialogs dialogs;

    @BeforeAll
    static void readLog() throws Exception {
        Path sample = Path.of(System.getProperty("mwb.project.dir", System.getProperty("user.dir")))
                .resolve("sample-data/transactions.csv");
        log = new DataImporter().read(sample, ImportSettings.auto(), Progress.none()).dataset();
    }

    @Start
    void start(Stage stage) {
        Locale.setDefault(Locale.ENGLISH);
        tasks = new FxTaskRunner();
        l10n = new Localization(Locale.ENGLISH);
        dialogs = new ScriptedDialogs(new FxDialogService(() -> stage, l10n));
        view = new RfmView(tasks, l10n, data, dialogs);
        stage.setScene(new Scene((Parent) view.view(), 1100, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    private void runOnTheSample(FxRobot robot) throws Exception {
        robot.interact(() -> data.set(log));
        waitForFxEvents();
        robot.clickOn("#rfmRunButton");
        waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().resultProperty().get() != null
                && !view.viewModel().runningProperty().get());
        waitForFxEvents();
    }

    @Test
    void thePickersShowTheSuggestedColumnsAndTheRunFillsTheGridAndTheTable(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#rfmRunButton").queryAs(Button.class).isDisabled()).isTrue();
        robot.interact(() -> data.set(log));
        waitForFxEvents();
        assertThat(robot.lookup("#customerBox").queryAs(ComboBox.class).getValue()).isEqualTo("customer_id");
        assertThat(robot.lookup("#dateBox").queryAs(ComboBox.class).getValue()).isEqualTo("invoice_date");
        assertThat(robot.lookup("#quantityBox").queryAs(ComboBox.class).getValue()).isEqualTo("quantity");
        assertThat(robot.lookup("#priceBox").queryAs(ComboBox.class).getValue()).isEqualTo("unit_price");
        assertThat(robot.lookup("#invoiceBox").queryAs(ComboBox.class).getValue()).isEqualTo("invoice");

        runOnTheSample(robot);
        TableView<?> table = robot.lookup("#customerTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(5_000);
        assertThat(robot.lookup(".rfm-cell").queryAllAs(VBox.class)).hasSize(11)
                .allSatisfy(cell -> assertThat(cell.getWidth() * cell.getHeight()).isPositive());
        VBox champions = robot.lookup("#rfmCell-champions").queryAs(VBox.class);
        assertThat(((Label) champions.getChildren().get(0)).getText()).isEqualTo("Champions");
        assertThat(((Label) champions.getChildren().get(1)).getText()).endsWith("customers (11%)");
        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText())
                .isEqualTo("5,000 customers scored as of 2026-07-01 (the day after the last purchase).");
        assertThat(robot.lookup(".rfm-rows .label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.startsWith("836 return or cancellation lines"));
        assertThat(robot.lookup("#findingLabel").queryAs(Label.class).getText()).startsWith("Champions are 11% of customers");
    }

    @Test
    void switchingToChineseRelabelsTheGridAndTheExportWritesTheTable(FxRobot robot) throws Exception {
        runOnTheSample(robot);
        robot.interact(() -> l10n.setLocale(Localization.SIMPLIFIED_CHINESE));
        waitForFxEvents();
        VBox champions = robot.lookup("#rfmCell-champions").queryAs(VBox.class);
        assertThat(((Label) champions.getChildren().get(0)).getText()).isEqualTo("冠军客户");
        assertThat(robot.lookup("#rfmRunButton").queryAs(Button.class).getText()).isEqualTo("计算 RFM");

        Path out = dir.resolve("rfm.csv");
        dialogs.files.add(out);
        robot.clickOn("#rfmExportButton");
        waitFor(30, TimeUnit.SECONDS, () -> view.viewModel().noticeProperty().get() != null);
        assertThat(Files.readAllLines(out)).hasSize(5_001);
        Path png = dir.resolve("rfm.png");
        dialogs.files.add(png);
        robot.clickOn("#saveGridButton");
        waitForFxEvents();
        assertThat(png).isNotEmptyFile();
    }
}
