package org.marketingworkbench.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.text.TextAlignment;
import org.marketingworkbench.core.clean.profile.Distribution;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Draws a {@link Distribution} as a projector-ready bar chart: a title that states the finding, axes
 * with their meaning, light grid, no animation, values on hover, and the colour-blind-safe Okabe–Ito
 * palette (in the stylesheet) for the groups of a split.
 *
 * <p>Missing values are never drawn on the value axis. A grey bar after the last range read as "133
 * customers aged over 150" whenever a narrow chart dropped its "(missing)" tick label, so the title's
 * second line states them in words instead ("133 customers (2.7%) have no value: not shown", per group
 * for a split). Being part of the title, the statement wraps rather than disappears at any width and
 * is in every copied or saved PNG.
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
        x.getCategories().setAll(d.binLabels());
        long total = 0;
        for (int g = 0; g < d.groups().size(); g++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            String group = d.groups().get(g);
            series.setName(groupName(group, l10n));
            for (int b = 0; b < d.binCount(); b++) {
                series.getData().add(new XYChart.Data<>(d.binLabels().get(b), d.counts()[g][b]));
                total += d.counts()[g][b];
            }
            total += d.missing()[g];
            chart.getData().add(series);
        }
        String title = l10n.format(finding(d, total));
        if (missing(d) > 0) {
            title += "\n" + missingStatement(d, total, l10n);
        }
        chart.setTitle(title);
        wrapTitle(chart);
        long grandTotal = total;
        for (XYChart.Series<String, Number> series : chart.getData()) {
            for (XYChart.Data<String, Number> point : series.getData()) {
                if (point.getNode() != null) {
                    Tooltip.install(point.getNode(), new Tooltip(l10n.get("chart.tooltip", series.getName(),
                            point.getXValue(), point.getYValue().longValue(), share(point.getYValue().longValue(),
                                    grandTotal))));
                }
            }
        }
        return chart;
    }

    /** A long or two-line title wraps onto more lines instead of ending in "…" on a narrow chart. */
    private static void wrapTitle(XYChart<String, Number> chart) {
        Node title = chart.lookup(".chart-title");
        if (title instanceof Label label) {
            label.setWrapText(true);
            label.setTextAlignment(TextAlignment.CENTER);
            label.setAlignment(Pos.CENTER);
        }
    }

    private static String groupName(String group, Localization l10n) {
        return Distribution.ALL.equals(group) ? l10n.get("chart.all") : group;
    }

    private static long missing(Distribution d) {
        long missing = 0;
        for (long m : d.missing()) {
            missing += m;
        }
        return missing;
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : 100.0 * count / total;
    }

    /**
     * "133 customers (2.7%) have no value: not shown", for a split followed by the groups' counts
     * ("female 70, male 60"); empty when no value is missing.
     *
     * @param total all rows drawn, with or without a value
     */
    static String missingStatement(Distribution d, long total, Localization l10n) {
        long missing = missing(d);
        if (missing == 0) {
            return "";
        }
        double share = share(missing, total);
        String shareText = share < 0.05 ? l10n.get("chart.share.tiny") : l10n.get("chart.share", share);
        if (d.groups().size() <= 1) {
            return l10n.get("chart.missingNote", missing, shareText);
        }
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < d.groups().size(); g++) {
            if (d.missing()[g] > 0) {
                groups.add(l10n.get("chart.missingGroup", groupName(d.groups().get(g), l10n), d.missing()[g]));
            }
        }
        return l10n.get("chart.missingNoteSplit", missing, shareText,
                String.join(l10n.get("chart.listSeparator"), groups));
    }

    /** "Most values lie in 30 – 40 (27%)": the chart's title states what it shows. */
    static UserMessage finding(Distribution d, long total) {
        int best = -1;
        long bestCount = -1;
        for (int b = 0; b < d.binCount(); b++) {
            long t = d.total(b);
            if (t > bestCount) {
                best = b;
                bestCount = t;
            }
        }
        if (best < 0 || bestCount == 0 || total == 0) {
            return UserMessage.of("chart.finding.empty", d.column());
        }
        return UserMessage.of(d.numeric() ? "chart.finding.number" : "chart.finding.category",
                d.column(), d.binLabels().get(best), share(bestCount, total));
    }
}
