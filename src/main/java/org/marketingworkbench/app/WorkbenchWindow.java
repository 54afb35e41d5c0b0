package org.marketingworkbench.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.LibraryVersions;
import org.marketingworkbench.core.project.ProjectStore;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.ui.clean.CleanView;
import org.marketingworkbench.ui.clean.CleanViewModel;
import org.marketingworkbench.ui.segment.SegmentView;
import org.marketingworkbench.ui.train.TrainView;
import org.marketingworkbench.ui.deploy.DeployView;
import org.marketingworkbench.ui.deploy.DeployViewModel;
import org.marketingworkbench.ui.evaluate.EvaluateView;
import org.marketingworkbench.ui.evaluate.EvaluateViewModel;
import org.marketingworkbench.ui.evaluate.WhyView;
import org.marketingworkbench.ui.evaluate.WhyViewModel;
import org.marketingworkbench.ui.train.TrainViewModel;
import org.marketingworkbench.ui.segment.SegmentViewModel;
import org.marketingworkbench.ui.ingest.IngestView;
import org.marketingworkbench.ui.ingest.IngestViewModel;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.FxDialogService;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.StepViewModel;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.UserSettings;
import org.marketingworkbench.ui.common.UserSettingsStore;
import org.marketingworkbench.ui.common.WorkbenchSession;
import org.marketingworkbench.ui.shell.AboutDialog;
import org.marketingworkbench.ui.shell.ShellView;
import org.marketingworkbench.ui.shell.ShellViewModel;
import org.marketingworkbench.ui.shell.StepView;

/**
 * The composition root of the window: builds services, view-models and views once. Views are kept for
 * the window's life (a language or theme switch re-binds texts and styles, it never rebuilds a screen),
 * and the view-models keep all state. The app and the headless GUI tests both build the window here.
 */
public final class WorkbenchWindow {

    private final Stage stage;
    private final TaskRunner tasks;
    private final Localization l10n;
    private final WorkbenchSession session = new WorkbenchSession();
    private final ShellViewModel shell;
    private final IngestViewModel ingest;
    private final CleanViewModel clean;
    private final SegmentViewModel segment;
    private final TrainViewModel train;
    private final EvaluateViewModel evaluate;
    private final DeployViewModel deploy;
    private final Map<org.marketingworkbench.core.pipeline.Stage, StepView> stepViews =
            new EnumMap<>(org.marketingworkbench.core.pipeline.Stage.class);

    /**
     * @param dialogsFactory builds the dialog service given the window and language (tests wrap the
     *                       real one to answer file choosers)
     */
    public WorkbenchWindow(Stage stage, AppDirs dirs, TaskRunner tasks,
                           Function<Localization, DialogService> dialogsFactory) {
        this.stage = stage;
        this.tasks = tasks;
        this.l10n = new Localization(Locale.getDefault());
        DialogService dialogs = dialogsFactory.apply(l10n);
        UserSettingsStore settingsStore = new UserSettingsStore(dirs.settingsFile());
        ProjectStore store = new ProjectStore(LibraryVersions.workbenchVersion());

        ingest = new IngestViewModel(session, new DataImporter(), tasks, sampleData(dirs));
        clean = new CleanViewModel(session, tasks);
        segment = new SegmentViewModel(session, tasks);
        train = new TrainViewModel(session, tasks);
        evaluate = new EvaluateViewModel(session, tasks, train.inputProperty());
        WhyViewModel why = new WhyViewModel(session, tasks, train.inputProperty());
        deploy = new DeployViewModel(session, tasks, dialogs, new DataImporter(), segment.resultProperty(),
                () -> segment.names().displayNames(l10n.locale()));
        // the navigation registry: one entry per step, in pipeline order; the rules for when a step opens
        // and what comes next are the Stage's own, so "Continue" is always "the next step"
        List<StepScreen> screens = List.of(
                new StepScreen(ingest, sh -> new IngestView(ingest, l10n, sh::importData, sh::selectNext,
                        () -> sh.openSampleProject(progress -> org.marketingworkbench.core.sample.SampleData
                                .ensureProjectAvailable(dirs.home())))),
                new StepScreen(clean, sh -> new CleanView(clean, l10n, dialogs, sh::selectNext)),
                new StepScreen(segment, sh -> new SegmentView(segment, l10n, dialogs, sh::selectNext)),
                new StepScreen(train, sh -> new TrainView(train, l10n, dialogs, sh::selectNext)),
                new StepScreen(evaluate, sh -> new EvaluateView(evaluate, l10n, dialogs, new WhyView(why, l10n, dialogs), sh::selectNext)),
                new StepScreen(deploy, sh -> new DeployView(deploy, l10n)));
        List<StepViewModel> vms = screens.stream().map(StepScreen::model).toList();
        if (!vms.stream().map(StepViewModel::stage).toList()
                .equals(List.of(org.marketingworkbench.core.pipeline.Stage.values()))) {
            throw new IllegalStateException("one screen per step, in pipeline order");
        }
        shell = new ShellViewModel(session, store, tasks, dialogs, l10n, settingsStore, ingest, vms);
        for (StepScreen s : screens) {
            stepViews.put(s.model().stage(), s.view().apply(shell));
        }
        sweepStaleTemporaryFiles(dirs);
    }

    /** One step of the wizard: its view-model and how its screen is made (given the shell, for navigation). */
    private record StepScreen(StepViewModel model, Function<ShellViewModel, StepView> view) {
    }


