package org.marketingworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.testsupport.Chromium;
import org.marketingworkbench.testsupport.SampleProject;

/**
 * The exported report opened in headless Chromium with every network connection refused: each chart is drawn by
 * the plotly.js inside the file, and no script fails. The page records script errors and drawn charts on its root
 * element only when opened with {@code ?mwb-check=1} (see report.js). A screenshot and a PDF print of the sample
 * project's report are left in {@code target/report-check/} to look at.
 */
class ReportInChromiumTest {

    static final Path OUT = Path.of("target", "report-check");
    private static Chromium chromium;

    @BeforeAll
    static void browser() throws Exception {
        chromium = Chromium.find();
        Files.createDirectories(OUT);
    }

    /** The ids of the chart divs in the report as written. */
    private static List<String> chartIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("<div class=\"chart\" id=\"(chart_\\d+)\" data-mwb-chart").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** Opens {@code report} offline and checks that every chart was drawn and nothing failed. */
    private static String checkInBrowser(Path report) throws Exception {
        String written = Files.readString(report);
        List<String> charts = chartIds(written);
        assertThat(charts).isNotEmpty();
        String dom = chromium.dumpDom(report, "?mwb-check=1");
        Matcher root = Pattern.compile("<html[^>]*>").matcher(dom);
        assertThat(root.find()).as("a page was loaded").isTrue();
        String html = root.group();
        assertThat(html).as("script errors recorded by the page").contains("data-mwb-errors=\"\"");
        assertThat(html).as("charts drawn").contains("data-mwb-rendered=\"" + charts.size() + "\"");
        for (String id : charts) {
            int at = dom.indexOf("id=\"" + id + "\"");
            assertThat(at).as(id + " in the page").isPositive();
            String div = dom.substring(dom.lastIndexOf("<div", at), dom.indexOf('>', at) + 1);
            assertThat(div).as(id).contains("data-mwb-rendered=\"true\"");
            String inside = dom.substring(dom.indexOf('>', at) + 1, Math.min(dom.length(), dom.indexOf('>', at) + 1500));
            assertThat(inside).as("plotly's drawing inside " + id).startsWith("<div class=\"plot-container plotly\"")
                    .contains("class=\"main-svg\"");
        }
        assertThat(dom).as("no user string ran as a script").doesNotContain("data-pwned");
        return dom;
    }

    @Test
    void theSampleReportDrawsEveryChartOfflineWithoutAScriptError() throws Exception {
        Path report = OUT.resolve("report-en.html");
        HtmlReport.write(SampleProject.replayed(), Locale.ENGLISH, report, true);
        checkInBrowser(report);

        Path png = OUT.resolve("report-en.png");
        chromium.screenshot(report, png, 1280, 16_000);
        BufferedImage shot = ImageIO.read(png.toFile());
        int last = lastRowWithInk(shot);
        assertThat(last).as("the page is drawn").isGreaterThan(3000);
        ImageIO.write(shot.getSubimage(0, 0, shot.getWidth(), Math.min(shot.getHeight(), last + 40)), "png", png.toFile());

        Path pdf = OUT.resolve("report-en.pdf");
        chromium.printToPdf(report, pdf);
        String raw = new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1);
        int pages = raw.split("/Type\\s*/Page[^s]", -1).length - 1;
        assertThat(pages).as("A4 pages, each section starting on a new one").isBetween(HtmlReport.SECTIONS.size(), 40);
    }

    @Test
    void theChineseReportDrawsEveryChartToo() throws Exception {
        Path report = OUT.resolve("report-zh.html");
        HtmlReport.write(SampleProject.replayed(), Locale.SIMPLIFIED_CHINESE, report, true);
        String dom = checkInBrowser(report);
        assertThat(dom).contains("客户细分");
        chromium.screenshot(report, OUT.resolve("report-zh.png"), 1280, 3_000);
    }

    @Test
    void scriptsInEveryUserStringStayTextInTheBrowser() throws Exception {
        Path report = OUT.resolve("report-evil.html");
        HtmlReport.write(EvilProject.replayed(), Locale.ENGLISH, report, true);
        String dom = checkInBrowser(report);
        assertThat(dom).contains("&lt;script&gt;document.documentElement.dataset.pwned=1&lt;/script&gt;");
    }

    /** The last row of the screenshot that is not all white (the page ends there). */
    private static int lastRowWithInk(BufferedImage img) {
        for (int y = img.getHeight() - 1; y >= 0; y--) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    return y;
                }
            }
        }
        return -1;
    }
}
