package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.marketingworkbench.core.segment.ProfileColumn;
import org.marketingworkbench.core.segment.Segment;
import org.marketingworkbench.ui.common.Localization;

/**
 * What sets each segment apart: segments as rows, profile columns (features, and category values) as columns,
 * each cell coloured by how far the segment's mean lies from the overall mean in standard deviations
 * (blue below, orange above, the theme's background at the average, full colour at ±2), the value written in
 * the cell, and on hover the segment's mean in the feature's own units against the overall mean. Column names
 * wrap; many features scroll sideways.
 */
public final class ProfileHeatmap extends SegmentChart {

    private static final double CELL_WIDTH = 92;
    private static final double CELL_HEIGHT = 40;
    private static final double[] LEGEND_STEPS = {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2};

    private final GridPane grid = new GridPane();
    private final HBox legend = new HBox(6);
    /** The legend sits right under the cells (not at the chart's foot), and scrolls with them. */
    private final ScrollPane scroll = new ScrollPane(new javafx.scene.layout.VBox(10, grid, legend));
    private final List<StackPane> cells = new ArrayList<>();
    private final List<Double> cellZ = new ArrayList<>();
    private final List<Region> swatches = new ArrayList<>();
    private List<Segment> segments = List.of();
    private List<ProfileColumn> columns = List.of();
    private List<String> names = List.of();

