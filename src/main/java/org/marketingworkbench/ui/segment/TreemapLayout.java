package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.List;

/**
 * A squarified treemap (Bruls, Huizing and van Wijk, 2000): rectangles with areas in proportion to
 * {@code values}, laid out in rows along the shorter side so that they stay close to squares. Values are
 * taken in the order given (largest first gives the best shapes); a value of 0 gets an empty rectangle.
 */
final class TreemapLayout {

    /** x, y, width, height. */
    record Cell(double x, double y, double width, double height) {
    }

    private TreemapLayout() {
    }

    static List<Cell> squarify(double[] values, double width, double height) {
        int n = values.length;
        List<Cell> out = new ArrayList<>(n);
        double total = 0;
        for (double v : values) {
            total += Math.max(0, v);
        }
        if (total <= 0 || width <= 0 || height <= 0) {
            for (int i = 0; i < n; i++) {
                out.add(new Cell(0, 0, 0, 0));
            }
            return out;
        }
        double[] area = new double[n];
        for (int i = 0; i < n; i++) {
            area[i] = Math.max(0, values[i]) * width * height / total;
        }
        double x = 0;
        double y = 0;
        double w = width;
        double h = height;
        int i = 0;
        while (i < n) {
            double side = Math.min(w, h);
            int j = i;
            double rowSum = 0;
            double worst = Double.POSITIVE_INFINITY;
            while (j < n) {
                double sum = rowSum + area[j];
                double candidate = worstRatio(area, i, j + 1, sum, side);
                if (j > i && candidate > worst) {
                    break;
                }
                worst = candidate;
                rowSum = sum;
                j++;
            }
            double thickness = rowSum <= 0 ? 0 : rowSum / side;
            double along = 0;
            for (int k = i; k < j; k++) {
                double length = thickness <= 0 ? 0 : area[k] / thickness;
                out.add(w >= h ? new Cell(x, y + along, thickness, length) : new Cell(x + along, y, length, thickness));
                along += length;
            }
            if (w >= h) {
                x += thickness;
                w -= thickness;
            } else {
                y += thickness;
                h -= thickness;
            }
            i = j;
        }
        return out;
    }

    /** The worst (largest) aspect ratio of the rectangles {@code area[from, to)} laid along {@code side}. */
    private static double worstRatio(double[] area, int from, int to, double sum, double side) {
        if (sum <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        double worst = 0;
        double s2 = sum * sum;
        double side2 = side * side;
        for (int k = from; k < to; k++) {
            if (area[k] <= 0) {
                continue;
            }
            worst = Math.max(worst, Math.max(side2 * area[k] / s2, s2 / (side2 * area[k])));
        }
        return worst;
    }
}
