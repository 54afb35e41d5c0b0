package org.marketingworkbench.ui.segment;

import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.segment.rfm.CustomerRfm;
import org.marketingworkbench.ui.common.ChartExport;
import org.marketingworkbench.ui.common.Combos;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.FxmlScreen;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.LocalizedControls;
import org.marketingworkbench.ui.common.TaskRunner;

/**
 * RFM from a transaction log, as a pane for the Segment screen: the column pickers (filled with suggested
 * columns), the reference date, Compute and Cancel, what was done with every row, the segments as a treemap
 * and the customers with their scores. Built once ({@link #view()}); every piece of state is in
 * {@link RfmViewModel}.
 *
 * <p>To embed: {@code new RfmView(tasks, l10n, session.cleanedDataProperty(), dialogs).view()} as a tab's
 * content; {@link #viewModel()} gives the state (for saving in a project: {@code toStepRecord()}).
 */
public final class RfmView {

    private final RfmViewModel vm;
    private final Localization l10n;
    private final DialogService dialogs;
    private Node node;
    private SegmentTreemap treemap;

    @FXML private VBox rfmEmptyState;
    @FXML private Node workspace;
    @FXML private ComboBox<String> customerBox;
    @FXML private ComboBox<String> dateBox;
    @FXML private RadioButton amountRadio;
    @FXML private RadioButton productRadio;
    @FXML private HBox amountFields;
    @FXML private HBox productFields;
    @FXML private ComboBox<String> amountBox;
    @FXML private ComboBox<String> quantityBox;
    @FXML private ComboBox<String> priceBox;
    @FXML private ComboBox<String> invoiceBox;
    @FXML private DatePicker asOfPicker;
    @FXML private Button rfmRunButton;
    @FXML private Button rfmCancelButton;
    @FXML private Label problemLabel;
    @FXML private Label summaryLabel;
    @FXML private VBox handledRowsBox;
    @FXML private Label rfmNoticeLabel;
    @FXML private Button copyGridButton;
    @FXML private Button saveGridButton;
    @FXML private Button rfmExportButton;
    @FXML private VBox chartBox;
    @FXML private Label findingLabel;
    @FXML private StackPane treemapHolder;
    @FXML private Label emptySegmentsLabel;
    @FXML private TableView<CustomerRfm> customerTable;

    /** The pane on the project's current table {@code data}, running its work through {@code tasks}. */
    public RfmView(TaskRunner tasks, Localization l10n, ObservableValue<Dataset> data, DialogService dialogs) {
        this(new RfmViewModel(tasks, data), l10n, dialogs);
    }

    public RfmView(RfmViewModel vm, Localization l10n, DialogService dialogs) {
        this.vm = vm;
        this.l10n = l10n;
        this.dialogs = dialogs;
    }

    public RfmViewModel viewModel() {
        return vm;
    }

    /** The button that computes RFM (the embedding screen decides when Enter presses it). */
    javafx.scene.control.Button runButton() {
        view();
        return rfmRunButton;
    }

    /** The pane, loaded on the first call and the same node after that. */
    public Node view() {
        if (node == null) {
            node = FxmlScreen.load(RfmView.class, "RfmView.fxml", this, l10n, "RfmView.css");
        }
        return node;
    }

    @FXML
    private void initialize() {
        rfmEmptyState.visibleProperty().bind(vm.hasData().not());
        workspace.visibleProperty().bind(vm.hasData());
        setUpPickers();
        rfmRunButton.disableProperty().bind(vm.canRun().not());
        rfmCancelButton.visibleProperty().bind(vm.runningProperty());
        rfmCancelButton.managedProperty().bind(rfmCancelButton.visibleProperty());
        // the form's gap first; once the form is complete, the last run's failure
        ObservableValue<UserMessage> problem = Bindings.createObjectBinding(
                () -> vm.settingsProblem().getValue() != null ? vm.settingsProblem().getValue() : vm.errorProperty().get(),
                vm.settingsProblem(), vm.errorProperty());
        LocalizedControls.showWhenText(problemLabel, l10n.bind(problem));
        LocalizedControls.showWhenText(summaryLabel, l10n.bind(vm.summary()));
        LocalizedControls.showWhenText(rfmNoticeLabel, l10n.bind(vm.noticeProperty()));
        LocalizedControls.showWhenText(findingLabel, l10n.bind(vm.finding()));
        var noResult = vm.resultProperty().isNull();
        copyGridButton.disableProperty().bind(noResult);
        saveGridButton.disableProperty().bind(noResult);
        rfmExportButton.disableProperty().bind(noResult.or(vm.runningProperty()));
        copyGridButton.setTooltip(LocalizedControls.tooltip(l10n, "rfm.ui.copyGrid"));

        treemap = new SegmentTreemap(l10n);
        treemap.setId("rfmTreemap");
        treemapHolder.getChildren().setAll(treemap);
        vm.segments().addListener((ListChangeListener<Object>) c -> showSegments());
        vm.handledRows().addListener((ListChangeListener<Object>) c -> showHandledRows());
        setUpTable();
        l10n.onLocaleChange(() -> {
            showSegments();
            showHandledRows();
            customerTable.refresh();
            Combos.relabel(invoiceBox);
        });
    }

