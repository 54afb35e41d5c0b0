package org.marketingworkbench.ui.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketingworkbench.ui.common.ChartExport;
import org.marketingworkbench.ui.common.Localization;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The segment charts drawn headless from a real segmentation of the Mall Customers (k = 5). */
@ExtendWith(ApplicationExtension.class)
class SegmentChartsTest {

    private static SegmentChartFixtures data;
    private final Localization l10n = new Localization(Locale.ENGLISH);
    private StackPane holder;

    @BeforeAll
    static void segment() throws Exception {
        data = SegmentChartFixtures.get();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        holder = new StackPane();
        stage.setScene(new Scene(holder, 1000, 700));
        stage.show();
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(() -> Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
    }

    /** Builds a chart on the FX thread, shows it at {@code w} × {@code h} and lays it out. */
    private <T extends Region> T show(FxRobot robot, Function<Localization, T> build, double w, double h) {
        List<T> out = new ArrayList<>();
        robot.interact(() -> {
            T chart = build.apply(l10n);
            chart.setPrefSize(w, h);
            chart.setMaxSize(w, h);
            holder.getChildren().setAll(chart);
            holder.applyCss();
            holder.layout();
            out.add(chart);
        });
        robot.interact(() -> { });
        return out.get(0);
    }

    private SegmentSizesChart sizes(Localization l) {
        SegmentSizesChart c = new SegmentSizesChart(l);
        c.setData(data.result.sizes(), SegmentChartFixtures.NAMES);
        return c;
    }

    private SegmentMapChart map(Localization l) {
        SegmentMapChart c = new SegmentMapChart(l);
        c.setData(data.map, SegmentChartFixtures.NAMES);
        return c;
    }

    private ProfileHeatmap heatmap(Localization l) {
        ProfileHeatmap c = new ProfileHeatmap(l);
        c.setData(data.result.segments(), data.result.profileColumns(), SegmentChartFixtures.NAMES);
        return c;
    }

    private ElbowChart elbow(Localization l) {
        ElbowChart c = new ElbowChart(l);
        c.setData(data.choice.scores(), data.choice.recommendedK(), data.choice.reason());
        c.setCurrentK(4);
        return c;
    }

    private SilhouetteChart silhouette(Localization l) {
        SilhouetteChart c = new SilhouetteChart(l);
        c.setData(data.result.silhouette().perSegment(), data.result.averageSilhouette(), SegmentChartFixtures.NAMES);
        return c;
    }

    /** Pixels that differ clearly from the top-left corner's (the chart's background). */
    private static long inkedPixels(WritableImage image) {
        PixelReader r = image.getPixelReader();
        int background = r.getArgb(0, 0);
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = r.getArgb(x, y);
                int d = Math.abs(((p >> 16) & 0xff) - ((background >> 16) & 0xff))
                        + Math.abs(((p >> 8) & 0xff) - ((background >> 8) & 0xff))
                        + Math.abs((p & 0xff) - (background & 0xff));
                if (d > 60) {
                    count++;
                }
            }
        }
        return count;
    }

    private static long inked(FxRobot robot, Region chart) {
        List<WritableImage> image = new ArrayList<>();
        robot.interact(() -> image.add(ChartExport.snapshot(chart)));
        return inkedPixels(image.get(0));
    }

    @Test
    void theSizesChartHasABarPerSegmentAndNamesTheLargest(FxRobot robot) {
        SegmentSizesChart chart = show(robot, this::sizes, 700, 380);

        assertThat(chart.barCount()).isEqualTo(5);
        assertThat(chart.getTitleText()).isEqualTo("Largest segment: 1 · Average earners, 81 customers (40%)");
        assertThat(chart.lookupAll(".bar-value").stream().map(n -> ((javafx.scene.text.Text) n).getText()))
                .contains("81 · 40%", "22 · 11%");

        robot.interact(() -> chart.setNames(List.of("1 · Middle", "2 · Stars", "", "", "")));
        assertThat(chart.getTitleText()).contains("1 · Middle");
        assertThat(chart.barCount()).isEqualTo(5);
        assertThat(chart.lookupAll(".bar-value")).as("a redraw replaces the values, never adds to them").hasSize(5);
    }

    @Test
    void theHeatmapHasACellPerSegmentAndFeatureWithTheMeansOnHover(FxRobot robot) {
        ProfileHeatmap chart = show(robot, this::heatmap, 700, 380);

        assertThat(chart.cellCount()).isEqualTo(5 * data.result.profileColumns().size()).isEqualTo(10);
        assertThat(chart.lookupAll(".heat-cell")).hasSize(10);
        // segment 2, the big spenders: income 86.5 against 60.6 overall
        assertThat(chart.tooltipText(1, 0)).isEqualTo("2 · Big spenders\nAnnual Income (k$): 86.5 vs 60.6 overall (+1.0 sd)");
        var cell = chart.lookupAll(".heat-cell").iterator().next();
        robot.interact(() -> { });
        Object tip = cell.getProperties().values().stream().filter(Tooltip.class::isInstance).findFirst().orElse(null);
        if (tip != null) {
            assertThat(((Tooltip) tip).getText()).startsWith("1 · Average earners\nAnnual Income (k$): ");
        }
        assertThat(chart.getTitleText()).contains("stands out most");
    }

    @Test
    void theElbowChartStatesTheRecommendationAndMarksBothK(FxRobot robot) {
        ElbowChart chart = show(robot, this::elbow, 700, 460);

        assertThat(chart.pointCount()).isEqualTo(7);
        assertThat(chart.getTitleText()).isEqualTo("5 segments recommended: best silhouette 0.55");
        assertThat(chart.getSubtitleText()).startsWith("5 segments: the best average silhouette");
        assertThat(chart.lookupAll(".k-marker.recommended-k")).hasSize(2);
        assertThat(chart.lookupAll(".k-marker.current-k")).hasSize(2);
    }

    @Test
    void theSilhouetteChartPutsTheAverageInPlainWords(FxRobot robot) {
        SilhouetteChart chart = show(robot, this::silhouette, 700, 380);

        assertThat(chart.barCount()).isEqualTo(5);
        assertThat(chart.getTitleText()).isEqualTo("Segments are clearly apart: average silhouette 0.55");
        assertThat(chart.lookupAll(".reference-line")).hasSize(1);
        assertThat(SilhouetteChart.band(0.3)).isEqualTo("fair");
        assertThat(SilhouetteChart.band(0.1)).isEqualTo("weak");
    }

    @Test
    void theMapShowsEveryCustomerWithALegendAndHover(FxRobot robot) {
        SegmentMapChart chart = show(robot, this::map, 700, 500);

        assertThat(chart.legendSize()).isEqualTo(5 + 1);
        assertThat(chart.getSubtitleText()).isEqualTo("All 200 customers are drawn");
        assertThat(chart.getTitleText()).startsWith("The 5 segments on a map of the customers");
        double[] p = chart.pointOnCanvas(0);
        String name = SegmentChartFixtures.NAMES.get(data.result.segmentOfRow()[0] - 1);
        assertThat(chart.hoverText(p[0], p[1])).startsWith(name);
        assertThat(chart.hoverText(-100, -100)).isEmpty();

        SegmentMapChart big = show(robot, l -> {
            SegmentMapChart c = new SegmentMapChart(l);
            c.setData(SegmentChartFixtures.synthetic(6, 5000, 120_000), null);
            return c;
        }, 700, 500);
        assertThat(big.getSubtitleText()).isEqualTo("A random sample of 5,000 of the 120,000 customers is drawn");
        assertThat(inked(robot, big)).isGreaterThan(5000);
    }

    @Test
    void everyChartSnapshotsWithInkInBothThemes(FxRobot robot) {
        List<Function<Localization, ? extends Region>> charts = List.of(this::sizes, this::map, this::heatmap,
                this::elbow, this::silhouette);
        for (String theme : List.of("light", "dark")) {
            robot.interact(() -> Application.setUserAgentStylesheet("dark".equals(theme)
                    ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                    : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet()));
            for (var build : charts) {
                Region chart = show(robot, build, 1000, 700);
                assertThat(inked(robot, chart)).as("%s in %s", chart.getClass().getSimpleName(), theme)
                        .isGreaterThan(3000);
            }
        }
    }

    @Test
    void switchingLanguageRedrawsTheTitles(FxRobot robot) {
        List<Function<Localization, ? extends SegmentChart>> charts = List.of(this::sizes, this::map, this::heatmap,
                this::elbow, this::silhouette);
        for (var build : charts) {
            SegmentChart chart = show(robot, build, 800, 500);
            String english = chart.getTitleText();
            robot.interact(() -> l10n.setLocale(Locale.SIMPLIFIED_CHINESE));
            assertThat(chart.getTitleText()).as(chart.getClass().getSimpleName()).isNotEqualTo(english)
                    .matches(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
            robot.interact(() -> l10n.setLocale(Locale.ENGLISH));
            assertThat(chart.getTitleText()).isEqualTo(english);
        }
    }

    @Test
    void anEmptyChartSaysWhatToDo(FxRobot robot) {
        SegmentSizesChart chart = show(robot, SegmentSizesChart::new, 600, 300);
        assertThat(chart.getTitleText()).isEqualTo("Run the segmentation to see this chart");
        assertThat(chart.barCount()).isZero();
    }

    @Test
    void aChartSavesAsAPng(FxRobot robot) throws Exception {
        SilhouetteChart chart = show(robot, this::silhouette, 600, 360);
        Path dir = Files.createTempDirectory("charts");
        Path png = dir.resolve("silhouette.png");
        Path print = dir.resolve("silhouette-print.png");
        List<Exception> failures = new ArrayList<>();
        robot.interact(() -> {
            try {
                ChartExport.savePng(chart, png);
                ChartExport.savePng(chart, print, 4);
            } catch (Exception e) {
                failures.add(e);
            }
        });
        assertThat(failures).isEmpty();
        assertThat(Files.size(png)).isGreaterThan(2000);
        // the resolution chosen in the save dialog: "for print" has twice the pixels of "for slides" each way
        java.awt.image.BufferedImage slides = javax.imageio.ImageIO.read(png.toFile());
        java.awt.image.BufferedImage forPrint = javax.imageio.ImageIO.read(print.toFile());
        assertThat(slides.getWidth()).isEqualTo(1200);
        assertThat(forPrint.getWidth()).isEqualTo(2 * slides.getWidth());
        assertThat(forPrint.getHeight()).isEqualTo(2 * slides.getHeight());
    }
}
