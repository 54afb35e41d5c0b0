package org.marketingworkbench.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.marketingworkbench.core.env.AppDirs;

/** The JavaFX application: starts the window built by {@link WorkbenchWindow}. */
public final class WorkbenchApp extends Application {

    private FxTaskRunner tasks;

    @Override
    public void start(Stage stage) {
        GuiArguments arguments = GuiArguments.parse(getParameters().getRaw());
        tasks = new FxTaskRunner();
        WorkbenchWindow window = new WorkbenchWindow(stage, AppDirs.forCurrentUser(), tasks,
                WorkbenchWindow.realDialogs(stage));
        window.show();
        if (Boolean.getBoolean("mwb.startupTiming")) {
            // measured from process start, as a user experiences it
            long started = ProcessHandle.current().info().startInstant()
                    .map(java.time.Instant::toEpochMilli).orElse(System.currentTimeMillis());
            long now = System.currentTimeMillis();
            System.out.printf("first-window-ms=%d first-window-epoch-ms=%d%n", now - started, now);
        }
        stage.setOnHidden(e -> Platform.exit());
        arguments.fileToOpen().ifPresent(window.shell()::openProject);
        if (arguments.smokeTest()) {
            SmokeTest.run(window);
        }
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
