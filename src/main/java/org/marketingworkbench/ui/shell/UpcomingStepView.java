package org.marketingworkbench.ui.shell;

import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.marketingworkbench.core.pipeline.Stage;

/**
 * The screen of a step this version does not have yet: it says so plainly and what the step will do,
 * instead of showing controls that do nothing.
 */
public final class UpcomingStepView implements StepView {

    private final Stage stage;

    public UpcomingStepView(Stage stage) {
        this.stage = stage;
    }

    @Override
    public Node load(ResourceBundle bundle) {
        Label title = new Label(bundle.getString("stage." + stage.id()));
        title.getStyleClass().add("empty-title");
        Label text = new Label(bundle.getString("upcoming." + stage.id()));
        text.getStyleClass().add("empty-text");
        text.setWrapText(true);
        text.setMaxWidth(520);
        Label later = new Label(bundle.getString("upcoming.notYet"));
        later.getStyleClass().add("empty-text");
        VBox box = new VBox(title, text, later);
        box.setId("upcoming-" + stage.id());
        box.getStyleClass().add("empty-state");
        return box;
    }
}
