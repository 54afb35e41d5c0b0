package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.marketingworkbench.ui.common.Localization;

/**
 * The customers on a 2-D map (the first two principal components), each a dot in its segment's colour, the
 * segments' centres as larger outlined markers with their numbers, axes labelled with the share of the
 * variance each direction shows, a legend, and the nearest customer's segment on hover. Thousands of dots are
 * drawn on one {@link Canvas}, not as a node each.
 */
public final class SegmentMapChart extends SegmentChart {

    /**
     * What the map shows.
     *
     * @param x                 each drawn customer's first coordinate
     * @param y                 each drawn customer's second coordinate
     * @param segment           each drawn customer's segment number, 1..k
     * @param centroids         per segment (index 0 = segment 1) its centre's {x, y}
     * @param varianceExplained the share (0..1) of the variance along x and along y
     * @param total             customers segmented; more than {@code x.length} when the map is a sample
     */
    public record MapData(double[] x, double[] y, int[] segment, double[][] centroids, double[] varianceExplained,
                          int total) {

        public MapData {
            Objects.requireNonNull(x);
            Objects.requireNonNull(y);
            Objects.requireNonNull(segment);
            Objects.requireNonNull(centroids);
            if (y.length != x.length || segment.length != x.length) {
                throw new IllegalArgumentException("x, y and segment differ in length: " + x.length + ", " + y.length
                        + ", " + segment.length);
            }
            if (varianceExplained == null || varianceExplained.length != 2) {
                throw new IllegalArgumentException("two shares of the variance are needed");
            }
        }

        public boolean sampled() {
            return x.length < total;
        }
    }

    private static final double LEFT = 64;
    private static final double BOTTOM = 46;
    private static final double TOP = 10;
    private static final double RIGHT = 14;
    private static final double HOVER_RADIUS = 10;

    private final Pane plot = new Pane();
    private final Canvas canvas = new Canvas();
    private final Label hover = new Label();
    private final FlowPane legend = new FlowPane(14, 4);
    private MapData data;
    private List<String> names = List.of();
    private double minX;
    private double maxX;
    private double minY;
    private double maxY;

