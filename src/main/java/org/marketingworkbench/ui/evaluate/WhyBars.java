package org.marketingworkbench.ui.evaluate;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Horizontal bars from zero, sorted by the caller, with an optional whisker (± spread) on each, values at the
 * bars' ends, a zero line, a light grid and a labelled axis below: the importance chart (one colour, whiskers)
 * and the customer's diverging chart (up and down in two colour-blind-safe colours). Values on hover.
 */
final class WhyBars extends Region {

    /** One bar: its name, value, spread (NaN for none), the text at its end, its hover text and style class. */
    record Bar(String label, double value, double spread, String valueText, String hover, String styleClass) {
    }

    private static final double ROW = 26;
    private static final double BAR = 16;
    private static final double TOP = 6;
    private static final double AXIS = 44;
    private static final double GAP = 10;

    private List<Bar> bars = List.of();
    private String axisLabel = "";
    private java.util.function.DoubleFunction<String> tickFormat = v -> String.format("%.2f", v);

    WhyBars() {
        getStyleClass().add("why-bars");
        widthProperty().addListener((obs, o, n) -> draw());
        heightProperty().addListener((obs, o, n) -> draw());
    }

    void setData(List<Bar> newBars, String newAxisLabel, java.util.function.DoubleFunction<String> format) {
        bars = List.copyOf(newBars);
        axisLabel = newAxisLabel == null ? "" : newAxisLabel;
        tickFormat = format;
        setMinHeight(computePrefHeight(-1));
        setPrefHeight(computePrefHeight(-1));
        draw();
        requestLayout();
    }

    List<Bar> bars() {
        return bars;
    }

    @Override
    protected double computePrefHeight(double width) {
        return bars.isEmpty() ? 0 : TOP + bars.size() * ROW + AXIS;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 520;
    }

    private void draw() {
        getChildren().clear();
        double w = getWidth();
        if (bars.isEmpty() || w <= 0) {
            return;
        }
        double labelWidth = 0;
        double valueWidth = 0;
        for (Bar b : bars) {
            labelWidth = Math.max(labelWidth, textWidth(b.label()));
            valueWidth = Math.max(valueWidth, textWidth(b.valueText()));
        }
        labelWidth = Math.min(labelWidth, w * 0.35);
        double lo = 0;
        double hi = 0;
        for (Bar b : bars) {
            double s = Double.isNaN(b.spread()) ? 0 : b.spread();
            lo = Math.min(lo, b.value() - s);
            hi = Math.max(hi, b.value() + s);
        }
        if (hi - lo <= 0) {
            hi = lo + 1e-3;
        }
        double[] ticks = ticks(lo, hi);
        lo = Math.min(lo, ticks[0]);
        hi = Math.max(hi, ticks[ticks.length - 1]);
        double left = labelWidth + GAP + (lo < 0 ? valueWidth + 4 : 0);
        double right = w - valueWidth - GAP;
        if (right - left < 40) {
            right = left + 40;
        }
        double l0 = lo;
        double span = hi - lo;
        double x0 = left;
        double plot = right - left;
        java.util.function.DoubleUnaryOperator x = v -> x0 + (v - l0) / span * plot;
        double bottom = TOP + bars.size() * ROW;
        List<Node> nodes = new ArrayList<>();
        for (double t : ticks) {
            Line grid = new Line(x.applyAsDouble(t), TOP, x.applyAsDouble(t), bottom);
            grid.getStyleClass().add("why-grid");
            nodes.add(grid);
            Text label = text(tickFormat.apply(t), "why-tick");
            label.setX(x.applyAsDouble(t) - textWidth(label.getText()) / 2);
            label.setY(bottom + 4);
            nodes.add(label);
        }
        double zero = x.applyAsDouble(0);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double cy = TOP + i * ROW + ROW / 2;
            Text name = text(b.label(), "why-bar-label");
            name.setWrappingWidth(labelWidth);
            name.setTextAlignment(TextAlignment.RIGHT);
            name.setX(0);
            name.setY(cy - 8);
            if (textWidth(b.label()) > labelWidth) {
                name.setWrappingWidth(0);
                name.setText(ellipsis(b.label(), labelWidth));
                name.setX(labelWidth - textWidth(name.getText()));
            }
            nodes.add(name);
            double end = x.applyAsDouble(b.value());
            Rectangle bar = new Rectangle(Math.min(zero, end), cy - BAR / 2, Math.max(1, Math.abs(end - zero)), BAR);
            bar.getStyleClass().addAll("why-bar", b.styleClass());
            Tooltip.install(bar, new Tooltip(b.hover()));
            nodes.add(bar);
            double reach = end;
            if (!Double.isNaN(b.spread()) && b.spread() > 0) {
                double a = x.applyAsDouble(b.value() - b.spread());
                double c = x.applyAsDouble(b.value() + b.spread());
                Line whisker = new Line(a, cy, c, cy);
                Line capA = new Line(a, cy - 5, a, cy + 5);
                Line capC = new Line(c, cy - 5, c, cy + 5);
                for (Line l : List.of(whisker, capA, capC)) {
                    l.getStyleClass().add("why-whisker");
                    nodes.add(l);
                }
                reach = b.value() >= 0 ? Math.max(end, c) : Math.min(end, a);
            }
            Text value = text(b.valueText(), "why-bar-value");
            value.setY(cy - 8);
            value.setX(b.value() >= 0 ? reach + 4 : reach - 4 - textWidth(b.valueText()));
            nodes.add(value);
        }
        Line axis = new Line(zero, TOP - 2, zero, bottom);
        axis.getStyleClass().add("why-zero");
        nodes.add(axis);
        Text caption = text(axisLabel, "why-axis-label");
        caption.setWrappingWidth(Math.max(100, plot + valueWidth));
        caption.setX(left);
        caption.setY(bottom + 22);
        caption.setTextAlignment(TextAlignment.CENTER);
        nodes.add(caption);
        getChildren().setAll(nodes);
    }

    private static Text text(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().add(styleClass);
        t.setTextOrigin(VPos.TOP);
        return t;
    }

    private static double textWidth(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("why-bar-label");
        return t.getLayoutBounds().getWidth() * 13 / Math.max(1, t.getFont().getSize());
    }

    private static String ellipsis(String s, double width) {
        String out = s;
        while (out.length() > 3 && textWidth(out + "…") > width) {
            out = out.substring(0, out.length() - 1);
        }
        return out + "…";
    }

    /** About five round ticks covering [lo, hi]. */
    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = mag;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step) * step;
        int n = (int) Math.round((end - start) / step) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = start + i * step;
            if (Math.abs(out[i]) < step * 1e-9) {
                out[i] = 0;
            }
        }
        return out;
    }
}
