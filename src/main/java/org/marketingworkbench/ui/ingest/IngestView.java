package org.marketingworkbench.ui.ingest;

import java.nio.charset.Charset;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.ingest.BadRowPolicy;
import org.marketingworkbench.core.ingest.FileFormat;
import org.marketingworkbench.core.ingest.ImportProblem;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.ui.common.Combos;
import org.marketingworkbench.ui.common.DatasetTable;
import org.marketingworkbench.ui.common.FxmlScreen;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.LocalizedControls;
import org.marketingworkbench.ui.shell.StepView;

/** The Import screen: an empty state with the sample data one click away, then settings, preview, columns, problems. */
public final class IngestView implements StepView {

    private static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');
    private static final List<String> THOUSANDS = List.of("", ",", ".", " ", "'");
    private static final List<String> THOUSANDS_NAMES = List.of("none", "comma", "point", "space", "apostrophe");
    private static final List<String> ENCODINGS = List.of("UTF-8", "UTF-16", "GB18030", "GBK", "windows-1252", "ISO-8859-1");

    private final IngestViewModel vm;
    private final Localization l10n;
    private final Runnable openFile;
    private final Runnable onContinue;
    private boolean updatingControls;
    private Node node;
    private boolean workspaceBuilt;

    @FXML private VBox emptyState;
    @FXML private javafx.scene.layout.StackPane workspaceHolder;
    @FXML private Label emptyError;
    @FXML private BorderPane workspace;
    @FXML private Label fileName;
    @FXML private Label summary;
    @FXML private Button sampleDataButton;
    @FXML private Button openFileButton;
    @FXML private Button continueButton;
    @FXML private Label errorLabel;
    @FXML private Label noticeLabel;
    @FXML private TitledPane settingsPane;
    @FXML private ComboBox<String> encodingBox;
    @FXML private ComboBox<Character> delimiterBox;
    @FXML private ComboBox<String> sheetBox;
    @FXML private ComboBox<Character> quoteBox;
    @FXML private ComboBox<String> thousandsBox;
    @FXML private TextField datesField;
    @FXML private TextField missingField;
    @FXML private ComboBox<BadRowPolicy> badRowsBox;
    @FXML private CheckBox headerCheck;
    @FXML private CheckBox decimalCommaCheck;
    @FXML private TableView<Integer> previewTable;
    @FXML private TableView<ColumnRow> columnsTable;
    @FXML private Tab problemsTab;
    @FXML private TableView<ImportProblem> problemsTable;

    /** Opens the finished sample project (the shell's job: it replaces the whole project). */
    private final Runnable openSampleProject;
    @FXML private Button sampleProjectButton;

    public IngestView(IngestViewModel vm, Localization l10n, Runnable openFile, Runnable onContinue,
                      Runnable openSampleProject) {
        this.openSampleProject = openSampleProject;
        this.vm = vm;
        this.l10n = l10n;
        this.openFile = openFile;
        this.onContinue = onContinue;
    }

    @Override
    public Node view() {
        if (node == null) {
            node = FxmlScreen.load(IngestView.class, "IngestView.fxml", this, l10n, "IngestView.css");
        }
        return node;
    }

    /** Called after each FXML file this controller loads: first the empty state, later the workspace. */
    @FXML
    private void initialize() {
        if (workspace == null) {
            initializeEmptyState();
        } else {
            initializeWorkspace();
        }
    }

