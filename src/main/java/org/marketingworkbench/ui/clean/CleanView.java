package org.marketingworkbench.ui.clean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.marketingworkbench.core.clean.profile.CategoryCount;
import org.marketingworkbench.core.clean.profile.ColumnProfile;
import org.marketingworkbench.core.clean.profile.Distribution;
import org.marketingworkbench.core.clean.profile.NumericSummary;
import org.marketingworkbench.core.clean.profile.QualityFlag;
import org.marketingworkbench.core.clean.step.MarkMissingStep;
import org.marketingworkbench.core.clean.step.MaskPersonalStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.NormaliseCategoriesStep;
import org.marketingworkbench.core.clean.step.OutliersStep;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.step.ScaleStep;
import org.marketingworkbench.core.clean.step.StepEffect;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.ui.common.ChartExport;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.DistributionChart;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.shell.StepView;

/**
 * The Clean screen: the column profile with quality badges, the selected column's distribution (or
 * all columns at once), and the recipe panel with undo, redo, reordering, editing and suggestions.
 */
public final class CleanView implements StepView {

    private final CleanViewModel vm;
    private final Localization l10n;
    private final DialogService dialogs;
    private final Runnable onContinue;
    private StepDraft draft;
    private int editing = -1;
    private XYChart<String, Number> currentChart;
    private boolean filling;

    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyText;
    @FXML private javafx.scene.control.ScrollPane workspaceScroll;
    @FXML private Label summary;
    @FXML private ComboBox<String> targetBox;
    @FXML private Button continueButton;
    @FXML private Button exportRecipeButton;
    @FXML private Label errorLabel;
    @FXML private TableView<ColumnProfile> profileTable;
    @FXML private ComboBox<String> splitByBox;
    @FXML private Spinner<Integer> binsSpinner;
    @FXML private ToggleButton beforeAfterToggle;
    @FXML private ToggleButton overviewToggle;
    @FXML private Button copyChartButton;
    @FXML private StackPane chartHolder;
    @FXML private javafx.scene.control.ScrollPane overviewScroll;
    @FXML private TilePane overviewTiles;
    @FXML private ListView<RecipeItem> recipeList;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button editButton;
    @FXML private Button removeButton;
    @FXML private TitledPane addPane;
    @FXML private ComboBox<String> opBox;
    @FXML private Label formColumns;
    @FXML private VBox opOptions;
    @FXML private Label formProblem;
    @FXML private Button addStepButton;
    @FXML private Button cancelEditButton;
    @FXML private TitledPane suggestionsPane;
    @FXML private ListView<RecipeStep> suggestionList;
    @FXML private Button acceptSuggestionButton;

    public CleanView(CleanViewModel vm, Localization l10n, DialogService dialogs, Runnable onContinue) {
        this.vm = vm;
        this.l10n = l10n;
        this.dialogs = dialogs;
        this.onContinue = onContinue;
    }

