package org.marketingworkbench.ui.evaluate;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.marketingworkbench.core.evaluate.ConfusionMatrix;
import org.marketingworkbench.core.evaluate.EvaluationMetric;
import org.marketingworkbench.core.evaluate.FairnessFlag;
import org.marketingworkbench.core.evaluate.GainsPoint;
import org.marketingworkbench.core.evaluate.ProfitPoint;
import org.marketingworkbench.core.evaluate.RatePoint;
import org.marketingworkbench.core.evaluate.ThresholdMetrics;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.ui.common.ChartExport;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.FxmlScreen;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.LocalizedControls;
import org.marketingworkbench.ui.shell.StepView;

/**
 * The Evaluate screen: on the left the threshold slider, the confusion matrix as a heatmap and every figure
 * with its meaning; on the right the curves, the profit view (whose cut-off moves the threshold), why the
 * model decides, and the figures by group. Built once; its state is in {@link EvaluateViewModel}.
 */
public final class EvaluateView implements StepView, org.marketingworkbench.ui.common.Presentable {

    private final EvaluateViewModel vm;
    private final Localization l10n;
    private final DialogService dialogs;
    private final WhyView why;
    private Node node;
    private boolean syncing;

    private final CurveChart roc = new CurveChart("roc-chart", 0, 1, 0, 1, "curve", "reference");
    private final CurveChart pr = new CurveChart("pr-chart", 0, 1, 0, 1, "curve", "reference");
    private final CurveChart gains = new CurveChart("gains-chart", 0, 1, 0, 1, "curve", "reference");
    private final CurveChart calibration = new CurveChart("calibration-chart", 0, 1, 0, 1, "curve", "reference");
    private final CurveChart profit = new CurveChart("profit-chart", 0, 1, Double.NaN, Double.NaN, "curve", "best");
    private final BarChart<String, Number> lift = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final Label[][] cells = new Label[2][2];
    private final Label[] rowHeads = new Label[2];
    private final Label[] colHeads = new Label[2];

    @FXML private VBox emptyState;
    @FXML private ScrollPane workspaceScroll;
    @FXML private Label summary;
    @FXML private Label errorLabel;
    @FXML private Slider thresholdSlider;
    @FXML private Label thresholdLabel;
    @FXML private Label contactLabel;
    @FXML private GridPane confusionGrid;
    @FXML private VBox metricsBox;
    @FXML private TabPane tabs;
    @FXML private Tab rocTab;
    @FXML private Tab prTab;
    @FXML private Tab gainsTab;
    @FXML private Tab calibrationTab;
    @FXML private Tab profitTab;
    @FXML private Tab whyTab;
    @FXML private Tab fairnessTab;
    @FXML private StackPane rocHolder;
    @FXML private StackPane prHolder;
    @FXML private StackPane gainsHolder;
    @FXML private StackPane liftHolder;
    @FXML private StackPane calibrationHolder;
    @FXML private StackPane profitHolder;
    @FXML private TextField costField;
    @FXML private TextField valueField;
    @FXML private Button bestButton;
    @FXML private Label profitProblem;
    @FXML private Label profitWords;
    @FXML private Slider shareSlider;
    @FXML private ComboBox<String> groupBox;
    @FXML private Label fairnessProblem;
    @FXML private VBox fairnessFlags;
    @FXML private TableView<org.marketingworkbench.core.evaluate.SegmentMetrics> fairnessTable;
    @FXML private Button copyChartButton;
    @FXML private Button saveChartButton;

    /** Continue: on to scoring new customers with the model. */
    @FXML private javafx.scene.control.Button continueButton;
    private final Runnable onContinue;

    /**
     * @param why        the "why the model decides" pane, shown as a tab
     * @param onContinue goes on to the Score step
     */
    public EvaluateView(EvaluateViewModel vm, Localization l10n, DialogService dialogs, WhyView why, Runnable onContinue) {
        this.onContinue = onContinue;
        this.vm = vm;
        this.l10n = l10n;
        this.dialogs = dialogs;
        this.why = why;
    }

    @Override
    public Node view() {
        if (node == null) {
            node = FxmlScreen.load(EvaluateView.class, "EvaluateView.fxml", this, l10n, "EvaluateView.css");
        }
        return node;
    }

