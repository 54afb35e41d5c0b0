package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.segment.KChooser;
import org.marketingworkbench.ui.common.Localization;

/**
 * Help choosing the number of segments: the within-segment sum of squares per k (the elbow curve) above the
 * average silhouette per k, both on the same k axis, with the recommended k and the user's current k marked
 * on both. The title states the recommendation; the subtitle gives its reason.
 */
public final class ElbowChart extends SegmentChart {

    /** Both charts' value axes are this wide, so their k positions line up. */
    private static final double VALUE_AXIS_WIDTH = 64;

    private final NumberAxis wcssK = kAxis();
    private final NumberAxis wcssAxis = new NumberAxis();
    private final MarkedLineChart wcss = new MarkedLineChart(wcssK, wcssAxis);
    private final NumberAxis silK = kAxis();
    private final NumberAxis silAxis = new NumberAxis();
    private final MarkedLineChart silhouette = new MarkedLineChart(silK, silAxis);
    private final Label wcssHeading = new Label();
    private final Label silHeading = new Label();
    private List<KChooser.Score> scores = List.of();
    private int recommendedK;
    private int currentK;
    private UserMessage reason;

    public ElbowChart(Localization l10n) {
        super(l10n, "elbow-chart");
        wcssAxis.setForceZeroInRange(false);
        wcssAxis.setTickLabelFormatter(axisFormat(0));
        silAxis.setForceZeroInRange(false);
        silAxis.setTickLabelFormatter(axisFormat(2));
        for (NumberAxis a : List.of(wcssAxis, silAxis)) {
            a.setPrefWidth(VALUE_AXIS_WIDTH);
            a.setMinWidth(VALUE_AXIS_WIDTH);
        }
        wcss.getStyleClass().add("wcss-line");
        silhouette.getStyleClass().add("silhouette-line");
        // the k axis is read once, under the lower chart
        wcssK.setTickLabelsVisible(false);
        // each curve is named in a heading above it: a rotated axis label was cut to "Sum of squa…" on a small chart
        wcssHeading.getStyleClass().add("curve-heading");
        silHeading.getStyleClass().add("curve-heading");
        for (Label heading : List.of(wcssHeading, silHeading)) {
            heading.setWrapText(true);
            heading.setMinHeight(Label.USE_PREF_SIZE);
        }
        VBox both = new VBox(0, wcssHeading, wcss, silHeading, silhouette);
        VBox.setVgrow(wcss, Priority.ALWAYS);
        VBox.setVgrow(silhouette, Priority.ALWAYS);
        wcss.setMinHeight(110);
        silhouette.setMinHeight(110);
        setBody(both);
        setPrefSize(560, 460);
        setMinSize(300, 320);
        refresh();
    }

    /**
     * Shows the figures of every k tried.
     *
     * @param scores       one per k, in the order of k ({@link KChooser.KChoice#scores()})
     * @param recommendedK the k to recommend ({@link KChooser.KChoice#recommendedK()})
     * @param reason       why ({@link KChooser.KChoice#reason()}), shown under the title; may be null
     */
    public void setData(List<KChooser.Score> scores, int recommendedK, UserMessage reason) {
        this.scores = new ArrayList<>(scores);
        this.recommendedK = recommendedK;
        this.reason = reason;
        refresh();
    }

    /** Marks the k the user has chosen (0: none). */
    public void setCurrentK(int k) {
        this.currentK = k;
        refresh();
    }

    /** The points per curve (the number of k tried). */
    public int pointCount() {
        return wcss.getData().isEmpty() ? 0 : wcss.getData().get(0).getData().size();
    }

    /** k as whole numbers; the half-steps at the axis' ends stay unlabelled. */
    private javafx.util.StringConverter<Number> wholeNumbers() {
        javafx.util.StringConverter<Number> plain = axisFormat(0);
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null || n.doubleValue() != Math.rint(n.doubleValue()) ? "" : plain.toString(n);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static NumberAxis kAxis() {
        NumberAxis k = new NumberAxis();
        k.setAutoRanging(false);
        k.setTickUnit(1);
        k.setMinorTickVisible(false);
        return k;
    }

    @Override
    protected void refresh() {
        wcss.getData().clear();
        silhouette.getData().clear();
        wcss.clearMarkers();
        silhouette.clearMarkers();
        wcssHeading.setText(l10n.get("segmentChart.elbow.wcssAxis"));
        silHeading.setText(l10n.get("segmentChart.elbow.silhouetteAxis"));
        silK.setLabel(l10n.get("segmentChart.elbow.kAxis"));
        silK.setTickLabelFormatter(wholeNumbers());
        if (scores.isEmpty()) {
            setTitleText(l10n.get("segmentChart.empty"));
            setSubtitleText(null);
            return;
        }
        int from = scores.get(0).k();
        int to = scores.get(scores.size() - 1).k();
        for (NumberAxis k : List.of(wcssK, silK)) {
            k.setLowerBound(from - 0.5);
            k.setUpperBound(to + 0.5);
        }
        XYChart.Series<Number, Number> w = new XYChart.Series<>();
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        wcss.getData().add(w);
        silhouette.getData().add(s);
        for (KChooser.Score score : scores) {
            XYChart.Data<Number, Number> wp = new XYChart.Data<>(score.k(), score.withinClusterSumOfSquares());
            XYChart.Data<Number, Number> sp = new XYChart.Data<>(score.k(), score.averageSilhouette());
            w.getData().add(wp);
            s.getData().add(sp);
            String tip = l10n.get("segmentChart.elbow.tooltip", score.k(),
                    l10n.formatDecimal(score.withinClusterSumOfSquares(), 0),
                    l10n.formatDecimal(score.averageSilhouette(), 2));
            for (XYChart.Data<Number, Number> p : List.of(wp, sp)) {
                if (p.getNode() != null) {
                    Tooltip.install(p.getNode(), new Tooltip(tip));
                    if (score.k() == recommendedK) {
                        p.getNode().getStyleClass().add("recommended-point");
                    }
                }
            }
        }
        String recommended = l10n.get("segmentChart.elbow.recommended");
        String yours = l10n.get("segmentChart.elbow.current");
        if (currentK > 0 && currentK != recommendedK && currentK >= from && currentK <= to) {
            wcss.mark(currentK, "current-k", yours);
            silhouette.mark(currentK, "current-k", "");
        }
        wcss.mark(recommendedK, "recommended-k", currentK == recommendedK ? recommended + " · " + yours : recommended);
        silhouette.mark(recommendedK, "recommended-k", "");
        double best = scores.stream().filter(sc -> sc.k() == recommendedK).findFirst()
                .map(KChooser.Score::averageSilhouette).orElse(Double.NaN);
        setTitleText(l10n.get("segmentChart.elbow.title", recommendedK, l10n.formatDecimal(best, 2)));
        setSubtitleText(reason == null ? null : l10n.format(reason));
    }
}
