package org.marketingworkbench.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.marketingworkbench.ui.segment.SegmentPalette;

/** The report colours each segment as the app does (core keeps a copy of the palette, which cannot use JavaFX). */
class SegmentColoursTest {

    @Test
    void theReportsSegmentColoursAreTheApps() {
        assertThat(SegmentColours.size()).isEqualTo(SegmentPalette.size());
        for (int n = 1; n <= SegmentPalette.size() + 2; n++) {
            assertThat(SegmentColours.hex(n)).as("segment " + n).isEqualToIgnoringCase(SegmentPalette.hex(n));
        }
        assertThat(SegmentColours.DIVERGING_LIMIT).isEqualTo(SegmentPalette.DIVERGING_LIMIT);
        assertThat(javafx.scene.paint.Color.web(SegmentColours.BELOW)).isEqualTo(SegmentPalette.BELOW);
        assertThat(javafx.scene.paint.Color.web(SegmentColours.ABOVE)).isEqualTo(SegmentPalette.ABOVE);
        assertThat(javafx.scene.paint.Color.web(SegmentColours.NEUTRAL)).isEqualTo(SegmentPalette.LIGHT_NEUTRAL);
    }
}