    @FXML
    private void initialize() {
        emptyState.visibleProperty().bind(vm.hasModel().not());
        workspaceScroll.visibleProperty().bind(vm.hasModel());
        summary.textProperty().bind(l10n.bind(vm.summary()));
        LocalizedControls.showWhenText(errorLabel, l10n.bind(vm.errorProperty()));
        thresholdSlider.valueProperty().bindBidirectional(vm.thresholdProperty());
        thresholdLabel.textProperty().bind(Bindings.createStringBinding(
                () -> l10n.formatDecimal(vm.thresholdProperty().get(), 2), vm.thresholdProperty(), l10n.localeProperty()));
        setUpMetrics();
        setUpConfusion();
        rocHolder.getChildren().setAll(roc);
        prHolder.getChildren().setAll(pr);
        gainsHolder.getChildren().setAll(gains);
        liftHolder.getChildren().setAll(lift);
        calibrationHolder.getChildren().setAll(calibration);
        profitHolder.getChildren().setAll(profit);
        lift.setAnimated(false);
        lift.setLegendVisible(false);
        lift.getStyleClass().add("lift-chart");
        whyTab.setContent(why.view());
        setUpProfit();
        setUpFairness();
        vm.analysisProperty().addListener((obs, o, n) -> drawCurves());
        vm.metrics().addListener((obs, o, n) -> showThreshold());
        vm.profitProperty().addListener((obs, o, n) -> drawProfit());
        l10n.onLocaleChange(() -> {
            showThreshold();
            drawCurves();
            drawProfit();
            showFigures(vm.metrics().get());
            fairnessTable.refresh();
            showFairness();
        });
        drawCurves();
        drawProfit();
    }

    // ---- left: threshold, confusion matrix, metrics ------------------------------------------------

    private void setUpConfusion() {
        confusionGrid.getChildren().clear();
        for (int i = 0; i < 2; i++) {
            rowHeads[i] = new Label();
            rowHeads[i].getStyleClass().add("confusion-head");
            rowHeads[i].setMinWidth(Label.USE_PREF_SIZE);
            colHeads[i] = new Label();
            colHeads[i].getStyleClass().add("confusion-head");
            confusionGrid.add(rowHeads[i], 0, i + 1);
            confusionGrid.add(colHeads[i], i + 1, 0);
            GridPane.setHalignment(colHeads[i], HPos.CENTER);
            for (int j = 0; j < 2; j++) {
                Label cell = new Label();
                cell.getStyleClass().add("confusion-cell");
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                cell.setId("confusion-" + i + j);
                cells[i][j] = cell;
                confusionGrid.add(cell, j + 1, i + 1);
            }
        }
        showThreshold();
    }

    private void showThreshold() {
        ThresholdMetrics m = vm.metrics().get();
        if (m == null) {
            contactLabel.setText("");
            return;
        }
        ConfusionMatrix c = m.confusion();
        String no = c.labels().get(0);
        String yes = c.labels().get(1);
        rowHeads[0].setText(l10n.get("evaluate.ui.confusion.actual", no));
        rowHeads[1].setText(l10n.get("evaluate.ui.confusion.actual", yes));
        colHeads[0].setText(l10n.get("evaluate.ui.confusion.predicted", no));
        colHeads[1].setText(l10n.get("evaluate.ui.confusion.predicted", yes));
        long[][] counts = {{c.tn(), c.fp()}, {c.fn(), c.tp()}};
        String[][] names = {{"tn", "fp"}, {"fn", "tp"}};
        for (int i = 0; i < 2; i++) {
            long row = counts[i][0] + counts[i][1];
            for (int j = 0; j < 2; j++) {
                double share = row == 0 ? 0 : counts[i][j] / (double) row;
                cells[i][j].setText(l10n.get("evaluate.ui.confusion.cell", counts[i][j], share,
                        l10n.get("evaluate.ui.confusion." + names[i][j])));
                // row shares as colour: right answers in blue, mistakes in orange, stronger for larger shares
                String colour = i == j ? "rgba(0,114,178," : "rgba(213,94,0,";
                cells[i][j].setStyle("-fx-background-color: " + colour + (0.12 + 0.6 * share) + ");");
            }
        }
        long contacted = c.tp() + c.fp();
        long all = contacted + c.tn() + c.fn();
        contactLabel.setText(l10n.get("evaluate.ui.threshold.contacted", vm.thresholdProperty().get(), contacted, all,
                all == 0 ? 0 : contacted / (double) all, yes));
        showFigures(m);
        markOperatingPoints();
    }

