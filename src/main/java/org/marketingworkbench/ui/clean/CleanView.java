package org.marketingworkbench.ui.clean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
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
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.step.StepEffect;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.ui.common.ChartExport;
import org.marketingworkbench.ui.common.Combos;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.DistributionChart;
import org.marketingworkbench.ui.common.FxmlScreen;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.LocalizedControls;
import org.marketingworkbench.ui.shell.StepView;

/**
 * The Clean screen: the column profile with quality badges, the selected column's distribution (or
 * all columns at once), and the recipe panel. It is built once and binds to {@link CleanViewModel},
 * which holds every piece of its state (the selection, the form's draft, which step is being edited,
 * undo and redo); the view forwards gestures and redraws what the view-model says.
 */
public final class CleanView implements StepView {

    private final CleanViewModel vm;
    private final Localization l10n;
    private final DialogService dialogs;
    private final Runnable onContinue;
    private Node node;
    private XYChart<String, Number> currentChart;
    /** Set while the view copies view-model state into controls, so their handlers do not echo it back. */
    private boolean syncing;
    private StepFormView form;

    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyText;
    @FXML private ScrollPane workspaceScroll;
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
    @FXML private ScrollPane overviewScroll;
    @FXML private TilePane overviewTiles;
    @FXML private Label recipeNotice;
    @FXML private ListView<RecipeItem> recipeList;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button editButton;
    @FXML private Button removeButton;
    @FXML private TabPane formTabs;
    @FXML private Tab addTab;
    @FXML private Tab suggestionsTab;
    @FXML private ComboBox<String> opBox;
    @FXML private Label formColumns;
    @FXML private VBox opOptions;
    @FXML private Label formProblem;
    @FXML private Button addStepButton;
    @FXML private Button cancelEditButton;
    @FXML private ListView<RecipeStep> suggestionList;
    @FXML private Button acceptSuggestionButton;

    public CleanView(CleanViewModel vm, Localization l10n, DialogService dialogs, Runnable onContinue) {
        this.vm = vm;
        this.l10n = l10n;
        this.dialogs = dialogs;
        this.onContinue = onContinue;
    }

    @Override
    public Node view() {
        if (node == null) {
            node = FxmlScreen.load(CleanView.class, "CleanView.fxml", this, l10n, "CleanView.css");
        }
        return node;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(vm.hasData().not());
        emptyTitle.textProperty().bind(Bindings.createStringBinding(() -> l10n.get(
                vm.hasInputProperty().get() ? "clean.empty.profiling" : "clean.empty.title"),
                vm.hasInputProperty(), l10n.localeProperty()));
        emptyText.visibleProperty().bind(vm.hasInputProperty().not());
        workspaceScroll.visibleProperty().bind(vm.hasData());
        summary.textProperty().bind(l10n.bind(vm.summary()));
        LocalizedControls.showWhenText(errorLabel, l10n.bind(vm.errorProperty()));
        LocalizedControls.showWhenText(recipeNotice, l10n.bind(vm.noticeProperty()));
        continueButton.disableProperty().bind(vm.canContinue().not());
        exportRecipeButton.disableProperty().bind(vm.resultProperty().isNull());

        setUpProfileTable();
        setUpTargetAndSplit();
        setUpChart();
        setUpRecipe();
        form = new StepFormView(vm.form(), l10n, opBox, opOptions, formColumns, formProblem, addStepButton,
                cancelEditButton, vm.busyProperty());
        setUpSuggestions();
        // texts drawn in code follow the language: cells and charts redraw, combo boxes relabel
        l10n.onLocaleChange(() -> {
            profileTable.refresh();
            recipeList.refresh();
            suggestionList.refresh();
            showChart();
            showOverview();
            form.relabel();
            syncing = true;
            try {
                Combos.relabel(targetBox, splitByBox);
                binsSpinner.getValueFactory().setValue(binsSpinner.getValue());
                binsSpinner.getEditor().setText(binsSpinner.getValueFactory().getConverter().toString(binsSpinner.getValue()));
            } finally {
                syncing = false;
            }
        });
    }

    private <S, T> TableColumn<S, T> column(String key, double width) {
        TableColumn<S, T> c = LocalizedControls.column(l10n, key);
        c.setPrefWidth(width);
        return c;
    }

