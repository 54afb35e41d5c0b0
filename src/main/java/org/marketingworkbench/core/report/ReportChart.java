package org.marketingworkbench.core.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.Trace;

/**
 * One interactive chart of the report: a Tablesaw plotly {@link Figure} (layout, axes and traces), the plotly
 * settings Tablesaw 0.44 has no builder for ({@code extras}: colour scales, hover templates, error bars, tick
 * formats), the finding it shows as its title and an optional caption.
 *
 * @param id      the report item id, also the id a consultant's note is kept under ({@link ReportItems})
 * @param title   the finding in one sentence, shown above the chart
 * @param extras  {@code {"layout": {…}, "traces": [{…}, …]}}, merged into Tablesaw's layout and traces in the page
 * @param caption a line under the chart (how to read it, what was sampled), or null
 */
public record ReportChart(String id, UserMessage title, Figure figure, int width, int height, ObjectNode extras,
                          UserMessage caption) {

    public ReportChart {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(figure, "figure");
        extras = extras == null ? JsonNodeFactory.instance.objectNode() : extras;
    }

    /**
     * A Tablesaw figure whose plot call goes through the report's {@code mwb.plot}, which merges the extras,
     * records that the chart rendered and reports failures (see report.js).
     */
    static final class PlotFigure extends Figure {

        PlotFigure(Layout layout, Trace... traces) {
            super(layout, traces);
        }

        @Override
        protected String plotFunction(String targetName) {
            // Tablesaw writes this through its template's HTML escaping: identifiers and punctuation only
            StringBuilder b = new StringBuilder("var data = [");
            for (int i = 0; i < getTraces().length; i++) {
                b.append(i == 0 ? "" : ", ").append("trace").append(i);
            }
            return b.append("];").append(System.lineSeparator())
                    .append("mwb.plot(").append(targetName).append(", data, layout);").toString();
        }
    }

    /** The figure's JavaScript for a div of id {@code divId}, without the script element around it. */
    String script(String divId) {
        String js = figure.asJavascript(divId).strip();
        if (js.startsWith("<script>")) {
            js = js.substring("<script>".length());
        }
        if (js.endsWith("</script>")) {
            js = js.substring(0, js.length() - "</script>".length());
        }
        return js.strip();
    }
}
