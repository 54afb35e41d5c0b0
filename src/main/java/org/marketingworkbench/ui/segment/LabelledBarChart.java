package org.marketingworkbench.ui.segment;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;

/**
 * A horizontal bar chart that writes each bar's value at its end and can draw a vertical reference line
 * (an average) with its label: what {@link SegmentSizesChart} and {@link SilhouetteChart} draw on.
 */
final class LabelledBarChart extends BarChart<Number, String> {

    private final Map<Data<Number, String>, Text> labels = new HashMap<>();
    private final Line reference = new Line();
    private final Text referenceLabel = new Text();
    private double referenceValue = Double.NaN;
    private boolean inside;

    LabelledBarChart(NumberAxis x, CategoryAxis y) {
        super(x, y);
        setAnimated(false);
        setLegendVisible(false);
        setHorizontalGridLinesVisible(false);
        setAlternativeRowFillVisible(false);
        setAlternativeColumnFillVisible(false);
        setCategoryGap(10);
        setBarGap(0);
        x.setAnimated(false);
        y.setAnimated(false);
        x.setMinorTickVisible(false);
        reference.getStyleClass().add("reference-line");
        referenceLabel.getStyleClass().add("reference-label");
        reference.setManaged(false);
        referenceLabel.setManaged(false);
    }

    /**
     * Writes the values inside the bars at their base (in a colour readable on the bar) rather than after their
     * ends, so a reference line near the ends does not cross them; a bar too short for its value keeps it outside.
     */
    void setLabelsInside(boolean inside) {
        this.inside = inside;
    }

    /** Removes the bars, their labels and the reference line. */
    void clear() {
        getData().clear();
        getPlotChildren().removeAll(labels.values());   // the texts are plot children of their own
        labels.clear();
        getPlotChildren().removeAll(reference, referenceLabel);
        referenceValue = Double.NaN;
    }

    /** Writes {@code text} at the end of {@code bar} (a bar already in the chart). */
    void label(Data<Number, String> bar, String text) {
        Text t = labels.computeIfAbsent(bar, b -> {
            Text created = new Text();
            created.getStyleClass().add("bar-value");
            created.setManaged(false);
            getPlotChildren().add(created);
            return created;
        });
        t.setText(text);
        requestChartLayout();
    }

    /** A vertical line at {@code value}, labelled {@code text} at its top; NaN removes it. */
    void reference(double value, String text) {
        referenceValue = value;
        referenceLabel.setText(text);
        getPlotChildren().removeAll(reference, referenceLabel);
        if (!Double.isNaN(value)) {
            getPlotChildren().addAll(reference, referenceLabel);
        }
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        NumberAxis x = (NumberAxis) getXAxis();
        double zero = x.getDisplayPosition(0);
        for (Map.Entry<Data<Number, String>, Text> e : labels.entrySet()) {
            Node bar = e.getKey().getNode();
            Text t = e.getValue();
            if (bar == null) {
                continue;
            }
            Bounds b = bar.getBoundsInParent();
            double w = t.getLayoutBounds().getWidth();
            boolean negative = e.getKey().getXValue().doubleValue() < 0;
            boolean fits = inside && b.getWidth() > w + 12;
            if (fits) {
                t.setX(negative ? zero - w - 6 : zero + 6);
                t.setStyle(bar instanceof javafx.scene.layout.Region r && r.getBackground() != null
                        && !r.getBackground().getFills().isEmpty()
                        && r.getBackground().getFills().get(0).getFill() instanceof javafx.scene.paint.Color c
                        ? "-fx-fill: " + SegmentPalette.css(SegmentPalette.textOn(c)) + ";" : "");
            } else {
                t.setX(negative ? Math.min(b.getMinX(), zero) - w - 4 : Math.max(b.getMaxX(), zero) + 4);
                t.setStyle("");
            }
            t.setY(b.getMinY() + b.getHeight() / 2 + t.getLayoutBounds().getHeight() / 3);
            t.toFront();
        }
        if (!Double.isNaN(referenceValue)) {
            double px = x.getDisplayPosition(referenceValue);
            double h = getYAxis().getHeight();
            reference.setStartX(px);
            reference.setEndX(px);
            reference.setStartY(0);
            reference.setEndY(h);
            reference.toFront();
            double w = referenceLabel.getLayoutBounds().getWidth();
            double plotWidth = x.getWidth();
            referenceLabel.setX(px + 4 + w > plotWidth ? px - w - 4 : px + 4);
            referenceLabel.setY(referenceLabel.getLayoutBounds().getHeight() - 2);
            referenceLabel.toFront();
        }
    }
}