    public SegmentMapChart(Localization l10n) {
        super(l10n, "segment-map-chart");
        plot.getStyleClass().add("map-plot");
        plot.getChildren().addAll(canvas, hover);
        plot.setMinSize(200, 150);
        hover.getStyleClass().add("map-hover");
        hover.setManaged(false);
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        plot.widthProperty().addListener(o -> draw());
        plot.heightProperty().addListener(o -> draw());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onHover);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
        legend.getStyleClass().add("segment-legend");
        setBody(plot);
        addFooter(legend);
        setPrefSize(640, 500);
        setMinSize(320, 280);
        refresh();
    }

    /** Shows the map; {@code names} are the segments' names, index 0 = segment 1 (blank: "Segment n"). */
    public void setData(MapData data, List<String> names) {
        this.data = data;
        this.names = names == null ? List.of() : new ArrayList<>(names);
        computeRange();
        refresh();
    }

    /** New names for the segments (after a rename). */
    public void setNames(List<String> names) {
        this.names = names == null ? List.of() : new ArrayList<>(names);
        refresh();
    }

    /** The number of segments in the legend. */
    public int legendSize() {
        return legend.getChildren().size();
    }

    /** The text shown when hovering at ({@code px}, {@code py}) in the canvas, or empty when no customer is near. */
    public String hoverText(double px, double py) {
        int i = nearest(px, py);
        if (i < 0) {
            return "";
        }
        return l10n.get("segmentChart.map.hover", segmentName(names, data.segment()[i]),
                l10n.formatDecimal(data.x()[i], 2), l10n.formatDecimal(data.y()[i], 2));
    }

    /** Where customer {@code i} is drawn on the canvas, {x, y}. */
    public double[] pointOnCanvas(int i) {
        return new double[] {toPx(data.x()[i]), toPy(data.y()[i])};
    }

    private int segmentCount() {
        return data == null ? 0 : data.centroids().length;
    }

    @Override
    protected void refresh() {
        legend.getChildren().clear();
        if (data == null || data.x().length == 0) {
            setTitleText(l10n.get("segmentChart.empty"));
            setSubtitleText(null);
            draw();
            return;
        }
        double shown = 100 * (data.varianceExplained()[0] + data.varianceExplained()[1]);
        setTitleText(l10n.get("segmentChart.map.title", segmentCount(), shown));
        setSubtitleText(data.sampled()
                ? l10n.get("segmentChart.map.sampled", data.x().length, data.total())
                : l10n.get("segmentChart.map.all", data.x().length));
        for (int s = 1; s <= segmentCount(); s++) {
            Circle dot = new Circle(5, SegmentPalette.color(s));
            Label item = new Label(segmentName(names, s), dot);
            item.getStyleClass().add("legend-item");
            legend.getChildren().add(item);
        }
        Circle centre = new Circle(6, Color.TRANSPARENT);
        centre.getStyleClass().add("centre-symbol");
        Label item = new Label(l10n.get("segmentChart.map.centre"), centre);
        item.getStyleClass().add("legend-item");
        legend.getChildren().add(item);
        draw();
    }

    @Override
    protected void themeChanged() {
        draw();
    }

    private void computeRange() {
        minX = Double.POSITIVE_INFINITY;
        maxX = Double.NEGATIVE_INFINITY;
        minY = Double.POSITIVE_INFINITY;
        maxY = Double.NEGATIVE_INFINITY;
        if (data == null) {
            return;   // no segments (yet, or any more): the empty state
        }
        for (int i = 0; i < data.x().length; i++) {
            minX = Math.min(minX, data.x()[i]);
            maxX = Math.max(maxX, data.x()[i]);
            minY = Math.min(minY, data.y()[i]);
            maxY = Math.max(maxY, data.y()[i]);
        }
        for (double[] c : data.centroids()) {
            minX = Math.min(minX, c[0]);
            maxX = Math.max(maxX, c[0]);
            minY = Math.min(minY, c[1]);
            maxY = Math.max(maxY, c[1]);
        }
        double padX = Math.max((maxX - minX) * 0.04, 1e-9);
        double padY = Math.max((maxY - minY) * 0.04, 1e-9);
        minX -= padX;
        maxX += padX;
        minY -= padY;
        maxY += padY;
    }

    private double plotWidth() {
        return Math.max(1, canvas.getWidth() - LEFT - RIGHT);
    }

    private double plotHeight() {
        return Math.max(1, canvas.getHeight() - TOP - BOTTOM);
    }

    private double toPx(double x) {
        return LEFT + (x - minX) / (maxX - minX) * plotWidth();
    }

    private double toPy(double y) {
        return TOP + (1 - (y - minY) / (maxY - minY)) * plotHeight();
    }

    private void draw() {
        canvas.setWidth(Math.max(0, plot.getWidth()));
        canvas.setHeight(Math.max(0, plot.getHeight()));
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (data == null || data.x().length == 0 || canvas.getWidth() < 50 || canvas.getHeight() < 50) {
            return;
        }
        Color ink = inkColor();
        Color muted = mutedColor();
        Color grid = gridColor();
        Font tickFont = Font.font(11.5);
        g.setFont(tickFont);
        g.setLineWidth(1);
        // grid and tick labels
        g.setFill(ink);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        List<Double> xTicks = ticks(minX, maxX, Math.max(3, (int) (plotWidth() / 90)));
        for (double t : xTicks) {
            double px = Math.round(toPx(t)) + 0.5;
            g.setStroke(grid);
            g.strokeLine(px, TOP, px, TOP + plotHeight());
            g.fillText(l10n.formatDecimal(t, decimals(xTicks)), px, TOP + plotHeight() + 4);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        List<Double> yTicks = ticks(minY, maxY, Math.max(3, (int) (plotHeight() / 70)));
        for (double t : yTicks) {
            double py = Math.round(toPy(t)) + 0.5;
            g.setStroke(grid);
            g.strokeLine(LEFT, py, LEFT + plotWidth(), py);
            g.fillText(l10n.formatDecimal(t, decimals(yTicks)), LEFT - 6, py);
        }
        g.setStroke(muted);
        g.strokeRect(LEFT + 0.5, TOP + 0.5, plotWidth(), plotHeight());
        // axis titles
        Font axisFont = Font.font(12.5);
        g.setFont(axisFont);
        g.setFill(muted);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(axisTitle(1, data.varianceExplained()[0]), LEFT + plotWidth() / 2, canvas.getHeight() - 2);
        g.save();
        g.translate(14, TOP + plotHeight() / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(axisTitle(2, data.varianceExplained()[1]), 0, 0);
        g.restore();
        // customers: smaller and lighter when there are many
        int n = data.x().length;
        double r = n > 5000 ? 1.6 : n > 1000 ? 2.2 : 3.2;
        double alpha = n > 5000 ? 0.55 : n > 1000 ? 0.7 : 0.85;
        Color[] colours = new Color[segmentCount() + 1];
        for (int s = 1; s <= segmentCount(); s++) {
            colours[s] = SegmentPalette.color(s).deriveColor(0, 1, 1, alpha);
        }
        for (int i = 0; i < n; i++) {
            int s = data.segment()[i];
            g.setFill(s >= 1 && s < colours.length ? colours[s] : muted);
            g.fillOval(toPx(data.x()[i]) - r, toPy(data.y()[i]) - r, 2 * r, 2 * r);
        }
        // the centres: a ring in the segment's colour on the background, the number inside
        Color background = neutralColor();
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        double cr = 11;
        for (int s = 1; s <= segmentCount(); s++) {
            double cx = toPx(data.centroids()[s - 1][0]);
            double cy = toPy(data.centroids()[s - 1][1]);
            g.setFill(background);
            g.fillOval(cx - cr, cy - cr, 2 * cr, 2 * cr);
            g.setStroke(ink);
            g.setLineWidth(1);
            g.strokeOval(cx - cr - 1.5, cy - cr - 1.5, 2 * cr + 3, 2 * cr + 3);
            g.setStroke(SegmentPalette.color(s));
            g.setLineWidth(3);
            g.strokeOval(cx - cr, cy - cr, 2 * cr, 2 * cr);
            g.setFill(ink);
            g.fillText(Integer.toString(s), cx, cy);
        }
        g.setLineWidth(1);
    }

    private String axisTitle(int component, double share) {
        return l10n.get("segmentChart.map.axis", component, 100 * share);
    }

    private int nearest(double px, double py) {
        if (data == null) {
            return -1;
        }
        int best = -1;
        double bestD = HOVER_RADIUS * HOVER_RADIUS;
        for (int i = 0; i < data.x().length; i++) {
            double dx = toPx(data.x()[i]) - px;
            double dy = toPy(data.y()[i]) - py;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private void onHover(MouseEvent e) {
        String text = hoverText(e.getX(), e.getY());
        if (text.isEmpty()) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hover.autosize();
        double x = e.getX() + 12;
        if (x + hover.getWidth() > plot.getWidth()) {
            x = e.getX() - hover.getWidth() - 12;
        }
        hover.relocate(Math.max(0, x), Math.max(0, e.getY() - hover.getHeight() - 6));
        hover.setVisible(true);
    }

    /** Round tick values inside [lo, hi], about {@code count} of them. */
    static List<Double> ticks(double lo, double hi, int count) {
        List<Double> out = new ArrayList<>();
        double step = niceStep((hi - lo) / count);
        if (!(step > 0)) {
            return out;
        }
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
            out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return out;
    }

    private static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {   // no 2.5: its ticks would need a decimal the labels lack
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** The decimals the ticks' step needs (0.2 → 1, 0.05 → 2), so every label differs from its neighbours. */
    static int decimals(List<Double> ticks) {
        if (ticks.isEmpty()) {
            return 0;
        }
        // one tick: as many decimals as its value needs
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : Math.abs(ticks.get(0));
        if (step == 0) {
            return 0;
        }
        return step >= 1 ? 0 : (int) Math.min(4, Math.ceil(-Math.log10(step) - 1e-9));
    }
}
