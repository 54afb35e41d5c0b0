package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/** A line chart over k that marks chosen k with vertical lines, each labelled at the top: what {@link ElbowChart} draws on. */
final class MarkedLineChart extends LineChart<Number, Number> {

    private record Marker(double k, Line line, Text label, boolean labelled) {
    }

    private final List<Marker> markers = new ArrayList<>();

    MarkedLineChart(NumberAxis x, NumberAxis y) {
        super(x, y);
        setAnimated(false);
        setLegendVisible(false);
        setCreateSymbols(true);
        setVerticalGridLinesVisible(false);
        setAlternativeRowFillVisible(false);
        setAlternativeColumnFillVisible(false);
        x.setAnimated(false);
        y.setAnimated(false);
        x.setMinorTickVisible(false);
        y.setMinorTickVisible(false);
    }

    void clearMarkers() {
        for (Marker m : markers) {
            getPlotChildren().removeAll(m.line(), m.label());
        }
        markers.clear();
    }

    /** A vertical line at {@code k} with style class {@code styleClass}; {@code text} (may be empty) at its top. */
    void mark(double k, String styleClass, String text) {
        Line line = new Line();
        line.getStyleClass().addAll("k-marker", styleClass);
        Text label = new Text(text);
        label.getStyleClass().addAll("k-marker-label", styleClass);
        line.setManaged(false);
        label.setManaged(false);
        markers.add(new Marker(k, line, label, !text.isEmpty()));
        getPlotChildren().addAll(line, label);
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        double h = getYAxis().getHeight();
        double row = 0;
        for (Marker m : markers) {
            double px = x.getDisplayPosition(m.k());
            m.line().setStartX(px);
            m.line().setEndX(px);
            m.line().setStartY(0);
            m.line().setEndY(h);
            m.line().toBack();
            if (m.labelled()) {
                double w = m.label().getLayoutBounds().getWidth();
                double lh = m.label().getLayoutBounds().getHeight();
                m.label().setX(px + 4 + w > x.getWidth() ? px - w - 4 : px + 4);
                m.label().setY(row + lh - 3);
                row += lh;
                m.label().toFront();
            }
        }
    }
}
