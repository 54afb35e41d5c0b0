package org.marketingworkbench.ui.deploy;

import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.controlsfx.control.SegmentedButton;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.deploy.LoadedBundle;
import org.marketingworkbench.core.deploy.Scorer;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.ui.common.FxmlScreen;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.LocalizedControls;
import org.marketingworkbench.ui.shell.StepView;

/**
 * The Score screen: the model card (this project's model or a saved file; save it), the customers card (the file,
 * the column check in words, the mapping dialog, the choice for unseen values), and the best-ranked customers.
 * State and rules are the {@link DeployViewModel}'s; this class binds and forwards gestures.
 */
public final class DeployView implements StepView {

    private final DeployViewModel vm;
    private final Localization l10n;
    private Node node;
    /** The customers' table for which the mapping dialog opened by itself (once per file). */
    private Dataset mappingOfferedFor;

    @FXML private Label summary;
    @FXML private Label errorLabel;
    @FXML private Label noticeLabel;
    @FXML private Button scoreButton;
    @FXML private Button cancelButton;
    @FXML private Button saveScoredButton;
    @FXML private Label modelLabel;
    @FXML private Button useProjectModelButton;
    @FXML private Button openModelButton;
    @FXML private Button saveModelButton;
    @FXML private Button exportWekaButton;
    @FXML private Label customersLabel;
    @FXML private Button chooseCustomersButton;
    @FXML private Button mappingButton;
    @FXML private Label missingLabel;
    @FXML private Label mismatchLabel;
    @FXML private Label unseenLabel;
    @FXML private SegmentedButton unseenChoice;
    @FXML private ToggleButton unseenMissingToggle;
    @FXML private ToggleButton unseenStopToggle;
    @FXML private Label extraLabel;
    @FXML private Label tableTitle;
    @FXML private TableView<Integer> topTable;

    public DeployView(DeployViewModel vm, Localization l10n) {
        this.vm = vm;
        this.l10n = l10n;
    }

    @Override
    public Node view() {
        if (node == null) {
            node = FxmlScreen.load(DeployView.class, "DeployView.fxml", this, l10n, "DeployView.css");
        }
        return node;
    }

