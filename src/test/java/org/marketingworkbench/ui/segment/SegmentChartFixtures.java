package org.marketingworkbench.ui.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.segment.KChooser;
import org.marketingworkbench.core.segment.Scaling;
import org.marketingworkbench.core.segment.SegmentStep;
import org.marketingworkbench.core.segment.SegmentationResult;
import org.marketingworkbench.core.segment.SegmentationSettings;
import org.marketingworkbench.testsupport.SharedDatasets;
import tech.tablesaw.api.NumericColumn;

/**
 * Real chart data: k-means with k = 5 on the Mall Customers' annual income and spending score (the reference
 * exercise), the k chooser over 2..8, a small principal-component projection of the same two columns (the
 * real one is built elsewhere in core), and a large synthetic map for the sampled case.
 */
final class SegmentChartFixtures {

    static final List<String> FEATURES = List.of("Annual Income (k$)", "Spending Score (1-100)");
    static final List<String> NAMES = List.of("1 · Average earners", "2 · Big spenders", "3 · Careful rich",
            "4 · Careful on a budget", "5 · Young spenders on a budget");

    final Dataset mall;
    final SegmentationResult result;
    final KChooser.KChoice choice;
    final SegmentMapChart.MapData map;

    private SegmentChartFixtures() throws Exception {
        mall = new DataImporter().read(SharedDatasets.file("Mall_Customers.csv"), ImportSettings.auto(), Progress.none())
                .dataset();
        SegmentationSettings settings = SegmentationSettings.kMeans(FEATURES, 5).withScaling(Scaling.NONE);
        result = new SegmentStep().run(mall, settings, Progress.none());
        choice = new KChooser().choose(mall, settings, 2, 8, Progress.none());
        map = project();
    }

    private static SegmentChartFixtures instance;

    static synchronized SegmentChartFixtures get() throws Exception {
        if (instance == null) {
            instance = new SegmentChartFixtures();
        }
        return instance;
    }

    /** PCA of the two standardised columns: a 2 × 2 correlation matrix has the eigenvectors (1, ±1)/√2. */
    private SegmentMapChart.MapData project() {
        double[] a = ((NumericColumn<?>) mall.table().column(FEATURES.get(0))).asDoubleArray();
        double[] b = ((NumericColumn<?>) mall.table().column(FEATURES.get(1))).asDoubleArray();
        double[] za = standardise(a);
        double[] zb = standardise(b);
        double r = 0;
        for (int i = 0; i < a.length; i++) {
            r += za[i] * zb[i];
        }
        r /= a.length;
        double s = Math.sqrt(0.5);
        double[] x = new double[a.length];
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            x[i] = s * (za[i] + zb[i]);
            y[i] = s * (za[i] - zb[i]);
        }
        boolean firstIsSum = r >= 0;
        double[] pc1 = firstIsSum ? x : y;
        double[] pc2 = firstIsSum ? y : x;
        int[] segment = result.segmentOfRow();
        double[][] centroids = new double[result.k()][2];
        int[] counts = new int[result.k()];
        for (int i = 0; i < a.length; i++) {
            centroids[segment[i] - 1][0] += pc1[i];
            centroids[segment[i] - 1][1] += pc2[i];
            counts[segment[i] - 1]++;
        }
        for (int k = 0; k < centroids.length; k++) {
            centroids[k][0] /= counts[k];
            centroids[k][1] /= counts[k];
        }
        double big = (1 + Math.abs(r)) / 2;
        return new SegmentMapChart.MapData(pc1, pc2, segment, centroids, new double[] {big, 1 - big}, a.length);
    }

    private static double[] standardise(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / v.length);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (v[i] - mean) / sd;
        }
        return out;
    }

    /** {@code drawn} of {@code total} customers in {@code k} Gaussian blobs, with a fixed seed. */
    static SegmentMapChart.MapData synthetic(int k, int drawn, int total) {
        Random random = new Random(7);
        double[][] centres = new double[k][2];
        for (int c = 0; c < k; c++) {
            double angle = 2 * Math.PI * c / k;
            centres[c][0] = 4 * Math.cos(angle);
            centres[c][1] = 2.5 * Math.sin(angle);
        }
        double[] x = new double[drawn];
        double[] y = new double[drawn];
        int[] segment = new int[drawn];
        for (int i = 0; i < drawn; i++) {
            int c = random.nextInt(k);
            segment[i] = c + 1;
            x[i] = centres[c][0] + random.nextGaussian();
            y[i] = centres[c][1] + random.nextGaussian() * 0.8;
        }
        return new SegmentMapChart.MapData(x, y, segment, centres, new double[] {0.48, 0.21}, total);
    }

    static List<String> names(int k) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            out.add(i <= NAMES.size() ? NAMES.get(i - 1) : "");
        }
        return out;
    }
}