    private void setUpPickers() {
        for (ComboBox<String> box : List.of(customerBox, dateBox, amountBox, quantityBox, priceBox)) {
            box.setItems(vm.columns());
        }
        customerBox.valueProperty().bindBidirectional(vm.customerColumnProperty());
        dateBox.valueProperty().bindBidirectional(vm.dateColumnProperty());
        amountBox.valueProperty().bindBidirectional(vm.amountColumnProperty());
        quantityBox.valueProperty().bindBidirectional(vm.quantityColumnProperty());
        priceBox.valueProperty().bindBidirectional(vm.priceColumnProperty());
        invoiceBox.setItems(vm.invoiceChoices());
        invoiceBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? l10n.get("rfm.ui.none") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        invoiceBox.valueProperty().bindBidirectional(vm.invoiceColumnProperty());
        invoiceBox.setTooltip(LocalizedControls.tooltip(l10n, "rfm.ui.invoiceTip"));
        asOfPicker.valueProperty().bindBidirectional(vm.asOfProperty());
        asOfPicker.setTooltip(LocalizedControls.tooltip(l10n, "rfm.ui.asOfTip"));

        Runnable showMode = () -> {
            boolean product = vm.quantityTimesPriceProperty().get();
            (product ? productRadio : amountRadio).setSelected(true);
            amountFields.setVisible(!product);
            amountFields.setManaged(!product);
            productFields.setVisible(product);
            productFields.setManaged(product);
        };
        vm.quantityTimesPriceProperty().addListener((obs, o, n) -> showMode.run());
        showMode.run();
        productRadio.selectedProperty().addListener((obs, o, n) -> vm.quantityTimesPriceProperty().set(n));
        var busy = vm.runningProperty();
        for (Node control : List.of(customerBox, dateBox, amountBox, quantityBox, priceBox, invoiceBox, asOfPicker,
                amountRadio, productRadio)) {
            control.disableProperty().bind(busy);
        }
    }

    private void setUpTable() {
        TableColumn<CustomerRfm, String> customer = column("rfm.ui.col.customer", 130);
        customer.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().customer()));
        TableColumn<CustomerRfm, String> last = column("rfm.ui.col.lastPurchase", 110);
        last.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().lastPurchase().toString()));
        TableColumn<CustomerRfm, Number> recency = numberColumn("rfm.ui.col.recency", 110, 0, c -> c.recencyDays());
        TableColumn<CustomerRfm, Number> frequency = numberColumn("rfm.ui.col.frequency", 90, 0, c -> c.frequency());
        TableColumn<CustomerRfm, Number> monetary = numberColumn("rfm.ui.col.monetary", 110, 2, CustomerRfm::monetary);
        TableColumn<CustomerRfm, Number> r = numberColumn("rfm.ui.col.r", 44, 0, c -> c.r());
        TableColumn<CustomerRfm, Number> f = numberColumn("rfm.ui.col.f", 44, 0, c -> c.f());
        TableColumn<CustomerRfm, Number> m = numberColumn("rfm.ui.col.m", 44, 0, c -> c.m());
        TableColumn<CustomerRfm, CustomerRfm> segment = column("rfm.ui.col.segment", 150);
        segment.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        segment.setComparator((a, b) -> a.segment().compareTo(b.segment()));
        segment.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(CustomerRfm item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : l10n.get(item.segment().labelKey()));
            }
        });
        customerTable.getColumns().setAll(List.of(customer, segment, r, f, m, recency, frequency, monetary, last));
        customerTable.setItems(vm.customers());
        customerTable.setPlaceholder(LocalizedControls.label(l10n.text("rfm.ui.tablePlaceholder")));
    }

    private <S, T> TableColumn<S, T> column(String key, double width) {
        TableColumn<S, T> c = LocalizedControls.column(l10n, key);
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<CustomerRfm, Number> numberColumn(String key, double width, int digits,
                                                          java.util.function.Function<CustomerRfm, Number> value) {
        TableColumn<CustomerRfm, Number> c = column(key, width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : digits == 0 ? l10n.formatInteger(item.longValue())
                        : l10n.formatDecimal(item.doubleValue(), digits));
            }
        });
        c.setStyle("-fx-alignment: center-right;");
        return c;
    }

    private void showSegments() {
        treemap.show(vm.segmentsWithCustomers());
        emptySegmentsLabel.setText(vm.emptySegments().map(list -> l10n.get("rfm.ui.emptySegments", list.stream()
                .map(s -> l10n.get(s.labelKey())).collect(Collectors.joining(", ")))).orElse(""));
        emptySegmentsLabel.setVisible(!emptySegmentsLabel.getText().isEmpty());
        emptySegmentsLabel.setManaged(emptySegmentsLabel.isVisible());
    }

    private void showHandledRows() {
        handledRowsBox.getChildren().setAll(vm.handledRows().stream().map(m -> {
            Label line = new Label(l10n.format(m));
            line.setWrapText(true);
            return line;
        }).toList());
    }

    @FXML
    private void onRun() {
        vm.run();
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onCopyGrid() {
        ChartExport.copy(chartBox);
    }

    @FXML
    private void onSaveGrid() {
        ChartExport.saveWithDialog(dialogs, chartBox, "rfm.ui.saveGridTitle", "rfm-segments", "rfm.ui.saveFailed");
    }

    @FXML
    private void onExportCsv() {
        dialogs.chooseExportFile(UserMessage.of("rfm.ui.exportTitle"), "rfm", "csv")
                .ifPresent(path -> vm.exportCsv(path, l10n.locale()));
    }
}
