package org.marketingworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Whatever the user typed or the data holds is shown as written and never runs: in the page and in the charts. */
class EscapingTest {

    @Test
    void aScriptInEveryUserStringIsShownAsTextAndNeverBecomesAnElement() throws Exception {
        ProjectResults r = EvilProject.replayed();
        String html = HtmlReport.render(r, Locale.ENGLISH);
        assertThat(r.notReplayed()).isEmpty();
        assertThat(r.segment().names()).containsValue(EvilProject.PAYLOAD);

        HtmlReportTest.hasNot(html, "<script>document.documentElement");
        Matcher m = Pattern.compile("(?i)<script").matcher(HtmlReportTest.withoutPlotly(html));
        int scripts = 0;
        while (m.find()) {
            scripts++;
        }
        int charts = html.split("data-mwb-chart ", -1).length - 1;
        assertThat(scripts).as("the report's own scripts: helper, plotly and one per chart").isEqualTo(2 + charts);
        assertThat(charts).isGreaterThan(5);

        String shown = "&lt;script&gt;document.documentElement.dataset.pwned=1&lt;/script&gt;";
        HtmlReportTest.has(html, "<title>" + Html.escape("Report: Q3 ") + shown + "</title>",
                "<h1>Q3 " + shown + "</h1>",
                "<td>visits" + shown + "</td>",                 // the column in the Data section
                "Paris" + shown,                                // the category value (charts, cards)
                "<h4>1 · " + shown + "</h4>",                   // the segment's typed name
                shown + "<br>second line</aside>",              // the note, its line break kept
                "data-mwb-note=\"clean.feature.visits" + shown + "\"");  // the note on the column's chart
        // inside the charts' scripts the same strings are escaped for plotly and cannot close the script element
        HtmlReportTest.has(HtmlReportTest.withoutPlotly(html), "mwb.extras[", "&lt;script&gt;document.documentElement");
    }

    @Test
    void htmlEscapingCoversTextAndAttributes() {
        assertThat(Html.escape("<a href=\"x\">O'Brien & co</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;O&#39;Brien &amp; co&lt;/a&gt;");
        assertThat(Html.escapeLines("one\r\n<two>")).isEqualTo("one<br>&lt;two&gt;");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void textForPlotlyIsSafeInItsTemplatesAndInAnInlineScript() {
        assertThat(PlotText.label("a<b>\nc")).isEqualTo("a&lt;b&gt; c");
        assertThat(PlotText.templated("C:\\data\nnew")).isEqualTo("C:\\\\data new");
        assertThat(PlotText.inlineScript("var s = \"</script><script>x()</script>\"; // <!--"))
                .isEqualTo("var s = \"<\\/script><script>x()<\\/script>\"; // <\\!--");
        assertThat(PlotText.shortened("days_since_last_purchase", 10)).isEqualTo("days_sinc…");
        assertThat(PlotText.shortened("高消费高频购买客户", 10)).isEqualTo("高消费高…");
        assertThat(PlotText.width("ab高")).isEqualTo(4);
    }
}
