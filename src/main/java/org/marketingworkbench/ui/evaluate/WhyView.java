package org.marketingworkbench.ui.evaluate;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marketingworkbench.core.evaluate.EvaluationMetric;
import org.marketingworkbench.core.evaluate.FeatureImportance;
import org.marketingworkbench.core.evaluate.LocalExplanation;
import org.marketingworkbench.core.evaluate.PermutationImportance;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.ui.common.ChartExport;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.FxmlScreen;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.LocalizedControls;

/**
 * "Why the model decides", a pane for the Evaluate screen: permutation importance with its spread, the J48
 * tree as rules, and one customer's explanation with a what-if. Built once ({@link #view()}); all state is in
 * {@link WhyViewModel}.
 *
 * <p>To embed: {@code new WhyView(new WhyViewModel(session, tasks), l10n, dialogs).view()} as a tab's content.
 */
public final class WhyView {

    /** Bars shown for one customer: the strongest pushes; the rest are small by construction (sorted by size). */
    static final int MAX_CONTRIBUTIONS = 12;

    private final WhyViewModel vm;
    private final Localization l10n;
    private final DialogService dialogs;
    private Node node;
    private final WhyBars importanceChart = new WhyBars();
    private final WhyBars contributionChart = new WhyBars();
    private ObjectProperty<Integer> rowObject;
    private ObjectProperty<Integer> repeatsObject;
    private ObjectProperty<Integer> seedObject;

    @FXML private VBox whyEmptyState;
    @FXML private Node workspace;
    @FXML private Spinner<Integer> repeatsSpinner;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private Button measureButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar importanceProgress;
    @FXML private Label importanceRowsLabel;
    @FXML private Label importanceErrorLabel;
    @FXML private VBox importanceResult;
    @FXML private VBox importanceChartBox;
    @FXML private Label importanceFindingLabel;
    @FXML private StackPane importanceHolder;
    @FXML private Label treeNoteLabel;
    @FXML private TreeView<TreeRule> treeView;
    @FXML private Spinner<Integer> rowSpinner;
    @FXML private Label rowOfLabel;
    @FXML private Button explainButton;
    @FXML private Button highestButton;
    @FXML private Button randomButton;
    @FXML private Label customerErrorLabel;
    @FXML private VBox customerResult;
    @FXML private VBox customerChartBox;
    @FXML private Label customerSummaryLabel;
    @FXML private Label methodLabel;
    @FXML private StackPane contributionHolder;
    @FXML private ComboBox<String> whatIfFeatureBox;
    @FXML private Label whatIfCurrentLabel;
    @FXML private ComboBox<String> whatIfCategoryBox;
    @FXML private TextField whatIfNumberField;
    @FXML private Button whatIfButton;
    @FXML private Label whatIfErrorLabel;
    @FXML private Label whatIfSummaryLabel;
    @FXML private VBox whatIfWarningsBox;

    public WhyView(WhyViewModel vm, Localization l10n, DialogService dialogs) {
        this.vm = vm;
        this.l10n = l10n;
        this.dialogs = dialogs;
    }

    public WhyViewModel viewModel() {
        return vm;
    }

    /** The pane, loaded on the first call and the same node after that. */
    public Node view() {
        if (node == null) {
            node = FxmlScreen.load(WhyView.class, "WhyView.fxml", this, l10n, "WhyView.css");
        }
        return node;
    }

    @FXML
    private void initialize() {
        whyEmptyState.visibleProperty().bind(vm.ready().not());
        workspace.visibleProperty().bind(vm.ready());
        setUpImportance();
        setUpTree();
        setUpCustomer();
        setUpWhatIf();
        l10n.onLocaleChange(() -> {
            showImportance();
            showExplanation();
            showWarnings();
            treeView.refresh();
        });
    }

