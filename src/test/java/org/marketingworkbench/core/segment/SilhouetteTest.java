package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.pipeline.Progress;

class SilhouetteTest {

    @Test
    void matchesAHandComputationOnFourPoints() {
        // 0 and 1 in segment 1, 5 and 6 in segment 2 (one dimension):
        // s(0) = (5.5 - 1) / 5.5, s(1) = (4.5 - 1) / 4.5, and the same for 6 and 5
        FeatureMatrix m = FeatureMatrix.ofColumns(List.of("x"), new double[] {0, 1, 5, 6});
        SilhouetteScore s = Silhouette.of(m, new int[] {0, 0, 1, 1}, 2, 100, 1, Progress.none());
        double far = 4.5 / 5.5;
        double near = 3.5 / 4.5;
        assertThat(s.average()).isCloseTo((far + near) / 2, within(1e-12));
        assertThat(s.perSegment()).containsExactly(new double[] {(far + near) / 2, (far + near) / 2}, within(1e-12));
        assertThat(s.exact()).isTrue();
        assertThat(s.sampleSize()).isEqualTo(4);
    }

    @Test
    void matchesABruteForceComputationOnRandomData() {
        Random rnd = new Random(5);
        int n = 300;
        int d = 3;
        int k = 4;
        double[][] cols = new double[d][n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(k);
            for (int j = 0; j < d; j++) {
                cols[j][i] = labels[i] + rnd.nextGaussian();
            }
        }
        FeatureMatrix m = FeatureMatrix.ofColumns(List.of("a", "b", "c"), cols);
        SilhouetteScore s = Silhouette.of(m, labels, k, 5_000, 1, Progress.none());

        double[] brute = new double[n];
        for (int i = 0; i < n; i++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                double dd = 0;
                for (int t = 0; t < d; t++) {
                    dd += Math.pow(m.get(i, t) - m.get(j, t), 2);
                }
                sum[labels[j]] += Math.sqrt(dd);
                count[labels[j]]++;
            }
            double a = sum[labels[i]] / count[labels[i]];
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != labels[i]) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            brute[i] = (b - a) / Math.max(a, b);
        }
        double avg = java.util.Arrays.stream(brute).average().orElseThrow();
        assertThat(s.average()).isCloseTo(avg, within(1e-9));
        for (int c = 0; c < k; c++) {
            int cc = c;
            double per = java.util.stream.IntStream.range(0, n).filter(i -> labels[i] == cc).mapToDouble(i -> brute[i])
                    .average().orElseThrow();
            assertThat(s.perSegment()[c]).isCloseTo(per, within(1e-9));
        }
    }

    @Test
    void aCustomerAloneInItsSegmentScoresZero() {
        FeatureMatrix m = FeatureMatrix.ofColumns(List.of("x"), new double[] {0, 1, 10});
        SilhouetteScore s = Silhouette.of(m, new int[] {0, 0, 1}, 2, 100, 1, Progress.none());
        assertThat(s.perSegment()[1]).isZero();
    }

    @Test
    void largeDataIsMeasuredOnAStatedSeededSample() {
        Blobs blobs = Blobs.generate(3, 2, new int[] {4000, 3000}, 5, 1);
        SilhouetteScore a = Silhouette.of(blobs.matrix, blobs.truth, 2, 1_000, 7, Progress.none());
        SilhouetteScore b = Silhouette.of(blobs.matrix, blobs.truth, 2, 1_000, 7, Progress.none());
        SilhouetteScore exact = Silhouette.of(blobs.matrix, blobs.truth, 2, 10_000, 7, Progress.none());
        assertThat(a.exact()).isFalse();
        assertThat(a.sampleSize()).isEqualTo(1_000);
        assertThat(a.average()).isEqualTo(b.average());
        assertThat(exact.exact()).isTrue();
        assertThat(a.average()).isCloseTo(exact.average(), within(0.02));
    }

    @Test
    void oneSegmentHasNoSilhouette() {
        FeatureMatrix m = FeatureMatrix.ofColumns(List.of("x"), new double[] {0, 1, 2});
        assertThat(Silhouette.of(m, new int[] {0, 0, 0}, 1, 100, 1, Progress.none()).average()).isNaN();
    }
}