    private static final List<EvaluationMetric> FIGURES = List.of(EvaluationMetric.ACCURACY,
            EvaluationMetric.BASELINE_ACCURACY, EvaluationMetric.PRECISION, EvaluationMetric.RECALL,
            EvaluationMetric.SPECIFICITY, EvaluationMetric.F1, EvaluationMetric.MCC, EvaluationMetric.AUC,
            EvaluationMetric.LOG_LOSS);
    private final java.util.Map<EvaluationMetric, Label> figureValues = new java.util.EnumMap<>(EvaluationMetric.class);

    /** Each figure: its name and value on one line, its meaning for a marketer below. */
    private void setUpMetrics() {
        metricsBox.getChildren().clear();
        for (EvaluationMetric m : FIGURES) {
            Label name = new Label();
            name.textProperty().bind(l10n.text(m.labelKey()));
            name.getStyleClass().add("metric-name");
            Label value = new Label("–");
            value.getStyleClass().add("metric-value");
            value.setId("figure-" + m.id());
            figureValues.put(m, value);
            javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
            javafx.scene.layout.HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
            javafx.scene.layout.HBox line = new javafx.scene.layout.HBox(8, name, gap, value);
            Label meaning = new Label();
            meaning.textProperty().bind(l10n.text(m.meaningKey()));
            meaning.getStyleClass().add("metric-meaning");
            meaning.setWrapText(true);
            meaning.setMinHeight(Label.USE_PREF_SIZE);
            VBox row = new VBox(1, line, meaning);
            row.getStyleClass().add("metric-row");
            metricsBox.getChildren().add(row);
        }
    }

    private void showFigures(ThresholdMetrics m) {
        for (EvaluationMetric id : FIGURES) {
            double v = m == null ? Double.NaN : m.value(id);
            figureValues.get(id).setText(Double.isNaN(v) ? "–" : l10n.formatDecimal(v, 3));
        }
    }

    // ---- curves -----------------------------------------------------------------------------------

    private void drawCurves() {
        EvaluateViewModel.Analysis a = vm.analysisProperty().get();
        roc.labels(a == null ? "" : l10n.get("evaluate.ui.roc.title", a.roc().auc()), l10n.get("evaluate.ui.roc.x"),
                l10n.get("evaluate.ui.roc.y"));
        pr.labels(l10n.get("evaluate.ui.pr.title"), l10n.get("evaluate.ui.pr.x"), l10n.get("evaluate.ui.pr.y"));
        gains.labels(l10n.get("evaluate.ui.gains.title"), l10n.get("evaluate.ui.gains.x"), l10n.get("evaluate.ui.gains.y"));
        calibration.labels(l10n.get("evaluate.ui.calibration.title"), l10n.get("evaluate.ui.calibration.x"),
                l10n.get("evaluate.ui.calibration.y"));
        lift.setTitle(a == null ? "" : l10n.get("evaluate.ui.lift.title", a.liftByDecile()[0]));
        lift.getXAxis().setLabel(l10n.get("evaluate.ui.lift.x"));
        lift.getYAxis().setLabel(l10n.get("evaluate.ui.lift.y"));
        if (a == null) {
            return;
        }
        String model = l10n.get("evaluate.ui.curve.model");
        String chance = l10n.get("evaluate.ui.curve.chance");
        roc.line("curve", model, rates(a.roc().points()));
        roc.line("reference", chance, List.of(new double[] {0, 0}, new double[] {1, 1}));
        pr.line("curve", model, rates(a.precisionRecall()));
        double base = a.ranked().positives() / (double) Math.max(1, a.ranked().size());
        pr.line("reference", chance, List.of(new double[] {0, base}, new double[] {1, base}));
        List<double[]> g = new ArrayList<>();
        g.add(new double[] {0, 0});
        for (GainsPoint p : a.gains()) {
            g.add(new double[] {p.share(), p.gain()});
        }
        gains.line("curve", model, g);
        gains.line("reference", chance, List.of(new double[] {0, 0}, new double[] {1, 1}));
        List<double[]> cal = new ArrayList<>();
        a.calibration().stream().filter(b -> b.count() > 0)
                .forEach(b -> cal.add(new double[] {b.meanPredicted(), b.observedRate()}));
        calibration.line("curve", model, cal);
        calibration.line("reference", l10n.get("evaluate.ui.calibration.perfect"),
                List.of(new double[] {0, 0}, new double[] {1, 1}));
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        double[] lifts = a.liftByDecile();
        for (int d = 0; d < lifts.length; d++) {
            bars.getData().add(new XYChart.Data<>(l10n.get("evaluate.ui.lift.decile", (d + 1) * 10), lifts[d]));
        }
        lift.getData().setAll(List.of(bars));
        markOperatingPoints();
    }

