package org.marketingworkbench.ui.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketingworkbench.core.clean.CleanStepRecord;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.pipeline.PipelineState;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.OpenedProject;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.core.project.ProjectException;
import org.marketingworkbench.core.project.ProjectStore;
import org.marketingworkbench.ui.common.DataFileOpener;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.Explanation;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.StepViewModel;
import org.marketingworkbench.ui.common.TaskMonitor;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.UserSettings;
import org.marketingworkbench.ui.common.UserSettingsStore;
import org.marketingworkbench.ui.common.WorkbenchSession;

/**
 * The window's state and rules: which step is shown and which may be, the project's life cycle
 * (new, open, save, close with unsaved changes), theme, language and the Explain panel. The view only
 * binds to it and forwards gestures.
 */
public final class ShellViewModel {

    public static final String PROJECT_EXTENSION = ".mwb";

    private final WorkbenchSession session;
    private final ProjectStore store;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Localization localization;
    private final UserSettingsStore settingsStore;
    private final DataFileOpener dataOpener;
    private final Map<Stage, StepViewModel> stepViewModels = new EnumMap<>(Stage.class);

    private final ObservableList<StepItem> steps = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Stage> currentStage = new ReadOnlyObjectWrapper<>(Stage.INGEST);
    private final ReadOnlyObjectWrapper<UserMessage> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty explainVisible = new SimpleBooleanProperty(true);
    private final ObjectProperty<String> theme = new SimpleObjectProperty<>("light");
    private final ObservableList<Path> recentProjects = FXCollections.observableArrayList();
    private UserSettings settings;

    public ShellViewModel(WorkbenchSession session, ProjectStore store, TaskRunner tasks, DialogService dialogs,
                          Localization localization, UserSettingsStore settingsStore, DataFileOpener dataOpener,
                          List<StepViewModel> stepModels) {
        this.session = session;
        this.store = store;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.localization = localization;
        this.settingsStore = settingsStore;
        this.dataOpener = dataOpener;
        for (StepViewModel vm : stepModels) {
            stepViewModels.put(vm.stage(), vm);
        }
        for (Stage s : Stage.values()) {
            steps.add(new StepItem(s));
        }
        settings = settingsStore.load();
        theme.set(settings.theme());
        explainVisible.set(settings.explainVisible());
        localization.setLocale(Localization.fromTag(settings.language()));
        settings.recentProjects().forEach(p -> recentProjects.add(Path.of(p)));

        session.projectProperty().addListener((obs, old, now) -> refreshSteps());
        currentStage.addListener((obs, old, now) -> refreshSteps());
        theme.addListener((obs, old, now) -> persist(settings.withTheme(now)));
        explainVisible.addListener((obs, old, now) -> persist(settings.withExplainVisible(now)));
        localization.localeProperty().addListener((obs, old, now) -> persist(settings.withLanguage(now.toLanguageTag())));
        refreshSteps();
    }

    // ---- state for the view ----------------------------------------------------------------------

    public ObservableList<StepItem> steps() {
        return steps;
    }

    public ReadOnlyObjectProperty<Stage> currentStageProperty() {
        return currentStage.getReadOnlyProperty();
    }

    public Stage currentStage() {
        return currentStage.get();
    }

    /** A short message for the status bar: what just happened, or why a click did nothing. */
    public ReadOnlyObjectProperty<UserMessage> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Explanation> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public BooleanProperty explainVisibleProperty() {
        return explainVisible;
    }

    public ObjectProperty<String> themeProperty() {
        return theme;
    }

    public Localization localization() {
        return localization;
    }

    public TaskMonitor taskMonitor() {
        return tasks.monitor();
    }

    public ObservableList<Path> recentProjects() {
        return recentProjects;
    }

    public WorkbenchSession session() {
        return session;
    }

