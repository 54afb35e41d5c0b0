package org.marketingworkbench.ui.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.ui.common.Localization;

/**
 * The screen of a step this version does not have yet: it says so plainly and what the step will do,
 * instead of showing controls that do nothing.
 */
public final class UpcomingStepView implements StepView {

    private final Stage stage;
    private final Localization l10n;
    private Node node;

    public UpcomingStepView(Stage stage, Localization l10n) {
        this.stage = stage;
        this.l10n = l10n;
    }

    @Override
    public Node view() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    private Node build() {
        Label title = new Label();
        title.textProperty().bind(l10n.text("stage." + stage.id()));
        title.getStyleClass().add("empty-title");
        Label text = new Label();
        text.textProperty().bind(l10n.text("upcoming." + stage.id()));
        text.getStyleClass().add("empty-text");
        text.setWrapText(true);
        text.setMaxWidth(520);
        Label later = new Label();
        later.textProperty().bind(l10n.text("upcoming.notYet"));
        later.getStyleClass().add("empty-text");
        VBox box = new VBox(title, text, later);
        box.setId("upcoming-" + stage.id());
        box.getStyleClass().add("empty-state");
        return box;
    }
}
