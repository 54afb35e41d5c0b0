package org.marketingworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.evaluate.ConfusionMatrix;
import org.marketingworkbench.core.evaluate.Curves;
import org.marketingworkbench.core.evaluate.RankedPredictions;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.segment.Segment;
import org.marketingworkbench.core.segment.SegmentCard;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.Metric;
import org.marketingworkbench.testsupport.SampleProject;

/** Each section of the sample project's report shows the project's own figures, in the report's language. */
class HtmlReportTest {

    private static ProjectResults results;
    private static String english;
    private static String chinese;

    @BeforeAll
    static void render() throws Exception {
        results = SampleProject.replayed();
        english = HtmlReport.render(results, Locale.ENGLISH);
        chinese = HtmlReport.render(results, Locale.SIMPLIFIED_CHINESE);
    }

    static String section(String html, String id) {
        int start = html.indexOf("<section class=\"report-section\" id=\"section-" + id + "\">");
        assertThat(start).as("section " + id).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** The page without the charting library: what the report itself adds. */
    static String withoutPlotly(String html) throws ReportException {
        return html.replace(HtmlReport.plotlyJs(), "");
    }

    /** Fails naming the missing snippet, without printing a page of eleven megabytes. */
    static void has(String html, String... snippets) {
        for (String s : snippets) {
            assertThat(html.contains(s)).as("the page contains %s", s).isTrue();
        }
    }

    static void hasNot(String html, String... snippets) {
        for (String s : snippets) {
            int at = html.indexOf(s);
            assertThat(at).as("the page does not contain %s, but has it at: %s", s,
                    at < 0 ? "" : html.substring(Math.max(0, at - 200), Math.min(html.length(), at + 200))).isNegative();
        }
    }

    private static String en(String key, Object... args) {
        return Html.escape(UserMessage.of(key, args).format(Locale.ENGLISH));
    }

    @Test
    void aFolderThatRefusesTheFileIsNamedInWordsAndNothingIsLeft(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path target = dir.resolve("report.html");
        HtmlReport.FileWriter refusing = (file, content) -> {
            throw new java.nio.file.AccessDeniedException(file.toString());
        };
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HtmlReport.write(results, Locale.ENGLISH, target, false, refusing))
                .isInstanceOfSatisfying(ReportException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReportException.Reason.READ_ONLY);
                    assertThat(e.userMessage().format(Locale.ENGLISH)).isEqualTo("The report cannot be written in "
                            + dir + ": the folder is read-only. Choose a folder you can write to.");
                });
        assertThat(java.nio.file.Files.exists(target)).isFalse();
    }

    @Test
    void theReportIsOneFileUnderFifteenMegabytesWithPlotlyInsideAndItsDataAggregated() throws Exception {
        long bytes = english.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).isLessThan(15L * 1024 * 1024);
        has(english, "plotly.js v" + HtmlReport.PLOTLY_VERSION);
        assertThat(Pattern.compile("(?i)<(script[^>]+src|link[^>]+href)=").matcher(english).find())
                .as("nothing loaded from elsewhere").isFalse();
        // 5,000 customers, a map, six histograms and the curves: aggregated, the report adds well under a megabyte
        assertThat(withoutPlotly(english).getBytes(StandardCharsets.UTF_8).length).isLessThan(1024 * 1024);
    }

    @Test
    void theDataSectionCountsTheRowsAndListsEveryColumnWithItsMissingCells() {
        String s = section(english, "ingest");
        IngestFindings f = results.ingest();
        assertThat(s).contains(en("report.ingest.lead", f.fileName(), f.rows(), f.columns().size()));
        for (int i = 0; i < f.columns().size(); i++) {
            assertThat(s).contains("<td>" + Html.escape(f.columns().get(i).name()) + "</td>");
        }
        int age = f.columns().stream().map(c -> c.name()).toList().indexOf("age");
        assertThat(s).contains(en("report.ingest.missingCell", f.missing().get(age), (double) f.missing().get(age) / f.rows()));
        assertThat(s).contains(en("ingest.problems.none"));
    }

    @Test
    void theCleaningSectionListsTheRecipeAndTheFiguresBeforeAndAfter() {
        String s = section(english, "clean");
        CleanFindings f = results.clean();
        for (RecipeStep step : f.recipe().steps()) {
            assertThat(s).contains("<td>" + en(step.title().key()) + "</td>");
        }
        assertThat(s).contains("<td class=\"num\">5,012</td><td class=\"num\">5,000</td>");
        long missingAfter = f.after().columns().stream().mapToLong(c -> c.missing()).sum();
        assertThat(s).contains(en("report.clean.missingChart.left", missingAfter, f.before().columns().stream()
                .mapToLong(c -> c.missing()).sum()));
        assertThat(f.keyFeatures()).hasSize(CleanFindings.MAX_KEY_FEATURES);
        assertThat(f.keyFeatures().get(0).column()).isEqualTo("days_since_last_purchase");
        for (KeyFeature k : f.keyFeatures()) {
            assertThat(s).contains("data-mwb-item=\"" + ReportItems.featureChart(k.column()) + "\"")
                    .contains(en(k.finding().key(), k.finding().args()));
        }
    }

    @Test
    void theSegmentSectionShowsEachSegmentsSizeNameAndCard() {
        String s = section(english, "segment");
        SegmentFindings f = results.segment();
        for (Segment seg : f.segmentation().result().segments()) {
            assertThat(s).as("size of segment " + seg.number())
                    .contains(en("report.segment.sizeLabel", seg.size(), seg.share()));
        }
        for (SegmentCard c : f.segmentation().cards()) {
            assertThat(s).contains("<h4>" + c.number() + " · " + Html.escape(f.name(c.number(), Locale.ENGLISH)) + "</h4>");
            assertThat(s).contains(en(c.sizeWords().key(), c.sizeWords().args()));
            c.traits().forEach(t -> assertThat(s).contains("<li>" + en(t.words().key(), t.words().args()) + "</li>"));
        }
        assertThat(s).contains("1 · " + SampleProject.SEGMENT_ONE_NAME)
                .contains(en("report.segment.proposed", f.card(1).proposedName()));
        for (String id : List.of(ReportItems.SEGMENT_SIZES, ReportItems.SEGMENT_MAP, ReportItems.SEGMENT_PROFILE)) {
            assertThat(s).contains("data-mwb-item=\"" + id + "\"");
        }
    }

    @Test
    void theLeaderboardShowsEveryLearnersMeanAndSpreadAndTheChosenModel() {
        String s = section(english, "train");
        for (LearnerResult lr : results.train().result().leaderboard()) {
            lr.metrics().forEach((id, m) -> assertThat(s).contains(en("train.leaderboard.meanSd", m.mean(), m.sd())));
        }
        LearnerResult best = results.train().result().best();
        Metric auc = best.metric(results.train().result().primary()).orElseThrow();
        assertThat(s).contains(en("report.train.leaderboard.title", TrainSection.learner(best.learnerId()),
                UserMessage.of("train.metric.auc"), auc.mean()));
        assertThat(s).contains("<tr class=\"chosen\">");
    }

    @Test
    void theConfusionMatrixAndTheAucAreThoseCoreEvaluateComputes() throws Exception {
        String s = section(english, "evaluate");
        EvaluateFindings f = results.evaluate();
        ConfusionMatrix c = f.atThreshold().confusion();
        for (long count : new long[] {c.tn(), c.fp(), c.fn(), c.tp()}) {
            assertThat(s).contains("<span class=\"count\">" + String.format(Locale.ENGLISH, "%,d", count) + "</span>");
        }
        assertThat(c.total()).isEqualTo(f.customers());
        double auc = Curves.roc(RankedPredictions.of(results.train().chosen().heldOut())).auc();
        assertThat(s).contains("AUC " + String.format(Locale.ENGLISH, "%.3f", auc) + ":");
        assertThat(s).contains(en("report.evaluate.profit.title", f.profit().best().share(), f.profit().best().customers(),
                f.profit().best().expectedProfit()));
        for (String id : List.of(ReportItems.EVALUATE_ROC, ReportItems.EVALUATE_GAINS, ReportItems.EVALUATE_LIFT,
                ReportItems.EVALUATE_PROFIT, ReportItems.EVALUATE_IMPORTANCE)) {
            assertThat(s).contains("data-mwb-item=\"" + id + "\"");
        }
        String top = f.importance().result().features().get(0).feature();
        assertThat(s).contains(en("why.importance.finding", top, UserMessage.of("evaluate.metric.auc"),
                f.importance().result().features().get(0).meanDrop()));
    }

    @Test
    void theProvenanceNamesTheDataHashTheSettingsTheVersionsAndTheDate() {
        String s = section(english, "provenance");
        assertThat(s).contains(results.provenance().data().sha256())
                .contains(en("report.provenance.hashSame"))
                .contains(en("report.provenance.replayed"))
                .contains("<td>" + SampleProject.VERSIONS.wekaVersion() + "</td>")
                .contains("<td>" + HtmlReport.PLOTLY_VERSION + "</td>")
                .contains("Jul 1, 2026");
        assertThat(s).contains("5-fold cross-validation, 20% kept aside as a test part");
    }

    @Test
    void notesAppearUnderTheirSectionAndTheirChart() {
        assertThat(section(english, "segment")).contains("data-mwb-note=\"segment\"");
        String profit = english.substring(english.indexOf("id=\"item-evaluate-profit\""));
        profit = profit.substring(0, profit.indexOf("</figure>"));
        assertThat(profit).contains("data-mwb-note=\"evaluate.profit\"").contains("March retention campaign");
    }

    @Test
    void theChineseReportIsInChinese() {
        has(chinese, "<html lang=\"zh-CN\"");
        assertThat(section(chinese, "segment")).contains("客户细分");
        assertThat(section(chinese, "evaluate")).contains("模型找到了");
        hasNot(chinese, ">Customer segments<", ">Where the figures come from<");
    }

    @Test
    void everyVisibleTextComesFromTheBundles() {
        Pattern key = Pattern.compile("\\b(report|ingest|clean|segment|train|evaluate|why|type|project)\\.[A-Za-z_]+(\\.[A-Za-z_]+)*\\b");
        for (String html : List.of(english, chinese)) {
            String visible = html.replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<style.*?</style>", "")
                    .replaceAll("<[^>]+>", " ");
            List<String> found = new ArrayList<>();
            Matcher m = key.matcher(visible);
            while (m.find()) {
                found.add(m.group());
            }
            assertThat(found).as("bundle keys shown instead of their text").isEmpty();
        }
    }

    @Test
    void everyChartHasItsScriptAndAnItemForItsNote() {
        List<String> charts = new ArrayList<>();
        Matcher m = Pattern.compile("data-mwb-chart data-mwb-item=\"([^\"]+)\"").matcher(english);
        while (m.find()) {
            charts.add(m.group(1));
        }
        List<String> items = ReportItems.of(results).stream().filter(ReportItems.Item::chart).map(ReportItems.Item::id)
                .toList();
        assertThat(charts).containsExactlyElementsOf(items);
        assertThat(charts).hasSize(16);
        assertThat(english.split("mwb\\.plot\\(", -1).length - 1).as("one plot call per chart").isEqualTo(charts.size());
        List<String> ids = ReportItems.of(results).stream().map(ReportItems.Item::id).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }
}
