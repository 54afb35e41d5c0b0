package org.marketingworkbench.ui.train;

import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.control.SegmentedButton;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.Imbalance;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.Metric;
import org.marketingworkbench.core.train.MetricId;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.Validation;
import org.marketingworkbench.ui.common.ChartExport;
import org.marketingworkbench.ui.common.CheckedNames;
import org.marketingworkbench.ui.common.Combos;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.FxmlScreen;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.LocalizedControls;
import org.marketingworkbench.ui.shell.StepView;

/**
 * The Train screen: the settings on the left (target, features, validation, learners with a ControlsFX
 * {@link PropertySheet} of their settings), and on the right each learner's progress, the live curve of the
 * learner selected and the leaderboard. Built once; its state is in {@link TrainViewModel}.
 */
public final class TrainView implements StepView {

    private final TrainViewModel vm;
    private final Localization l10n;
    private final DialogService dialogs;
    private final Runnable onContinue;
    private final TrainCurveChart curve;
    private Node node;
    // object views of the view-model's int properties, held so the spinner bindings are not collected
    private ObjectProperty<Integer> foldsValue;
    private ObjectProperty<Integer> trainValue;
    private ObjectProperty<Integer> validValue;
    private ObjectProperty<Integer> testValue;
    private ObjectProperty<Integer> seedValue;

    @FXML private VBox emptyState;
    @FXML private ScrollPane workspaceScroll;
    @FXML private Label summary;
    @FXML private Label errorLabel;
    @FXML private Label noticeLabel;
    @FXML private Button continueButton;
    @FXML private ComboBox<String> targetBox;
    @FXML private Label positiveLabel;
    @FXML private ComboBox<String> positiveBox;
    @FXML private Label taskLabel;
    @FXML private Label leakageLabel;
    @FXML private Button includeLeakageButton;
    @FXML private CheckListView<TrainViewModel.FeatureItem> featureList;
    @FXML private SegmentedButton validationKind;
    @FXML private ToggleButton cvToggle;
    @FXML private ToggleButton splitToggle;
    @FXML private Label foldsLabel;
    @FXML private Spinner<Integer> foldsSpinner;
    @FXML private Label trainLabel;
    @FXML private Spinner<Integer> trainSpinner;
    @FXML private Label validLabel;
    @FXML private Spinner<Integer> validSpinner;
    @FXML private Spinner<Integer> testSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private ComboBox<Imbalance> imbalanceBox;
    @FXML private CheckListView<TrainViewModel.LearnerItem> learnerList;
    @FXML private Label learnerSettingsTitle;
    @FXML private PropertySheet learnerSheet;
    @FXML private TextField advancedField;
    @FXML private Button trainButton;
    @FXML private Button cancelButton;
    @FXML private ListView<TrainViewModel.LearnerRun> runList;
    @FXML private StackPane curveHolder;
    @FXML private Button copyChartButton;
    @FXML private Button saveChartButton;
    @FXML private TableView<LearnerResult> leaderboard;
    @FXML private Button useModelButton;

    public TrainView(TrainViewModel vm, Localization l10n, DialogService dialogs, Runnable onContinue) {
        this.vm = vm;
        this.l10n = l10n;
        this.dialogs = dialogs;
        this.onContinue = onContinue;
        this.curve = new TrainCurveChart(l10n);
    }

