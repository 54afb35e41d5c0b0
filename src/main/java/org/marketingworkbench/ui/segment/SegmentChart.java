package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.util.StringConverter;
import org.marketingworkbench.ui.common.Localization;

/**
 * What the segment charts share: a title that states the finding (wrapping, never cut to "…"), an optional
 * subtitle, the chart itself, the chart stylesheet, a background from the theme (so a copied or saved PNG
 * looks like the screen in light and dark), texts redrawn when the language changes, and the theme's
 * colours for what is drawn on a canvas (read from invisible probe labels styled by the stylesheet).
 */
abstract class SegmentChart extends VBox {

    static final String STYLESHEET = Objects.requireNonNull(SegmentChart.class.getResource("SegmentCharts.css"))
            .toExternalForm();

    protected final Localization l10n;
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label ink = probe("probe-ink");
    private final Label muted = probe("probe-muted");
    private final Label grid = probe("probe-grid");
    private final Label neutral = probe("probe-neutral");
    // held here: the locale property only keeps a weak reference, so a chart thrown away is not kept alive
    private final InvalidationListener localeListener = o -> refresh();
    private final InvalidationListener themeListener = o -> themeChanged();

    SegmentChart(Localization l10n, String styleClass) {
        this.l10n = Objects.requireNonNull(l10n);
        getStylesheets().add(STYLESHEET);
        getStyleClass().addAll("segment-chart", styleClass);
        title.getStyleClass().add("segment-chart-title");
        subtitle.getStyleClass().add("segment-chart-subtitle");
        for (Label l : List.of(title, subtitle)) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(Label.USE_PREF_SIZE);
        }
        subtitle.managedProperty().bind(subtitle.visibleProperty());
        subtitle.setVisible(false);
        getChildren().addAll(title, subtitle, ink, muted, grid, neutral);
        for (Label p : List.of(ink, muted, grid, neutral)) {
            p.textFillProperty().addListener(new WeakInvalidationListener(themeListener));
        }
        l10n.localeProperty().addListener(new WeakInvalidationListener(localeListener));
        setMinSize(300, 220);
        setPrefSize(560, 380);
    }

    private static Label probe(String styleClass) {
        Label l = new Label();
        l.getStyleClass().add(styleClass);
        l.setManaged(false);
        l.setVisible(false);
        return l;
    }

    /** Puts the chart's body under the title, taking the height left. */
    protected void setBody(Node body) {
        List<Node> keep = new ArrayList<>(List.of(title, subtitle));
        keep.add(body);
        keep.addAll(List.of(ink, muted, grid, neutral));
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().setAll(keep);
    }

    /** Adds a node (a legend) under the body. */
    protected void addFooter(Node footer) {
        getChildren().add(getChildren().indexOf(ink), footer);
    }

    /** Rebuilds every text (and drawing) for the current language and data. */
    protected abstract void refresh();

    /** The theme changed: redraw what takes its colours from the probes. */
    protected void themeChanged() {
    }

    /** The title as shown: it states what the chart finds. */
    public String getTitleText() {
        return title.getText();
    }

    public String getSubtitleText() {
        return subtitle.isVisible() ? subtitle.getText() : "";
    }

    protected void setTitleText(String text) {
        title.setText(text);
    }

    protected void setSubtitleText(String text) {
        subtitle.setText(text == null ? "" : text);
        subtitle.setVisible(text != null && !text.isBlank());
    }

    /** The theme's text colour. */
    protected Color inkColor() {
        return color(ink, Color.web("#1F2328"));
    }

    /** The theme's quieter text colour (axis labels, notes). */
    protected Color mutedColor() {
        return color(muted, Color.web("#656D76"));
    }

    /** The theme's grid and axis-line colour. */
    protected Color gridColor() {
        return color(grid, Color.web("#D0D7DE"));
    }

    /** The middle of the diverging scale: a quiet background of the theme. */
    protected Color neutralColor() {
        return color(neutral, SegmentPalette.LIGHT_NEUTRAL);
    }

    private static Color color(Label probe, Color fallback) {
        Paint p = probe.getTextFill();
        return p instanceof Color c && probe.getScene() != null ? c : fallback;
    }

    /** Numbers on an axis, formatted for the language. */
    protected StringConverter<Number> axisFormat(int digits) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : l10n.formatDecimal(n.doubleValue(), digits);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** "Segment 3" for a segment without a name from the caller. */
    protected String segmentName(List<String> names, int number) {
        if (names != null && number - 1 < names.size()) {
            String n = names.get(number - 1);
            if (n != null && !n.isBlank()) {
                return n;
            }
        }
        return l10n.get("segmentChart.segmentName", number);
    }
}
