package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.CheckListView;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.segment.Algorithm;
import org.marketingworkbench.core.segment.KChooser;
import org.marketingworkbench.core.segment.Scaling;
import org.marketingworkbench.core.segment.SegmentCard;
import org.marketingworkbench.core.segment.SegmentMap;
import org.marketingworkbench.core.segment.Segmentation;
import org.marketingworkbench.core.segment.SegmentationResult;
import org.marketingworkbench.ui.common.ChartExport;
import org.marketingworkbench.ui.common.CheckedNames;
import org.marketingworkbench.ui.common.Combos;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.FxmlScreen;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.LocalizedControls;
import org.marketingworkbench.ui.shell.StepView;

/**
 * The Segment screen: the feature list (ControlsFX {@link CheckListView}) and settings on the left, the
 * results in tabs on the right (choosing k, sizes and cards, the map, the profile heatmap, quality, RFM).
 * Built once; all state is in {@link SegmentViewModel}, the view binds to it and redraws its charts when a
 * run, a name or the language changes.
 */
public final class SegmentView implements StepView, org.marketingworkbench.ui.common.Presentable {

    private final SegmentViewModel vm;
    private final Localization l10n;
    private final DialogService dialogs;
    private final Runnable onContinue;
    private final RfmView rfm;
    private Node node;
    // the spinners' object views of the view-model's int properties, held so the bindings are not collected
    private ObjectProperty<Integer> kValue;
    private ObjectProperty<Integer> seedValue;
    private ObjectProperty<Integer> kFromValue;
    private ObjectProperty<Integer> kToValue;

    private final ElbowChart elbow;
    private final SegmentSizesChart sizes;
    private final SegmentMapChart map;
    private final ProfileHeatmap heatmap;
    private final SilhouetteChart silhouette;

    @FXML private VBox emptyState;
    @FXML private ScrollPane workspaceScroll;
    @FXML private Label summary;
    @FXML private Label errorLabel;
    @FXML private Label noticeLabel;
    @FXML private CheckListView<SegmentViewModel.FeatureItem> featureList;
    @FXML private ComboBox<Algorithm> algorithmBox;
    @FXML private Spinner<Integer> kSpinner;
    @FXML private CheckBox automaticKBox;
    @FXML private ComboBox<Scaling> scalingBox;
    @FXML private Spinner<Integer> seedSpinner;
    @FXML private Button runButton;
    @FXML private Button continueButton;
    @FXML private Label staleLabel;
    @FXML private TabPane resultTabs;
    @FXML private Tab chooseKTab;
    @FXML private Tab segmentsTab;
    @FXML private Tab mapTab;
    @FXML private Tab profileTab;
    @FXML private Tab qualityTab;
    @FXML private Tab rfmTab;
    @FXML private Spinner<Integer> kFromSpinner;
    @FXML private Spinner<Integer> kToSpinner;
    @FXML private Button chooseKButton;
    @FXML private Button useKButton;
    @FXML private Label kReason;
    @FXML private StackPane elbowHolder;
    @FXML private StackPane sizesHolder;
    @FXML private FlowPane cards;
    @FXML private StackPane mapHolder;
    @FXML private StackPane heatmapHolder;
    @FXML private StackPane silhouetteHolder;
    @FXML private Button copyChartButton;
    @FXML private Button saveChartButton;
    @FXML private Button exportButton;

    public SegmentView(SegmentViewModel vm, Localization l10n, DialogService dialogs, Runnable onContinue) {
        this.vm = vm;
        this.l10n = l10n;
        this.dialogs = dialogs;
        this.onContinue = onContinue;
        this.rfm = new RfmView(vm.rfm(), l10n, dialogs);
        elbow = new ElbowChart(l10n);
        sizes = new SegmentSizesChart(l10n);
        map = new SegmentMapChart(l10n);
        heatmap = new ProfileHeatmap(l10n);
        silhouette = new SilhouetteChart(l10n);
    }

