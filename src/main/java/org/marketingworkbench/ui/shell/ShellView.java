package org.marketingworkbench.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.pipeline.StageStatus;
import org.marketingworkbench.ui.common.Explanation;
import org.marketingworkbench.ui.common.FxmlScreen;
import org.marketingworkbench.ui.common.Localization;

/**
 * The window's frame: menus, the step rail, the current step's screen, the Explain panel and the
 * status bar. It binds to {@link ShellViewModel} and forwards gestures; it holds no state of its own.
 */
public final class ShellView {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    private static final PseudoClass BLOCKED = PseudoClass.getPseudoClass("blocked");
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final ShellViewModel vm;
    private final Map<Stage, StepView> stepViews;
    private final Runnable onQuit;
    private final Runnable onAbout;
    private final Localization l10n;

    @FXML private BorderPane root;
    @FXML private Menu recentMenu;
    @FXML private RadioMenuItem lightThemeItem;
    @FXML private RadioMenuItem darkThemeItem;
    @FXML private RadioMenuItem englishItem;
    @FXML private RadioMenuItem chineseItem;
    @FXML private CheckMenuItem explainItem;
    @FXML private VBox stepRail;
    @FXML private StackPane content;
    @FXML private VBox explainPanel;
    @FXML private Label explainTitle;
    @FXML private VBox explainBody;
    @FXML private Label statusText;
    @FXML private Label jobText;
    @FXML private ProgressBar jobProgress;
    @FXML private Button cancelButton;
    @FXML private javafx.scene.control.MenuBar menuBar;

    public ShellView(ShellViewModel vm, Map<Stage, StepView> stepViews, Runnable onQuit, Runnable onAbout) {
        this.vm = vm;
        this.stepViews = stepViews;
        this.onQuit = onQuit;
        this.onAbout = onAbout;
        this.l10n = vm.localization();
    }

    /** Builds the frame; called once per window (a language switch re-binds its texts, it is not rebuilt). */
    public Parent load() {
        return FxmlScreen.load(ShellView.class, "ShellView.fxml", this, l10n, "ShellView.css");
    }

