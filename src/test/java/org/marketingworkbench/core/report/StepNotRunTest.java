package org.marketingworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.testsupport.SampleProject;

/** A step not run has its section all the same, saying so in words; nothing is drawn for it. */
class StepNotRunTest {

    private static String en(String key, Object... args) {
        return Html.escape(UserMessage.of(key, args).format(Locale.ENGLISH));
    }

    private static ProjectResults.Builder builder(Project p) {
        return ProjectResults.builder(p, null).clock(Clock.fixed(SampleProject.REPORT_DATE, ZoneOffset.UTC))
                .versions(SampleProject.VERSIONS);
    }

    @Test
    void aProjectWithOnlyItsDataImportedSaysTheOtherStepsWereNotRun() throws Exception {
        ProjectResults sample = SampleProject.replayed();
        ProjectResults r = builder(Project.untitled().withName("Only imported")).ingest(sample.ingest()).build();
        String html = HtmlReport.render(r, Locale.ENGLISH);

        assertThat(HtmlReportTest.section(html, "ingest")).doesNotContain("class=\"not-run\"");
        for (String id : new String[] {"clean", "segment", "train", "evaluate"}) {
            assertThat(HtmlReportTest.section(html, id)).contains("<p class=\"not-run\">" + en("report." + id + ".notRun"));
        }
        HtmlReportTest.hasNot(html, "data-mwb-chart");
        assertThat(HtmlReportTest.section(html, "provenance")).contains(en("report.provenance.notRun"))
                .contains(en("report.provenance.session")).contains(en("report.provenance.notSaved"));
        HtmlReportTest.has(html, "<li class=\"not-run\"><a href=\"#section-segment\">", en("report.glance.customers"));
        HtmlReportTest.hasNot(html, en("report.glance.segments"));
    }

    @Test
    void aProjectWithNothingDoneStillMakesAReport() throws Exception {
        String html = HtmlReport.render(builder(Project.untitled()).build(), Locale.SIMPLIFIED_CHINESE);
        assertThat(HtmlReportTest.section(html, "ingest")).contains(Html.escape(
                UserMessage.of("report.ingest.notRun").format(Locale.SIMPLIFIED_CHINESE)));
        assertThat(HtmlReportTest.section(html, "provenance")).contains(Html.escape(
                UserMessage.of("report.provenance.noData").format(Locale.SIMPLIFIED_CHINESE)));
        HtmlReportTest.hasNot(html, "class=\"glance\"");
    }

    @Test
    void aStepThatCouldNotBeReplayedSaysWhy() throws Exception {
        ProjectResults sample = SampleProject.replayed();
        UserMessage why = UserMessage.of("report.replay.failed", UserMessage.of("segment.notice.featuresAbsent", "age"));
        ProjectResults r = builder(Project.untitled()).ingest(sample.ingest()).clean(sample.clean())
                .notReplayed(Stage.SEGMENT, why).build();
        String segment = HtmlReportTest.section(HtmlReport.render(r, Locale.ENGLISH), "segment");
        assertThat(segment).contains("<p class=\"not-run\">" + Html.escape(why.format(Locale.ENGLISH)) + "</p>")
                .contains("age");
    }
}
