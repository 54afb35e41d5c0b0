package org.marketingworkbench.ui.segment;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.ingest.NormalisedCsvWriter;
import org.marketingworkbench.core.project.StepRecord;
import org.marketingworkbench.core.segment.rfm.CustomerRfm;
import org.marketingworkbench.core.segment.rfm.RfmResult;
import org.marketingworkbench.core.segment.rfm.RfmSegment;
import org.marketingworkbench.core.segment.rfm.RfmSettings;
import org.marketingworkbench.core.segment.rfm.RfmStep;
import org.marketingworkbench.core.segment.rfm.RfmStepRecord;
import org.marketingworkbench.core.segment.rfm.SegmentSummary;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.TaskRunner;

/**
 * RFM on the project's current table: the column choices (filled with {@link RfmSettings#suggest} whenever the
 * table changes), the reference date, the run through the {@link TaskRunner}, and what it found (the handled
 * rows in words, the segments, the customers). A failed or cancelled run leaves the last result as it was.
 */
public final class RfmViewModel {

    private final TaskRunner tasks;
    private final ObservableValue<Dataset> data;

    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> invoiceChoices = FXCollections.observableArrayList();
    private final StringProperty customerColumn = new SimpleStringProperty();
    private final StringProperty dateColumn = new SimpleStringProperty();
    private final StringProperty amountColumn = new SimpleStringProperty();
    private final StringProperty quantityColumn = new SimpleStringProperty();
    private final StringProperty priceColumn = new SimpleStringProperty();
    private final StringProperty invoiceColumn = new SimpleStringProperty();
    private final BooleanProperty quantityTimesPrice = new SimpleBooleanProperty(false);
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<RfmResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<CustomerRfm> customers = FXCollections.observableArrayList();
    private final ObservableList<SegmentSummary> segments = FXCollections.observableArrayList();
    private final ObservableList<UserMessage> handledRows = FXCollections.observableArrayList();

    private final ObjectBinding<RfmSettings> settings;
    private final ObjectBinding<UserMessage> settingsProblem;
    private final ObjectBinding<UserMessage> summary;
    private final ObjectBinding<UserMessage> finding;
    private final BooleanBinding hasData;
    private final BooleanBinding canRun;

    public RfmViewModel(TaskRunner tasks, ObservableValue<Dataset> data) {
        this.tasks = Objects.requireNonNull(tasks);
        this.data = Objects.requireNonNull(data);
        settings = Bindings.createObjectBinding(this::currentSettings, customerColumn, dateColumn, amountColumn,
                quantityColumn, priceColumn, invoiceColumn, quantityTimesPrice, asOf);
        settingsProblem = Bindings.createObjectBinding(() -> settings.get().problem().orElse(null), settings);
        hasData = Bindings.createBooleanBinding(() -> data.getValue() != null, data);
        canRun = hasData.and(settingsProblem.isNull()).and(running.not());
        summary = Bindings.createObjectBinding(() -> {
            RfmResult r = result.get();
            return r == null ? null : UserMessage.of(r.asOfIsDefault() ? "rfm.ui.summaryDefault" : "rfm.ui.summary",
                    r.customers().size(), r.asOf().toString());
        }, result);
        finding = Bindings.createObjectBinding(() -> {
            RfmResult r = result.get();
            if (r == null) {
                return null;
            }
            SegmentSummary champions = r.segment(RfmSegment.CHAMPIONS);
            return UserMessage.of("rfm.ui.finding", champions.customerShare(), champions.revenueShare());
        }, result);
        data.addListener((obs, old, now) -> dataChanged(now));
        dataChanged(data.getValue());
    }

    // ---- the form ---------------------------------------------------------------------------------

    /** The table's column names, for the pickers. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** The invoice picker's choices: "" (none) and then the columns. */
    public ObservableList<String> invoiceChoices() {
        return invoiceChoices;
    }

    public StringProperty customerColumnProperty() {
        return customerColumn;
    }

    public StringProperty dateColumnProperty() {
        return dateColumn;
    }

    public StringProperty amountColumnProperty() {
        return amountColumn;
    }

    public StringProperty quantityColumnProperty() {
        return quantityColumn;
    }

    public StringProperty priceColumnProperty() {
        return priceColumn;
    }

    /** Optional; null or empty for none. */
    public StringProperty invoiceColumnProperty() {
        return invoiceColumn;
    }

    /** Whether each line's amount is quantity × price rather than an amount column. */
    public BooleanProperty quantityTimesPriceProperty() {
        return quantityTimesPrice;
    }

    /** The reference date; null for the day after the last purchase. */
    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    /** The settings the form describes now. */
    public ObservableValue<RfmSettings> settings() {
        return settings;
    }

    /** What the form still lacks (a column to choose), or null. */
    public ObservableValue<UserMessage> settingsProblem() {
        return settingsProblem;
    }

    public BooleanBinding hasData() {
        return hasData;
    }

    public BooleanBinding canRun() {
        return canRun;
    }

    // ---- what the run found -------------------------------------------------------------------------

    public ReadOnlyObjectProperty<RfmResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last run or export failed, or null. */
    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last export wrote, or null. */
    public ReadOnlyObjectProperty<UserMessage> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One row per scored customer, best segment first. */
    public ObservableList<CustomerRfm> customers() {
        return customers;
    }

