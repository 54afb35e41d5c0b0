package org.marketingworkbench.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The composition root of the window: builds services and view-models and shows the shell. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