    private void initializeEmptyState() {
        emptyState.visibleProperty().bind(vm.hasFile().not());
        // an empty holder on top of the empty state would swallow its clicks
        workspaceHolder.visibleProperty().bind(vm.hasFile());
        LocalizedControls.showWhenText(emptyError, l10n.bind(vm.errorProperty()));
        openFileButton.disableProperty().bind(vm.readingProperty());
        sampleDataButton.disableProperty().bind(vm.readingProperty());
        sampleProjectButton.disableProperty().bind(vm.readingProperty());
        sampleProjectButton.setTooltip(org.marketingworkbench.ui.common.LocalizedControls.tooltip(l10n,
                "ingest.action.sampleProject.tooltip"));
        // the workspace (preview table, settings, tabs) is built when there is data to show: a first
        // start only needs the empty state, and opens its window half a second sooner for it
        if (vm.hasFile().get()) {
            showWorkspace();
        } else {
            vm.hasFile().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                    if (now) {
                        obs.removeListener(this);
                        showWorkspace();
                    }
                }
            });
        }
    }

    /** Built once, the first time there is data; later files only change what it shows. */
    private void showWorkspace() {
        if (workspaceBuilt) {
            return;
        }
        workspaceBuilt = true;
        workspaceHolder.getChildren().setAll(FxmlScreen.load(IngestView.class, "IngestWorkspace.fxml", this, l10n, null));
    }

    private void initializeWorkspace() {
        workspace.visibleProperty().bind(vm.hasFile());
        continueButton.disableProperty().bind(vm.canContinue().not());

        fileName.textProperty().bind(Bindings.createStringBinding(
                () -> vm.fileProperty().get() == null ? "" : vm.fileProperty().get().getFileName().toString(),
                vm.fileProperty()));
        summary.textProperty().bind(l10n.bind(vm.summary()));
        LocalizedControls.showWhenText(errorLabel, l10n.bind(vm.errorProperty()));
        LocalizedControls.showWhenText(noticeLabel, l10n.bind(vm.noticeProperty()));

        setUpSettings();
        setUpColumnsTable();
        setUpProblemsTable();

        vm.resultProperty().addListener((obs, old, now) -> showResult(now));
        vm.requestedSettingsProperty().addListener((obs, old, now) -> showSettings());
        previewTable.placeholderProperty().set(LocalizedControls.label(Bindings.createStringBinding(() -> l10n.get(
                vm.readingProperty().get() ? "ingest.preview.reading" : "ingest.preview.none"),
                vm.readingProperty(), l10n.localeProperty())));
        showResult(vm.resultProperty().get());
        // texts built in code follow the language too: tables redraw their cells, boxes their labels
        l10n.onLocaleChange(() -> {
            previewTable.refresh();
            columnsTable.refresh();
            problemsTable.refresh();
            updatingControls = true;
            try {
                Combos.relabel(encodingBox, delimiterBox, quoteBox, thousandsBox, badRowsBox, sheetBox);
            } finally {
                updatingControls = false;
            }
        });
    }

    private void setUpSettings() {
        encodingBox.setItems(FXCollections.observableArrayList(ENCODINGS));
        delimiterBox.setItems(FXCollections.observableArrayList(DELIMITERS));
        delimiterBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Character c) {
                return c == null ? "" : l10n.format(IngestViewModel.delimiterName(c));
            }

            @Override
            public Character fromString(String s) {
                return s == null || s.isEmpty() ? null : s.charAt(0);
            }
        });
        quoteBox.setItems(FXCollections.observableArrayList('"', '\''));
        quoteBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Character c) {
                return c == null ? "" : c == '"' ? l10n.get("ingest.quote.double") : l10n.get("ingest.quote.single");
            }

            @Override
            public Character fromString(String s) {
                return null;
            }
        });
        thousandsBox.setItems(FXCollections.observableArrayList(THOUSANDS));
        thousandsBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String sep) {
                return sep == null ? "" : l10n.get("ingest.thousands." + THOUSANDS_NAMES.get(THOUSANDS.indexOf(sep)));
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        quoteBox.setOnAction(e -> {
            if (!updatingControls && quoteBox.getValue() != null) {
                vm.setQuote(quoteBox.getValue());
            }
        });
        thousandsBox.setOnAction(e -> {
            if (!updatingControls && thousandsBox.getValue() != null) {
                vm.setThousandsSeparator(thousandsBox.getValue());
            }
        });
        datesField.setOnAction(e -> vm.setDateFormats(datesField.getText()));
        badRowsBox.setItems(FXCollections.observableArrayList(BadRowPolicy.values()));
        badRowsBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(BadRowPolicy p) {
                return p == null ? "" : l10n.get("ingest.badRows." + p.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public BadRowPolicy fromString(String s) {
                return null;
            }
        });
        encodingBox.setOnAction(e -> {
            String value = encodingBox.getValue();
            if (!updatingControls && value != null && Charset.isSupported(value.strip())) {
                vm.setEncoding(value.strip());
            }
        });
        delimiterBox.setOnAction(e -> {
            if (!updatingControls) {
                vm.setDelimiter(delimiterBox.getValue());
            }
        });
        sheetBox.setOnAction(e -> {
            if (!updatingControls) {
                vm.setSheet(sheetBox.getValue());
            }
        });
        badRowsBox.setOnAction(e -> {
            if (!updatingControls) {
                vm.setBadRowPolicy(badRowsBox.getValue());
            }
        });
        headerCheck.setOnAction(e -> vm.setHasHeader(headerCheck.isSelected()));
        decimalCommaCheck.setOnAction(e -> vm.setDecimalComma(decimalCommaCheck.isSelected()));
        missingField.setOnAction(e -> vm.setMissingMarkers(missingField.getText()));
        missingField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                vm.setMissingMarkers(missingField.getText());
            }
        });
        settingsPane.disableProperty().bind(vm.readingProperty());
        // collapsed to a one-line summary so the preview gets the room; opened when something went wrong
        settingsPane.textProperty().bind(Bindings.createStringBinding(() -> {
            ImportResult r = vm.resultProperty().get();
            if (r == null) {
                return l10n.get("ingest.settings.title");
            }
            ImportSettings s = r.resolvedSettings();
            if (s.format() != null && s.format() != FileFormat.CSV) {
                return l10n.get("ingest.settings.summaryOther", s.format().name(), s.sheet() == null ? "" : s.sheet());
            }
            String header = l10n.get(Boolean.TRUE.equals(s.hasHeader()) ? "ingest.settings.withHeader" : "ingest.settings.noHeader");
            return l10n.get("ingest.settings.summary", String.valueOf(s.encoding()),
                    l10n.format(IngestViewModel.delimiterName(s.delimiter())),
                    Boolean.TRUE.equals(s.decimalComma()) ? header + " · " + l10n.get("ingest.settings.decimalCommaShort") : header);
        }, vm.resultProperty(), l10n.localeProperty()));
        vm.errorProperty().addListener((obs, old, now) -> {
            if (now != null) {
                settingsPane.setExpanded(true);
            }
        });
    }

    private void showSettings() {
        ImportResult r = vm.resultProperty().get();
        ImportSettings s = r != null ? r.resolvedSettings() : vm.requestedSettingsProperty().get();
        updatingControls = true;
        try {
            encodingBox.setValue(s.encoding());
            delimiterBox.setValue(s.delimiter());
            headerCheck.setSelected(Boolean.TRUE.equals(s.hasHeader()));
            decimalCommaCheck.setSelected(Boolean.TRUE.equals(s.decimalComma()));
            missingField.setText(String.join(", ", s.effectiveMissingMarkers()));
            quoteBox.setValue(s.quote());
            thousandsBox.setValue(s.thousandsSeparator() == null || !THOUSANDS.contains(s.thousandsSeparator())
                    ? "" : s.thousandsSeparator());
            datesField.setText(s.dateFormats() == null ? "" : String.join(", ", s.dateFormats()));
            badRowsBox.setValue(vm.requestedSettingsProperty().get().onBadRow());
            boolean excel = s.format() == FileFormat.EXCEL;
            boolean text = s.format() == null || s.format() == FileFormat.CSV;
            sheetBox.setItems(FXCollections.observableArrayList(vm.sheetsProperty().get()));
            sheetBox.setValue(s.sheet() != null ? s.sheet()
                    : vm.sheetsProperty().get().isEmpty() ? null : vm.sheetsProperty().get().get(0));
            sheetBox.getParent().setVisible(excel);
            sheetBox.getParent().setManaged(excel);
            for (Node n : List.of(encodingBox.getParent(), delimiterBox.getParent(), headerCheck,
                    quoteBox.getParent())) {
                n.setVisible(text);
                n.setManaged(text);
            }
        } finally {
            updatingControls = false;
        }
    }

    private void setUpColumnsTable() {
        TableColumn<ColumnRow, String> name = LocalizedControls.column(l10n, "ingest.columns.name");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(180);
        TableColumn<ColumnRow, ColumnType> type = LocalizedControls.column(l10n, "ingest.columns.type");
        type.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().type()));
        type.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(ColumnType t) {
                return t == null ? "" : l10n.get("type." + t.id());
            }

            @Override
            public ColumnType fromString(String s) {
                return null;
            }
        }, ColumnType.values()));
        type.setOnEditCommit(e -> vm.setColumnType(e.getRowValue().name(), e.getNewValue()));
        type.setEditable(true);
        type.setPrefWidth(150);
        TableColumn<ColumnRow, String> missing = LocalizedControls.column(l10n, "ingest.columns.missing");
        missing.setCellValueFactory(c -> new ReadOnlyStringWrapper(l10n.formatInteger(c.getValue().missing())));
        missing.setPrefWidth(90);
        missing.setStyle("-fx-alignment: center-right;");
        TableColumn<ColumnRow, String> reason = LocalizedControls.column(l10n, "ingest.columns.reason");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().overridden() ? l10n.get("ingest.columns.chosenByYou") : l10n.format(c.getValue().reason())));
        reason.setPrefWidth(420);
        columnsTable.getColumns().setAll(List.of(name, type, missing, reason));
        columnsTable.setItems(vm.columns());
        columnsTable.setPlaceholder(LocalizedControls.label(l10n.text("ingest.columns.none")));
    }

    private void setUpProblemsTable() {
        TableColumn<ImportProblem, String> line = LocalizedControls.column(l10n, "ingest.problems.line");
        line.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().line() > 0 ? l10n.formatInteger(c.getValue().line()) : ""));
        line.setPrefWidth(80);
        TableColumn<ImportProblem, String> what = LocalizedControls.column(l10n, "ingest.problems.what");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(l10n.format(c.getValue().message())));
        what.setPrefWidth(420);
        TableColumn<ImportProblem, String> raw = LocalizedControls.column(l10n, "ingest.problems.raw");
        raw.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rawText() == null ? "" : c.getValue().rawText()));
        raw.setCellFactory(col -> new TableCell<>() {
            {
                getStyleClass().add("raw-text");
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        raw.setPrefWidth(420);
        problemsTable.getColumns().setAll(List.of(line, what, raw));
        problemsTable.setItems(vm.problems());
        problemsTable.setPlaceholder(LocalizedControls.label(l10n.text("ingest.problems.none")));
        problemsTab.textProperty().bind(Bindings.createStringBinding(() -> {
            ImportResult r = vm.resultProperty().get();
            long count = r == null ? vm.problems().size() : r.problemCount();
            return l10n.get("ingest.tab.problems", count);
        }, vm.resultProperty(), vm.problems(), l10n.localeProperty()));
    }

    private void showResult(ImportResult r) {
        DatasetTable.show(previewTable, r == null ? null : r.dataset(), l10n);
        showSettings();
    }

    @FXML
    private void onOpenFile() {
        openFile.run();
    }

    @FXML
    private void onSampleData() {
        vm.trySampleData();
    }

    @FXML
    private void onSampleProject() {
        openSampleProject.run();
    }

    @FXML
    private void onContinue() {
        onContinue.run();
    }
}