    // ---- profile ----------------------------------------------------------------------------------

    private void setUpProfileTable() {
        TableColumn<ColumnProfile, String> name = column("clean.profile.column", 150);
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        TableColumn<ColumnProfile, String> type = column("clean.profile.type", 90);
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(l10n.get("type." + c.getValue().type().id())));
        TableColumn<ColumnProfile, String> missing = column("clean.profile.missing", 110);
        missing.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().missing() == 0 ? "–"
                : l10n.formatInteger(c.getValue().missing()) + " (" + l10n.formatDecimal(100 * c.getValue().missingShare(), 1) + "%)"));
        missing.setStyle("-fx-alignment: center-right;");
        TableColumn<ColumnProfile, String> distinct = column("clean.profile.distinct", 80);
        distinct.setCellValueFactory(c -> new ReadOnlyStringWrapper(l10n.formatInteger(c.getValue().distinct())));
        distinct.setStyle("-fx-alignment: center-right;");
        TableColumn<ColumnProfile, String> stats = column("clean.profile.summary", 280);
        stats.setCellValueFactory(c -> new ReadOnlyStringWrapper(summaryOf(c.getValue())));
        TableColumn<ColumnProfile, ColumnProfile> flags = column("clean.profile.flags", 260);
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
        profileTable.getColumns().setAll(List.of(name, type, flags, missing, distinct, stats));
        profileTable.setItems(vm.columns());
        profileTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        profileTable.setPlaceholder(LocalizedControls.label(l10n.text("clean.profile.working")));
        profileTable.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c -> {
            if (syncing) {
                return;
            }
            ColumnProfile focused = profileTable.getSelectionModel().getSelectedItem();
            if (focused != null) {
                vm.selectColumn(focused.name());
            }
            vm.setSelectedColumns(selectedColumns());
        });
        vm.columns().addListener((ListChangeListener<ColumnProfile>) c -> reselect());
        reselect();
    }

    /**
     * The selected columns, read through the selected indices and checked against the items: while the
     * table's items are being replaced, its selected-items list can point past their end.
     */
    private List<String> selectedColumns() {
        List<ColumnProfile> rows = profileTable.getItems();
        return new ArrayList<>(profileTable.getSelectionModel().getSelectedIndices()).stream()
                .filter(i -> i != null && i >= 0 && i < rows.size()).sorted()
                .map(i -> rows.get(i).name()).distinct().toList();
    }

    /** Shows the view-model's selection again after the profile's rows were replaced. */
    private void reselect() {
        syncing = true;
        try {
            profileTable.getSelectionModel().clearSelection();
            List<String> wanted = vm.selectedColumns().isEmpty() && vm.selectedColumnProperty().get() != null
                    ? List.of(vm.selectedColumnProperty().get()) : vm.selectedColumns();
            for (int i = 0; i < vm.columns().size(); i++) {
                if (wanted.contains(vm.columns().get(i).name())) {
                    profileTable.getSelectionModel().select(i);
                }
            }
        } finally {
            syncing = false;
        }
        vm.setSelectedColumns(selectedColumns());
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
        targetBox.setItems(vm.targetCandidates());
        splitByBox.setItems(vm.splitCandidates());
        Runnable showChoice = () -> {
            syncing = true;
            try {
                targetBox.setValue(vm.targetProperty().get() == null ? "" : vm.targetProperty().get());
                splitByBox.setValue(vm.splitByProperty().get() == null ? "" : vm.splitByProperty().get());
            } finally {
                syncing = false;
            }
        };
        vm.targetCandidates().addListener((ListChangeListener<String>) c -> showChoice.run());
        vm.splitCandidates().addListener((ListChangeListener<String>) c -> showChoice.run());
        vm.targetProperty().addListener((obs, o, n) -> showChoice.run());
        vm.splitByProperty().addListener((obs, o, n) -> showChoice.run());
        showChoice.run();
        // refilling the lists after each profile must not read as the user choosing "(none)"
        targetBox.valueProperty().addListener((obs, o, n) -> {
            if (!syncing && n != null) {
                vm.setTarget(n);
            }
        });
        splitByBox.valueProperty().addListener((obs, o, n) -> {
            if (!syncing && n != null) {
                vm.setSplitBy(n);
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
        binsSpinner.setTooltip(LocalizedControls.tooltip(l10n, "clean.chart.binsTip"));
        beforeAfterToggle.disableProperty().bind(vm.cleanedDistributionProperty().isNull());
        beforeAfterToggle.setTooltip(LocalizedControls.tooltip(l10n, "clean.chart.afterRecipeTip"));
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
        ChartExport.saveWithDialog(dialogs, target, "clean.chart.saveTitle", name, "clean.error.saveFailed");
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
                // a wrapping label in a list cell needs a width to wrap at and room to grow downwards
                detail.maxWidthProperty().bind(recipeList.widthProperty().subtract(70));
                detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
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
        // the selection lives in the view-model: a step just added or moved is selected and scrolled to
        recipeList.getSelectionModel().selectedIndexProperty().addListener((obs, o, n) -> {
            if (!syncing) {
                vm.selectStep(n.intValue());
            }
        });
        Runnable showSelected = () -> {
            int i = vm.selectedStepProperty().get();
            syncing = true;
            try {
                if (i < 0 || i >= recipeList.getItems().size()) {
                    recipeList.getSelectionModel().clearSelection();
                } else {
                    recipeList.getSelectionModel().clearAndSelect(i);
                    recipeList.scrollTo(i);
                }
            } finally {
                syncing = false;
            }
        };
        vm.selectedStepProperty().addListener((obs, o, n) -> showSelected.run());
        vm.recipeItems().addListener((ListChangeListener<RecipeItem>) c -> showSelected.run());
        undoButton.disableProperty().bind(vm.canUndoProperty().not().or(vm.busyProperty()));
        redoButton.disableProperty().bind(vm.canRedoProperty().not().or(vm.busyProperty()));
        var noSelection = vm.selectedStepProperty().lessThan(0).or(vm.busyProperty());
        upButton.disableProperty().bind(noSelection);
        downButton.disableProperty().bind(noSelection);
        editButton.disableProperty().bind(noSelection);
        removeButton.disableProperty().bind(noSelection);
        removeButton.setTooltip(LocalizedControls.tooltip(l10n, "clean.recipe.removeTip"));
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

    @FXML private void onUndo() { vm.undo(); }
    @FXML private void onRedo() { vm.redo(); }

    @FXML
    private void onUp() {
        int i = vm.selectedStepProperty().get();
        vm.moveStep(i, i - 1);
    }

    @FXML
    private void onDown() {
        int i = vm.selectedStepProperty().get();
        vm.moveStep(i, i + 1);
    }

    @FXML
    private void onRemove() {
        int i = vm.selectedStepProperty().get();
        if (i >= 0) {
            vm.removeStep(i);
        }
    }

    @FXML
    private void onEdit() {
        vm.startEdit(vm.selectedStepProperty().get());
        formTabs.getSelectionModel().select(addTab);
    }

    @FXML
    private void onCancelEdit() {
        vm.form().cancelEdit();
    }

    // ---- add / edit form ----------------------------------------------------------------------------

    @FXML
    private void onAddStep() {
        vm.submitDraft();
    }

    /** An empty list's message that wraps inside the list instead of being cut off with an ellipsis. */
    private Label wrappingPlaceholder(String key) {
        Label label = new Label();
        label.textProperty().bind(l10n.text(key));
        label.setWrapText(true);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        label.setPadding(new javafx.geometry.Insets(8));
        return label;
    }

    // ---- suggestions and export -------------------------------------------------------------------

    private void setUpSuggestions() {
        suggestionList.setItems(vm.suggestions());
        suggestionList.setPlaceholder(wrappingPlaceholder("clean.suggest.none"));
        suggestionList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RecipeStep step, boolean empty) {
                super.updateItem(step, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || step == null ? null
                        : l10n.format(step.title()) + ": " + String.join(", ", step.requiredColumns()));
            }
        });
        suggestionsTab.textProperty().bind(Bindings.createStringBinding(
                () -> l10n.get("clean.suggest.title", vm.suggestions().size()), vm.suggestions(), l10n.localeProperty()));
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
                        org.marketingworkbench.core.io.AtomicFile.write(path, json.getBytes(StandardCharsets.UTF_8));
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
