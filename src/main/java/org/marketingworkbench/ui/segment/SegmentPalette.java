package org.marketingworkbench.ui.segment;

import javafx.scene.paint.Color;
import org.marketingworkbench.core.report.SegmentColours;

/**
 * The colours of the segment charts. Segment {@code n} has the same colour on every chart: the eight
 * Okabe–Ito colours (safe for the common colour-vision deficiencies), then the Tableau 10 colours that are
 * not already close to one of them, then round again. The profile heatmap uses a diverging blue–orange scale
 * centred on zero and clamped at ±{@value #DIVERGING_LIMIT} standard deviations; its middle is the theme's
 * quiet background, so the scale reads on a dark theme too.
 */
public final class SegmentPalette {

    // The colours themselves are defined once, in core (SegmentColours), so the exported report colours each
    // segment as the screen does: Okabe–Ito (without its black, which disappears on a dark theme), then
    // Tableau 10 extras.

    /** The z-score at which the diverging scale reaches its full colour. */
    public static final double DIVERGING_LIMIT = SegmentColours.DIVERGING_LIMIT;
    /** Below the overall mean: blue. */
    public static final Color BELOW = Color.web(SegmentColours.BELOW);
    /** Above the overall mean: orange. */
    public static final Color ABOVE = Color.web(SegmentColours.ABOVE);
    /** The middle of the scale on a light theme. */
    public static final Color LIGHT_NEUTRAL = Color.web(SegmentColours.NEUTRAL);

    private SegmentPalette() {
    }

    /** How many colours there are before they repeat. */
    public static int size() {
        return SegmentColours.size();
    }

    /** Segment {@code number}'s colour (1-based), as a CSS hex value such as {@code #0072B2}. */
    public static String hex(int number) {
        return SegmentColours.hex(number);
    }

    /** Segment {@code number}'s colour (1-based). */
    public static Color color(int number) {
        return Color.web(hex(number));
    }

    /** The heatmap colour of {@code z} on a light theme. */
    public static Color diverging(double z) {
        return diverging(z, LIGHT_NEUTRAL);
    }

    /**
     * The heatmap colour of {@code z}: {@code neutral} at 0, blending towards {@link #BELOW} or {@link #ABOVE}
     * and reaching them at ±{@value #DIVERGING_LIMIT}; NaN is {@code neutral}.
     */
    public static Color diverging(double z, Color neutral) {
        if (Double.isNaN(z) || z == 0) {
            return neutral;
        }
        double t = Math.min(1, Math.abs(z) / DIVERGING_LIMIT);
        return neutral.interpolate(z < 0 ? BELOW : ABOVE, t);
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        return luminance(background) > 0.4 ? Color.web("#1F2328") : Color.WHITE;
    }

    /** Relative luminance (WCAG) of a colour. */
    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** A CSS hex value for {@code c}, for inline styles. */
    static String css(Color c) {
        return String.format("#%02X%02X%02X", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