    public ProfileHeatmap(Localization l10n) {
        super(l10n, "profile-heatmap");
        grid.getStyleClass().add("heatmap-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        scroll.getStyleClass().add("heatmap-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        legend.getStyleClass().add("heatmap-legend");
        legend.setAlignment(Pos.CENTER_LEFT);
        setBody(scroll);
        setPrefSize(640, 360);
        refresh();
    }

    /**
     * Shows the profile.
     *
     * @param segments segment 1 first, each with its {@code meanZ} and {@code centroid} per profile column
     * @param columns  the profile columns ({@code SegmentationResult.profileColumns()})
     * @param names    the segments' names, index 0 = segment 1 (blank or missing: "Segment n")
     */
    public void setData(List<Segment> segments, List<ProfileColumn> columns, List<String> names) {
        this.segments = new ArrayList<>(segments);
        this.columns = new ArrayList<>(columns);
        this.names = names == null ? List.of() : new ArrayList<>(names);
        refresh();
    }

    /** New names for the segments (after a rename). */
    public void setNames(List<String> names) {
        setData(segments, columns, names);
    }

    /** The number of coloured cells: segments × profile columns. */
    public int cellCount() {
        return cells.size();
    }

    /** The hover text of segment {@code row} (0-based) in column {@code column} (0-based). */
    public String tooltipText(int row, int column) {
        Segment s = segments.get(row);
        ProfileColumn c = columns.get(column);
        double z = s.meanZ()[column];
        return l10n.get("segmentChart.heatmap.tooltip", c.label(), value(c, s.centroid()[column]), value(c, c.mean()),
                signed(z), segmentName(names, s.number()));
    }

    @Override
    protected void refresh() {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        cells.clear();
        cellZ.clear();
        buildLegend();
        if (segments.isEmpty() || columns.isEmpty()) {
            setTitleText(l10n.get("segmentChart.empty"));
            return;
        }
        ColumnConstraints header = new ColumnConstraints();
        header.setMinWidth(Region.USE_PREF_SIZE);   // segment names are never cut
        header.setPrefWidth(Region.USE_COMPUTED_SIZE);
        header.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().add(header);
        for (int c = 0; c < columns.size(); c++) {
            ColumnConstraints cc = new ColumnConstraints(CELL_WIDTH, CELL_WIDTH, 160);
            cc.setHgrow(Priority.SOMETIMES);
            cc.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(cc);
            Label name = new Label(columns.get(c).label());
            name.getStyleClass().add("heatmap-column");
            name.setWrapText(true);
            name.setAlignment(Pos.BOTTOM_CENTER);
            name.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            name.setMaxWidth(Double.MAX_VALUE);
            name.setMinHeight(Region.USE_PREF_SIZE);
            GridPane.setValignment(name, VPos.BOTTOM);
            grid.add(name, c + 1, 0);
        }
        int bestRow = 0;
        int bestCol = 0;
        double bestAbs = -1;
        for (int r = 0; r < segments.size(); r++) {
            Segment s = segments.get(r);
            Label rowName = new Label(segmentName(names, s.number()));
            rowName.getStyleClass().add("heatmap-row");
            rowName.setMinWidth(Region.USE_PREF_SIZE);
            Region swatch = new Region();
            swatch.getStyleClass().add("segment-swatch");
            swatch.setStyle("-fx-background-color: " + SegmentPalette.hex(s.number()) + ";");
            rowName.setGraphic(swatch);
            grid.add(rowName, 0, r + 1);
            double[] z = s.meanZ();
            for (int c = 0; c < columns.size(); c++) {
                StackPane cell = new StackPane();
                cell.getStyleClass().add("heat-cell");
                cell.setMinSize(CELL_WIDTH, CELL_HEIGHT);
                cell.setPrefHeight(CELL_HEIGHT);
                cell.setMaxWidth(Double.MAX_VALUE);
                Label value = new Label(Double.isNaN(z[c]) ? "–" : signed(z[c]));
                value.getStyleClass().add("heat-value");
                cell.getChildren().add(value);
                Tooltip tip = new Tooltip(tooltipText(r, c));
                tip.setShowDelay(Duration.millis(150));
                Tooltip.install(cell, tip);
                grid.add(cell, c + 1, r + 1);
                cells.add(cell);
                cellZ.add(z[c]);
                if (Math.abs(z[c]) > bestAbs) {
                    bestAbs = Math.abs(z[c]);
                    bestRow = r;
                    bestCol = c;
                }
            }
        }
        colour();
        double z = segments.get(bestRow).meanZ()[bestCol];
        setTitleText(l10n.get(z >= 0 ? "segmentChart.heatmap.title.above" : "segmentChart.heatmap.title.below",
                segmentName(names, segments.get(bestRow).number()), columns.get(bestCol).label(),
                l10n.formatDecimal(Math.abs(z), 1)));
        setSubtitleText(l10n.get("segmentChart.heatmap.subtitle"));
    }

    private void buildLegend() {
        legend.getChildren().clear();
        swatches.clear();
        Label below = new Label(l10n.get("segmentChart.heatmap.legend.below"));
        below.getStyleClass().add("legend-text");
        legend.getChildren().add(below);
        for (double step : LEGEND_STEPS) {
            Region swatch = new Region();
            swatch.getStyleClass().add("heat-swatch");
            String text = step != Math.rint(step) ? "" : step == 0 ? l10n.formatDecimal(0, 0)
                    : (step > 0 ? "+" : "\u2212") + l10n.formatDecimal(Math.abs(step), 0);
            Label label = new Label(text);
            label.getStyleClass().add("heat-swatch-label");
            StackPane box = new StackPane(swatch, label);
            legend.getChildren().add(box);
            swatches.add(swatch);
        }
        Label above = new Label(l10n.get("segmentChart.heatmap.legend.above"));
        above.getStyleClass().add("legend-text");
        legend.getChildren().add(above);
    }

    @Override
    protected void themeChanged() {
        colour();
    }

    /** Cell and legend colours: the diverging scale around the theme's background. */
    private void colour() {
        Color neutral = neutralColor();
        for (int i = 0; i < cells.size(); i++) {
            paint(cells.get(i), SegmentPalette.diverging(cellZ.get(i), neutral));
        }
        for (int i = 0; i < swatches.size(); i++) {
            paint(swatches.get(i), SegmentPalette.diverging(LEGEND_STEPS[i], neutral));
        }
    }

    private static void paint(Region region, Color fill) {
        region.setBackground(new Background(new BackgroundFill(fill, null, null)));
        Color text = SegmentPalette.textOn(fill);
        StackPane parent = region instanceof StackPane sp ? sp : region.getParent() instanceof StackPane p ? p : null;
        if (parent != null) {
            parent.getChildren().stream().filter(Label.class::isInstance).map(Label.class::cast)
                    .forEach(l -> l.setTextFill(text));
        }
    }

    /** "+1.0", "−0.4": a z-score with its sign, one decimal. */
    private String signed(double z) {
        String digits = l10n.formatDecimal(Math.abs(z), 1);
        if (digits.equals(l10n.formatDecimal(0, 1))) {
            return digits;
        }
        return (z > 0 ? "+" : "\u2212") + digits;
    }

    /** A mean in the feature's own units, or a category value's share as a percentage. */
    private String value(ProfileColumn c, double v) {
        if (c.isLevel()) {
            return l10n.get("segmentChart.heatmap.share", v);
        }
        double a = Math.abs(v);
        return l10n.formatDecimal(v, a >= 1000 ? 0 : a >= 1 || a == 0 ? 1 : 3);
    }
}