    /** "Customers Q3* — Marketing Workbench": the title follows name, unsaved state and language. */
    public ObservableValue<String> windowTitle() {
        return Bindings.createStringBinding(() -> {
            Project p = session.project();
            String name = session.projectFile() == null && "Untitled".equals(p.name())
                    ? localization.get("project.untitled") : p.name();
            return name + (session.isDirty() ? "*" : "") + " — " + localization.get("app.title");
        }, session.projectProperty(), session.dirtyProperty(), session.projectFileProperty(),
                localization.localeProperty());
    }


    // ---- navigation ------------------------------------------------------------------------------

    /** Shows a step if the project allows it; otherwise says which step comes first. */
    public boolean selectStage(Stage stage) {
        PipelineState state = session.project().pipelineState();
        if (!state.canOpen(stage)) {
            Stage first = state.firstMissingBefore(stage).orElse(Stage.INGEST);
            notice.set(UserMessage.of("shell.notice.needsStep", UserMessage.of("stage." + stage.id()),
                    UserMessage.of("stage." + first.id())));
            return false;
        }
        currentStage.set(stage);
        notice.set(null);
        return true;
    }

    /** Puts {@code message} in the status bar. */
    public void tell(UserMessage message) {
        notice.set(message);
    }

    /** The consultant's note on a chart or section of the project, or {@code null}. */
    public String noteFor(String id) {
        return session.project().note(id).orElse(null);
    }

    /** Keeps (or, when blank, removes) the consultant's note on a chart or section; the report shows it. */
    public void setNote(String id, String text) {
        org.marketingworkbench.core.project.Project p = session.project();
        org.marketingworkbench.core.project.Project changed = p.withNote(id, text);
        if (!changed.equals(p)) {
            session.update(changed);
        }
    }

    /**
     * Writes the project's report (an offline, interactive HTML file) where the user chooses: the project's steps
     * are re-run from its settings in the background, as the {@code report} command does, so the report shows
     * exactly what the project file would give. The chooser asks before replacing a file.
     */
    public void exportReport() {
        org.marketingworkbench.core.project.Project p = session.project();
        if (p.data().isEmpty()) {
            notice.set(UserMessage.of("report.ui.noData"));
            return;
        }
        UserMessage title = UserMessage.of("report.ui.saveTitle");
        String base = p.name().replaceAll("[\\\\/:*?\"<>|]", "_") + "-report";
        dialogs.chooseExportFile(title, base, "html").ifPresent(target -> {
            try {
                org.marketingworkbench.core.report.HtmlReport.checkTarget(target, true);
            } catch (org.marketingworkbench.core.report.ReportException e) {
                dialogs.showError(title, e.userMessage(), e);
                return;
            }
            var status = p.data().map(ds -> java.nio.file.Files.isRegularFile(ds.path())
                    ? org.marketingworkbench.core.project.OpenedProject.DataStatus.PRESENT
                    : org.marketingworkbench.core.project.OpenedProject.DataStatus.MISSING)
                    .orElse(org.marketingworkbench.core.project.OpenedProject.DataStatus.NO_DATA);
            var opened = new org.marketingworkbench.core.project.OpenedProject(p, session.projectFile(), status);
            java.util.Locale locale = localization.locale();
            tasks.submit(org.marketingworkbench.ui.common.Job.<Path>of(UserMessage.of("report.job.export"), progress -> {
                var results = org.marketingworkbench.core.report.ProjectReplay.run(opened, progress.slice(0, 0.9));
                org.marketingworkbench.core.report.HtmlReport.write(results, locale, target, true);
                return target;
            }).onSuccess(path -> notice.set(UserMessage.of("report.ui.saved", path)))
              .onFailure(e -> dialogs.showError(title,
                      org.marketingworkbench.ui.common.ErrorMessages.of(e, "report.ui.failed", "report.ui.memory"), e)));
        });
    }

    public boolean selectNext() {
        return currentStage().next().map(this::selectStage).orElse(false);
    }

    public boolean selectPrevious() {
        return currentStage().previous().map(this::selectStage).orElse(false);
    }

