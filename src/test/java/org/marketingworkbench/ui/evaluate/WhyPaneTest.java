package org.marketingworkbench.ui.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.ui.common.ChartExport;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.QueuedFileDialogs;
import org.marketingworkbench.ui.common.SameThreadTaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Why pane shown headless on a J48 tree of the sample customers: importance, the tree, one customer, a what-if. */
@ExtendWith(ApplicationExtension.class)
class WhyPaneTest {

    private final WorkbenchSession session = new WorkbenchSession();
    private final Localization l10n = new Localization(Locale.ENGLISH);
    private final QueuedFileDialogs dialogs = new QueuedFileDialogs() {
        @Override
        public UnsavedChoice askUnsavedChanges(String projectName) {
            return UnsavedChoice.CANCEL;
        }

        @Override
        public ImportChoice askImportIntoProject(String fileName, int recipeSteps) {
            return ImportChoice.CANCEL;
        }

        @Override
        public boolean confirm(UserMessage title, UserMessage question) {
            return false;
        }

        @Override
        public void showError(UserMessage title, UserMessage message, Throwable details) {
            throw new AssertionError(message.format(Locale.ENGLISH), details);
        }
    };
    private WhyView view;

    @BeforeAll
    static void model() throws Exception {
        WhyFixtures.j48();
    }

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        session.setImportedData(WhyFixtures.data(), false);
        session.trainedModelProperty().set(WhyFixtures.j48());
        view = new WhyView(new WhyViewModel(session, new SameThreadTaskRunner()), l10n, dialogs);
        StackPane root = new StackPane(view.view());
        Scene scene = new Scene(root, 1000, 720);
        scene.getStylesheets().add(getClass().getResource("/org/marketingworkbench/ui/shell/ShellView.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void measuresImportanceDrawsTheTreeExplainsACustomerAndAnswersAWhatIf(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#workspace").query().isVisible()).isTrue();
        robot.interact(() -> robot.lookup("#measureButton").queryAs(Button.class).fire());
        WhyBars importance = robot.lookup("#importanceChart").queryAs(WhyBars.class);
        assertThat(importance.bars()).hasSize(WhyFixtures.FEATURES.size());
        assertThat(importance.bars()).extracting(WhyBars.Bar::value).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(robot.lookup("#importanceChart .why-bar").queryAll()).hasSize(WhyFixtures.FEATURES.size());
        assertThat(robot.lookup("#importanceChart .why-whisker").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#importanceFindingLabel").queryAs(Label.class).getText()).contains("matters most");
        assertThat(robot.lookup("#importanceRowsLabel").queryAs(Label.class).getText()).contains("No test part");

        TreeView<?> tree = robot.lookup("#treeView").queryAs(TreeView.class);
        assertThat(tree.isVisible()).isTrue();
        assertThat(tree.getRoot().getChildren()).isNotEmpty();

        robot.interact(() -> {
            view.viewModel().rowProperty().set(3);
            robot.lookup("#explainButton").queryAs(Button.class).fire();
        });
        assertThat(robot.lookup("#contributionChart .why-bar").queryAll()).isNotEmpty();
        assertThat(robot.lookup("#methodLabel").queryAs(Label.class).getText()).contains("LIME").contains("1,000");

        TextField number = robot.lookup("#whatIfNumberField").queryAs(TextField.class);
        robot.interact(() -> {
            view.viewModel().whatIfFeatureProperty().set("n_orders");
            number.setText("many");
            robot.lookup("#whatIfButton").queryAs(Button.class).fire();
        });
        Label error = robot.lookup("#whatIfErrorLabel").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("“many” is not a number");
        robot.interact(() -> {
            number.setText("30");
            robot.lookup("#whatIfButton").queryAs(Button.class).fire();
        });
        assertThat(error.isVisible()).isFalse();
        assertThat(robot.lookup("#whatIfSummaryLabel").queryAs(Label.class).getText()).contains("→ 30").contains("score");

        // the customer the model is surest about, and what a recent purchase would do to their score
        robot.interact(() -> robot.lookup("#highestButton").queryAs(Button.class).fire());
        assertThat(robot.lookup("#contributionChart .why-bar-up").queryAll()).isNotEmpty();
        robot.interact(() -> {
            view.viewModel().whatIfFeatureProperty().set("days_since_last_purchase");
            number.setText("20");
            robot.lookup("#whatIfButton").queryAs(Button.class).fire();
        });
        assertThat(robot.lookup("#whatIfSummaryLabel").queryAs(Label.class).getText()).contains("lowers the score");

        Path dir = Path.of("target", "why-pane");
        Files.createDirectories(dir);
        render(robot, dir.resolve("why-pane-en.png"));
        robot.interact(() -> l10n.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertThat(robot.lookup("#importanceFindingLabel").queryAs(Label.class).getText()).contains("最重要");
        render(robot, dir.resolve("why-pane-zh.png"));
        robot.interact(() -> l10n.setLocale(Locale.ENGLISH));
    }

    @Test
    void theChartIsSavedAsPng(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#measureButton").queryAs(Button.class).fire());
        Path target = Files.createTempDirectory("why").resolve("importance.png");
        dialogs.files.add(target);
        robot.interact(() -> robot.lookup("#saveImportanceButton").queryAs(Button.class).fire());
        assertThat(Files.size(target)).isPositive();
    }

    /** The whole pane (not only what the scroll pane shows) as a PNG to look at. */
    private void render(FxRobot robot, Path file) throws Exception {
        Exception[] failed = new Exception[1];
        robot.interact(() -> {
            Node content = robot.lookup("#workspace").queryAs(ScrollPane.class).getContent();
            ((Parent) content).applyCss();
            ((Parent) content).layout();
            try {
                ChartExport.savePng(content, file);
            } catch (Exception e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
        assertThat(Files.size(file)).isPositive();
    }
}
