package org.marketingworkbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import org.marketingworkbench.core.clean.profile.Distribution;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Draws a {@link Distribution} as a projector-ready bar chart: a title that states the finding, axes
 * with their meaning, light grid, no animation, values on hover, missing values as their own bar, and
 * the colour-blind-safe Okabe–Ito palette (in the stylesheet) for the groups of a split.
 */
public final class DistributionChart {

    private DistributionChart() {
    }

    public static XYChart<String, Number> build(Distribution d, Localization l10n, UserMessage valueAxis) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(d.column());
        x.setAnimated(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(l10n.format(valueAxis));
        y.setAnimated(false);
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        boolean split = d.groups().size() > 1;
        XYChart<String, Number> chart = split ? new StackedBarChart<>(x, y) : new BarChart<>(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(split);
        chart.setVerticalGridLinesVisible(false);
        chart.setAlternativeRowFillVisible(false);
        chart.getStyleClass().add("distribution-chart");
        if (chart instanceof BarChart<String, Number> bar) {
            bar.setCategoryGap(d.numeric() ? 1 : 8);
            bar.setBarGap(0);
        } else if (chart instanceof StackedBarChart<String, Number> stacked) {
            stacked.setCategoryGap(d.numeric() ? 1 : 8);
        }
        boolean anyMissing = false;
        for (long m : d.missing()) {
            anyMissing |= m > 0;
        }
        List<String> categories = new ArrayList<>(d.binLabels());
        String missingLabel = l10n.get("chart.missing");
        if (anyMissing) {
            categories.add(missingLabel);
        }
        x.getCategories().setAll(categories);
        long total = 0;
        for (int g = 0; g < d.groups().size(); g++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            String group = d.groups().get(g);
            series.setName(Distribution.ALL.equals(group) ? l10n.get("chart.all") : group);
            for (int b = 0; b < d.binCount(); b++) {
                series.getData().add(new XYChart.Data<>(d.binLabels().get(b), d.counts()[g][b]));
                total += d.counts()[g][b];
            }
            if (anyMissing) {
                series.getData().add(new XYChart.Data<>(missingLabel, d.missing()[g]));
                total += d.missing()[g];
            }
            chart.getData().add(series);
        }
        chart.setTitle(l10n.format(finding(d, total, l10n)));
        long grandTotal = total;
        for (XYChart.Series<String, Number> series : chart.getData()) {
            for (XYChart.Data<String, Number> point : series.getData()) {
                if (point.getNode() != null) {
                    double share = grandTotal == 0 ? 0 : 100.0 * point.getYValue().doubleValue() / grandTotal;
                    Tooltip.install(point.getNode(), new Tooltip(l10n.get("chart.tooltip", series.getName(),
                            point.getXValue(), point.getYValue().longValue(), share)));
                    if (missingLabel.equals(point.getXValue())) {
                        point.getNode().getStyleClass().add("missing-bar");
                    }
                }
            }
        }
        return chart;
    }

    /** "Most values lie in 30 – 40 (27%)": the chart's title states what it shows. */
    static UserMessage finding(Distribution d, long total, Localization l10n) {
        int best = -1;
        long bestCount = -1;
        for (int b = 0; b < d.binCount(); b++) {
            long t = d.total(b);
            if (t > bestCount) {
                best = b;
                bestCount = t;
            }
        }
        long missing = 0;
        for (long m : d.missing()) {
            missing += m;
        }
        if (best < 0 || total == 0) {
            return UserMessage.of("chart.finding.empty", d.column());
        }
        double share = 100.0 * bestCount / total;
        double missingShare = 100.0 * missing / total;
        return missing > 0
                ? UserMessage.of(d.numeric() ? "chart.finding.numberMissing" : "chart.finding.categoryMissing",
                        d.column(), d.binLabels().get(best), share, missingShare)
                : UserMessage.of(d.numeric() ? "chart.finding.number" : "chart.finding.category",
                        d.column(), d.binLabels().get(best), share);
    }
}
