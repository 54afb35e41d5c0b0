package org.marketingworkbench.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * What a section writes to: the page being built, the results, the language and the number formats. Every
 * visible string goes through here: texts from the bundles ({@link #msg}), user strings escaped ({@link #text}),
 * numbers formatted for the locale.
 */
final class ReportContext {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringBuilder out;
    private final Locale locale;
    private final ProjectResults results;
    private final ZoneId zone;
    private int charts;

    ReportContext(StringBuilder out, Locale locale, ProjectResults results, ZoneId zone) {
        this.out = out;
        this.locale = locale;
        this.results = results;
        this.zone = zone;
    }

    Locale locale() {
        return locale;
    }

    ProjectResults results() {
        return results;
    }

    // ---- words ------------------------------------------------------------------------------------------------

    /** A bundle text in the report's language (not escaped). */
    String msg(String key, Object... args) {
        return UserMessage.of(key, args).format(locale);
    }

    String msg(UserMessage m) {
        return m.format(locale);
    }

    /** Appends markup as it is. */
    ReportContext html(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends text, escaped. */
    ReportContext text(String plain) {
        out.append(Html.escape(plain));
        return this;
    }

    void p(UserMessage m) {
        html("<p>").text(msg(m)).html("</p>\n");
    }

    void p(String cssClass, UserMessage m) {
        html("<p class=\"").html(cssClass).html("\">").text(msg(m)).html("</p>\n");
    }

    void h3(UserMessage m) {
        html("<h3>").text(msg(m)).html("</h3>\n");
    }

    void notice(UserMessage m) {
        html("<p class=\"notice\">").text(msg(m)).html("</p>\n");
    }

    /** The consultant's note on report item {@code id}, if there is one. */
    void note(String id) {
        String note = results.notes().get(id);
        if (note != null) {
            html("<aside class=\"note\" data-mwb-note=\"").text(id).html("\"><span class=\"who\">")
                    .text(msg("report.note.label")).html("</span>").html(Html.escapeLines(note)).html("</aside>\n");
        }
    }

    /** A two-column table of facts: a label and a value per row, both plain text. */
    void facts(List<String[]> rows) {
        html("<table class=\"facts\"><tbody>\n");
        for (String[] r : rows) {
            html("<tr><th scope=\"row\">").text(r[0]).html("</th><td>").text(r[1]).html("</td></tr>\n");
        }
        html("</tbody></table>\n");
    }

    /** A table of plain texts; {@code numeric[i]} right-aligns column i. */
    void table(List<String> headers, boolean[] numeric, List<List<String>> rows) {
        table(headers, numeric, rows, null);
    }

    /** As {@link #table(List, boolean[], List)}, with {@code rowClass[r]} (may be null) as a class per row. */
    void table(List<String> headers, boolean[] numeric, List<List<String>> rows, List<String> rowClass) {
        html("<table><thead><tr>");
        for (int i = 0; i < headers.size(); i++) {
            html(numeric[i] ? "<th class=\"num\" scope=\"col\">" : "<th scope=\"col\">").text(headers.get(i)).html("</th>");
        }
        html("</tr></thead><tbody>\n");
        for (int r = 0; r < rows.size(); r++) {
            String cls = rowClass == null ? null : rowClass.get(r);
            html(cls == null ? "<tr>" : "<tr class=\"" + cls + "\">");
            List<String> row = rows.get(r);
            for (int i = 0; i < row.size(); i++) {
                html(numeric[i] ? "<td class=\"num\">" : "<td>").text(row.get(i)).html("</td>");
            }
            html("</tr>\n");
        }
        html("</tbody></table>\n");
    }

    /**
     * A chart: its finding as a heading, the plotly div, the script that draws it (Tablesaw's figure plus the
     * extras), the caption and the consultant's note on it.
     */
    void chart(ReportChart c) {
        String div = "chart_" + (++charts);
        html("<figure class=\"chart-block\" id=\"item-").text(anchor(c.id())).html("\">\n<h3>").text(msg(c.title()))
                .html("</h3>\n<div class=\"chart\" id=\"").html(div).html("\" data-mwb-chart data-mwb-item=\"")
                .text(c.id()).html("\" role=\"img\" aria-label=\"").text(msg(c.title())).html("\" style=\"width:")
                .html(Integer.toString(c.width())).html("px;height:").html(Integer.toString(c.height()))
                .html("px\"></div>\n<script>\n");
        String extras;
        try {
            extras = JSON.writeValueAsString(c.extras());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        String js = "mwb.extras['" + div + "'] = " + extras + ";\n(function () {\n" + c.script(div) + "\n})();";
        html(PlotText.inlineScript(js)).html("\n</script>\n");
        if (c.caption() != null) {
            html("<figcaption>").text(msg(c.caption())).html("</figcaption>\n");
        }
        note(c.id());
        html("</figure>\n");
    }

    /** How many charts were written. */
    int charts() {
        return charts;
    }

    /** An id usable in an HTML id attribute and a URL fragment. */
    static String anchor(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    // ---- numbers ----------------------------------------------------------------------------------------------

    String integer(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    /** {@code v} with at most {@code digits} decimals (grouped); NaN as a dash. */
    String decimal(double v, int digits) {
        if (Double.isNaN(v)) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "#".repeat(digits),
                DecimalFormatSymbols.getInstance(locale));
        return f.format(v);
    }

    /** {@code v} with exactly {@code digits} decimals; NaN as a dash. */
    String fixed(double v, int digits) {
        if (Double.isNaN(v)) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(locale));
        return f.format(v);
    }

    /** A share in [0, 1] as a percentage with {@code digits} decimals; NaN as a dash. */
    String percent(double share, int digits) {
        if (Double.isNaN(share)) {
            return "—";
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(share);
    }

    String dateTime(Instant t) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(zone).format(t);
    }

    String date(Instant t) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone).format(t);
    }

    /** The decimal and group separators plotly should use ({@code layout.separators}). */
    String plotlySeparators() {
        DecimalFormatSymbols s = DecimalFormatSymbols.getInstance(locale);
        return "" + s.getDecimalSeparator() + s.getGroupingSeparator();
    }
}