    private void setUpImportance() {
        var repeats = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 50, vm.repeatsProperty().get());
        repeatsSpinner.setValueFactory(repeats);
        repeatsObject = vm.repeatsProperty().asObject();
        repeats.valueProperty().bindBidirectional(repeatsObject);
        var seed = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE, vm.seedProperty().get());
        seedSpinner.setValueFactory(seed);
        seedObject = vm.seedProperty().asObject();
        seed.valueProperty().bindBidirectional(seedObject);
        repeatsSpinner.setTooltip(LocalizedControls.tooltip(l10n, "why.importance.repeatsTip"));
        seedSpinner.setTooltip(LocalizedControls.tooltip(l10n, "why.importance.seedTip"));
        var busy = vm.importanceRunning();
        measureButton.disableProperty().bind(busy.or(vm.explaining()));
        repeatsSpinner.disableProperty().bind(busy);
        seedSpinner.disableProperty().bind(busy);
        cancelButton.visibleProperty().bind(busy);
        cancelButton.managedProperty().bind(busy);
        importanceProgress.visibleProperty().bind(busy);
        importanceProgress.managedProperty().bind(busy);
        importanceProgress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            double p = vm.tasksProgress().get();
            return p < 0 ? -1 : p;
        }, vm.tasksProgress()));
        LocalizedControls.showWhenText(importanceRowsLabel, l10n.bind(vm.importanceRows()));
        LocalizedControls.showWhenText(importanceErrorLabel, l10n.bind(vm.importanceError()));
        LocalizedControls.showWhenText(importanceFindingLabel, l10n.bind(vm.importanceFinding()));
        importanceResult.visibleProperty().bind(vm.importance().isNotNull());
        importanceResult.managedProperty().bind(importanceResult.visibleProperty());
        importanceChart.setId("importanceChart");
        importanceHolder.getChildren().setAll(importanceChart);
        vm.importance().addListener((obs, o, n) -> showImportance());
    }

    private void showImportance() {
        PermutationImportance.Result r = vm.importance().get();
        if (r == null) {
            importanceChart.setData(List.of(), "", v -> "");
            return;
        }
        int digits = r.metric() == EvaluationMetric.RMSE ? 2 : 3;
        List<WhyBars.Bar> bars = new ArrayList<>();
        for (FeatureImportance f : r.features()) {
            String value = l10n.formatDecimal(f.meanDrop(), digits);
            String hover = l10n.get("why.importance.hover", f.feature(), f.meanDrop(), f.sd(), r.repeats());
            bars.add(new WhyBars.Bar(f.feature(), f.meanDrop(), f.sd(), value, hover, "why-bar-importance"));
        }
        importanceChart.setData(bars, l10n.format(vm.importanceAxis().getValue()),
                v -> l10n.formatDecimal(v, digits));
    }

    private void setUpTree() {
        LocalizedControls.showWhenText(treeNoteLabel, l10n.bind(vm.treeNote()));
        treeView.visibleProperty().bind(vm.tree().isNotNull());
        treeView.managedProperty().bind(treeView.visibleProperty());
        treeView.setCellFactory(tv -> new TreeCell<>() {
            @Override
            protected void updateItem(TreeRule item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : l10n.format(item.text()));
                getStyleClass().remove("why-leaf");
                if (!empty && item != null && item.leaf()) {
                    getStyleClass().add("why-leaf");
                }
            }
        });
        vm.tree().addListener((obs, o, n) -> showTree(n));
        showTree(vm.tree().get());
    }

    private void showTree(TreeRule rule) {
        treeView.setRoot(rule == null ? null : item(rule, 0));
    }

    private static TreeItem<TreeRule> item(TreeRule rule, int depth) {
        TreeItem<TreeRule> item = new TreeItem<>(rule);
        item.setExpanded(depth < 3);
        for (TreeRule child : rule.children()) {
            item.getChildren().add(item(child, depth + 1));
        }
        return item;
    }

    private void setUpCustomer() {
        var rows = new SpinnerValueFactory.IntegerSpinnerValueFactory(1, Math.max(1, vm.rowCount().get()), 1);
        rows.maxProperty().bind(Bindings.max(1, vm.rowCount()));
        rowSpinner.setValueFactory(rows);
        rowObject = vm.rowProperty().asObject();
        rows.valueProperty().bindBidirectional(rowObject);
        rowSpinner.getEditor().setOnAction(e -> {
            rowSpinner.commitValue();
            vm.explain();
        });
        rowOfLabel.textProperty().bind(Bindings.createStringBinding(
                () -> l10n.get("why.customer.of", vm.rowCount().get()), vm.rowCount(), l10n.localeProperty()));
        var busy = vm.explaining().or(vm.importanceRunning());
        for (Node control : List.of(explainButton, highestButton, randomButton, rowSpinner)) {
            control.disableProperty().bind(busy);
        }
        highestButton.setTooltip(LocalizedControls.tooltip(l10n, "why.customer.highestTip"));
        randomButton.setTooltip(LocalizedControls.tooltip(l10n, "why.customer.randomTip"));
        LocalizedControls.showWhenText(customerErrorLabel, l10n.bind(vm.customerError()));
        LocalizedControls.showWhenText(customerSummaryLabel, l10n.bind(vm.customerSummary()));
        customerResult.visibleProperty().bind(vm.explanation().isNotNull());
        customerResult.managedProperty().bind(customerResult.visibleProperty());
        contributionChart.setId("contributionChart");
        contributionHolder.getChildren().setAll(contributionChart);
        vm.explanation().addListener((obs, o, n) -> showExplanation());
    }

    private void showExplanation() {
        LocalExplanation e = vm.explanation().get();
        if (e == null) {
            contributionChart.setData(List.of(), "", v -> "");
            methodLabel.setText("");
            return;
        }
        methodLabel.setText(Double.isNaN(e.fitR2()) ? l10n.get("why.customer.methodNoFit", e.method())
                : l10n.get("why.customer.method", e.method(), e.fitR2()));
        List<WhyBars.Bar> bars = new ArrayList<>();
        for (LocalExplanation.Contribution c : e.contributions().stream().limit(MAX_CONTRIBUTIONS).toList()) {
            String shown = c.value().isEmpty() || "?".equals(c.value()) ? l10n.get("why.whatIf.missing") : c.value();
            String label = l10n.get("why.customer.barLabel", c.feature(), shown);
            String value = (Math.abs(c.weight()) < 0.0005 ? "" : c.weight() >= 0 ? "+" : "−")
                    + l10n.formatDecimal(Math.abs(c.weight()), 3);
            String hover = l10n.get(c.weight() >= 0 ? "why.customer.hoverUp" : "why.customer.hoverDown",
                    c.feature(), shown, Math.abs(c.weight()));
            bars.add(new WhyBars.Bar(label, c.weight(), Double.NaN, value, hover,
                    c.weight() >= 0 ? "why-bar-up" : "why-bar-down"));
        }
        contributionChart.setData(bars, l10n.get("why.customer.axis", vm.scoreName().get()),
                v -> l10n.formatDecimal(v, 2));
    }

    private void setUpWhatIf() {
        whatIfFeatureBox.setItems(vm.whatIfFeatures());
        whatIfFeatureBox.valueProperty().bindBidirectional(vm.whatIfFeatureProperty());
        whatIfCategoryBox.setItems(vm.whatIfCategories());
        whatIfCategoryBox.valueProperty().bindBidirectional(vm.whatIfValueProperty());
        whatIfNumberField.textProperty().bindBidirectional(vm.whatIfValueProperty());
        whatIfNumberField.setOnAction(e -> vm.whatIf());
        var number = vm.whatIfIsNumber();
        whatIfNumberField.visibleProperty().bind(number);
        whatIfNumberField.managedProperty().bind(number);
        whatIfCategoryBox.visibleProperty().bind(number.not());
        whatIfCategoryBox.managedProperty().bind(number.not());
        whatIfButton.disableProperty().bind(vm.canWhatIf().not());
        LocalizedControls.showWhenText(whatIfCurrentLabel, l10n.bind(vm.whatIfCurrent()));
        LocalizedControls.showWhenText(whatIfErrorLabel, l10n.bind(vm.whatIfError()));
        LocalizedControls.showWhenText(whatIfSummaryLabel, l10n.bind(vm.whatIfSummary()));
        vm.whatIfWarnings().addListener((ListChangeListener<UserMessage>) c -> showWarnings());
    }

    private void showWarnings() {
        whatIfWarningsBox.getChildren().setAll(vm.whatIfWarnings().stream().map(m -> {
            Label line = new Label(l10n.format(m));
            line.setWrapText(true);
            return line;
        }).toList());
    }

    @FXML
    private void onMeasure() {
        repeatsSpinner.commitValue();
        seedSpinner.commitValue();
        vm.measureImportance();
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onExplain() {
        rowSpinner.commitValue();
        vm.explain();
    }

    @FXML
    private void onHighest() {
        vm.explainHighest();
    }

    @FXML
    private void onRandom() {
        vm.explainRandom();
    }

    @FXML
    private void onWhatIf() {
        vm.whatIf();
    }

    @FXML
    private void onCopyImportance() {
        ChartExport.copy(importanceChartBox);
    }

    @FXML
    private void onSaveImportance() {
        save(importanceChartBox, "feature-importance");
    }

    @FXML
    private void onCopyCustomer() {
        ChartExport.copy(customerChartBox);
    }

    @FXML
    private void onSaveCustomer() {
        save(customerChartBox, "customer-explanation");
    }

    private void save(Node chart, String name) {
        ChartExport.saveWithDialog(dialogs, chart, "why.ui.saveTitle", name, "why.ui.saveFailed");
    }

    /** The importance of each feature, once it has been measured; its finding is the caption. */
    java.util.List<org.marketingworkbench.ui.common.Slide> slides() {
        if (vm.importance().get() == null) {
            return java.util.List.of();
        }
        return java.util.List.of(new org.marketingworkbench.ui.common.Slide("evaluate.importance", importanceChart,
                importanceFindingLabel.textProperty(), (javafx.scene.Parent) view()));
    }
}
