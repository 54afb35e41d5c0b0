package org.marketingworkbench.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * A chart a screen offers to presentation mode: the live chart node itself (lent to the presentation and given
 * back where it was), and a caption for charts that do not carry their own title.
 *
 * @param id      stable name of the chart ("segment.sizes", "evaluate.roc"), shared with the report and notes
 * @param chart   the chart as the screen shows it; its parent must be a {@link javafx.scene.layout.Pane}
 * @param caption the slide's title, or {@code null} when the chart titles itself
 * @param screen  the screen the chart belongs to: its stylesheets and style draw the chart (also when the screen
 *                has never been shown, so the chart's ancestors do not reach it yet)
 */
public record Slide(String id, Node chart, ObservableValue<String> caption, javafx.scene.Parent screen) {
}
