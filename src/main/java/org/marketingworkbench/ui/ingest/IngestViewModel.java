package org.marketingworkbench.ui.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.ingest.BadRowPolicy;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.HeapBudget;
import org.marketingworkbench.core.ingest.ImportProblem;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.ingest.IngestStepRecord;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.DataSource;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.ui.common.DataFileOpener;
import org.marketingworkbench.ui.common.Explanation;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.StepViewModel;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/**
 * The Import step: which file, how it is read (every detected setting, each one overridable), the
 * typed table, and everything that could not be read. A failed or cancelled read leaves the project
 * and the data as they were.
 */
public final class IngestViewModel implements StepViewModel, DataFileOpener {

    /** Finds the sample customers file, generating it if needed. */
    @FunctionalInterface
    public interface SampleData {
        Path customersFile() throws Exception;
    }

    private final WorkbenchSession session;
    private final DataImporter importer;
    private final TaskRunner tasks;
    private final SampleData sampleData;

    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImportSettings> requested = new ReadOnlyObjectWrapper<>(ImportSettings.auto());
    private final ReadOnlyObjectWrapper<ImportResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<List<String>> sheets = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>();
    private Project lastReloaded;
    /** The read that asked to run while another was running: it supersedes that one (the newest wins). */
    private Request pending;
    private volatile org.marketingworkbench.core.pipeline.Progress running;
    private final BooleanBinding hasFile = file.isNotNull();

    public IngestViewModel(WorkbenchSession session, DataImporter importer, TaskRunner tasks, SampleData sampleData) {
        this.session = session;
        this.importer = importer;
        this.tasks = tasks;
        this.sampleData = sampleData;
        updateExplanation();
        session.projectProperty().addListener((obs, old, now) -> reloadIfOpened(now));
    }

    // ---- state ------------------------------------------------------------------------------------

    @Override
    public Stage stage() {
        return Stage.INGEST;
    }