    /**
     * Removes temporary files that a killed save left in the app's folder and the recent projects' folders
     * (in the background: the window does not wait for a folder listing).
     */
    private void sweepStaleTemporaryFiles(AppDirs dirs) {
        List<java.nio.file.Path> folders = new java.util.ArrayList<>();
        folders.add(dirs.home());
        shell.recentProjects().forEach(p -> {
            if (p.getParent() != null) {
                folders.add(p.getParent());
            }
        });
        Thread sweep = new Thread(() -> folders.stream().distinct()
                .forEach(org.marketingworkbench.core.io.AtomicFile::removeStaleIn), "stale-temp-sweep");
        sweep.setDaemon(true);
        sweep.start();
    }

    private static IngestViewModel.SampleData sampleData(AppDirs dirs) {
        return () -> org.marketingworkbench.core.sample.SampleData.ensureAvailable(dirs.home());
    }

    /** The dialog service the app uses: real dialogs owned by this window. */
    public static Function<Localization, DialogService> realDialogs(Stage stage) {
        return l10n -> new FxDialogService(() -> stage, l10n);
    }

    /** The window's scene (once {@link #show()} has run). */
    public Scene scene() {
        return stage.getScene();
    }

    public IngestViewModel ingest() {
        return ingest;
    }

    public CleanViewModel clean() {
        return clean;
    }

    public SegmentViewModel segment() {
        return segment;
    }

    public TrainViewModel train() {
        return train;
    }

    public EvaluateViewModel evaluate() {
        return evaluate;
    }

    public DeployViewModel deploy() {
        return deploy;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public WorkbenchSession session() {
        return session;
    }

    public Localization localization() {
        return l10n;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    /** Builds the scene, applies theme and saved placement, and shows the window. */
    public void show() {
        applyTheme(shell.themeProperty().get());
        shell.themeProperty().addListener((obs, old, now) -> applyTheme(now));
        // the frame and every screen are built once; a new language re-binds their texts
        l10n.localeProperty().addListener((obs, old, now) -> Locale.setDefault(now));
        Scene scene = new Scene(new StackPane());
        scene.setRoot(buildRoot(scene));
        stage.setScene(scene);
        stage.titleProperty().bind(shell.windowTitle());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        addIcons(stage);
        // a first start fills most of the screen (up to 1320 × 860); later starts restore the last placement
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Rectangle2D size = restoreBounds().orElseGet(() -> new Rectangle2D(0, 0,
                Math.min(1320, screen.getWidth() * 0.94), Math.min(860, screen.getHeight() * 0.94)));
        stage.setWidth(size.getWidth());
        stage.setHeight(size.getHeight());
        stage.setOnCloseRequest(e -> {
            if (!closeRequested()) {
                e.consume();
            }
        });
        stage.show();
        // JavaFX 21 on some window managers (GNOME's mutter since 2023, openbox) maps the window at its
        // minimum size instead of the size asked for (JDK-8316423, fixed in JavaFX 22); asking again
        // once the window is shown gets the intended size.
        Platform.runLater(() -> {
            if (!stage.isMaximized()) {
                stage.setWidth(size.getWidth());
                stage.setHeight(size.getHeight());
            }
        });
    }

    /** Quit from the menu: asks about unsaved changes first. */
    public void quit() {
        if (closeRequested()) {
            stage.hide();
        }
    }

    private Parent buildRoot(Scene scene) {
        ShellView view = new ShellView(shell, stepViews, this::quit, () -> AboutDialog.show(owner(), l10n));
        Parent root = view.load();
        scene.getAccelerators().clear();
        view.installStepShortcuts(scene);
        return root;
    }

    private Window owner() {
        return stage;
    }

    private static void applyTheme(String theme) {
        Application.setUserAgentStylesheet("dark".equals(theme)
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /**
     * JavaFX gives the window system a single icon, 32 px on Windows and 128 px elsewhere, scaled from the
     * nearest one the stage holds; so only that one is decoded (decoding all six sizes took about 30 ms of
     * start-up).
     */
    private static void addIcons(Stage stage) {
        int size = System.getProperty("os.name", "").startsWith("Windows") ? 32 : 128;
        var url = WorkbenchWindow.class.getResource("icons/app-" + size + ".png");
        if (url != null) {
            stage.getIcons().add(new Image(url.toExternalForm()));
        }
    }

    private boolean closeRequested() {
        if (!shell.requestClose()) {
            return false;
        }
        shell.rememberWindowBounds(new UserSettings.WindowBounds(stage.getX(), stage.getY(),
                stage.getWidth(), stage.getHeight(), stage.isMaximized()));
        return true;
    }

    /** Moves the window to where it was last time, if that is still on a screen; returns that placement. */
    private Optional<Rectangle2D> restoreBounds() {
        Optional<UserSettings.WindowBounds> saved = shell.savedWindowBounds();
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        UserSettings.WindowBounds b = saved.get();
        Rectangle2D wanted = new Rectangle2D(b.x(), b.y(), Math.max(b.width(), 900), Math.max(b.height(), 600));
        boolean visible = Screen.getScreens().stream()
                .anyMatch(s -> s.getVisualBounds().intersects(wanted.getMinX(), wanted.getMinY(), 100, 60));
        stage.setMaximized(b.maximized());
        if (!visible) {
            return Optional.empty();
        }
        stage.setX(wanted.getMinX());
        stage.setY(wanted.getMinY());
        return Optional.of(wanted);
    }
}
