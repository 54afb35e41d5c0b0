package org.marketingworkbench.ui.common;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * A screen's header line: a title on the left and its actions on the right, on one row when both fit
 * and otherwise with the actions on a second row, so that neither the title nor a button label is cut
 * short in a narrow window (the Explain panel open at the minimum window size). Use in FXML as
 * {@code <HeaderBar><title>…</title><actions>…</actions></HeaderBar>}.
 */
public final class HeaderBar extends Region {

    private static final double GAP = 12;
    private static final double ROW_GAP = 8;

    private Node title;
    private Node actions;

    public HeaderBar() {
        getStyleClass().add("header-bar");
    }

    public Node getTitle() {
        return title;
    }

    public void setTitle(Node node) {
        title = replace(title, node);
    }

    public Node getActions() {
        return actions;
    }

    public void setActions(Node node) {
        actions = replace(actions, node);
    }

    private Node replace(Node old, Node now) {
        if (old != null) {
            getChildren().remove(old);
        }
        if (now != null) {
            getChildren().add(now);
        }
        return now;
    }

    /** Whether title and actions fit side by side in {@code width} (insets excluded). */
    private boolean oneRow(double width) {
        return width >= prefW(title) + GAP + prefW(actions);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        return horizontal() + Math.max(minW(title), minW(actions));
    }

    @Override
    protected double computePrefWidth(double height) {
        return horizontal() + prefW(title) + GAP + prefW(actions);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? Double.MAX_VALUE : width - horizontal();
        double h = oneRow(inner) ? Math.max(prefH(title), prefH(actions)) : prefH(title) + ROW_GAP + prefH(actions);
        return getInsets().getTop() + h + getInsets().getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = getWidth() - horizontal();
        double aw = Math.min(prefW(actions), w);
        if (oneRow(w)) {
            double h = Math.max(prefH(title), prefH(actions));
            layout(title, x, y, w - aw - GAP, h, HPos.LEFT);
            layout(actions, x + w - aw, y, aw, h, HPos.RIGHT);
        } else {
            double th = prefH(title);
            layout(title, x, y, w, th, HPos.LEFT);
            layout(actions, x, y + th + ROW_GAP, w, prefH(actions), HPos.RIGHT);
        }
    }

    private void layout(Node node, double x, double y, double w, double h, HPos align) {
        if (node != null) {
            layoutInArea(node, x, y, w, h, 0, align, VPos.CENTER);
        }
    }

    private double horizontal() {
        return getInsets().getLeft() + getInsets().getRight();
    }

    private static double prefW(Node n) {
        return n == null ? 0 : n.prefWidth(-1);
    }

    private static double minW(Node n) {
        return n == null ? 0 : n.minWidth(-1);
    }

    private static double prefH(Node n) {
        return n == null ? 0 : n.prefHeight(-1);
    }
}
