package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;

class SegmentMapTest {

    private static Dataset blobs;
    private static SegmentationResult result;

    /** Three well-separated 2-D blobs of 400, 300 and 200 customers. */
    @BeforeAll
    static void threeBlobs() throws Exception {
        Blobs b = Blobs.around(5, new double[][] {{0, 0}, {10, 0}, {5, 9}}, new int[] {400, 300, 200}, 0.7);
        blobs = Tables.create().number("x0", b.matrix.column(0)).number("x1", b.matrix.column(1)).build();
        result = new SegmentStep().run(blobs, SegmentationSettings.kMeans(List.of("x0", "x1"), 3), Progress.none());
    }

    @Test
    void theSegmentsCentresLieApartOnTheMap() throws Exception {
        SegmentMap map = SegmentMap.project(blobs, result, SegmentMap.DEFAULT_MAX_POINTS, 1);

        assertThat(map.sampled()).isFalse();
        assertThat(map.points()).isEqualTo(900);
        assertThat(map.customers()).isEqualTo(900);
        double[] cx = map.centroidX();
        double[] cy = map.centroidY();
        assertThat(cx).hasSize(3);
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                // scaled features: blob centres are over a standard deviation apart
                assertThat(Math.hypot(cx[a] - cx[b], cy[a] - cy[b])).as("%d-%d", a + 1, b + 1).isGreaterThan(1.5);
            }
        }
        // every point lies nearer its own segment's centre than any other's
        double[] x = map.x();
        double[] y = map.y();
        int[] seg = map.segment();
        for (int i = 0; i < map.points(); i++) {
            int own = seg[i] - 1;
            for (int s = 0; s < 3; s++) {
                assertThat(Math.hypot(x[i] - cx[own], y[i] - cy[own]))
                        .isLessThanOrEqualTo(Math.hypot(x[i] - cx[s], y[i] - cy[s]) + 1e-9);
            }
        }
        double[] v = map.varianceExplained();
        assertThat(v[0]).isGreaterThanOrEqualTo(v[1]);
        // two features: two axes carry all of the variance
        assertThat(v[0] + v[1]).isCloseTo(1, within(1e-9));
    }

    @Test
    void aSampleIsDrawnWhenThereAreManyAndTheSameSeedDrawsTheSameOne() throws Exception {
        SegmentMap a = SegmentMap.project(blobs, result, 100, 7);
        SegmentMap b = SegmentMap.project(blobs, result, 100, 7);
        SegmentMap c = SegmentMap.project(blobs, result, 100, 8);
        SegmentMap all = SegmentMap.project(blobs, result, 900, 7);

        assertThat(a.sampled()).isTrue();
        assertThat(a.points()).isEqualTo(100);
        assertThat(a.customers()).isEqualTo(900);
        assertThat(a.rows()).isEqualTo(b.rows());
        assertThat(a.x()).isEqualTo(b.x());
        assertThat(a.rows()).isNotEqualTo(c.rows());
        // the centres come from every customer, not only the drawn ones
        assertThat(a.centroidX()).isEqualTo(c.centroidX());
        assertThat(all.sampled()).isFalse();
        int[] segmentOfRow = result.segmentOfRow();
        for (int p = 0; p < a.points(); p++) {
            assertThat(a.segment()[p]).isEqualTo(segmentOfRow[a.rows()[p]]);
        }
    }

    @Test
    void pointsOnALineNeedOneAxisAndMoreFeaturesShareTheVariance() throws Exception {
        double[] t = new double[60];
        double[] twice = new double[60];
        double[] noise = new double[60];
        java.util.Random rnd = new java.util.Random(2);
        for (int i = 0; i < t.length; i++) {
            t[i] = i < 30 ? i * 0.1 : 20 + i * 0.1;
            twice[i] = 2 * t[i] + 1;
            noise[i] = rnd.nextGaussian();
        }
        Dataset line = Tables.create().number("a", t).number("b", twice).build();
        SegmentationResult r = new SegmentStep().run(line, SegmentationSettings.kMeans(List.of("a", "b"), 2),
                Progress.none());
        SegmentMap map = SegmentMap.project(line, r, 1000, 1);
        assertThat(map.varianceExplained()[0]).isCloseTo(1, within(1e-9));
        assertThat(map.varianceExplained()[1]).isCloseTo(0, within(1e-9));
        assertThat(java.util.Arrays.stream(map.y()).map(Math::abs).max().orElseThrow()).isCloseTo(0, within(1e-9));

        Dataset three = Tables.create().number("a", t).number("b", twice).number("c", noise).build();
        SegmentationResult r3 = new SegmentStep().run(three, SegmentationSettings.kMeans(List.of("a", "b", "c"), 2),
                Progress.none());
        double[] v = SegmentMap.project(three, r3, 1000, 1).varianceExplained();
        assertThat(v[0] + v[1]).isLessThanOrEqualTo(1 + 1e-9);
        // a and b are one direction (2 of 3 standardised variances), c nearly independent noise
        assertThat(v[0]).isCloseTo(2.0 / 3, within(0.05));
        assertThat(v[1]).isCloseTo(1.0 / 3, within(0.05));
    }

    @Test
    void oneFeatureGivesAFlatMap() throws Exception {
        Dataset one = Tables.create().number("income", 1, 2, 3, 10, 11, 12).build();
        SegmentationResult r = new SegmentStep().run(one, SegmentationSettings.kMeans(List.of("income"), 2),
                Progress.none());
        SegmentMap map = SegmentMap.project(one, r, 10, 1);
        assertThat(map.varianceExplained()).containsExactly(1, 0);
        assertThat(map.y()).containsOnly(0);
        assertThat(map.centroidX()[0]).isNotEqualTo(map.centroidX()[1]);
    }
}
