package org.marketingworkbench.app;

import javafx.application.Application;

/** Kept apart from {@link Launcher} so that the command line never loads a JavaFX class. */
final class GuiEntry {

    private static final java.util.logging.Logger QUIET_PLATFORM_LOGGER =
            java.util.logging.Logger.getLogger("javafx");

    private GuiEntry() {
    }

    static void launch(String[] args) {
        // JavaFX warns when it runs from the classpath, which is how this jar is built on purpose
        // (see TOOLCHAIN.md); keep the warning out of the user's terminal. The logger is held in a
        // field so the setting is not garbage-collected.
        QUIET_PLATFORM_LOGGER.setLevel(java.util.logging.Level.SEVERE);
        Application.launch(WorkbenchApp.class, args);
    }
}
