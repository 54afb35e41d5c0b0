package org.marketingworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The header keeps title and buttons whole: side by side when they fit, on two rows when not. */
@ExtendWith(ApplicationExtension.class)
class HeaderBarTest {

    private Label title;
    private HBox actions;
    private HeaderBar bar;
    private StackPane holder;

    @Start
    void start(Stage stage) {   // controls only once the toolkit runs
        title = new Label("customers.csv");
        actions = new HBox(10, new Button("Open another file…"), new Button("Continue to Clean"));
        bar = new HeaderBar();
        holder = new StackPane(bar);
        bar.setTitle(title);
        bar.setActions(actions);
        holder.setMaxWidth(StackPane.USE_PREF_SIZE);
        stage.setScene(new Scene(new StackPane(holder), 900, 300));
        stage.show();
    }

    private void layOutAt(FxRobot robot, double width) {
        robot.interact(() -> {
            holder.setPrefWidth(width);
            holder.applyCss();
            holder.layout();
        });
    }

    @Test
    void sideBySideWhenBothFit(FxRobot robot) {
        layOutAt(robot, 800);
        assertThat(actions.getBoundsInParent().getMinY()).isLessThan(title.getBoundsInParent().getMaxY());
        assertThat(actions.getBoundsInParent().getMaxX()).isCloseTo(bar.getWidth(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(title.getWidth()).isGreaterThanOrEqualTo(title.prefWidth(-1));
    }

    @Test
    void actionsMoveBelowTheTitleInANarrowSpace(FxRobot robot) {
        double sideBySide = title.prefWidth(-1) + actions.prefWidth(-1);
        layOutAt(robot, sideBySide - 20);
        assertThat(actions.getBoundsInParent().getMinY()).isGreaterThanOrEqualTo(title.getBoundsInParent().getMaxY());
        assertThat(title.getWidth()).as("the title is not shortened").isGreaterThanOrEqualTo(title.prefWidth(-1));
        assertThat(actions.getWidth()).as("nor are the buttons").isGreaterThanOrEqualTo(actions.prefWidth(-1));
        assertThat(bar.getHeight()).isGreaterThanOrEqualTo(title.prefHeight(-1) + actions.prefHeight(-1));
    }
}
