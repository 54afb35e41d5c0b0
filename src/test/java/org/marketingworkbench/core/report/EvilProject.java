package org.marketingworkbench.core.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.project.OpenedProject;
import org.marketingworkbench.core.project.ProjectStore;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.Validation;
import org.marketingworkbench.testsupport.SampleProject;

/**
 * A small project whose every user string tries to run a script: the project's name, a column name, a category
 * value, the name typed for a segment and a note. Had any of them reached the page unescaped, the script would set
 * {@code data-pwned="1"} on the page's root element.
 */
final class EvilProject {

    /** No comma in it: it is also a column name in a CSV header. */
    static final String PAYLOAD = "<script>document.documentElement.dataset.pwned=1</script>";
    static final String COLUMN = "visits" + PAYLOAD;
    static final String CITY = "Paris" + PAYLOAD;

    private static ProjectResults replayed;

    private EvilProject() {
    }

    static synchronized ProjectResults replayed() throws Exception {
        if (replayed == null) {
            Path dir = Files.createDirectories(SampleProject.WORK.resolve("evil"));
            Path data = dir.resolve("customers.csv");
            Random rnd = new Random(7);
            List<String> lines = new ArrayList<>();
            lines.add("id,spend," + COLUMN + ",city,churned");
            String[] cities = {"Lyon", "Nice", CITY};
            for (int i = 0; i < 300; i++) {
                double spend = Math.round(rnd.nextGaussian() * 40 + 120);
                int visits = rnd.nextInt(12);
                boolean churned = spend + visits * 8 + rnd.nextGaussian() * 30 < 140;
                lines.add("E" + i + "," + spend + "," + visits + "," + cities[i % 3] + "," + (churned ? "yes" : "no"));
            }
            Files.write(data, lines);
            Path file = SampleProject.write(data, new SampleProject.Spec("Q3 " + PAYLOAD, "churned", "yes", 2,
                    List.of(Learners.LOGISTIC), Validation.crossValidation(3, 0), PAYLOAD,
                    Map.of("segment", PAYLOAD + "\nsecond line", ReportItems.featureChart(COLUMN), PAYLOAD)), "evil.mwb");
            OpenedProject opened = new ProjectStore("test").open(file);
            replayed = ProjectReplay.run(opened, ProjectResults.builder(opened.project(), opened.file())
                    .clock(Clock.fixed(SampleProject.REPORT_DATE, ZoneOffset.UTC)).versions(SampleProject.VERSIONS),
                    Progress.none());
        }
        return replayed;
    }
}