    @FXML
    private void initialize() {
        buildStepRail();
        followWindowWidth();
        vm.currentStageProperty().addListener((obs, old, now) -> showStage(now));
        showStage(vm.currentStage());

        explainPanel.visibleProperty().bind(vm.explainVisibleProperty());
        explainPanel.managedProperty().bind(vm.explainVisibleProperty());
        explainItem.selectedProperty().bindBidirectional(vm.explainVisibleProperty());
        vm.explanationProperty().addListener((obs, old, now) -> showExplanation(now));
        l10n.onLocaleChange(() -> showExplanation(vm.explanationProperty().get()));
        showExplanation(vm.explanationProperty().get());

        lightThemeItem.setSelected(!"dark".equals(vm.themeProperty().get()));
        darkThemeItem.setSelected("dark".equals(vm.themeProperty().get()));
        lightThemeItem.setOnAction(e -> vm.themeProperty().set("light"));
        darkThemeItem.setOnAction(e -> vm.themeProperty().set("dark"));
        englishItem.setSelected(l10n.locale().equals(Localization.ENGLISH));
        chineseItem.setSelected(l10n.locale().equals(Localization.SIMPLIFIED_CHINESE));
        englishItem.setOnAction(e -> vm.setLanguage(Localization.ENGLISH));
        chineseItem.setOnAction(e -> vm.setLanguage(Localization.SIMPLIFIED_CHINESE));

        buildRecentMenu();
        vm.recentProjects().addListener((javafx.collections.ListChangeListener<Path>) c -> buildRecentMenu());

        var monitor = vm.taskMonitor();
        statusText.textProperty().bind(l10n.bind(vm.noticeProperty()));
        jobText.textProperty().bind(Bindings.createStringBinding(() -> {
            String title = l10n.format(monitor.titleProperty().get());
            String message = l10n.format(monitor.messageProperty().get());
            return message.isEmpty() ? title : title + ": " + message;
        }, monitor.titleProperty(), monitor.messageProperty(), l10n.localeProperty()));
        jobProgress.progressProperty().bind(monitor.progressProperty());
        for (Node n : List.of(jobText, jobProgress, cancelButton)) {
            n.visibleProperty().bind(monitor.runningProperty());
            n.managedProperty().bind(monitor.runningProperty());
        }
        Tooltip cancelTip = new Tooltip();
        cancelTip.textProperty().bind(l10n.text("status.cancel.tooltip"));
        cancelButton.setTooltip(cancelTip);
        l10n.onLocaleChange(() -> {
            englishItem.setSelected(l10n.locale().equals(Localization.ENGLISH));
            chineseItem.setSelected(l10n.locale().equals(Localization.SIMPLIFIED_CHINESE));
        });
        vm.themeProperty().addListener((obs, old, now) -> {
            lightThemeItem.setSelected(!"dark".equals(now));
            darkThemeItem.setSelected("dark".equals(now));
        });

        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> files = e.getDragboard().getFiles().stream().map(java.io.File::toPath)
                        .collect(Collectors.toList());
                vm.openDropped(files);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Below this window width the rail shows only the step numbers and the Explain panel narrows. */
    static final double COMPACT_WIDTH = 1240;

    private void followWindowWidth() {
        Runnable apply = () -> {
            boolean compact = root.getWidth() > 0 && root.getWidth() < COMPACT_WIDTH;
            stepRail.pseudoClassStateChanged(COMPACT, compact);
            explainPanel.pseudoClassStateChanged(COMPACT, compact);
            stepRail.lookupAll(".step-text").forEach(n -> n.setManaged(!compact));
        };
        root.widthProperty().addListener((obs, o, n) -> apply.run());
        apply.run();
    }

    private void buildStepRail() {
        stepRail.getChildren().clear();
        for (StepItem item : vm.steps()) {
            Stage stage = item.stage();
            Label number = new Label(Integer.toString(stage.number()));
            number.getStyleClass().add("step-number");
            Label name = new Label();
            name.textProperty().bind(l10n.text("stage." + stage.id()));
            name.getStyleClass().add("step-name");
            Label status = new Label();
            status.getStyleClass().add("step-status");
            status.textProperty().bind(Bindings.createStringBinding(
                    () -> l10n.get("stage.status." + item.status().name().toLowerCase(java.util.Locale.ROOT)),
                    item.statusProperty(), l10n.localeProperty()));
            VBox text = new VBox(name, status);
            text.getStyleClass().add("step-text");
            HBox box = new HBox(number, text);
            box.getStyleClass().add("step-box");
            Button button = new Button();
            button.setGraphic(box);
            button.setId("step-" + stage.id());
            button.getStyleClass().add("step-item");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setMnemonicParsing(false);
            button.setOnAction(e -> vm.selectStage(stage));
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(Bindings.createStringBinding(() -> l10n.get("shell.step.tooltip", stage.number(),
                    l10n.get("stage." + stage.id())), l10n.localeProperty()));
            button.setTooltip(tip);
            Runnable style = () -> {
                button.pseudoClassStateChanged(SELECTED, item.selectedProperty().get());
                button.pseudoClassStateChanged(DONE, item.status() == StageStatus.DONE);
                button.pseudoClassStateChanged(BLOCKED, item.status() == StageStatus.NEEDS_EARLIER_STEP);
            };
            item.selectedProperty().addListener((obs, o, n) -> style.run());
            item.statusProperty().addListener((obs, o, n) -> style.run());
            style.run();
            stepRail.getChildren().add(button);
        }
    }

    /** Ctrl+1 … Ctrl+6 jump to a step; installed on the scene by the app. */
    public void installStepShortcuts(javafx.scene.Scene scene) {
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6};
        for (Stage s : Stage.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(digits[s.ordinal()], KeyCombination.SHORTCUT_DOWN),
                    () -> vm.selectStage(s));
        }
    }

    private void showStage(Stage stage) {
        StepView view = stepViews.get(stage);
        content.getChildren().setAll(view == null ? new Label() : view.view());
    }

    private void showExplanation(Explanation explanation) {
        explainBody.getChildren().clear();
        if (explanation == null) {
            explainTitle.setText("");
            return;
        }
        explainTitle.setText(l10n.format(explanation.title()));
        explanation.paragraphs().forEach(p -> {
            Label para = new Label(l10n.format(p));
            para.setWrapText(true);
            para.getStyleClass().add("explain-paragraph");
            explainBody.getChildren().add(para);
        });
    }

    private void buildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : vm.recentProjects()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.openProject(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(vm.recentProjects().isEmpty());
    }

    @FXML private void onNewProject() { vm.newProject(); }
    @FXML private void onOpenProject() { vm.openProject(); }
    @FXML private void onSave() { vm.save(); }
    @FXML private void onSaveAs() { vm.saveAs(); }
    @FXML private void onImportData() { vm.importData(); }
    @FXML private void onQuit() { onQuit.run(); }
    @FXML private void onAbout() { onAbout.run(); }
    @FXML private void onHideExplain() { vm.explainVisibleProperty().set(false); }
    @FXML private void onCancelJob() { vm.taskMonitor().cancel(); }
    @FXML private void onNextStep() { vm.selectNext(); }
    @FXML private void onPreviousStep() { vm.selectPrevious(); }

    /** Presentation mode over the key charts of every step, in pipeline order; says so when there are none yet. */
    @FXML
    private void onPresent() {
        List<org.marketingworkbench.ui.common.Slide> slides = new java.util.ArrayList<>();
        for (Stage s : Stage.values()) {
            if (stepViews.get(s) instanceof org.marketingworkbench.ui.common.Presentable p) {
                // a chart that is not on its screen cannot be lent: never show an empty slide
                p.slides().stream().filter(sl -> sl.chart().getParent() instanceof javafx.scene.layout.Pane)
                        .forEach(slides::add);
            }
        }
        if (slides.isEmpty()) {
            vm.tell(org.marketingworkbench.core.i18n.UserMessage.of("presentation.nothing"));
            return;
        }
        PresentationWindow.show(menuBar.getScene().getWindow(), l10n, slides, vm::noteFor, this::editNotes);
    }

    @FXML
    private void onExportReport() {
        vm.exportReport();
    }

    /** The consultant's notes, starting at the current step's section. */
    @FXML
    private void onNotes() {
        Stage s = vm.currentStage();
        editNotes(menuBar.getScene().getWindow(), s == Stage.DEPLOY ? null : s.id());
    }

    /** Opens the notes dialog at {@code id} and keeps what changed in the project. */
    private void editNotes(javafx.stage.Window owner, String id) {
        new NotesDialog(owner, l10n, vm::noteFor, id).showAndWait()
                .ifPresent(changed -> changed.forEach(vm::setNote));
    }
}