    private void refreshSteps() {
        PipelineState state = session.project().pipelineState();
        if (!state.canOpen(currentStage.get())) {
            currentStage.set(Stage.INGEST);
        }
        for (StepItem item : steps) {
            item.setStatus(state.status(item.stage()));
            item.setSelected(item.stage() == currentStage.get());
        }
        StepViewModel vm = stepViewModels.get(currentStage.get());
        explanation.unbind();
        if (vm != null) {
            explanation.bind(vm.explanation());
        } else {
            explanation.set(null);
        }
    }

    // ---- project life cycle ----------------------------------------------------------------------

    public void newProject() {
        if (!resolveUnsavedChanges()) {
            return;
        }
        session.replace(Project.untitled(), null);
        currentStage.set(Stage.INGEST);
        notice.set(null);
    }

    public void openProject() {
        if (!resolveUnsavedChanges()) {
            return;
        }
        dialogs.chooseProjectToOpen().ifPresent(this::openProjectFile);
    }

    /**
     * Opens the finished sample project (every step run, with notes) after asking about unsaved changes; {@code
     * locate} finds or writes it (in the background: the first time it writes the sample customers too).
     */
    public void openSampleProject(org.marketingworkbench.ui.common.Work<Path> locate) {
        if (!resolveUnsavedChanges()) {
            return;
        }
        tasks.submit(org.marketingworkbench.ui.common.Job.of(UserMessage.of("shell.job.sampleProject"), locate)
                .onSuccess(this::openProjectFile)
                .onFailure(e -> notice.set(org.marketingworkbench.ui.common.ErrorMessages.of(e,
                        "shell.error.sampleProject", "shell.error.sampleProject"))));
    }

    /** Opens a project (from the recent list, a double-click, a drop) after asking about unsaved changes. */
    public void openProject(Path file) {
        if (resolveUnsavedChanges()) {
            openProjectFile(file);
        }
    }

    private void openProjectFile(Path file) {
        OpenedProject opened;
        try {
            opened = store.open(file);
        } catch (ProjectException e) {
            if (e.reason() == ProjectException.Reason.NOT_FOUND) {
                forgetRecent(file);
            }
            dialogs.showError(UserMessage.of("shell.error.openTitle"), e.userMessage(), e);
            return;
        }
        Project project = opened.project();
        boolean relocated = false;
        if (opened.dataStatus() == OpenedProject.DataStatus.MISSING) {
            Optional<Path> found = dialogs.locateMissingDataFile(project.dataSource().path());
            if (found.isPresent()) {
                project = project.withDataSource(project.dataSource().relocatedTo(found.get()));
                relocated = true;
            } else {
                notice.set(UserMessage.of("shell.notice.dataMissing", project.dataSource().path()));
            }
        }
        session.replace(opened.project(), opened.file());
        if (relocated) {
            session.update(project);
        }
        rememberRecent(opened.file());
        currentStage.set(Stage.INGEST);
        if (!relocated && opened.dataStatus() != OpenedProject.DataStatus.MISSING) {
            notice.set(UserMessage.of("shell.notice.opened", opened.file().getFileName()));
        }
    }

    public boolean save() {
        Path file = session.projectFile();
        return file == null ? saveAs() : saveTo(file);
    }

    public boolean saveAs() {
        Optional<Path> target = dialogs.chooseProjectSaveLocation(suggestedName());
        return target.map(p -> saveTo(withExtension(p))).orElse(false);
    }

    /** A new project is suggested the data file's name ("customers"), not "Untitled". */
    private String suggestedName() {
        Project p = session.project();
        if (session.projectFile() == null && "Untitled".equals(p.name()) && p.data().isPresent()) {
            String file = p.dataSource().path().getFileName().toString();
            int dot = file.lastIndexOf('.');
            return dot > 0 ? file.substring(0, dot) : file;
        }
        return p.name();
    }