    @FXML
    private void initialize() {
        LocalizedControls.showWhenText(errorLabel, l10n.bind(vm.errorProperty()));
        LocalizedControls.showWhenText(noticeLabel, l10n.bind(vm.noticeProperty()));
        scoreButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canScoreProperty().getValue(),
                vm.canScoreProperty()));
        scoreButton.setDefaultButton(true);
        cancelButton.visibleProperty().bind(vm.busyProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        saveScoredButton.disableProperty().bind(vm.scoredProperty().isNull().or(vm.busyProperty()));
        useProjectModelButton.disableProperty().bind(vm.busyProperty().or(Bindings.createBooleanBinding(
                () -> !vm.projectModelAvailableProperty().getValue() || vm.sourceProperty().get() == DeployViewModel.ModelSource.PROJECT,
                vm.projectModelAvailableProperty(), vm.sourceProperty())));
        openModelButton.disableProperty().bind(vm.busyProperty());
        saveModelButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canSaveModelProperty().getValue(),
                vm.canSaveModelProperty()));
        exportWekaButton.disableProperty().bind(vm.busyProperty().or(vm.modelProperty().isNull()));
        exportWekaButton.setTooltip(LocalizedControls.tooltip(l10n, "deploy.action.exportWeka.tooltip"));
        chooseCustomersButton.disableProperty().bind(vm.busyProperty());
        mappingButton.disableProperty().bind(vm.busyProperty().or(vm.modelProperty().isNull())
                .or(vm.customersProperty().isNull()));
        summary.textProperty().bind(text(this::summaryText, vm.summaryProperty(), vm.modelProperty(), vm.customersProperty()));
        modelLabel.textProperty().bind(text(this::modelText, vm.modelProperty(), vm.sourceProperty(), vm.modelFileProperty()));
        customersLabel.textProperty().bind(text(this::customersText, vm.customersProperty(), vm.customersFileProperty()));
        setUpCheck();
        tableTitle.textProperty().bind(text(() -> vm.summaryProperty().get() == null ? l10n.get("deploy.table.empty")
                : l10n.get("deploy.table.title", vm.topRows().size()), vm.summaryProperty(), vm.topRows()));
        topTable.setItems(vm.topRows());
        topTable.setPlaceholder(LocalizedControls.label(l10n.text("deploy.table.placeholder")));
        vm.scoredProperty().addListener((obs, old, now) -> buildColumns(now));
        l10n.onLocaleChange(() -> buildColumns(vm.scoredProperty().get()));
    }

    private ObservableValue<String> text(java.util.function.Supplier<String> text, javafx.beans.Observable... on) {
        javafx.beans.Observable[] all = java.util.Arrays.copyOf(on, on.length + 1);
        all[on.length] = l10n.localeProperty();
        return Bindings.createStringBinding(text::get, all);
    }

    private void setUpCheck() {
        LocalizedControls.showWhenText(missingLabel, text(() -> {
            Scorer.Check c = vm.checkProperty().get();
            return c == null || c.missing().isEmpty() ? "" : l10n.get("deploy.check.missing", c.missing().size(),
                    String.join(", ", c.missing()));
        }, vm.checkProperty()));
        LocalizedControls.showWhenText(mismatchLabel, text(() -> {
            Scorer.Check c = vm.checkProperty().get();
            if (c == null || c.typeMismatches().isEmpty()) {
                return "";
            }
            List<String> words = c.typeMismatches().entrySet().stream().map(e -> l10n.get("deploy.check.mismatchOne",
                    e.getKey(), typeName(e.getValue()[0]), typeName(e.getValue()[1]))).toList();
            return l10n.get("deploy.check.mismatch", String.join("; ", words));
        }, vm.checkProperty()));
        LocalizedControls.showWhenText(unseenLabel, text(() -> {
            Scorer.Check c = vm.checkProperty().get();
            return c == null || c.unseen().isEmpty() ? "" : l10n.get("deploy.check.unseen", Scorer.describe(c.unseen()));
        }, vm.checkProperty()));
        LocalizedControls.showWhenText(extraLabel, text(() -> {
            Scorer.Check c = vm.checkProperty().get();
            if (c == null) {
                return vm.customersProperty().get() != null && vm.modelProperty().get() != null ? l10n.get("deploy.check.running") : "";
            }
            return c.extra().isEmpty() ? l10n.get("deploy.check.allUsed") : l10n.get("deploy.check.extra", c.extra().size(),
                    String.join(", ", c.extra().stream().limit(12).toList()) + (c.extra().size() > 12 ? ", …" : ""));
        }, vm.checkProperty(), vm.customersProperty(), vm.modelProperty()));
        // the SegmentedButton keeps its toggles outside the scene graph the FXML texts are bound through
        unseenMissingToggle.textProperty().bind(l10n.text("deploy.unseen.missing"));
        unseenStopToggle.textProperty().bind(l10n.text("deploy.unseen.stop"));
        unseenChoice.visibleProperty().bind(unseenLabel.visibleProperty());
        unseenChoice.managedProperty().bind(unseenLabel.visibleProperty());
        unseenChoice.getToggleGroup().selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                vm.unseenProperty().set(now == unseenStopToggle ? Scorer.UnseenCategories.STOP : Scorer.UnseenCategories.MISSING);
            }
        });
        vm.unseenProperty().addListener((obs, old, now) -> selectUnseen(now));
        selectUnseen(vm.unseenProperty().get());
        // names that differ: the mapping dialog opens by itself once per file, and stays one click away
        vm.checkProperty().addListener((obs, old, now) -> {
            Dataset data = vm.customersProperty().get();
            if (now != null && !now.missing().isEmpty() && data != null && data != mappingOfferedFor
                    && mappingButton.getScene() != null && mappingButton.getScene().getWindow() != null) {
                mappingOfferedFor = data;
                Platform.runLater(this::onMapping);
            }
        });
    }

    private void selectUnseen(Scorer.UnseenCategories policy) {
        (policy == Scorer.UnseenCategories.STOP ? unseenStopToggle : unseenMissingToggle).setSelected(true);
    }

    private String typeName(org.marketingworkbench.core.data.ColumnType t) {
        return t == null ? "?" : l10n.get("type." + t.id());
    }

    private String modelText() {
        LoadedBundle m = vm.modelProperty().get();
        if (m == null) {
            return l10n.get("deploy.model.none");
        }
        var t = m.model().target();
        String learner = l10n.get("train.learner." + m.model().learnerId());
        String what = t.task() == Task.NUMBER ? l10n.get("deploy.model.number", learner, t.column())
                : l10n.get("deploy.model.classes", learner, t.column(), DeployViewModel.positiveClass(m), m.threshold());
        String from = vm.sourceProperty().get() == DeployViewModel.ModelSource.PROJECT ? l10n.get("deploy.model.fromProject")
                : l10n.get("deploy.model.fromFile", vm.modelFileProperty().get().getFileName(),
                        DeployViewModel.savedOn(m, l10n.locale()),
                        m.provenance() == null ? "?" : m.provenance().path("workbench").asText("?"));
        return what + "\n" + l10n.get("deploy.model.needs", vm.requiredColumns().size()) + "\n" + from;
    }

    private String customersText() {
        Dataset d = vm.customersProperty().get();
        if (d == null) {
            return l10n.get("deploy.customers.none");
        }
        return l10n.get("deploy.customers.file", vm.customersFileProperty().get().getFileName(), d.rowCount(),
                d.columns().size());
    }

    private String summaryText() {
        DeployViewModel.ScoreSummary s = vm.summaryProperty().get();
        if (s == null) {
            return vm.modelProperty().get() == null ? l10n.get("deploy.summary.noModel")
                    : vm.customersProperty().get() == null ? l10n.get("deploy.summary.noCustomers") : l10n.get("deploy.summary.ready");
        }
        return s.number() ? l10n.get("deploy.summary.number", s.rows(), s.meanScore(), s.topDecileMeanScore())
                : l10n.get("deploy.summary.classes", s.rows(), s.positives(), s.positive(), s.threshold(),
                        s.topDecileMeanScore(), s.meanScore());
    }

    /** Rank, score, predicted and decile first, then the file's own columns. */
    private void buildColumns(Dataset out) {
        topTable.getColumns().clear();
        if (out == null) {
            return;
        }
        List<String> scoring = List.of("rank", "score", "predicted", "decile");
        for (String base : scoring) {
            String name = vm.scoreColumnName(base);
            TableColumn<Integer, String> c = new TableColumn<>(l10n.get("deploy.column." + base));
            c.setId("col-" + base);
            c.setCellValueFactory(row -> new ReadOnlyStringWrapper(cell(out, name, row.getValue(), base)));
            c.getStyleClass().add("number-column");
            double width = Math.max(80, 8.5 * c.getText().length() + 34);   // the header and "100.0%" read in full
            c.setPrefWidth(width);
            c.setMinWidth(width);
            topTable.getColumns().add(c);
        }
        for (String name : vm.otherColumns()) {
            TableColumn<Integer, String> c = new TableColumn<>(name);
            c.setCellValueFactory(row -> new ReadOnlyStringWrapper(out.table().column(name).getString(row.getValue())));
            topTable.getColumns().add(c);
        }
    }

    private String cell(Dataset out, String column, int row, String base) {
        var col = out.table().column(column);
        if (col.isMissing(row)) {
            return "";
        }
        return switch (base) {
            case "score" -> vm.summaryProperty().get() != null && vm.summaryProperty().get().number()
                    ? l10n.formatDecimal(((Number) col.get(row)).doubleValue(), 2)
                    : l10n.formatDecimal(((Number) col.get(row)).doubleValue() * 100, 1) + "%";
            case "rank", "decile" -> l10n.formatInteger(((Number) col.get(row)).longValue());
            default -> col.getString(row).toLowerCase(Locale.ROOT).equals("nan") ? "" : col.getString(row);
        };
    }

    // ---- gestures --------------------------------------------------------------------------------

    @FXML
    private void onScore() {
        vm.score();
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onSaveScored() {
        vm.saveScored();
    }

    @FXML
    private void onUseProjectModel() {
        vm.useProjectModel();
    }

    @FXML
    private void onOpenModel() {
        vm.openModel();
    }

    @FXML
    private void onSaveModel() {
        vm.saveModel();
    }

    @FXML
    private void onExportWeka() {
        vm.exportForWeka();
    }

    @FXML
    private void onChooseCustomers() {
        vm.chooseCustomers();
    }

    @FXML
    private void onMapping() {
        if (vm.modelProperty().get() == null || vm.customersProperty().get() == null) {
            return;
        }
        new ColumnMappingDialog(l10n, vm.requiredColumns(), vm.fileColumns(), vm.mappingProperty().get(),
                mappingButton.getScene().getWindow()).showAndWait().ifPresent(vm.mappingProperty()::set);
    }
}
