package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import org.marketingworkbench.ui.common.Localization;

/**
 * How many customers each segment holds: horizontal bars sorted largest at the top, each in its segment's
 * colour, named on the axis and labelled "81 · 40%" at its end; the title names the largest segment.
 *
 * <p>Give it the sizes with {@link #setData}; a rename only needs {@link #setNames}.
 */
public final class SegmentSizesChart extends SegmentChart {

    private final NumberAxis x = new NumberAxis();
    private final CategoryAxis y = new CategoryAxis();
    private final LabelledBarChart chart = new LabelledBarChart(x, y);
    private int[] sizes = new int[0];
    private List<String> names = List.of();

    public SegmentSizesChart(Localization l10n) {
        super(l10n, "segment-sizes-chart");
        x.setAutoRanging(false);
        x.setLowerBound(0);
        x.setTickLabelFormatter(axisFormat(0));
        setBody(chart);
        refresh();
    }

    /**
     * Shows the segments' sizes.
     *
     * @param sizes customers per segment, index 0 = segment 1
     * @param names the segments' names as the user sees them ("1 · Young big spenders"), index 0 = segment 1;
     *              missing or blank names are shown as "Segment n"
     */
    public void setData(int[] sizes, List<String> names) {
        this.sizes = sizes.clone();
        this.names = names == null ? List.of() : new ArrayList<>(names);
        refresh();
    }

    /** New names for the segments (after a rename), index 0 = segment 1. */
    public void setNames(List<String> names) {
        setData(sizes, names);
    }

    /** The number of bars drawn. */
    public int barCount() {
        return chart.getData().isEmpty() ? 0 : chart.getData().get(0).getData().size();
    }

    @Override
    protected void refresh() {
        chart.clear();
        x.setLabel(l10n.get("segmentChart.sizes.axis"));
        y.setLabel(null);
        long total = 0;
        for (int s : sizes) {
            total += s;
        }
        if (sizes.length == 0 || total == 0) {
            setTitleText(l10n.get("segmentChart.empty"));
            return;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            order.add(i);
        }
        // largest first, read top-down: a horizontal category axis runs bottom-up, so add smallest first
        order.sort(Comparator.<Integer>comparingInt(i -> sizes[i]).thenComparing(i -> -i));
        List<String> labels = uniqueNames();
        y.getCategories().setAll(order.stream().map(labels::get).toList());
        int max = 0;
        for (int s : sizes) {
            max = Math.max(max, s);
        }
        double upper = niceUpper(max * 1.22);
        x.setUpperBound(upper);
        x.setTickUnit(upper / 5);
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        chart.getData().add(series);
        for (int i : order) {
            XYChart.Data<Number, String> bar = new XYChart.Data<>(sizes[i], labels.get(i));
            series.getData().add(bar);
            double share = 100.0 * sizes[i] / total;
            bar.getNode().setStyle("-fx-bar-fill: " + SegmentPalette.hex(i + 1) + ";");
            chart.label(bar, l10n.get("segmentChart.sizes.bar", sizes[i], share));
            Tooltip.install(bar.getNode(), new Tooltip(l10n.get("segmentChart.sizes.tooltip", labels.get(i), sizes[i],
                    share, total)));
        }
        int largest = order.get(order.size() - 1);
        setTitleText(l10n.get("segmentChart.sizes.title", labels.get(largest), sizes[largest],
                100.0 * sizes[largest] / total, sizes.length));
    }

    /** The axis needs distinct categories: a name given twice gets its segment number added. */
    private List<String> uniqueNames() {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sizes.length; i++) {
            String n = segmentName(names, i + 1);
            if (!seen.add(n)) {
                n = n + " (" + (i + 1) + ")";
                seen.add(n);
            }
            out.add(n);
        }
        return out;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceUpper(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
