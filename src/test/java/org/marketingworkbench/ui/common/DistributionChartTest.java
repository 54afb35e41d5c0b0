package org.marketingworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marketingworkbench.core.clean.profile.Distribution;
import org.marketingworkbench.core.i18n.UserMessage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Missing values are stated in words and never drawn on the value axis, where a grey bar after the
 * last range read as "133 customers aged over 150" once a narrow chart dropped the "(missing)" label.
 */
@ExtendWith(ApplicationExtension.class)
class DistributionChartTest {

    private static final List<String> AGE_BINS = List.of("0 – 30", "30 – 60", "60 – 90", "90 – 120", "120 – 150",
            "150 – 155");

    private static final char NO_BREAK_SPACE = '\u00a0';

    private final Localization english = new Localization(Locale.ENGLISH);
    private StackPane holder;

    @Start
    void start(Stage stage) {
        holder = new StackPane();
        stage.setScene(new Scene(new StackPane(holder), 900, 600));
        stage.show();
    }

    private static Distribution ages(List<String> groups, long[][] counts, long[] missing) {
        double[] edges = {0, 30, 60, 90, 120, 150, 155};
        return new Distribution("age", true, AGE_BINS, edges, groups, counts, missing);
    }

    /** 4,867 customers with an age, 133 (2.7%) without. */
    private static Distribution agesWithMissing() {
        return ages(List.of(Distribution.ALL), new long[][] {{1200, 2100, 1300, 200, 60, 7}}, new long[] {133});
    }

    private XYChart<String, Number> layOut(FxRobot robot, Distribution d, double width, double height) {
        List<XYChart<String, Number>> built = new ArrayList<>();
        robot.interact(() -> {
            XYChart<String, Number> chart = DistributionChart.build(d, english, UserMessage.of("clean.chart.customers"));
            chart.setPrefSize(width, height);
            chart.setMaxSize(width, height);
            holder.getChildren().setAll(chart);
            holder.applyCss();
            holder.layout();
            built.add(chart);
        });
        return built.get(0);
    }

    /** The bars drawn in the plot (the legend's symbols are chart bars too). */
    private static List<Node> bars(XYChart<String, Number> chart) {
        return chart.lookupAll(".chart-bar").stream()
                .filter(n -> !n.getStyleClass().contains("chart-legend-item-symbol")).toList();
    }

    /** The text a person sees: every visible Text node, as displayed (after any "…" shortening). */
    private static List<String> visibleText(Node node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Text t && t.getText() != null && !t.getText().isBlank()) {
            out.add(t.getText().replace(NO_BREAK_SPACE, ' '));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    @Test
    void aNarrowChartHasNoMissingBucketOnTheAxisAndStatesTheMissingCount(FxRobot robot) {
        Distribution d = agesWithMissing();
        XYChart<String, Number> chart = layOut(robot, d, 220, 240);

        CategoryAxis x = (CategoryAxis) chart.getXAxis();
        assertThat(x.getCategories()).as("only value ranges on the axis").containsExactlyElementsOf(AGE_BINS);
        for (XYChart.Series<String, Number> series : chart.getData()) {
            assertThat(series.getData()).extracting(XYChart.Data::getXValue).containsExactlyElementsOf(AGE_BINS);
        }
        assertThat(chart.lookupAll(".missing-bar")).isEmpty();
        assertThat(bars(chart)).hasSize(AGE_BINS.size());

        assertThat(visibleText(chart)).as("stated whole, not shortened to \"…\"")
                .anyMatch(t -> t.contains("133 customers (2.7%) have no value: not shown"));
    }

    @Test
    void aSplitChartStatesEachGroupsMissingCount(FxRobot robot) {
        Distribution d = ages(List.of("female", "male", Distribution.MISSING),
                new long[][] {{600, 1000, 700, 100, 30, 3}, {590, 1090, 590, 95, 29, 4}, {10, 10, 10, 5, 1, 0}},
                new long[] {70, 60, 3});
        XYChart<String, Number> chart = layOut(robot, d, 300, 210);

        assertThat(((CategoryAxis) chart.getXAxis()).getCategories()).containsExactlyElementsOf(AGE_BINS);
        assertThat(bars(chart)).hasSize(3 * AGE_BINS.size());
        assertThat(visibleText(chart)).anyMatch(t -> t.contains(
                "133 customers (2.7%) have no value, not shown: female 70, male 60, (missing) 3"));
    }

    @Test
    void withoutMissingValuesTheTitleOnlyStatesTheFinding(FxRobot robot) {
        Distribution d = ages(List.of(Distribution.ALL), new long[][] {{1200, 2100, 1300, 200, 60, 7}}, new long[] {0});
        XYChart<String, Number> chart = layOut(robot, d, 700, 400);

        assertThat(chart.getTitle()).isEqualTo("age: most in 30 – 60 (43%)");
    }

    /** The statement as read: no-break spaces (which keep phrases whole when the title wraps) as spaces. */
    private static String statement(Distribution d, long total, Localization l10n) {
        return DistributionChart.missingStatement(d, total, l10n).replace(NO_BREAK_SPACE, ' ');
    }

    @Test
    void theMissingStatementIsWordedAndFormattedForTheLocale() {
        Localization chinese = new Localization(Locale.SIMPLIFIED_CHINESE);
        Distribution d = ages(List.of(Distribution.ALL), new long[][] {{1200, 2100, 1300, 200, 60, 7}},
                new long[] {1333});
        assertThat(statement(d, 6200, english))
                .isEqualTo("1,333 customers (21.5%) have no value: not shown");
        assertThat(statement(d, 6200, chinese)).isEqualTo("1,333 位客户（21.5%）没有值，未显示");

        Distribution one = ages(List.of(Distribution.ALL), new long[][] {{1200, 2100, 1300, 200, 60, 7}},
                new long[] {1});
        assertThat(statement(one, 4868, english))
                .isEqualTo("1 customer (<0.1%) has no value: not shown");
    }
}
