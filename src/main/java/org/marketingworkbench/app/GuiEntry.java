package org.marketingworkbench.app;

import javafx.application.Application;

/** Kept apart from {@link Launcher} so that the command line never loads a JavaFX class. */
final class GuiEntry {

    private GuiEntry() {
    }

    static void launch(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