    private boolean saveTo(Path file) {
        Project project = session.project();
        if (session.projectFile() == null && "Untitled".equals(project.name())) {
            project = project.withName(baseName(file));
        }
        try {
            store.save(project, file);
        } catch (ProjectException e) {
            dialogs.showError(UserMessage.of("shell.error.saveTitle"), e.userMessage(), e);
            return false;
        }
        session.markSaved(project, file.toAbsolutePath().normalize());
        rememberRecent(file.toAbsolutePath().normalize());
        notice.set(UserMessage.of("shell.notice.saved", file.getFileName()));
        return true;
    }

    public void importData() {
        dialogs.chooseDataFile().ifPresent(this::importData);
    }

    public void importData(Path file) {
        if (tasks.monitor().isRunning()) {
            notice.set(UserMessage.of("shell.notice.busy"));
            return;
        }
        if (!askBeforeReplacingData(file)) {
            return;
        }
        currentStage.set(Stage.INGEST);
        dataOpener.openDataFile(file);
    }

    /**
     * Another file for a project that already has data: the user decides whether it replaces the data of
     * this project (whose cleaning recipe is then replayed on it) or starts a new project. False: cancelled.
     */
    private boolean askBeforeReplacingData(Path file) {
        Project project = session.project();
        Path current = project.data().map(org.marketingworkbench.core.project.DataSource::path).orElse(null);
        if (current == null || current.equals(file.toAbsolutePath().normalize())) {
            return true;
        }
        int steps;
        try {
            steps = CleanStepRecord.recipe(project.step(Stage.CLEAN)).steps().size();
        } catch (WorkbenchException e) {
            steps = 0;
        }
        return switch (dialogs.askImportIntoProject(String.valueOf(file.getFileName()), steps)) {
            case INTO_THIS_PROJECT -> true;
            case NEW_PROJECT -> {
                if (!resolveUnsavedChanges()) {
                    yield false;
                }
                session.replace(Project.untitled(), null);
                yield true;
            }
            case CANCEL -> false;
        };
    }

    /** A file dropped on the window: a project opens, anything else is imported as data. */
    public void openDropped(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        Path first = files.get(0);
        if (isProjectFile(first)) {
            openProject(first);
        } else if (Files.isRegularFile(first)) {
            importData(first);
        }
    }

    public static boolean isProjectFile(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(PROJECT_EXTENSION);
    }

    /**
     * Called when the user closes the window or quits: true if it may close. Unsaved changes are
     * saved, discarded or the close is cancelled, as the user answers.
     */
    public boolean requestClose() {
        if (!resolveUnsavedChanges()) {
            return false;
        }
        tasks.monitor().cancel();
        return true;
    }

    private boolean resolveUnsavedChanges() {
        if (!session.isDirty()) {
            return true;
        }
        return switch (dialogs.askUnsavedChanges(session.project().name())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    // ---- settings --------------------------------------------------------------------------------

    public void setLanguage(Locale locale) {
        localization.setLocale(locale);
    }

    public Optional<UserSettings.WindowBounds> savedWindowBounds() {
        return Optional.ofNullable(settings.window());
    }

    public void rememberWindowBounds(UserSettings.WindowBounds bounds) {
        persist(settings.withWindow(bounds));
    }

    private void rememberRecent(Path file) {
        persist(settings.withRecent(file.toString()));
        syncRecent();
    }

    private void forgetRecent(Path file) {
        persist(settings.withoutRecent(file.toAbsolutePath().normalize().toString()).withoutRecent(file.toString()));
        syncRecent();
    }

    private void syncRecent() {
        List<Path> paths = new ArrayList<>();
        settings.recentProjects().forEach(p -> paths.add(Path.of(p)));
        recentProjects.setAll(paths);
    }

    private void persist(UserSettings updated) {
        settings = updated;
        settingsStore.save(updated);
    }

    private static Path withExtension(Path p) {
        return isProjectFile(p) ? p : p.resolveSibling(p.getFileName() + PROJECT_EXTENSION);
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        return isProjectFile(file) ? n.substring(0, n.length() - PROJECT_EXTENSION.length()) : n;
    }
}
