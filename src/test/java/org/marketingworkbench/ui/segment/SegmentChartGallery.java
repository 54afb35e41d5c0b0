package org.marketingworkbench.ui.segment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketingworkbench.ui.common.ChartExport;
import org.marketingworkbench.ui.common.Localization;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Not a check: renders every segment chart to {@code target/segment-charts/*.png} in light, dark and Chinese,
 * at a small and a large size, for a person to look at. Runs only with {@code -Dmwb.chartGallery=true}.
 */
@ExtendWith(ApplicationExtension.class)
class SegmentChartGallery {

    private static final List<String> CHINESE_NAMES = List.of("1 · 收入中等", "2 · 高消费", "3 · 谨慎的富人",
            "4 · 预算有限", "5 · 年轻的消费者");
    private StackPane holder;

    @Start
    void start(Stage stage) {
        holder = new StackPane();
        stage.setScene(new Scene(holder, 1000, 700));
        stage.show();
    }

    @Test
    void renderEveryChart(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("mwb.chartGallery"), "set -Dmwb.chartGallery=true to render");
        SegmentChartFixtures data = SegmentChartFixtures.get();
        Path dir = Path.of("target", "segment-charts");
        Files.createDirectories(dir);
        record Chart(String name, BiFunction<Localization, List<String>, Region> build) {
        }
        List<Chart> charts = List.of(
                new Chart("sizes", (l, n) -> {
                    SegmentSizesChart c = new SegmentSizesChart(l);
                    c.setData(data.result.sizes(), n);
                    return c;
                }),
                new Chart("map", (l, n) -> {
                    SegmentMapChart c = new SegmentMapChart(l);
                    c.setData(data.map, n);
                    return c;
                }),
                new Chart("map-sampled", (l, n) -> {
                    SegmentMapChart c = new SegmentMapChart(l);
                    c.setData(SegmentChartFixtures.synthetic(8, 5000, 250_000), null);
                    return c;
                }),
                new Chart("heatmap", (l, n) -> {
                    ProfileHeatmap c = new ProfileHeatmap(l);
                    c.setData(data.result.segments(), data.result.profileColumns(), n);
                    return c;
                }),
                new Chart("elbow", (l, n) -> {
                    ElbowChart c = new ElbowChart(l);
                    c.setData(data.choice.scores(), data.choice.recommendedK(), data.choice.reason());
                    c.setCurrentK(3);
                    return c;
                }),
                new Chart("silhouette", (l, n) -> {
                    SilhouetteChart c = new SilhouetteChart(l);
                    c.setData(data.result.silhouette().perSegment(), data.result.averageSilhouette(), n);
                    return c;
                }));
        record Look(String name, boolean dark, Locale locale, double w, double h) {
        }
        List<Look> looks = List.of(new Look("light-small", false, Locale.ENGLISH, 500, 340),
                new Look("light-large", false, Locale.ENGLISH, 760, 480),
                new Look("dark", true, Locale.ENGLISH, 640, 420),
                new Look("zh", false, Locale.SIMPLIFIED_CHINESE, 640, 420));
        for (Look look : looks) {
            robot.interact(() -> Application.setUserAgentStylesheet(look.dark()
                    ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                    : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
            Localization l10n = new Localization(look.locale());
            List<String> names = look.locale() == Locale.ENGLISH ? SegmentChartFixtures.NAMES : CHINESE_NAMES;
            for (Chart chart : charts) {
                List<Exception> failures = new ArrayList<>();
                robot.interact(() -> {
                    Region node = chart.build().apply(l10n, names);
                    node.setPrefSize(look.w(), look.h());
                    node.setMaxSize(look.w(), look.h());
                    holder.getChildren().setAll(node);
                    holder.applyCss();
                    holder.layout();
                });
                robot.interact(() -> {
                    try {
                        ChartExport.savePng(holder.getChildren().get(0), dir.resolve(chart.name() + "-" + look.name() + ".png"));
                    } catch (Exception e) {
                        failures.add(e);
                    }
                });
                if (!failures.isEmpty()) {
                    throw failures.get(0);
                }
            }
        }
        robot.interact(() -> Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
    }
}