    @Override
    public Node view() {
        if (node == null) {
            node = FxmlScreen.load(TrainView.class, "TrainView.fxml", this, l10n, "TrainView.css");
        }
        return node;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(vm.hasInput().not());
        workspaceScroll.visibleProperty().bind(vm.hasInput());
        summary.textProperty().bind(l10n.bind(vm.summary()));
        LocalizedControls.showWhenText(errorLabel, l10n.bind(vm.errorProperty()));
        LocalizedControls.showWhenText(noticeLabel, l10n.bind(vm.noticeProperty()));
        continueButton.disableProperty().bind(vm.canContinue().not());
        setUpTarget();
        setUpFeatures();
        setUpValidation();
        setUpLearners();
        trainButton.disableProperty().bind(vm.canTrain().not());
        trainButton.defaultButtonProperty().set(true);
        cancelButton.visibleProperty().bind(vm.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        setUpRuns();
        setUpLeaderboard();
        l10n.onLocaleChange(() -> {
            Combos.relabel(imbalanceBox);
            featureList.refresh();
            learnerList.refresh();
            runList.refresh();
            leaderboard.refresh();
            showLearnerSettings(learnerList.getSelectionModel().getSelectedItem());
        });
    }

    // ---- target and features ----------------------------------------------------------------------

    private void setUpTarget() {
        targetBox.setItems(vm.targetCandidates());
        targetBox.valueProperty().bindBidirectional(vm.targetProperty());
        positiveBox.setItems(vm.classes());
        positiveBox.valueProperty().bindBidirectional(vm.positiveClassProperty());
        var binary = Bindings.createBooleanBinding(() -> vm.targetInfoProperty().get() != null
                && vm.targetInfoProperty().get().task() == Task.BINARY, vm.targetInfoProperty());
        for (Node n : List.of(positiveLabel, positiveBox)) {
            n.visibleProperty().bind(binary);
            n.managedProperty().bind(binary);
        }
        LocalizedControls.showWhenText(taskLabel, Bindings.createStringBinding(() -> {
            var t = vm.targetInfoProperty().get();
            return t == null ? l10n.get("train.target.hint") : l10n.get("train.ui.task." + t.task().name().toLowerCase(
                    java.util.Locale.ROOT), t.classes().size(), String.join(", ", t.classes().stream().limit(6).toList()));
        }, vm.targetInfoProperty(), l10n.localeProperty()));
    }

    private void setUpFeatures() {
        featureList.setItems(vm.features());
        featureList.setCellFactory(list -> new FeatureCell());
        CheckedNames.bind(featureList, vm.chosenFeatures(), TrainViewModel.FeatureItem::name, vm::choose);
        LocalizedControls.showWhenText(leakageLabel, Bindings.createStringBinding(() -> {
            List<String> suspects = vm.features().stream().filter(TrainViewModel.FeatureItem::leakageSuspect)
                    .map(TrainViewModel.FeatureItem::name).toList();
            return suspects.isEmpty() ? "" : l10n.get("train.features.leakage", String.join(", ", suspects));
        }, vm.features(), l10n.localeProperty()));
        includeLeakageButton.visibleProperty().bind(leakageLabel.visibleProperty());
        includeLeakageButton.managedProperty().bind(leakageLabel.visibleProperty());
    }


    private static final javafx.css.PseudoClass LEAK = javafx.css.PseudoClass.getPseudoClass("leak");
    private static final javafx.css.PseudoClass EXCLUDED = javafx.css.PseudoClass.getPseudoClass("excluded");

    /** A feature: its name, marked when left out (why, on hover) or a leakage suspect. */
    private final class FeatureCell extends javafx.scene.control.cell.CheckBoxListCell<TrainViewModel.FeatureItem> {
        FeatureCell() {
            super(featureList::getItemBooleanProperty);
        }

        @Override
        public void updateItem(TrainViewModel.FeatureItem f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(null);
                setTooltip(null);
                pseudoClassStateChanged(LEAK, false);
                pseudoClassStateChanged(EXCLUDED, false);
                return;
            }
            setText(l10n.get("train.features.item." + f.exclusion().name().toLowerCase(java.util.Locale.ROOT), f.name()));
            setTooltip(new javafx.scene.control.Tooltip(l10n.format(f.reason())));
            pseudoClassStateChanged(LEAK, f.leakageSuspect());
            pseudoClassStateChanged(EXCLUDED, !f.includedByDefault() && !f.leakageSuspect());
        }
    }

    // ---- validation -------------------------------------------------------------------------------

