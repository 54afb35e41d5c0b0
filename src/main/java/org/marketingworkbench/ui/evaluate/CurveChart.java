package org.marketingworkbench.ui.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/**
 * A line chart for the Evaluate curves (ROC, precision–recall, gains, calibration, profit): named lines drawn
 * without symbols (thinned to a few hundred points, so 45,000 customers draw at once), a dashed reference line
 * (chance, or perfect calibration) and one marked point (the operating point or the cut-off) that moves with
 * the threshold. Titles and axis labels are set by the screen in the user's language.
 */
final class CurveChart extends LineChart<Number, Number> {

    static final int MAX_POINTS = 400;

    private final Map<String, Series<Number, Number>> lines = new LinkedHashMap<>();
    private final Series<Number, Number> marker = new Series<>();

    /**
     * @param lineIds the lines, in order: the first is drawn solid in the accent colour, the others dashed; the
     *                series are made here, once, because JavaFX colours a series by the order it was added
     */
    CurveChart(String styleClass, double xMin, double xMax, double yMin, double yMax, String... lineIds) {
        super(axis(xMin, xMax), axis(yMin, yMax));
        getStyleClass().addAll("curve-chart", styleClass);
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(true);
        for (String id : lineIds) {
            Series<Number, Number> s = new Series<>();
            lines.put(id, s);
            getData().add(s);
        }
        getData().add(marker);
        setMinSize(260, 200);
    }

    private static NumberAxis axis(double min, double max) {
        if (Double.isNaN(min)) {
            NumberAxis a = new NumberAxis();
            a.setForceZeroInRange(false);
            a.setAnimated(false);
            return a;
        }
        NumberAxis a = new NumberAxis(min, max, (max - min) / 5);
        a.setAnimated(false);
        return a;
    }

    /** Sets (or adds) the line {@code id} with the points' x and y, in the order given. */
    void line(String id, String name, List<double[]> points) {
        Series<Number, Number> s = lines.get(id);
        s.setName(name);
        List<Data<Number, Number>> data = new ArrayList<>();
        int step = Math.max(1, points.size() / MAX_POINTS);
        for (int i = 0; i < points.size(); i += step) {
            data.add(new Data<>(points.get(i)[0], points.get(i)[1]));
        }
        if (!points.isEmpty() && (points.size() - 1) % step != 0) {
            double[] last = points.get(points.size() - 1);
            data.add(new Data<>(last[0], last[1]));
        }
        s.getData().setAll(data);
    }

    /** The marked point, named (e.g. "threshold 0.50"), or none when {@code point} is null. */
    void mark(String name, double[] point) {
        marker.setName(name);
        if (point == null) {
            marker.getData().clear();
            return;
        }
        if (marker.getData().size() == 1) {
            marker.getData().get(0).setXValue(point[0]);
            marker.getData().get(0).setYValue(point[1]);
        } else {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(point[0], point[1]);
            javafx.scene.shape.Circle dot = new javafx.scene.shape.Circle(6);
            dot.getStyleClass().add("operating-point");
            dot.setFill(javafx.scene.paint.Color.web("#D55E00"));
            dot.setStroke(javafx.scene.paint.Color.WHITE);
            dot.setStrokeWidth(2);
            d.setNode(dot);
            marker.getData().setAll(List.of(d));
        }
    }

    void labels(String title, String x, String y) {
        setTitle(title);
        getXAxis().setLabel(x);
        getYAxis().setLabel(y);
    }
}
