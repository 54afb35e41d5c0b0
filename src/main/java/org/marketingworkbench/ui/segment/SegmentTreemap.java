package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import org.marketingworkbench.core.segment.rfm.SegmentSummary;
import org.marketingworkbench.ui.common.Localization;

/**
 * The RFM segments as a treemap: one cell per segment with customers, its area in proportion to them, in
 * the segment's colour (style class {@code rfm-<id>}), showing the name, the customers and the revenue share;
 * a tooltip says what the segment is and what to do. Laid out again whenever its size changes.
 */
final class SegmentTreemap extends Pane {

    private final Localization l10n;
    private List<SegmentSummary> segments = List.of();
    private final List<VBox> cells = new ArrayList<>();

    SegmentTreemap(Localization l10n) {
        this.l10n = l10n;
        getStyleClass().add("rfm-treemap");
        setMinSize(200, 160);
        setPrefSize(640, 300);
        l10n.onLocaleChange(this::rebuild);
    }

    /** Shows {@code withCustomers} (segments without customers are left out), largest first. */
    void show(List<SegmentSummary> withCustomers) {
        segments = withCustomers.stream()
                .sorted((a, b) -> Integer.compare(b.customers(), a.customers())).toList();
        rebuild();
    }

    List<VBox> cells() {
        return List.copyOf(cells);
    }

    private void rebuild() {
        cells.clear();
        for (SegmentSummary s : segments) {
            Label name = new Label(l10n.get(s.segment().labelKey()));
            name.getStyleClass().add("rfm-cell-name");
            Label customers = new Label(l10n.get("rfm.ui.cellCustomers", s.customers(), s.customerShare()));
            Label revenue = new Label(l10n.get("rfm.ui.cellRevenue", s.revenueShare()));
            VBox cell = new VBox(2, name, customers, revenue);
            cell.setId("rfmCell-" + s.segment().id());
            cell.getStyleClass().addAll("rfm-cell", "rfm-" + s.segment().id());
            Tooltip tip = new Tooltip(l10n.get(s.segment().labelKey()) + ": "
                    + l10n.get("rfm.ui.cellCustomers", s.customers(), s.customerShare()) + ", "
                    + l10n.get("rfm.ui.cellRevenue", s.revenueShare()) + "\n" + l10n.get(s.segment().adviceKey()));
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            Tooltip.install(cell, tip);
            cell.setMinSize(0, 0);
            cells.add(cell);
        }
        getChildren().setAll(cells);
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double[] values = segments.stream().mapToDouble(SegmentSummary::customers).toArray();
        List<TreemapLayout.Cell> layout = TreemapLayout.squarify(values, getWidth(), getHeight());
        for (int i = 0; i < cells.size() && i < layout.size(); i++) {
            TreemapLayout.Cell c = layout.get(i);
            VBox cell = cells.get(i);
            cell.resizeRelocate(Math.round(c.x()), Math.round(c.y()), Math.max(0, Math.round(c.width()) - 2),
                    Math.max(0, Math.round(c.height()) - 2));
            // texts only where they fit: the name first, then customers, then revenue
            boolean wide = c.width() >= 70;
            cell.getChildren().get(0).setVisible(wide && c.height() >= 22);
            cell.getChildren().get(1).setVisible(wide && c.height() >= 40);
            cell.getChildren().get(2).setVisible(wide && c.height() >= 58);
        }
    }
}
