package org.marketingworkbench.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Margin;

/**
 * The report's chart conventions in one place (DESIGN.md §8): one width that fits A4, a light grid, axes titled
 * with their units, the legend above the plot, numbers in the report's locale, values on hover.
 */
final class Charts {

    /** A full-width chart: fits the A4 page (186 mm ≈ 703 px) with room to spare. */
    static final int WIDTH = 680;
    /** A chart in a row of two (small multiples). */
    static final int HALF = 340;

    static final String INK = "#1f2328";
    static final String MUTED = "#59636e";
    static final String GRID = "#e6e8eb";
    static final String ACCENT = "#0969da";
    static final String NEUTRAL_BAR = "#8c959f";
    static final String GOOD = "#009E73";
    static final String MARK = "#D55E00";
    static final String FONT = "system-ui, -apple-system, \"Segoe UI\", Roboto, \"Helvetica Neue\", Arial, "
            + "\"PingFang SC\", \"Microsoft YaHei\", \"WenQuanYi Micro Hei\", \"Noto Sans CJK SC\", sans-serif";

    private Charts() {
    }

    /** A Tablesaw layout: size, margins and axis titles (units included), no title (the finding is above). */
    static Layout layout(int width, int height, String xTitle, String yTitle, boolean legend, Margin margin) {
        Layout.LayoutBuilder b = Layout.builder().width(width).height(height).showLegend(legend).margin(margin);
        if (xTitle != null) {
            b.xAxis(Axis.builder().title(PlotText.templated(xTitle)).build());
        }
        if (yTitle != null) {
            b.yAxis(Axis.builder().title(PlotText.templated(yTitle)).build());
        }
        return b.build();
    }

    static Margin margin(int top, int right, int bottom, int left) {
        return Margin.builder().top(top).right(right).bottom(bottom).left(left).build();
    }

    /** The extras every chart shares: font, locale separators, white background, light grid, legend on top. */
    static ObjectNode extras(ReportContext ctx) {
        ObjectNode extras = JsonNodeFactory.instance.objectNode();
        ObjectNode layout = extras.putObject("layout");
        layout.putObject("font").put("family", FONT).put("size", 12).put("color", INK);
        layout.put("separators", ctx.plotlySeparators());
        layout.put("paper_bgcolor", "#ffffff").put("plot_bgcolor", "#ffffff");
        layout.put("hovermode", "closest");
        layout.putObject("hoverlabel").put("bgcolor", "#ffffff").put("bordercolor", "#d1d9e0")
                .putObject("font").put("family", FONT).put("color", INK);
        for (String axis : new String[] {"xaxis", "yaxis"}) {
            ObjectNode a = layout.putObject(axis);
            a.put("gridcolor", GRID).put("zerolinecolor", "#c5ccd3").put("linecolor", "#c5ccd3")
                    .put("automargin", true).put("ticks", "");
            a.putObject("title").putObject("font").put("size", 12).put("color", MUTED);
        }
        ObjectNode legend = layout.putObject("legend");
        legend.put("orientation", "h").put("x", 0).put("xanchor", "left").put("y", 1.02).put("yanchor", "bottom");
        extras.putArray("traces");
        return extras;
    }

    static ObjectNode layout(ObjectNode extras) {
        return (ObjectNode) extras.get("layout");
    }

    static ObjectNode axis(ObjectNode extras, String axis) {
        ObjectNode layout = layout(extras);
        return layout.has(axis) ? (ObjectNode) layout.get(axis) : layout.putObject(axis);
    }

    /** The extras of trace {@code index} (created empty up to it). */
    static ObjectNode trace(ObjectNode extras, int index) {
        ArrayNode traces = (ArrayNode) extras.get("traces");
        while (traces.size() <= index) {
            traces.addObject();
        }
        return (ObjectNode) traces.get(index);
    }

    /** An array of strings for a trace, each escaped for plotly. */
    static ArrayNode labels(Iterable<String> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(v -> a.add(PlotText.label(v)));
        return a;
    }

    /**
     * A plotly hover template from the bundles (no user text in it): escaped for plotly, its placeholders kept.
     */
    static String template(String bundleText) {
        return PlotText.label(bundleText);
    }

    /**
     * Text for a plotly hover template: escaped, and with any "%{" broken up so that only the template's own
     * placeholders are filled in.
     */
    static String hoverText(String text) {
        return PlotText.label(text).replace("%{", "% {");
    }
}