    /** The eleven segments, best first, empty ones included. */
    public ObservableList<SegmentSummary> segments() {
        return segments;
    }

    /** What was done with every row of the log, in words. */
    public ObservableList<UserMessage> handledRows() {
        return handledRows;
    }

    /** "4,987 customers scored as of 2026-07-01 (…)", or null before a run. */
    public ObservableValue<UserMessage> summary() {
        return summary;
    }

    /** The chart's title: the Champions' share of customers and of revenue; null before a run. */
    public ObservableValue<UserMessage> finding() {
        return finding;
    }

    // ---- gestures -------------------------------------------------------------------------------------

    /** Computes RFM in the background; the result, or the error, arrives when the job ends. */
    public void run() {
        Dataset table = data.getValue();
        if (!canRun.get() || table == null) {
            return;
        }
        RfmSettings s = settings.get();
        running.set(true);
        error.set(null);
        notice.set(null);
        tasks.submit(Job.of(UserMessage.of("rfm.ui.jobTitle"), progress -> new RfmStep().run(table, s, progress))
                .onSuccess(r -> {
                    running.set(false);
                    show(r);
                })
                .onFailure(e -> {
                    running.set(false);
                    error.set(messageOf(e));
                })
                .onCancelled(() -> running.set(false)));
    }

    /** Asks the running job to stop. */
    public void cancel() {
        if (running.get()) {
            tasks.monitor().cancel();
        }
    }

    /**
     * Writes one row per customer (customer, recency_days, frequency, monetary, the three scores and the
     * segment's name in {@code locale}) to {@code target}, through a temporary file, with cells that a
     * spreadsheet would run as formulas neutralised.
     */
    public void exportCsv(Path target, Locale locale) {
        RfmResult r = result.get();
        if (r == null) {
            return;
        }
        error.set(null);
        notice.set(null);
        tasks.submit(Job.of(UserMessage.of("rfm.ui.exportTitle"), progress -> {
            NormalisedCsvWriter.write(r.toDataset(locale), target, NormalisedCsvWriter.Cells.FOR_SPREADSHEETS);
            return r.customers().size();
        }).onSuccess(n -> notice.set(UserMessage.of("rfm.ui.exported", n, target.toString())))
                .onFailure(e -> error.set(messageOf(e))));
    }

    /** Puts stored settings back into the form (a reopened project). */
    public void restore(RfmSettings s) {
        customerColumn.set(s.customer());
        dateColumn.set(s.date());
        invoiceColumn.set(s.invoice());
        quantityTimesPrice.set(s.usesQuantityTimesPrice());
        amountColumn.set(s.amount());
        quantityColumn.set(s.quantity());
        priceColumn.set(s.price());
        asOf.set(s.asOf());
    }

    /** How the project keeps RFM: the settings, with the reference date used, and a summary of the result. */
    public StepRecord toStepRecord() {
        return RfmStepRecord.of(settings.get(), result.get());
    }

    // ---- internals --------------------------------------------------------------------------------------

    private RfmSettings currentSettings() {
        RfmSettings s = RfmSettings.ofAmount(customerColumn.get(), dateColumn.get(), amountColumn.get())
                .withInvoice(invoiceColumn.get()).withAsOf(asOf.get());
        return quantityTimesPrice.get() ? s.withQuantityTimesPrice(quantityColumn.get(), priceColumn.get()) : s;
    }

    private void dataChanged(Dataset now) {
        result.set(null);
        customers.clear();
        segments.clear();
        handledRows.clear();
        error.set(null);
        notice.set(null);
        if (now == null) {
            columns.clear();
            invoiceChoices.clear();
            return;
        }
        columns.setAll(now.columns().stream().map(ColumnSpec::name).toList());
        invoiceChoices.setAll(columns);
        invoiceChoices.add(0, "");
        RfmSettings suggested = RfmSettings.suggest(now);
        customerColumn.set(suggested.customer());
        dateColumn.set(suggested.date());
        invoiceColumn.set(suggested.invoice());
        asOf.set(null);
        quantityTimesPrice.set(suggested.usesQuantityTimesPrice() && suggested.quantity() != null);
        amountColumn.set(suggested.amount());
        quantityColumn.set(suggested.quantity());
        priceColumn.set(suggested.price());
    }

    private void show(RfmResult r) {
        customers.setAll(r.customers());
        segments.setAll(r.segments());
        handledRows.setAll(r.rows().describe(r.asOf()));
        result.set(r);
    }

    private static UserMessage messageOf(Throwable e) {
        if (e instanceof WorkbenchException we) {
            return we.userMessage();
        }
        return UserMessage.of("rfm.ui.failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** The segments that have customers, for the chart. */
    public List<SegmentSummary> segmentsWithCustomers() {
        return segments.stream().filter(s -> s.customers() > 0).toList();
    }

    /** Names of the segments without customers, for the chart's footnote. */
    public Optional<List<RfmSegment>> emptySegments() {
        List<RfmSegment> empty = segments.stream().filter(s -> s.customers() == 0).map(SegmentSummary::segment).toList();
        return empty.isEmpty() ? Optional.empty() : Optional.of(empty);
    }
}
