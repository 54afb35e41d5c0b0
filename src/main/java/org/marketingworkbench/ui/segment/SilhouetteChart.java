package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import org.marketingworkbench.ui.common.Localization;

/**
 * How clearly the customers sit in their segments: each segment's mean silhouette as a bar in the segment's
 * colour (segment 1 at the top), the average as a vertical reference line, and a title that puts the average
 * in plain words: 0.5 or more is clear, 0.25 to 0.5 fair, below 0.25 weak (the subtitle states the bands).
 */
public final class SilhouetteChart extends SegmentChart {

    /** At or above: segments are clearly apart. */
    public static final double CLEAR = 0.5;
    /** At or above (and below {@link #CLEAR}): fairly apart; below: weak. */
    public static final double FAIR = 0.25;

    private final NumberAxis x = new NumberAxis();
    private final CategoryAxis y = new CategoryAxis();
    private final LabelledBarChart chart = new LabelledBarChart(x, y);
    private double[] perSegment = new double[0];
    private double average = Double.NaN;
    private List<String> names = List.of();

    public SilhouetteChart(Localization l10n) {
        super(l10n, "silhouette-chart");
        x.setAutoRanging(false);
        x.setUpperBound(1);
        x.setTickUnit(0.25);
        x.setTickLabelFormatter(axisFormat(2));
        chart.setLabelsInside(true);
        setBody(chart);
        refresh();
    }

    /**
     * Shows the silhouettes.
     *
     * @param perSegment each segment's mean silhouette, index 0 = segment 1 (NaN when not measured)
     * @param average    the mean over all customers measured
     * @param names      the segments' names, index 0 = segment 1 (blank or missing: "Segment n")
     */
    public void setData(double[] perSegment, double average, List<String> names) {
        this.perSegment = perSegment.clone();
        this.average = average;
        this.names = names == null ? List.of() : new ArrayList<>(names);
        refresh();
    }

    /** New names for the segments (after a rename). */
    public void setNames(List<String> names) {
        setData(perSegment, average, names);
    }

    /** The number of bars drawn (a segment not measured has none). */
    public int barCount() {
        return chart.getData().isEmpty() ? 0 : chart.getData().get(0).getData().size();
    }

    /** "clear", "fair" or "weak": the plain-words band of a silhouette. */
    public static String band(double silhouette) {
        return silhouette >= CLEAR ? "clear" : silhouette >= FAIR ? "fair" : "weak";
    }

    @Override
    protected void refresh() {
        chart.clear();
        x.setLabel(l10n.get("segmentChart.silhouette.axis"));
        setSubtitleText(l10n.get("segmentChart.silhouette.bands", CLEAR, FAIR));
        if (perSegment.length == 0 || Double.isNaN(average)) {
            setTitleText(l10n.get("segmentChart.empty"));
            return;
        }
        double min = 0;
        for (double s : perSegment) {
            if (!Double.isNaN(s)) {
                min = Math.min(min, s);
            }
        }
        x.setLowerBound(min < 0 ? Math.floor(min * 4 - 0.5) / 4 : 0);
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < perSegment.length; i++) {
            String n = segmentName(names, i + 1);
            labels.add(seen.add(n) ? n : n + " (" + (i + 1) + ")");
        }
        List<String> categories = new ArrayList<>();
        for (int i = perSegment.length - 1; i >= 0; i--) {
            categories.add(labels.get(i));
        }
        y.getCategories().setAll(categories);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        chart.getData().add(series);
        for (int i = perSegment.length - 1; i >= 0; i--) {
            if (Double.isNaN(perSegment[i])) {
                continue;
            }
            XYChart.Data<Number, String> bar = new XYChart.Data<>(perSegment[i], labels.get(i));
            series.getData().add(bar);
            bar.getNode().setStyle("-fx-bar-fill: " + SegmentPalette.hex(i + 1) + ";");
            String value = l10n.formatDecimal(perSegment[i], 2);
            chart.label(bar, value);
            Tooltip.install(bar.getNode(), new Tooltip(l10n.get("segmentChart.silhouette.tooltip", labels.get(i), value,
                    l10n.get("segmentChart.silhouette.band." + band(perSegment[i])))));
        }
        chart.reference(average, l10n.get("segmentChart.silhouette.average", l10n.formatDecimal(average, 2)));
        setTitleText(l10n.get("segmentChart.silhouette.title." + band(average), l10n.formatDecimal(average, 2)));
    }
}