    @Override
    public Node load(ResourceBundle bundle) {
        FXMLLoader loader = new FXMLLoader(CleanView.class.getResource("CleanView.fxml"), bundle);
        loader.setController(this);
        try {
            Parent parent = loader.load();
            parent.getStylesheets().add(CleanView.class.getResource("CleanView.css").toExternalForm());
            return parent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(vm.hasData().not());
        emptyTitle.textProperty().bind(Bindings.when(vm.hasInputProperty())
                .then(l10n.get("clean.empty.profiling")).otherwise(l10n.get("clean.empty.title")));
        emptyText.visibleProperty().bind(vm.hasInputProperty().not());
        workspaceScroll.visibleProperty().bind(vm.hasData());
        summary.textProperty().bind(l10n.bind(vm.summary()));
        errorLabel.textProperty().bind(l10n.bind(vm.errorProperty()));
        errorLabel.visibleProperty().bind(errorLabel.textProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        continueButton.disableProperty().bind(vm.hasData().not().or(vm.busyProperty()));
        exportRecipeButton.disableProperty().bind(vm.resultProperty().isNull());

        setUpProfileTable();
        setUpTargetAndSplit();
        setUpChart();
        setUpRecipe();
        setUpForm();
        setUpSuggestions();
    }

    // ---- profile ----------------------------------------------------------------------------------

    private void setUpProfileTable() {
        TableColumn<ColumnProfile, String> name = new TableColumn<>(l10n.get("clean.profile.column"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(150);
        TableColumn<ColumnProfile, String> type = new TableColumn<>(l10n.get("clean.profile.type"));
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(l10n.get("type." + c.getValue().type().id())));
        type.setPrefWidth(90);
        TableColumn<ColumnProfile, String> missing = new TableColumn<>(l10n.get("clean.profile.missing"));
        missing.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().missing() == 0 ? "–"
                : l10n.formatInteger(c.getValue().missing()) + " (" + l10n.formatDecimal(100 * c.getValue().missingShare(), 1) + "%)"));
        missing.setPrefWidth(110);
        missing.setStyle("-fx-alignment: center-right;");
        TableColumn<ColumnProfile, String> distinct = new TableColumn<>(l10n.get("clean.profile.distinct"));
        distinct.setCellValueFactory(c -> new ReadOnlyStringWrapper(l10n.formatInteger(c.getValue().distinct())));
        distinct.setPrefWidth(80);
        distinct.setStyle("-fx-alignment: center-right;");
        TableColumn<ColumnProfile, String> stats = new TableColumn<>(l10n.get("clean.profile.summary"));
        stats.setCellValueFactory(c -> new ReadOnlyStringWrapper(summaryOf(c.getValue())));
        stats.setPrefWidth(280);
        TableColumn<ColumnProfile, ColumnProfile> flags = new TableColumn<>(l10n.get("clean.profile.flags"));
        flags.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        flags.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(ColumnProfile item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null || item.flags().isEmpty()) {
                    setGraphic(null);
                    return;
                }
                HBox badges = new HBox(4);
                for (QualityFlag f : item.flags()) {
                    Label badge = new Label(l10n.get(f.kind().labelKey()));
                    badge.getStyleClass().addAll("flag-badge", "flag-" + f.kind().name().toLowerCase(Locale.ROOT));
                    badge.setTooltip(new Tooltip(l10n.format(f.reason())));
                    badges.getChildren().add(badge);
                }
                setGraphic(badges);
            }
        });
        flags.setPrefWidth(260);
        profileTable.getColumns().setAll(List.of(name, type, flags, missing, distinct, stats));
        profileTable.setItems(vm.columns());
        profileTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        profileTable.setPlaceholder(new Label(l10n.get("clean.profile.working")));
        profileTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ColumnProfile>) c -> {
            ColumnProfile focused = profileTable.getSelectionModel().getSelectedItem();
            if (focused != null) {
                vm.selectColumn(focused.name());
            }
            refreshFormColumns();
        });
        vm.columns().addListener((ListChangeListener<ColumnProfile>) c -> reselect());
        reselect();
    }

    private void reselect() {
        String selected = vm.selectedColumnProperty().get();
        for (int i = 0; i < vm.columns().size(); i++) {
            if (vm.columns().get(i).name().equals(selected)) {
                profileTable.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    private String summaryOf(ColumnProfile p) {
        if (p.numeric().isPresent()) {
            NumericSummary n = p.numeric().get();
            return l10n.get("clean.profile.numeric", fmt(n.min()), fmt(n.max()), fmt(n.mean()), fmt(n.median()), fmt(n.std()));
        }
        if (p.dates().isPresent()) {
            return l10n.get("clean.profile.dates", p.dates().get().min().toLocalDate(), p.dates().get().max().toLocalDate());
        }
        return p.topCategories().stream().limit(3)
                .map((CategoryCount c) -> c.value() + " (" + l10n.formatInteger(c.count()) + ")")
                .collect(Collectors.joining(", "));
    }

    private String fmt(double v) {
        double a = Math.abs(v);
        return l10n.formatDecimal(v, a >= 1000 || a == Math.rint(a) ? 0 : a >= 10 ? 1 : 2);
    }

    private void setUpTargetAndSplit() {
        Runnable fill = () -> {
            filling = true;
            List<String> candidates = new ArrayList<>();
            candidates.add("");
            List<String> splits = new ArrayList<>();
            splits.add("");
            for (ColumnProfile p : vm.columns()) {
                if (p.type() == ColumnType.CATEGORY && p.distinct() <= 10 || p.type() == ColumnType.NUMBER && p.distinct() == 2) {
                    candidates.add(p.name());
                }
                if (p.type() == ColumnType.CATEGORY && p.distinct() <= 8) {
                    splits.add(p.name());
                }
            }
            targetBox.setItems(FXCollections.observableArrayList(candidates));
            targetBox.setValue(vm.targetProperty().get() == null ? "" : vm.targetProperty().get());
            splitByBox.setItems(FXCollections.observableArrayList(splits));
            splitByBox.setValue(vm.splitByProperty().get() == null ? "" : vm.splitByProperty().get());
            filling = false;
        };
        StringConverter<String> noneAware = new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? l10n.get("clean.none") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        };
        targetBox.setConverter(noneAware);
        splitByBox.setConverter(noneAware);
        vm.columns().addListener((ListChangeListener<ColumnProfile>) c -> fill.run());
        fill.run();
        // refilling the lists after each profile must not read as the user choosing "(none)"
        targetBox.setOnAction(e -> {
            if (!filling) {
                vm.setTarget(targetBox.getValue());
            }
        });
        splitByBox.setOnAction(e -> {
            if (!filling) {
                vm.setSplitBy(splitByBox.getValue());
            }
        });
    }

    // ---- charts -----------------------------------------------------------------------------------

    private void setUpChart() {
        binsSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 200, vm.binsProperty().get(), 1));
        binsSpinner.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null || v == 0 ? l10n.get("clean.chart.auto") : Integer.toString(v);
            }

            @Override
            public Integer fromString(String s) {
                try {
                    return Integer.parseInt(s.strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        });
        binsSpinner.valueProperty().addListener((obs, o, n) -> vm.setBins(n == null ? 0 : n));
        binsSpinner.setTooltip(new Tooltip(l10n.get("clean.chart.binsTip")));
        beforeAfterToggle.disableProperty().bind(vm.cleanedDistributionProperty().isNull());
        beforeAfterToggle.setTooltip(new Tooltip(l10n.get("clean.chart.afterRecipeTip")));
        vm.distributionProperty().addListener((obs, o, n) -> showChart());
        vm.cleanedDistributionProperty().addListener((obs, o, n) -> showChart());
        beforeAfterToggle.selectedProperty().addListener((obs, o, n) -> showChart());
        showChart();

        overviewToggle.selectedProperty().addListener((obs, o, on) -> {
            overviewScroll.setVisible(on);
            overviewScroll.setManaged(on);
            chartHolder.setVisible(!on);
            chartHolder.setManaged(!on);
            if (on) {
                vm.loadOverview();
            }
        });
        vm.overview().addListener((ListChangeListener<Distribution>) c -> showOverview());
        showOverview();
        copyChartButton.disableProperty().bind(overviewToggle.selectedProperty());
    }

    private void showChart() {
        Distribution d = beforeAfterToggle.isSelected() && vm.cleanedDistributionProperty().get() != null
                ? vm.cleanedDistributionProperty().get() : vm.distributionProperty().get();
        if (d == null) {
            currentChart = null;
            String column = vm.selectedColumnProperty().get();
            Label none = new Label(column != null && !vm.drawable(column)
                    ? l10n.get("clean.chart.notDrawable", column) : l10n.get("clean.chart.none"));
            none.setWrapText(true);
            none.getStyleClass().add("panel-hint");
            chartHolder.getChildren().setAll(none);
            return;
        }
        currentChart = DistributionChart.build(d, l10n, UserMessage.of("clean.chart.customers"));
        currentChart.setId("distributionChart");
        chartHolder.getChildren().setAll(currentChart);
    }

    private void showOverview() {
        overviewTiles.getChildren().clear();
        for (Distribution d : vm.overview()) {
            XYChart<String, Number> small = DistributionChart.build(d, l10n, UserMessage.of("clean.chart.customers"));
            small.setLegendVisible(false);
            small.setPrefSize(300, 210);
            small.getStyleClass().add("small-multiple");
            small.getXAxis().setTickLabelsVisible(d.binCount() <= 12);
            overviewTiles.getChildren().add(small);
        }
    }

    @FXML
    private void onCopyChart() {
        if (currentChart != null) {
            ChartExport.copy(currentChart);
        }
    }

    @FXML
    private void onSaveChart() {
        Node target = overviewToggle.isSelected() ? overviewTiles : currentChart;
        if (target == null) {
            return;
        }
        String name = overviewToggle.isSelected() ? "all-columns" : vm.selectedColumnProperty().get();
        dialogs.chooseExportFile(UserMessage.of("clean.chart.saveTitle"), name, "png").ifPresent(path -> {
            try {
                ChartExport.savePng(target, path);
            } catch (IOException e) {
                dialogs.showError(UserMessage.of("clean.chart.saveTitle"),
                        UserMessage.of("clean.error.saveFailed", path, String.valueOf(e.getMessage())), e);
            }
        });
    }

    // ---- recipe -----------------------------------------------------------------------------------

    private void setUpRecipe() {
        recipeList.setItems(vm.recipeItems());
        recipeList.setPlaceholder(wrappingPlaceholder("clean.recipe.empty"));
        recipeList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RecipeItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                CheckBox enabled = new CheckBox();
                enabled.setSelected(item.step().enabled());
                enabled.setOnAction(e -> vm.setEnabled(item.index(), enabled.isSelected()));
                enabled.disableProperty().bind(vm.busyProperty());
                enabled.setTooltip(new Tooltip(l10n.get("clean.recipe.enabledTip")));
                Label title = new Label((item.index() + 1) + ". " + l10n.format(item.step().title()));
                title.getStyleClass().add("recipe-step-title");
                Label detail = new Label(detailOf(item));
                detail.getStyleClass().add("recipe-step-detail");
                detail.setWrapText(true);
                VBox text = new VBox(1, title, detail);
                HBox.setHgrow(text, Priority.ALWAYS);
                HBox row = new HBox(8, enabled, text);
                row.setAlignment(Pos.CENTER_LEFT);
                // as wide as the list, so long details wrap instead of scrolling sideways
                row.prefWidthProperty().bind(recipeList.widthProperty().subtract(28));
                row.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                text.setMinWidth(0);
                setGraphic(row);
                setText(null);
            }
        });
        undoButton.disableProperty().bind(vm.canUndoProperty().not().or(vm.busyProperty()));
        redoButton.disableProperty().bind(vm.canRedoProperty().not().or(vm.busyProperty()));
        var noSelection = recipeList.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty());
        upButton.disableProperty().bind(noSelection);
        downButton.disableProperty().bind(noSelection);
        editButton.disableProperty().bind(noSelection);
        removeButton.disableProperty().bind(noSelection);
        removeButton.setTooltip(new Tooltip(l10n.get("clean.recipe.removeTip")));
    }

    private String detailOf(RecipeItem item) {
        String columns = String.join(", ", item.step().requiredColumns());
        StepEffect e = item.effect();
        String effect;
        if (!item.step().enabled()) {
            effect = l10n.get("clean.recipe.disabled");
        } else if (e == null) {
            effect = "";
        } else {
            effect = l10n.get("clean.recipe.effect", e.rowsRemoved(), e.cellsChanged(), e.columnsAdded().size(),
                    e.columnsRemoved().size());
            for (UserMessage note : e.notes()) {
                effect += " " + l10n.format(note);
            }
        }
        return columns.isEmpty() ? effect : columns + (effect.isEmpty() ? "" : " · " + effect);
    }

    private int selectedRecipeIndex() {
        RecipeItem item = recipeList.getSelectionModel().getSelectedItem();
        return item == null ? -1 : item.index();
    }

    @FXML private void onUndo() { vm.undo(); }
    @FXML private void onRedo() { vm.redo(); }

    @FXML
    private void onUp() {
        int i = selectedRecipeIndex();
        vm.moveStep(i, i - 1);
    }

    @FXML
    private void onDown() {
        int i = selectedRecipeIndex();
        vm.moveStep(i, i + 1);
    }

    @FXML
    private void onRemove() {
        int i = selectedRecipeIndex();
        if (i >= 0) {
            vm.removeStep(i);
        }
    }

    @FXML
    private void onEdit() {
        RecipeItem item = recipeList.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        editing = item.index();
        draft = StepDraft.of(item.step());
        addPane.setExpanded(true);
        opBox.setValue(draft.op());
        showOptions();
        refreshEditState();
    }

    @FXML
    private void onCancelEdit() {
        editing = -1;
        refreshEditState();
    }

    // ---- add / edit form --------------------------------------------------------------------------

    private void setUpForm() {
        opBox.setItems(FXCollections.observableArrayList(org.marketingworkbench.core.clean.step.Operations.ids()));
        opBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String op) {
                return op == null ? "" : l10n.get("clean.op." + op);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        opBox.setValue(MissingValuesStep.OP);
        draft = StepDraft.defaults(MissingValuesStep.OP, List.of());
        opBox.setOnAction(e -> {
            draft = StepDraft.defaults(opBox.getValue(), selectedColumns());
            if (MarkMissingStep.OP.equals(draft.op())) {   // offer the code the profile found, if any
                profileTable.getSelectionModel().getSelectedItems().stream()
                        .flatMap(c -> c.placeholderCode().stream()).findFirst()
                        .ifPresent(code -> draft = withConstant(draft, code));
            }
            showOptions();
        });
        formProblem.visibleProperty().bind(formProblem.textProperty().isNotEmpty());
        formProblem.managedProperty().bind(formProblem.visibleProperty());
        addStepButton.disableProperty().bind(vm.busyProperty());
        showOptions();
        refreshFormColumns();
        refreshEditState();
    }

    private void refreshEditState() {
        addStepButton.setText(l10n.get(editing >= 0 ? "clean.form.update" : "clean.form.add"));
        cancelEditButton.setVisible(editing >= 0);
        cancelEditButton.setManaged(editing >= 0);
    }

    private List<String> selectedColumns() {
        return profileTable.getSelectionModel().getSelectedItems().stream().map(ColumnProfile::name).toList();
    }

    private void refreshFormColumns() {
        List<String> cols = editing >= 0 && draft != null ? draft.columns() : selectedColumns();
        formColumns.setText(cols.isEmpty() ? l10n.get("clean.form.noColumns")
                : l10n.get("clean.form.columns", String.join(", ", cols)));
        formProblem.setText("");
    }

    /** Rebuilds the options of the chosen operation; each control writes back into the draft. */
    private void showOptions() {
        opOptions.getChildren().clear();
        StepDraft d = draft;
        switch (d.op()) {
            case "missingValues" -> {
                ComboBox<MissingValuesStep.Strategy> strategy = enumBox(MissingValuesStep.Strategy.values(), d.missingStrategy(), "clean.form.strategy.");
                TextField constant = new TextField(d.constant());
                constant.setPromptText(l10n.get("clean.form.constantPrompt"));
                constant.disableProperty().bind(strategy.valueProperty().isNotEqualTo(MissingValuesStep.Strategy.CONSTANT));
                CheckBox indicator = new CheckBox(l10n.get("clean.form.indicator"));
                indicator.setSelected(d.indicator());
                strategy.setOnAction(e -> draft = copy(draft, strategy.getValue(), null, null, null, null, null, null, null));
                constant.textProperty().addListener((o, a, b) -> draft = withConstant(draft, b));
                indicator.setOnAction(e -> draft = withIndicator(draft, indicator.isSelected()));
                opOptions.getChildren().addAll(labelled("clean.form.strategy", strategy), constant, indicator);
            }
            case "markMissing" -> {
                TextField value = new TextField(d.constant());
                value.setPromptText(l10n.get("clean.form.markValuePrompt"));
                value.textProperty().addListener((o, a, b) -> draft = withConstant(draft, b));
                opOptions.getChildren().add(labelled("clean.form.markValue", value));
            }
            case "fixTypes" -> {
                ComboBox<ColumnType> to = enumBox(new ColumnType[] {ColumnType.NUMBER, ColumnType.DATETIME}, d.fixTo(), "type.");
                to.setOnAction(e -> draft = copy(draft, null, to.getValue(), null, null, null, null, null, null));
                opOptions.getChildren().add(labelled("clean.form.fixTo", to));
            }
            case "normaliseCategories" -> {
                CheckBox trim = new CheckBox(l10n.get("clean.form.trim"));
                trim.setSelected(d.trim());
                ComboBox<NormaliseCategoriesStep.CaseChange> cases = enumBox(NormaliseCategoriesStep.CaseChange.values(), d.caseChange(), "clean.form.case.");
                Spinner<Double> rare = new Spinner<>(0.0, 20.0, d.rarePercent(), 0.5);
                rare.setEditable(true);
                trim.setOnAction(e -> draft = copy(draft, null, null, trim.isSelected(), null, null, null, null, null));
                cases.setOnAction(e -> draft = copy(draft, null, null, null, cases.getValue(), null, null, null, null));
                rare.valueProperty().addListener((o, a, b) -> draft = withRare(draft, b));
                opOptions.getChildren().addAll(trim, labelled("clean.form.case", cases), labelled("clean.form.rare", rare));
            }
            case "outliers" -> {
                ComboBox<OutliersStep.Rule> rule = enumBox(OutliersStep.Rule.values(), d.outlierRule(), "clean.form.rule.");
                ComboBox<OutliersStep.Action> action = enumBox(OutliersStep.Action.values(), d.outlierAction(), "clean.form.action.");
                rule.setOnAction(e -> draft = copy(draft, null, null, null, null, rule.getValue(), null, null, null));
                action.setOnAction(e -> draft = copy(draft, null, null, null, null, null, action.getValue(), null, null));
                opOptions.getChildren().addAll(labelled("clean.form.rule", rule), labelled("clean.form.action", action));
            }
            case "scale" -> {
                ComboBox<ScaleStep.Method> method = enumBox(ScaleStep.Method.values(), d.scaleMethod(), "clean.form.scale.");
                method.setOnAction(e -> draft = copy(draft, null, null, null, null, null, null, method.getValue(), null));
                opOptions.getChildren().add(labelled("clean.form.method", method));
            }
            case "dateFeatures" -> {
                CheckBox days = new CheckBox(l10n.get("clean.form.daysSince"));
                CheckBox month = new CheckBox(l10n.get("clean.form.month"));
                CheckBox weekday = new CheckBox(l10n.get("clean.form.weekday"));
                days.setSelected(d.daysSince());
                month.setSelected(d.month());
                weekday.setSelected(d.weekday());
                Runnable sync = () -> draft = withDates(draft, days.isSelected(), month.isSelected(), weekday.isSelected());
                days.setOnAction(e -> sync.run());
                month.setOnAction(e -> sync.run());
                weekday.setOnAction(e -> sync.run());
                opOptions.getChildren().addAll(days, month, weekday);
            }
            case "ratio" -> {
                TextField name = new TextField(d.ratioName());
                name.setPromptText(l10n.get("clean.form.ratioPrompt"));
                name.textProperty().addListener((o, a, b) -> draft = withRatioName(draft, b));
                opOptions.getChildren().add(labelled("clean.form.ratioName", name));
            }
            case "maskPersonal" -> {
                ComboBox<MaskPersonalStep.Method> method = enumBox(MaskPersonalStep.Method.values(), d.maskMethod(), "clean.form.mask.");
                method.setOnAction(e -> draft = copy(draft, null, null, null, null, null, null, null, method.getValue()));
                opOptions.getChildren().add(labelled("clean.form.method", method));
            }
            case "removeDuplicates" -> {
                CheckBox keys = new CheckBox(l10n.get("clean.form.duplicateKeys"));
                keys.setSelected(d.duplicatesOnColumns());
                keys.setOnAction(e -> draft = withDuplicateKeys(draft, keys.isSelected()));
                opOptions.getChildren().add(keys);
            }
            default -> {
                // drop columns: the selected columns are all it needs
            }
        }
        Label explain = new Label(l10n.get("clean.explain." + d.op() + ".what"));
        explain.setWrapText(true);
        explain.getStyleClass().add("panel-hint");
        opOptions.getChildren().add(explain);
        refreshFormColumns();
    }

    @FXML
    private void onAddStep() {
        List<String> columns = editing >= 0 ? draft.columns() : selectedColumns();
        StepDraft withColumns = new StepDraft(draft.op(), columns, draft.missingStrategy(), draft.constant(),
                draft.indicator(), draft.fixTo(), draft.trim(), draft.caseChange(), draft.rarePercent(),
                draft.outlierRule(), draft.outlierAction(), draft.scaleMethod(), draft.daysSince(), draft.month(),
                draft.weekday(), draft.ratioName(), draft.maskMethod(), draft.duplicatesOnColumns());
        StepDraft.Result built = withColumns.build(vm.saltProperty().get());
        if (built.problem() != null) {
            formProblem.setText(l10n.format(built.problem()));
            return;
        }
        formProblem.setText("");
        if (editing >= 0) {
            vm.replaceStep(editing, built.step());
            editing = -1;
            refreshEditState();
        } else {
            vm.addStep(built.step());
        }
    }

    private <E extends Enum<E>> ComboBox<E> enumBox(E[] values, E selected, String keyPrefix) {
        ComboBox<E> box = new ComboBox<>(FXCollections.observableArrayList(values));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                if (e == null) {
                    return "";
                }
                return e instanceof ColumnType t ? l10n.get(keyPrefix + t.id())
                        : l10n.get(keyPrefix + e.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.setValue(selected);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    /** An empty list's message that wraps inside the list instead of being cut off with an ellipsis. */
    private Label wrappingPlaceholder(String key) {
        Label label = new Label(l10n.get(key));
        label.setWrapText(true);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.setPadding(new javafx.geometry.Insets(8));
        return label;
    }

    private VBox labelled(String key, Node control) {
        Label label = new Label(l10n.get(key));
        if (control instanceof javafx.scene.control.Control c) {
            label.setLabelFor(c);
        }
        return new VBox(3, label, control);
    }

    private static StepDraft copy(StepDraft d, MissingValuesStep.Strategy strategy, ColumnType fixTo, Boolean trim,
                                  NormaliseCategoriesStep.CaseChange caseChange, OutliersStep.Rule rule,
                                  OutliersStep.Action action, ScaleStep.Method scale, MaskPersonalStep.Method mask) {
        return new StepDraft(d.op(), d.columns(), strategy != null ? strategy : d.missingStrategy(), d.constant(),
                d.indicator(), fixTo != null ? fixTo : d.fixTo(), trim != null ? trim : d.trim(),
                caseChange != null ? caseChange : d.caseChange(), d.rarePercent(), rule != null ? rule : d.outlierRule(),
                action != null ? action : d.outlierAction(), scale != null ? scale : d.scaleMethod(), d.daysSince(),
                d.month(), d.weekday(), d.ratioName(), mask != null ? mask : d.maskMethod(), d.duplicatesOnColumns());
    }

    private static StepDraft withConstant(StepDraft d, String constant) {
        return new StepDraft(d.op(), d.columns(), d.missingStrategy(), constant, d.indicator(), d.fixTo(), d.trim(),
                d.caseChange(), d.rarePercent(), d.outlierRule(), d.outlierAction(), d.scaleMethod(), d.daysSince(),
                d.month(), d.weekday(), d.ratioName(), d.maskMethod(), d.duplicatesOnColumns());
    }

    private static StepDraft withIndicator(StepDraft d, boolean indicator) {
        return new StepDraft(d.op(), d.columns(), d.missingStrategy(), d.constant(), indicator, d.fixTo(), d.trim(),
                d.caseChange(), d.rarePercent(), d.outlierRule(), d.outlierAction(), d.scaleMethod(), d.daysSince(),
                d.month(), d.weekday(), d.ratioName(), d.maskMethod(), d.duplicatesOnColumns());
    }

    private static StepDraft withRare(StepDraft d, double rare) {
        return new StepDraft(d.op(), d.columns(), d.missingStrategy(), d.constant(), d.indicator(), d.fixTo(), d.trim(),
                d.caseChange(), rare, d.outlierRule(), d.outlierAction(), d.scaleMethod(), d.daysSince(),
                d.month(), d.weekday(), d.ratioName(), d.maskMethod(), d.duplicatesOnColumns());
    }

    private static StepDraft withDates(StepDraft d, boolean days, boolean month, boolean weekday) {
        return new StepDraft(d.op(), d.columns(), d.missingStrategy(), d.constant(), d.indicator(), d.fixTo(), d.trim(),
                d.caseChange(), d.rarePercent(), d.outlierRule(), d.outlierAction(), d.scaleMethod(), days,
                month, weekday, d.ratioName(), d.maskMethod(), d.duplicatesOnColumns());
    }

    private static StepDraft withRatioName(StepDraft d, String name) {
        return new StepDraft(d.op(), d.columns(), d.missingStrategy(), d.constant(), d.indicator(), d.fixTo(), d.trim(),
                d.caseChange(), d.rarePercent(), d.outlierRule(), d.outlierAction(), d.scaleMethod(), d.daysSince(),
                d.month(), d.weekday(), name, d.maskMethod(), d.duplicatesOnColumns());
    }

    private static StepDraft withDuplicateKeys(StepDraft d, boolean onKeys) {
        return new StepDraft(d.op(), d.columns(), d.missingStrategy(), d.constant(), d.indicator(), d.fixTo(), d.trim(),
                d.caseChange(), d.rarePercent(), d.outlierRule(), d.outlierAction(), d.scaleMethod(), d.daysSince(),
                d.month(), d.weekday(), d.ratioName(), d.maskMethod(), onKeys);
    }

    // ---- suggestions and export -------------------------------------------------------------------

    private void setUpSuggestions() {
        suggestionList.setItems(vm.suggestions());
        suggestionList.setPlaceholder(wrappingPlaceholder("clean.suggest.none"));
        suggestionList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RecipeStep step, boolean empty) {
                super.updateItem(step, empty);
                setText(empty || step == null ? null
                        : l10n.format(step.title()) + ": " + String.join(", ", step.requiredColumns()));
            }
        });
        suggestionsPane.textProperty().bind(Bindings.createStringBinding(
                () -> l10n.get("clean.suggest.title", vm.suggestions().size()), vm.suggestions()));
        acceptSuggestionButton.disableProperty().bind(
                suggestionList.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
    }

    @FXML
    private void onAcceptSuggestion() {
        RecipeStep step = suggestionList.getSelectionModel().getSelectedItem();
        if (step != null) {
            vm.acceptSuggestion(step);
        }
    }

    @FXML
    private void onExportRecipe() {
        vm.fittedRecipeJson().ifPresent(json -> dialogs.chooseExportFile(UserMessage.of("clean.action.exportTitle"),
                "recipe", "json").ifPresent(path -> {
                    try {
                        Path temp = Files.createTempFile(path.toAbsolutePath().getParent(), ".recipe", ".json");
                        Files.writeString(temp, json, StandardCharsets.UTF_8);
                        Files.move(temp, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        dialogs.showError(UserMessage.of("clean.action.exportTitle"),
                                UserMessage.of("clean.error.saveFailed", path, String.valueOf(e.getMessage())), e);
                    }
                }));
    }

    @FXML
    private void onContinue() {
        vm.finish(onContinue);
    }
}