    @Override
    public ObservableValue<Explanation> explanation() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportSettings> requestedSettingsProperty() {
        return requested.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last read failed, in words; null after a successful read. */
    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A remark about the data that is not an error (a cancelled read, a changed file). */
    public ReadOnlyObjectProperty<UserMessage> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> sheetsProperty() {
        return sheets.getReadOnlyProperty();
    }

    public ObservableList<ColumnRow> columns() {
        return columns;
    }

    public ObservableList<ImportProblem> problems() {
        return problems;
    }

    /** One binding kept for the view-model's life: listeners on it must not vanish with a collected temporary. */
    public BooleanBinding hasFile() {
        return hasFile;
    }

    /** The user may go on to cleaning once a table has been read. */
    public BooleanBinding canContinue() {
        return result.isNotNull().and(reading.not());
    }

    public Dataset dataset() {
        return result.get() == null ? null : result.get().dataset();
    }

    /** "5,000 rows · 21 columns · 1.2 MB in memory · 3 rows skipped", as message + arguments. */
    public ObservableValue<UserMessage> summary() {
        return Bindings.createObjectBinding(() -> {
            ImportResult r = result.get();
            if (r == null) {
                return null;
            }
            return UserMessage.of("ingest.summary", r.rowsRead(), r.columns().size(),
                    Math.max(0.1, r.estimatedBytes() / 1_048_576.0), r.rowsSkipped());
        }, result);
    }

    // ---- actions ----------------------------------------------------------------------------------

    @Override
    public void openDataFile(Path path) {
        read(path, ImportSettings.auto(), false);
    }

    public void trySampleData() {
        tasks.submit(Job.of(UserMessage.of("ingest.job.sample"), progress -> sampleData.customersFile())
                .onSuccess(this::openDataFile)
                .onFailure(e -> error.set(messageOf(e, null))));
    }

    public void setEncoding(String encoding) {
        change(requested.get().withEncoding(blankToNull(encoding)));
    }

    public void setDelimiter(Character delimiter) {
        change(requested.get().withDelimiter(delimiter));
    }

    public void setQuote(Character quote) {
        change(requested.get().withQuote(quote));
    }

    /** The digit-group separator: "" for none, or one character such as {@code ,} {@code .} or a space. */
    public void setThousandsSeparator(String separator) {
        change(requested.get().withThousandsSeparator(separator));
    }

    /** Date patterns as the user types them, comma-separated (e.g. {@code dd.MM.yyyy}); blank detects. */
    public void setDateFormats(String patterns) {
        List<String> list = patterns == null ? List.of() : Arrays.stream(patterns.split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        change(requested.get().withDateFormats(list.isEmpty() ? null : list));
    }

    public void setHasHeader(boolean header) {
        change(requested.get().withHeader(header));
    }

    public void setDecimalComma(boolean decimalComma) {
        change(requested.get().withDecimalComma(decimalComma));
    }

    /** Missing-value markers as the user types them: comma-separated, e.g. {@code NA, unknown}. */
    public void setMissingMarkers(String markers) {
        List<String> list = markers == null ? null : Arrays.stream(markers.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        change(requested.get().withMissingMarkers(list == null || list.isEmpty() ? null : list));
    }

    public void setSheet(String sheet) {
        change(requested.get().withSheet(blankToNull(sheet)));
    }

    public void setBadRowPolicy(BadRowPolicy policy) {
        change(requested.get().withOnBadRow(policy));
    }

    /** Overrides one column's type (or, with null, returns it to the detected type) and re-reads. */
    public void setColumnType(String column, ColumnType type) {
        change(requested.get().withColumnType(column, type));
    }

    /** Reads the current file again with the current settings. */
    public void reload() {
        if (file.get() != null) {
            read(file.get(), requested.get(), false);
        }
    }

    private void change(ImportSettings settings) {
        if (file.get() == null || settings.equals(requested.get())) {
            return;
        }
        read(file.get(), settings, false);
    }

    /** What the user (or a project being opened) asked to read. */
    private record Request(Path path, ImportSettings settings, boolean restoring) {
    }

    /**
     * Reads {@code path} in the background. A read asked for while another runs supersedes it: the running
     * one is cancelled and its result dropped, and the newest request runs next (a file picked from another
     * step is never lost behind an older re-read).
     */
    private void read(Path path, ImportSettings settings, boolean restoring) {
        if (reading.get()) {
            pending = new Request(path, settings, restoring);
            var current = running;
            if (current != null) {
                current.cancel();
            }
            return;
        }
        reading.set(true);
        notice.set(null);
        tasks.submit(Job.of(UserMessage.of("ingest.job.reading", path.getFileName().toString()), progress -> {
            running = progress;
            ImportResult r = importer.read(path, settings, progress);
            List<String> sheetNames = r.resolvedSettings().format() == org.marketingworkbench.core.ingest.FileFormat.EXCEL
                    ? importer.sheets(path) : List.of();
            int[] missing = new int[r.columns().size()];   // a pass over every cell: here, not on the UI thread
            for (int i = 0; i < missing.length; i++) {
                missing[i] = r.dataset().table().column(i).countMissing();
            }
            return new Read(r, sheetNames, missing);
        }).onSuccess(read -> {
            reading.set(false);
            if (!runPending()) {
                accept(path, settings, read, restoring);
            }
        }).onFailure(e -> {
            reading.set(false);
            if (runPending()) {
                return;
            }
            error.set(messageOf(e, path));
            if (result.get() == null) {
                file.set(path);
                requested.set(settings);
            }
            updateExplanation();
        }).onCancelled(() -> {
            reading.set(false);
            if (runPending()) {
                return;
            }
            notice.set(UserMessage.of(result.get() == null ? "ingest.notice.cancelledNothing" : "ingest.notice.cancelledKept"));
        }));
    }

    /** Starts the read that superseded the one just ended, if any; true if it did. */
    private boolean runPending() {
        running = null;
        Request next = pending;
        pending = null;
        if (next == null) {
            return false;
        }
        read(next.path(), next.settings(), next.restoring());
        return true;
    }

    /** What the reading job hands to the UI thread: the result, the workbook's sheets, missing cells per column. */
    private record Read(ImportResult result, List<String> sheets, int[] missing) {
    }

    private void accept(Path path, ImportSettings settings, Read read, boolean restoring) {
        ImportResult r = read.result();
        Project before = session.project();
        String previousHash = before.data().filter(d -> d.path().equals(path.toAbsolutePath().normalize()))
                .map(DataSource::sha256).orElse(null);
        // The settings stored are the resolved ones plus the user's overrides: reading again with them
        // gives the same table, even if detection would decide differently on a changed file.
        ImportSettings stored = r.resolvedSettings().withColumnTypeOverrides(settings.columnTypeOverrides())
                .withOnBadRow(settings.onBadRow());
        Project updated = before.withDataSource(new DataSource(path, r.sha256(), sizeOf(path)))
                .withStep(Stage.INGEST, IngestStepRecord.of(stored, r));
        // the project first, so that everything reacting to the new data sees the step as done
        lastReloaded = updated;
        // reading a just-opened project's unchanged file again changes nothing the user has to save
        boolean unchanged = restoring && previousHash != null && previousHash.equals(r.sha256());
        if (unchanged) {
            session.restore(updated);
        } else {
            session.update(updated);
        }
        session.setImportedData(r.dataset(), unchanged);

        file.set(path);
        requested.set(settings);
        sheets.set(read.sheets());
        error.set(null);
        List<ColumnRow> rows = new ArrayList<>();
        for (int i = 0; i < r.columns().size(); i++) {
            ColumnSpec spec = r.columns().get(i);
            rows.add(new ColumnRow(spec.name(), spec.type(), spec.reason(), read.missing()[i],
                    settings.columnTypeOverrides().containsKey(spec.name())));
        }
        columns.setAll(rows);
        problems.setAll(r.problems());
        result.set(r);
        if (previousHash != null && r.sha256() != null && !previousHash.equals(r.sha256())) {
            notice.set(UserMessage.of("ingest.notice.fileChanged", path.getFileName().toString()));
        }
        updateExplanation();
    }

    /** A project just opened (not changed by this step): read its data with the stored settings. */
    private void reloadIfOpened(Project project) {
        if (project == lastReloaded || session.importedDataProperty().get() != null) {
            return;
        }
        lastReloaded = project;
        result.set(null);
        columns.clear();
        problems.clear();
        error.set(null);
        file.set(project.data().map(DataSource::path).orElse(null));
        if (project.data().isEmpty() || !project.step(Stage.INGEST).done()) {
            requested.set(ImportSettings.auto());
            updateExplanation();
            return;
        }
        ImportSettings stored;
        try {
            stored = IngestStepRecord.settings(project.step(Stage.INGEST));
        } catch (WorkbenchException e) {
            error.set(e.userMessage());
            return;
        }
        requested.set(stored);
        Path path = project.dataSource().path();
        if (!Files.isRegularFile(path)) {
            error.set(UserMessage.of("ingest.error.dataMissing", path.toString()));
            return;
        }
        read(path, stored, true);
    }

    private void updateExplanation() {
        List<UserMessage> paragraphs = new ArrayList<>();
        paragraphs.add(UserMessage.of("ingest.explain.what"));
        ImportResult r = result.get();
        if (r != null) {
            ImportSettings s = r.resolvedSettings();
            paragraphs.add(UserMessage.of("ingest.explain.read", file.get().getFileName().toString(),
                    String.valueOf(s.encoding()), delimiterName(s.delimiter()), r.rowsRead(), r.columns().size()));
            long[] counts = new long[ColumnType.values().length];
            r.columns().forEach(c -> counts[c.type().ordinal()]++);
            paragraphs.add(UserMessage.of("ingest.explain.types", counts[ColumnType.NUMBER.ordinal()],
                    counts[ColumnType.CATEGORY.ordinal()], counts[ColumnType.DATETIME.ordinal()],
                    counts[ColumnType.IDENTIFIER.ordinal()], counts[ColumnType.TEXT.ordinal()]
                            + counts[ColumnType.IGNORE.ordinal()]));
            paragraphs.add(UserMessage.of(r.rowsSkipped() == 0 ? "ingest.explain.noneSkipped" : "ingest.explain.skipped",
                    r.rowsSkipped(), r.problemCount()));
        }
        paragraphs.add(UserMessage.of("ingest.explain.why"));
        explanation.set(new Explanation(UserMessage.of("ingest.explain.title"), paragraphs));
    }

    static UserMessage delimiterName(Character d) {
        if (d == null) {
            return UserMessage.of("ingest.delimiter.none");
        }
        return switch (d) {
            case ',' -> UserMessage.of("ingest.delimiter.comma");
            case ';' -> UserMessage.of("ingest.delimiter.semicolon");
            case '\t' -> UserMessage.of("ingest.delimiter.tab");
            case '|' -> UserMessage.of("ingest.delimiter.pipe");
            default -> UserMessage.of("ingest.delimiter.other", String.valueOf(d));
        };
    }

    /**
     * What went wrong, for the user. The importer turns running out of memory into a message with the
     * data's figures; one that escapes it (counting the missing cells, say) still says how big the file
     * is and what to do. Nothing of the failed read is kept, so the memory is there for the next one.
     */
    private static UserMessage messageOf(Throwable e, Path path) {
        if (e instanceof WorkbenchException we) {
            return we.userMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return path == null ? HeapBudget.outOfMemory() : HeapBudget.outOfMemory(path);
        }
        return UserMessage.of("ingest.error.unexpected", Objects.toString(e.getMessage(), e.getClass().getSimpleName()));
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
