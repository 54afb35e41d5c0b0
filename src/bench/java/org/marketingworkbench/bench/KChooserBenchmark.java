package org.marketingworkbench.bench;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.segment.FeatureMatrix;
import org.marketingworkbench.core.segment.KChooser;
import org.marketingworkbench.core.segment.SegmentStep;
import org.marketingworkbench.core.segment.SegmentationSettings;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The k chooser as the Segment screen runs it: k = 2..10 on 100,000 customers × 10 numbers (k-means with 10
 * restarts per k and the silhouette on a 5,000-customer sample). Prints the whole time, its ratio to one
 * segmentation with k = 10 measured in the same run (the baseline), and the longest gap between two progress
 * reports, since the screen must show progress throughout. Goal (issue 11): within a minute here.
 *
 * <p>Run with {@code mvn -Pbench test -Dtest=KChooserBenchmark}; {@code -Dbench.rows} changes the size.
 */
class KChooserBenchmark {

    @Test
    void kChooserOnAHundredThousandCustomers() throws Exception {
        int rows = Integer.getInteger("bench.rows", 100_000);
        Dataset data = dataset(KMeansBenchmark.blobs(rows, 7L), rows);
        List<String> features = data.columns().stream().map(ColumnSpec::name).toList();
        SegmentationSettings settings = SegmentationSettings.kMeans(features, 10);
        new SegmentStep().run(data, settings.withRestarts(1), Progress.none());   // warm-up (JIT)

        long t0 = System.nanoTime();
        new SegmentStep().run(data, settings, Progress.none());
        double baseline = (System.nanoTime() - t0) / 1e9;

        long[] last = {System.nanoTime()};
        long[] longestGap = {0};
        int[] reports = {0};
        Progress progress = Progress.to((fraction, message) -> {
            long now = System.nanoTime();
            longestGap[0] = Math.max(longestGap[0], now - last[0]);
            last[0] = now;
            reports[0]++;
        });
        long t1 = System.nanoTime();
        KChooser.KChoice choice = new KChooser().choose(data, settings, 2, 10, progress);
        double chooser = (System.nanoTime() - t1) / 1e9;
        System.out.printf("KChooserBenchmark: %,d x 10, k = 2..10, 10 restarts, %d cores%n", rows,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  one segmentation, k = 10 (baseline): %.2f s%n", baseline);
        System.out.printf("  k chooser 2..10: %.2f s = %.2f x the baseline; recommended k = %d%n", chooser,
                chooser / baseline, choice.recommendedK());
        System.out.printf("  progress: %d reports, longest gap %.2f s%n", reports[0], longestGap[0] / 1e9);
    }

    private static Dataset dataset(FeatureMatrix m, int rows) {
        List<DoubleColumn> cols = new ArrayList<>();
        List<ColumnSpec> specs = new ArrayList<>();
        for (int j = 0; j < m.cols(); j++) {
            double[] v = new double[rows];
            for (int i = 0; i < rows; i++) {
                v[i] = m.get(i, j);
            }
            cols.add(DoubleColumn.create("x" + j, v));
            specs.add(new ColumnSpec("x" + j, ColumnType.NUMBER, null));
        }
        return new Dataset(Table.create("blobs", cols.toArray(new DoubleColumn[0])), specs);
    }
}
