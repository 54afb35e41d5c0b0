package org.marketingworkbench.ui.shell;

import java.util.ResourceBundle;
import javafx.scene.Node;

/** A step's screen as the shell hosts it: built from FXML with the current language's bundle. */
@FunctionalInterface
public interface StepView {
    Node load(ResourceBundle bundle);
}