    @Override
    public Node view() {
        if (node == null) {
            node = FxmlScreen.load(SegmentView.class, "SegmentView.fxml", this, l10n, "SegmentView.css");
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
        setUpFeatures();
        setUpSettings();
        setUpChooseK();
        elbowHolder.getChildren().setAll(elbow);
        elbow.visibleProperty().bind(vm.kChoiceProperty().isNotNull());
        sizesHolder.getChildren().setAll(sizes);
        mapHolder.getChildren().setAll(map);
        heatmapHolder.getChildren().setAll(heatmap);
        silhouetteHolder.getChildren().setAll(silhouette);
        rfmTab.setContent(rfm.view());
        // Enter runs what the tab in front is about: RFM on its tab, segmenting elsewhere
        runButton.defaultButtonProperty().bind(rfmTab.selectedProperty().not());
        rfm.runButton().defaultButtonProperty().bind(rfmTab.selectedProperty());
        runButton.disableProperty().bind(vm.canRun().not());
        continueButton.disableProperty().bind(vm.canContinue().not());
        staleLabel.visibleProperty().bind(vm.stale());
        staleLabel.managedProperty().bind(staleLabel.visibleProperty());
        var chartShown = Bindings.createBooleanBinding(() -> currentChart() == null,
                resultTabs.getSelectionModel().selectedItemProperty(), vm.segmentationProperty(), vm.kChoiceProperty());
        copyChartButton.disableProperty().bind(chartShown);
        saveChartButton.disableProperty().bind(chartShown);
        exportButton.disableProperty().bind(vm.hasResult().not().or(vm.busyProperty()));
        vm.segmentationProperty().addListener((obs, old, now) -> showSegmentation(now, old == null));
        vm.names().edited().addListener((MapChangeListener<Integer, String>) c -> renamed());
        l10n.onLocaleChange(() -> {
            Combos.relabel(algorithmBox, scalingBox);
            renamed();
            featureList.refresh();
        });
        showSegmentation(vm.segmentationProperty().get(), true);
    }

    // ---- settings ---------------------------------------------------------------------------------

    private void setUpFeatures() {
        featureList.setItems(vm.featureItems());
        featureList.setCellFactory(list -> new FeatureCell());
        CheckedNames.bind(featureList, vm.chosenFeatures(), SegmentViewModel.FeatureItem::name, vm::choose);
    }

    /**
     * A feature in the list: its name, marked when it cannot be used or is not suggested; the reason (in
     * the user's numbers and words) on hover.
     */
    private final class FeatureCell extends javafx.scene.control.cell.CheckBoxListCell<SegmentViewModel.FeatureItem> {

        FeatureCell() {
            super(featureList::getItemBooleanProperty);
        }

        @Override
        public void updateItem(SegmentViewModel.FeatureItem f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            String key = !f.usable() ? "segment.features.unusable"
                    : f.suggested() ? "segment.features.usable" : "segment.features.notSuggested";
            setText(l10n.get(key, f.name()));
            setTooltip(new javafx.scene.control.Tooltip(l10n.format(f.reason())));
            pseudoClassStateChanged(UNUSABLE, !f.usable());
        }
    }

    private static final javafx.css.PseudoClass UNUSABLE = javafx.css.PseudoClass.getPseudoClass("unusable");


    private void setUpSettings() {
        algorithmBox.getItems().setAll(Algorithm.values());
        algorithmBox.setConverter(Combos.labels(a -> l10n.format(a.label())));
        algorithmBox.valueProperty().bindBidirectional(vm.algorithmProperty());
        scalingBox.getItems().setAll(Scaling.values());
        scalingBox.setConverter(Combos.labels(s -> l10n.get("segment.scaling." + s.id())));
        scalingBox.valueProperty().bindBidirectional(vm.scalingProperty());
        kValue = vm.kProperty().asObject();
        kSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 50, vm.kProperty().get()));
        kSpinner.getValueFactory().valueProperty().bindBidirectional(kValue);
        kSpinner.disableProperty().bind(vm.automaticKProperty());
        automaticKBox.selectedProperty().bindBidirectional(vm.automaticKProperty());
        automaticKBox.managedProperty().bind(automaticKBox.visibleProperty());
        automaticKBox.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.algorithmProperty().get().choosesK(), vm.algorithmProperty()));
        seedValue = vm.seedProperty().asObject();
        seedSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, Integer.MAX_VALUE,
                vm.seedProperty().get()));
        seedSpinner.getValueFactory().valueProperty().bindBidirectional(seedValue);
    }

    private void setUpChooseK() {
        kFromValue = vm.kFromProperty().asObject();
        kToValue = vm.kToProperty().asObject();
        kFromSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 30, vm.kFromProperty().get()));
        kToSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(2, 30, vm.kToProperty().get()));
        kFromSpinner.getValueFactory().valueProperty().bindBidirectional(kFromValue);
        kToSpinner.getValueFactory().valueProperty().bindBidirectional(kToValue);
        chooseKButton.disableProperty().bind(vm.hasInput().not().or(vm.busyProperty())
                .or(Bindings.isEmpty(vm.chosenFeatures())));
        useKButton.visibleProperty().bind(vm.kChoiceProperty().isNotNull());
        useKButton.textProperty().bind(Bindings.createStringBinding(() -> vm.kChoiceProperty().get() == null ? ""
                        : l10n.get("segment.action.useK", vm.kChoiceProperty().get().recommendedK()),
                vm.kChoiceProperty(), l10n.localeProperty()));
        // before a run: what the chooser does; after: what else to know (its reason is the chart's subtitle)
        LocalizedControls.showWhenText(kReason, Bindings.createStringBinding(() -> {
            KChooser.KChoice c = vm.kChoiceProperty().get();
            return c == null ? l10n.get("segment.k.hint")
                    : String.join("\n", c.notes().stream().map(l10n::format).toList());
        }, vm.kChoiceProperty(), l10n.localeProperty()));
        vm.kChoiceProperty().addListener((obs, old, now) -> showKChoice(now));
        vm.kProperty().addListener((obs, old, now) -> elbow.setCurrentK(now.intValue()));
        showKChoice(vm.kChoiceProperty().get());
    }

    private void showKChoice(KChooser.KChoice choice) {
        if (choice == null) {
            elbow.setData(List.of(), 0, null);
            return;
        }
        elbow.setData(choice.scores(), choice.recommendedK(), choice.reason());
        elbow.setCurrentK(vm.kProperty().get());
        resultTabs.getSelectionModel().select(chooseKTab);
    }


    // ---- results ----------------------------------------------------------------------------------

    private void showSegmentation(Segmentation s, boolean first) {
        cards.getChildren().clear();
        if (s == null) {
            sizes.setData(new int[0], List.of());
            silhouette.setData(new double[0], Double.NaN, List.of());
            heatmap.setData(List.of(), List.of(), List.of());
            map.setData(null, List.of());
            return;
        }
        SegmentationResult r = s.result();
        List<String> names = names();
        sizes.setData(r.sizes(), names);
        silhouette.setData(r.silhouette().perSegment(), r.averageSilhouette(), names);
        heatmap.setData(r.segments(), r.profileColumns(), names);
        map.setData(mapData(s.map()), names);
        for (SegmentCard card : s.cards()) {
            cards.getChildren().add(new SegmentCardView(card, vm.names(), l10n, vm::rename));
        }
        if (first || resultTabs.getSelectionModel().getSelectedItem() == chooseKTab) {
            resultTabs.getSelectionModel().select(segmentsTab);
        }
    }

    private static SegmentMapChart.MapData mapData(SegmentMap m) {
        double[][] centres = new double[m.centroidX().length][];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = new double[] {m.centroidX()[i], m.centroidY()[i]};
        }
        return new SegmentMapChart.MapData(m.x(), m.y(), m.segment(), centres, m.varianceExplained(), m.customers());
    }

    /** Segment names, in segment order, as the charts take them ("1 · Young big spenders"). */
    private List<String> names() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Integer, String> e : vm.names().displayNames(l10n.locale()).entrySet()) {
            out.add(e.getKey() + " · " + e.getValue());
        }
        return out;
    }

    private void renamed() {
        if (vm.segmentationProperty().get() == null) {
            return;
        }
        List<String> names = names();
        sizes.setNames(names);
        silhouette.setNames(names);
        heatmap.setNames(names);
        map.setNames(names);
        cards.getChildren().forEach(n -> ((SegmentCardView) n).refresh());
    }

    /** The chart on the selected tab, for copy and save; null when the tab has none yet. */
    private Node currentChart() {
        Tab tab = resultTabs.getSelectionModel().getSelectedItem();
        if (tab == chooseKTab) {
            return vm.kChoiceProperty().get() == null ? null : elbow;
        }
        if (vm.segmentationProperty().get() == null) {
            return null;
        }
        if (tab == segmentsTab) {
            return sizes;
        }
        if (tab == mapTab) {
            return map;
        }
        if (tab == profileTab) {
            return heatmap;
        }
        if (tab == qualityTab) {
            return silhouette;
        }
        return null;
    }

    // ---- gestures ---------------------------------------------------------------------------------

    @FXML
    private void onSuggested() {
        vm.chooseSuggested();
    }

    @FXML
    private void onRun() {
        vm.run();
    }

    @FXML
    private void onContinue() {
        onContinue.run();
    }

    @FXML
    private void onChooseK() {
        vm.chooseK();
    }

    @FXML
    private void onUseK() {
        vm.useRecommendedK();
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
        String name = "segments-" + resultTabs.getSelectionModel().getSelectedItem().getId().replace("Tab", "");
        ChartExport.saveWithDialog(dialogs, chart, "segment.chart.saveTitle", name, "segment.error.saveFailed");
    }

    @FXML
    private void onExport() {
        dialogs.chooseExportFile(UserMessage.of("segment.export.title"), "segments", "csv")
                .ifPresent(path -> vm.export(path, l10n.locale()));
    }

    /** The segments' sizes, map and profile, once there are segments. */
    @Override
    public List<org.marketingworkbench.ui.common.Slide> slides() {
        if (!vm.hasResult().get()) {
            return List.of();
        }
        javafx.scene.Parent screen = (javafx.scene.Parent) view();   // built now if not visited yet: charts filled and placed
        return List.of(new org.marketingworkbench.ui.common.Slide("segment.sizes", sizes, null, screen),
                new org.marketingworkbench.ui.common.Slide("segment.map", map, null, screen),
                new org.marketingworkbench.ui.common.Slide("segment.profile", heatmap, null, screen));
    }
}