    private static List<double[]> rates(List<RatePoint> points) {
        return points.stream().map(p -> new double[] {p.x(), p.y()}).toList();
    }

    private void markOperatingPoints() {
        EvaluateViewModel.Analysis a = vm.analysisProperty().get();
        ThresholdMetrics m = vm.metrics().get();
        if (a == null || m == null) {
            return;
        }
        String name = l10n.get("evaluate.ui.curve.threshold", vm.thresholdProperty().get());
        RatePoint op = a.roc().operatingPoint(vm.thresholdProperty().get());
        roc.mark(name, new double[] {op.x(), op.y()});
        pr.mark(name, Double.isNaN(m.precision()) ? null : new double[] {m.recall(), m.precision()});
        ProfitPoint cut = vm.cutOff().get();
        if (cut != null) {
            profit.mark(name, new double[] {cut.share(), cut.expectedProfit()});
            syncing = true;
            shareSlider.setValue(cut.share());
            syncing = false;
            profitWords.setText(l10n.get("evaluate.ui.profit.best", vm.profitProperty().get().best().share(),
                    vm.profitProperty().get().best().customers(), vm.profitProperty().get().best().expectedProfit())
                    + "\n" + l10n.get("evaluate.ui.profit.current", cut.share(), cut.customers(), cut.expectedProfit()));
        }
    }

    // ---- profit -----------------------------------------------------------------------------------

