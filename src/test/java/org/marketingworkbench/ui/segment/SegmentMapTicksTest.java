package org.marketingworkbench.ui.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The map's axes: round ticks whose labels all differ (a step of 2.5 once showed "2" and "8"). */
class SegmentMapTicksTest {

    @Test
    void tickLabelsAreRoundAndDistinct() {
        for (double[] range : new double[][] {{-2.7, 9.8}, {-0.31, 0.42}, {0, 1}, {-120, 4500}, {0.001, 0.009}}) {
            for (int count = 3; count <= 12; count++) {
                List<Double> ticks = SegmentMapChart.ticks(range[0], range[1], count);
                int decimals = SegmentMapChart.decimals(ticks);
                List<String> labels = ticks.stream().map(t -> String.format(java.util.Locale.ROOT, "%." + decimals + "f", t))
                        .toList();
                assertThat(labels).as("range %s..%s, %d ticks", range[0], range[1], count).doesNotHaveDuplicates();
                for (int i = 0; i < ticks.size(); i++) {
                    assertThat(Double.parseDouble(labels.get(i))).isCloseTo(ticks.get(i),
                            org.assertj.core.data.Offset.offset(1e-6));
                }
            }
        }
    }
}
