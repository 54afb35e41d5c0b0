package org.marketingworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.util.WaitForAsyncUtils.waitFor;
import static org.testfx.util.WaitForAsyncUtils.waitForFxEvents;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.ingest.BadRowPolicy;
import org.marketingworkbench.ui.common.FxDialogService;
import org.marketingworkbench.ui.ingest.ColumnRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Import screen driven headless: sample data, a type change, the problems list, cancel. */
@ExtendWith(ApplicationExtension.class)
class IngestScreenTest {

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

    private void waitForRead() throws Exception {
        waitFor(30, TimeUnit.SECONDS, () -> !window.tasks().monitor().isRunning() && !window.ingest().readingProperty().get());
        waitForFxEvents();
    }

    private Path fixture(String name) throws Exception {
        Path target = home.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/org/marketingworkbench/ui/" + name)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Test
    void theSampleDataImportsWithOneClick(FxRobot robot) throws Exception {
        robot.clickOn("#sampleDataButton");
        waitFor(30, TimeUnit.SECONDS, () -> window.ingest().resultProperty().get() != null);
        waitForRead();
        TableView<?> preview = robot.lookup("#previewTable").queryAs(TableView.class);
        assertThat(preview.getItems().size()).isGreaterThan(4000);
        assertThat(window.ingest().columns()).extracting(ColumnRow::name).contains("customer_id");
        assertThat(window.ingest().columns()).filteredOn(c -> c.name().equals("customer_id"))
                .extracting(ColumnRow::type).containsExactly(ColumnType.IDENTIFIER);
        assertThat(robot.lookup("#summary").queryAs(Label.class).getText()).contains("rows").contains("columns");
        assertThat(window.session().project().pipelineState().done())
                .contains(org.marketingworkbench.core.pipeline.Stage.INGEST);
        assertThat(robot.lookup("#continueButton").query().isDisabled()).isFalse();
    }

    @Test
    void changingAColumnTypeReReadsAndUpdatesThePreview(FxRobot robot) throws Exception {
        Path file = fixture("ragged.csv");
        robot.interact(() -> window.shell().importData(file));
        waitForRead();
        assertThat(typeOf("city")).isEqualTo(ColumnType.CATEGORY);

        robot.clickOn("Columns and types");
        robot.interact(() -> window.ingest().setColumnType("city", ColumnType.TEXT));
        waitForRead();
        assertThat(typeOf("city")).isEqualTo(ColumnType.TEXT);
        robot.clickOn("Preview");
        assertThat(robot.lookup(".type-text").tryQuery()).isPresent();
        assertThat(window.session().project().step(org.marketingworkbench.core.pipeline.Stage.INGEST).settings()
                .toString()).contains("city");
    }

    @Test
    void malformedRowsAreListedAndStopStopsTheImport(FxRobot robot) throws Exception {
        Path file = fixture("ragged.csv");
        robot.interact(() -> window.shell().importData(file));
        waitForRead();
        assertThat(window.ingest().resultProperty().get().rowsSkipped()).isEqualTo(2);
        robot.clickOn(robot.lookup(".tab-label").match((Label l) -> l.getText().startsWith("Problems")).queryAs(Label.class));
        TableView<?> problems = robot.lookup("#problemsTable").queryAs(TableView.class);
        assertThat(problems.getItems()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(robot.lookup(".tab-label").queryAllAs(Label.class)).extracting(Label::getText)
                .anyMatch(t -> t.startsWith("Problems ("));

        robot.interact(() -> window.ingest().setBadRowPolicy(BadRowPolicy.STOP));
        waitForRead();
        assertThat(robot.lookup("#errorLabel").queryAs(Label.class).getText()).contains("line");
        assertThat(window.ingest().resultProperty().get().rowsSkipped())
                .as("a failed re-read keeps the last good table").isEqualTo(2);
    }

    @Test
    void aLongImportCanBeCancelled(FxRobot robot) throws Exception {
        Path big = home.resolve("big.csv");
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            w.write("id,a,b,c\n");
            for (int i = 0; i < 500_000; i++) {
                w.write(i + "," + (i % 97) + "," + (i % 13) + ".5,x" + (i % 5) + "\n");
            }
        }
        // cancel the moment the job starts, as the status bar's Cancel button does (ShellWindowTest clicks it)
        robot.interact(() -> {
            window.shell().importData(big);
            assertThat(window.tasks().monitor().isRunning()).isTrue();
            window.tasks().monitor().cancel();
        });
        waitForRead();
        assertThat(window.ingest().resultProperty().get()).isNull();
        assertThat(window.ingest().noticeProperty().get().key()).isEqualTo("ingest.notice.cancelledNothing");
        assertThat(window.session().project().data()).isEmpty();
    }

    private ColumnType typeOf(String column) {
        return window.ingest().columns().stream().filter(c -> c.name().equals(column)).findFirst()
                .map(ColumnRow::type).orElseThrow();
    }
}