    private void setUpProfit() {
        costField.textProperty().bindBidirectional(vm.costProperty());
        valueField.textProperty().bindBidirectional(vm.valueProperty());
        LocalizedControls.showWhenText(profitProblem, l10n.bind(vm.profitProblemProperty()));
        bestButton.disableProperty().bind(vm.profitProperty().isNull());
        shareSlider.disableProperty().bind(vm.profitProperty().isNull());
        shareSlider.valueProperty().addListener((obs, o, n) -> {
            if (!syncing && shareSlider.isValueChanging() || !syncing && shareSlider.isFocused()) {
                vm.contactShare(n.doubleValue());
            }
        });
        shareSlider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now) {
                vm.contactShare(shareSlider.getValue());
            }
        });
    }

    private void drawProfit() {
        var p = vm.profitProperty().get();
        profit.labels(l10n.get("evaluate.ui.profit.title"), l10n.get("evaluate.ui.profit.x"), l10n.get("evaluate.ui.profit.y"));
        if (p == null) {
            profit.line("curve", l10n.get("evaluate.ui.profit.line"), List.of());
            profit.mark("", null);
            profitWords.setText("");
            return;
        }
        profit.line("curve", l10n.get("evaluate.ui.profit.line"),
                p.points(CurveChart.MAX_POINTS).stream().map(x -> new double[] {x.share(), x.expectedProfit()}).toList());
        ProfitPoint best = p.best();
        profit.line("best", l10n.get("evaluate.ui.profit.bestLine"), List.of(new double[] {best.share(), 0},
                new double[] {best.share(), best.expectedProfit()}));
        markOperatingPoints();
    }

    @FXML
    private void onUseBest() {
        vm.useBestCutOff();
    }

    // ---- fairness ---------------------------------------------------------------------------------

    private void setUpFairness() {
        groupBox.setItems(vm.groupColumns());
        groupBox.valueProperty().bindBidirectional(vm.groupColumnProperty());
        LocalizedControls.showWhenText(fairnessProblem, l10n.bind(vm.fairnessProblemProperty()));
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.setPadding(new javafx.geometry.Insets(12));
        fairnessTable.setPlaceholder(placeholder);
        ((Label) fairnessTable.getPlaceholder()).textProperty().bind(l10n.text("evaluate.ui.fairness.empty"));
        fairnessTable.setItems(vm.groupRows());
        TableColumn<org.marketingworkbench.core.evaluate.SegmentMetrics, String> group =
                LocalizedControls.column(l10n, "evaluate.ui.fairness.group");
        group.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().metrics().isMissingValue()
                ? l10n.get("evaluate.ui.fairness.missing") : c.getValue().metrics().group()));
        TableColumn<org.marketingworkbench.core.evaluate.SegmentMetrics, String> customers =
                LocalizedControls.column(l10n, "evaluate.ui.fairness.customers");
        customers.setCellValueFactory(c -> new ReadOnlyStringWrapper(l10n.formatInteger(c.getValue().metrics().customers())));
        List<TableColumn<org.marketingworkbench.core.evaluate.SegmentMetrics, String>> cols =
                new ArrayList<>(List.of(group, customers));
        for (EvaluationMetric m : List.of(EvaluationMetric.PRECISION, EvaluationMetric.RECALL, EvaluationMetric.ACCURACY,
                EvaluationMetric.AUC)) {
            TableColumn<org.marketingworkbench.core.evaluate.SegmentMetrics, String> col = LocalizedControls.column(l10n, m.labelKey());
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                    l10n.formatDecimal(c.getValue().metrics().metrics().value(m), 3)));
            col.setStyle("-fx-alignment: CENTER-RIGHT;");
            cols.add(col);
        }
        TableColumn<org.marketingworkbench.core.evaluate.SegmentMetrics, String> best =
                LocalizedControls.column(l10n, "evaluate.ui.fairness.bestProfit");
        best.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().profit().map(p -> l10n.get(
                "evaluate.ui.fairness.bestProfitValue", p.best().share(), p.best().expectedProfit())).orElse("–")));
        best.setPrefWidth(170);
        cols.add(best);
        fairnessTable.getColumns().setAll(cols);
        vm.fairnessProperty().addListener((obs, o, n) -> showFairness());
    }

    private void showFairness() {
        var r = vm.fairnessProperty().get();
        fairnessFlags.getChildren().clear();
        if (r == null) {
            return;
        }
        if (r.flags().isEmpty()) {
            Label ok = new Label(l10n.get("evaluate.ui.fairness.noFlags",
                    org.marketingworkbench.core.evaluate.FairnessCheck.LIMIT));
            ok.setWrapText(true);
            ok.setMinHeight(Label.USE_PREF_SIZE);
            ok.getStyleClass().add("panel-hint");
            fairnessFlags.getChildren().add(ok);
        }
        for (FairnessFlag f : r.flags()) {
            Label l = new Label(l10n.format(f.reason()));
            l.setWrapText(true);
            l.setMinHeight(Label.USE_PREF_SIZE);
            l.getStyleClass().add("inline-notice");
            fairnessFlags.getChildren().add(l);
        }
    }

    // ---- export -----------------------------------------------------------------------------------

    private Node currentChart() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t == rocTab) {
            return roc;
        }
        if (t == prTab) {
            return pr;
        }
        if (t == gainsTab) {
            return gains.getParent().getParent();
        }
        if (t == calibrationTab) {
            return calibration;
        }
        if (t == profitTab) {
            return profit;
        }
        return t == null ? null : t.getContent();
    }

    @FXML
    private void onCopyChart() {
        Node chart = currentChart();
        if (chart != null) {
            ChartExport.copy(chart);
        }
    }

    @FXML
    private void onSaveChart() {
        Node chart = currentChart();
        if (chart == null) {
            return;
        }
        String name = "evaluate-" + tabs.getSelectionModel().getSelectedItem().getId().replace("Tab", "");
        ChartExport.saveWithDialog(dialogs, chart, "evaluate.ui.chart.saveTitle", name, "evaluate.ui.error.saveFailed");
    }

    @FXML
    private void onContinue() {
        onContinue.run();
    }

    /** ROC, gains, lift and profit, then the Why pane's importance, once the model has been evaluated. */
    @Override
    public List<org.marketingworkbench.ui.common.Slide> slides() {
        if (vm.analysisProperty().get() == null) {
            return List.of();
        }
        javafx.scene.Parent screen = (javafx.scene.Parent) view();   // built now if not visited yet: charts filled and placed
        List<org.marketingworkbench.ui.common.Slide> all = new java.util.ArrayList<>(List.of(
                new org.marketingworkbench.ui.common.Slide("evaluate.roc", roc, null, screen),
                new org.marketingworkbench.ui.common.Slide("evaluate.gains", gains, null, screen),
                new org.marketingworkbench.ui.common.Slide("evaluate.lift", lift, null, screen),
                new org.marketingworkbench.ui.common.Slide("evaluate.profit", profit, null, screen)));
        all.addAll(why.slides());
        return all;
    }
}