    private void setUpValidation() {
        // the SegmentedButton keeps its toggles outside the scene graph the FXML texts are bound through
        cvToggle.textProperty().bind(l10n.text("train.validation.cv"));
        splitToggle.textProperty().bind(l10n.text("train.validation.split"));
        validationKind.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);   // one of the two is always chosen
            } else {
                vm.validationKindProperty().set(now == cvToggle ? Validation.Kind.CROSS_VALIDATION : Validation.Kind.SPLIT);
            }
        });
        vm.validationKindProperty().addListener((obs, old, now) -> selectKind(now));
        selectKind(vm.validationKindProperty().get());
        var cv = Bindings.createBooleanBinding(() -> vm.validationKindProperty().get() == Validation.Kind.CROSS_VALIDATION,
                vm.validationKindProperty());
        for (Node n : List.of(foldsLabel, foldsSpinner)) {
            n.visibleProperty().bind(cv);
            n.managedProperty().bind(cv);
        }
        for (Node n : List.of(trainLabel, trainSpinner, validLabel, validSpinner)) {
            n.visibleProperty().bind(cv.not());
            n.managedProperty().bind(cv.not());
        }
        foldsValue = bind(foldsSpinner, vm.foldsProperty(), 2, 20);
        trainValue = bind(trainSpinner, vm.trainPercentProperty(), 10, 90);
        validValue = bind(validSpinner, vm.validationPercentProperty(), 0, 60);
        testValue = bind(testSpinner, vm.testPercentProperty(), 0, 50);
        seedValue = bind(seedSpinner, vm.seedProperty(), 0, Integer.MAX_VALUE);
        imbalanceBox.getItems().setAll(Imbalance.values());
        imbalanceBox.setConverter(Combos.labels(i -> l10n.get("train.imbalance." + i.name().toLowerCase(java.util.Locale.ROOT))));
        imbalanceBox.valueProperty().bindBidirectional(vm.imbalanceProperty());
    }

    private void selectKind(Validation.Kind kind) {
        (kind == Validation.Kind.SPLIT ? splitToggle : cvToggle).setSelected(true);
    }

    private static ObjectProperty<Integer> bind(Spinner<Integer> spinner, javafx.beans.property.IntegerProperty p,
                                                int min, int max) {
        ObjectProperty<Integer> value = p.asObject();
        spinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, p.get()));
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
        return value;
    }

    // ---- learners ---------------------------------------------------------------------------------

    private void setUpLearners() {
        learnerList.setItems(vm.learners());
        learnerSheet.setPropertyEditorFactory(LearnerSheetItems.editors());
        learnerList.setCellFactory(list -> new javafx.scene.control.cell.CheckBoxListCell<>(
                item -> item.selectedProperty(), Combos.labels(i -> l10n.get(i.definition().labelKey()))));
        learnerList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showLearnerSettings(now));
        vm.learners().addListener((ListChangeListener<TrainViewModel.LearnerItem>) c -> {
            if (!vm.learners().isEmpty()) {
                learnerList.getSelectionModel().select(0);
            }
            showLearnerSettings(learnerList.getSelectionModel().getSelectedItem());
        });
    }

    private TrainViewModel.LearnerItem shownLearner;

    private void showLearnerSettings(TrainViewModel.LearnerItem item) {
        if (shownLearner != null) {
            advancedField.textProperty().unbindBidirectional(shownLearner.advancedProperty());
        }
        shownLearner = item;
        learnerSheet.getItems().clear();
        if (item == null) {
            learnerSettingsTitle.setText("");
            advancedField.setText("");
            advancedField.setDisable(true);
            return;
        }
        advancedField.setDisable(false);
        learnerSettingsTitle.setText(l10n.get("train.learners.settingsOf", l10n.get(item.definition().labelKey()),
                l10n.get(item.definition().explainKey())));
        learnerSheet.getItems().setAll(LearnerSheetItems.of(item, l10n));
        advancedField.textProperty().bindBidirectional(item.advancedProperty());
        var t = vm.targetInfoProperty().get();
        advancedField.setPromptText(t == null ? "" : item.definition().wekaOptions(item.values(), t.task()));
    }

    // ---- runs, curve and leaderboard --------------------------------------------------------------

    private void setUpRuns() {
        runList.setItems(vm.runs());
        runList.setPlaceholder(wrapped("train.runs.empty"));
        runList.setCellFactory(list -> new ListCell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label name = new Label();
            private final Label status = new Label();
            private final VBox box = new VBox(3, name, bar, status);

            {
                bar.setMaxWidth(Double.MAX_VALUE);
                status.getStyleClass().add("run-status");
                status.setWrapText(true);
                name.getStyleClass().add("run-name");
            }

            @Override
            protected void updateItem(TrainViewModel.LearnerRun run, boolean empty) {
                super.updateItem(run, empty);
                bar.progressProperty().unbind();
                status.textProperty().unbind();
                if (empty || run == null) {
                    setGraphic(null);
                    return;
                }
                name.setText(l10n.get(Learners.get(run.learnerId()).labelKey()));
                bar.progressProperty().bind(run.fractionProperty());
                status.textProperty().bind(l10n.bind(run.statusProperty()));
                setGraphic(box);
            }
        });
        runList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> curve.show(now));
        vm.runs().addListener((ListChangeListener<TrainViewModel.LearnerRun>) c -> showCurveRun());
        showCurveRun();   // a screen first opened after a run (a reopened project) shows its curve too
        curveHolder.getChildren().setAll(curve);
        copyChartButton.disableProperty().bind(Bindings.isEmpty(vm.runs()));
        saveChartButton.disableProperty().bind(Bindings.isEmpty(vm.runs()));
    }

    /** Puts the learner with a live curve in front: the forest, the boosting or the network. */
    private void showCurveRun() {
        TrainViewModel.LearnerRun first = vm.runs().stream()
                .filter(r -> r.curveKind() != org.marketingworkbench.core.train.CurveKind.NONE).findFirst()
                .orElse(vm.runs().isEmpty() ? null : vm.runs().get(0));
        runList.getSelectionModel().select(first);
        curve.show(first);
    }

    private Label wrapped(String key) {
        Label l = new Label();
        l.textProperty().bind(l10n.text(key));
        l.setWrapText(true);
        l.getStyleClass().add("panel-hint");
        return l;
    }

    private void setUpLeaderboard() {
        leaderboard.setItems(vm.leaderboard());
        leaderboard.setPlaceholder(wrapped("train.leaderboard.empty"));
        leaderboard.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<LearnerResult, String> learner = LocalizedControls.column(l10n, "train.leaderboard.learner");
        learner.setCellValueFactory(c -> Bindings.createStringBinding(() -> {
            String id = c.getValue().learnerId();
            String mark = id.equals(vm.chosenLearnerProperty().get()) ? " ✓" : "";
            String best = vm.leaderboard().indexOf(c.getValue()) == 0 ? " ★" : "";
            return l10n.get(Learners.get(id).labelKey()) + best + mark;
        }, vm.chosenLearnerProperty(), l10n.localeProperty()));
        learner.setPrefWidth(200);
        leaderboard.getColumns().add(learner);
        leaderboard.getColumns().addAll(metricColumns());
        TableColumn<LearnerResult, String> time = LocalizedControls.column(l10n, "train.leaderboard.time");
        time.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> l10n.get("train.leaderboard.seconds", c.getValue().trainSeconds()), l10n.localeProperty()));
        time.setPrefWidth(80);
        time.setStyle("-fx-alignment: CENTER-RIGHT;");
        leaderboard.getColumns().add(time);
        useModelButton.disableProperty().bind(leaderboard.getSelectionModel().selectedItemProperty().isNull()
                .or(vm.busyProperty()));
        leaderboard.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<LearnerResult>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.chooseModel(row.getItem().learnerId());
                }
            });
            return row;
        });
    }

    private List<TableColumn<LearnerResult, String>> metricColumns() {
        return List.of(MetricId.values()).stream().map(id -> {
            TableColumn<LearnerResult, String> col = LocalizedControls.column(l10n, id.labelKey());
            col.setCellValueFactory(c -> Bindings.createStringBinding(() -> format(c.getValue().metric(id)),
                    l10n.localeProperty()));
            col.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.leaderboard().stream()
                    .anyMatch(r -> r.metric(id).isPresent()), vm.leaderboard()));
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            col.setPrefWidth(118);
            col.setMinWidth(90);
            return col;
        }).toList();
    }

    private String format(Optional<Metric> m) {
        return m.map(x -> Double.isNaN(x.sd()) ? l10n.formatDecimal(x.mean(), 3)
                : l10n.get("train.leaderboard.meanSd", x.mean(), x.sd())).orElse("–");
    }


    // ---- gestures ---------------------------------------------------------------------------------

    @FXML
    private void onContinue() {
        onContinue.run();
    }

    @FXML
    private void onSuggested() {
        vm.chooseSuggested();
    }

    @FXML
    private void onIncludeLeakage() {
        vm.includeLeakageSuspects();
    }

    @FXML
    private void onTrain() {
        vm.train();
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onUseModel() {
        LearnerResult r = leaderboard.getSelectionModel().getSelectedItem();
        if (r != null) {
            vm.chooseModel(r.learnerId());
        }
    }

    @FXML
    private void onCopyChart() {
        ChartExport.copy(curve);
    }

    @FXML
    private void onSaveChart() {
        ChartExport.saveWithDialog(dialogs, curve, "train.chart.saveTitle", "training-curve", "train.error.saveFailed");
    }
}
