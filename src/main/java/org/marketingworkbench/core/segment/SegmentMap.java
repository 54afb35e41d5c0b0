package org.marketingworkbench.core.segment;

import java.util.Arrays;
import org.marketingworkbench.core.data.Dataset;
import weka.core.matrix.EigenvalueDecomposition;
import weka.core.matrix.Matrix;

/**
 * A 2-D map of the customers for the segment scatter chart: their projection on the first two principal
 * components of the features as the segmentation saw them (scaled unless scaling was off, categories one-hot),
 * a seeded sample when there are many, each point's segment, and each segment's centre on the map.
 *
 * <p>The components are fitted on every segmented customer (the covariance matrix, eigen-decomposed by Weka's
 * {@link EigenvalueDecomposition}); only the points drawn are sampled. Each axis's sign is fixed so that its
 * largest loading is positive, so the same data always gives the same picture.
 *
 * @param x                 each drawn customer's position on the first component
 * @param y                 … on the second (0 for everyone when the features have a single column)
 * @param segment           each drawn customer's segment number (1..k)
 * @param rows              each drawn customer's row in the input table
 * @param sampled           whether only some customers are drawn
 * @param customers         the customers segmented (all of them, whether drawn or not)
 * @param centroidX         segment {@code s}'s centre on the first component at index {@code s − 1} (the mean of
 *                          all its customers, not only the drawn ones)
 * @param centroidY         … on the second
 * @param varianceExplained the share of the features' total variance along each axis (two values, sum ≤ 1)
 */
public record SegmentMap(double[] x, double[] y, int[] segment, int[] rows, boolean sampled, int customers,
                         double[] centroidX, double[] centroidY, double[] varianceExplained) {

    /** Points drawn at most, by default: enough to see the shapes, few enough for a chart to stay quick. */
    public static final int DEFAULT_MAX_POINTS = 5_000;

    /**
     * The map of {@code result}, computed on {@code data} (the table it was computed on) prepared as its
     * settings say.
     */
    public static SegmentMap project(Dataset data, SegmentationResult result, int maxPoints, long seed)
            throws SegmentException {
        SegmentationSettings s = result.settings();
        return project(FeaturePreparation.prepare(data, s.features(), s.scaling()), result, maxPoints, seed);
    }

    /** The map of {@code result} from the prepared features it was computed on. */
    public static SegmentMap project(PreparedFeatures prep, SegmentationResult result, int maxPoints, long seed) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1: " + maxPoints);
        }
        if (prep.totalRows() != result.segmentOfRow().length) {
            throw new IllegalArgumentException("the features have " + prep.totalRows() + " rows, the result "
                    + result.segmentOfRow().length);
        }
        FeatureMatrix m = prep.matrix();
        int n = m.rows();
        int d = m.cols();
        int[] segmentOfRow = result.segmentOfRow();
        int k = result.k();

        double[] mean = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += m.get(i, j);
            }
            mean[j] = sum / n;
        }
        double[][] cov = new double[d][d];
        double[][] centred = new double[d][];
        for (int j = 0; j < d; j++) {
            centred[j] = m.column(j);
            for (int i = 0; i < n; i++) {
                centred[j][i] -= mean[j];
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += centred[a][i] * centred[b][i];
                }
                cov[a][b] = sum / n;
                cov[b][a] = cov[a][b];
            }
        }
        double trace = 0;
        for (int j = 0; j < d; j++) {
            trace += cov[j][j];
        }
        EigenvalueDecomposition eig = new EigenvalueDecomposition(new Matrix(cov));
        double[] values = eig.getRealEigenvalues();
        double[][] vectors = eig.getV().getArray();
        Integer[] order = new Integer[d];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
        double[][] axes = new double[2][d];
        double[] explained = new double[2];
        for (int c = 0; c < Math.min(2, d); c++) {
            int col = order[c];
            int largest = 0;
            for (int j = 0; j < d; j++) {
                axes[c][j] = vectors[j][col];
                if (Math.abs(axes[c][j]) > Math.abs(axes[c][largest])) {
                    largest = j;
                }
            }
            if (axes[c][largest] < 0) {
                for (int j = 0; j < d; j++) {
                    axes[c][j] = -axes[c][j];
                }
            }
            explained[c] = trace > 0 ? Math.max(0, values[col]) / trace : 0;
        }

        // every customer's position, for the centres; the drawn ones are a seeded sample
        double[] px = new double[n];
        double[] py = new double[n];
        for (int j = 0; j < d; j++) {
            double ax = axes[0][j];
            double ay = axes[1][j];
            double[] col = centred[j];
            for (int i = 0; i < n; i++) {
                px[i] += col[i] * ax;
                py[i] += col[i] * ay;
            }
        }
        double[] cx = new double[k];
        double[] cy = new double[k];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            int s = segmentOfRow[prep.rows()[i]] - 1;
            if (s < 0) {
                continue;
            }
            cx[s] += px[i];
            cy[s] += py[i];
            count[s]++;
        }
        for (int s = 0; s < k; s++) {
            cx[s] = count[s] == 0 ? Double.NaN : cx[s] / count[s];
            cy[s] = count[s] == 0 ? Double.NaN : cy[s] / count[s];
        }
        int[] picked = Sampling.rows(n, maxPoints, seed);
        double[] x = new double[picked.length];
        double[] y = new double[picked.length];
        int[] seg = new int[picked.length];
        int[] rows = new int[picked.length];
        for (int p = 0; p < picked.length; p++) {
            int i = picked[p];
            x[p] = px[i];
            y[p] = py[i];
            rows[p] = prep.rows()[i];
            seg[p] = segmentOfRow[rows[p]];
        }
        return new SegmentMap(x, y, seg, rows, picked.length < n, n, cx, cy, explained);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public int[] segment() {
        return segment.clone();
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public double[] centroidX() {
        return centroidX.clone();
    }

    @Override
    public double[] centroidY() {
        return centroidY.clone();
    }

    @Override
    public double[] varianceExplained() {
        return varianceExplained.clone();
    }

    /** How many customers are drawn. */
    public int points() {
        return x.length;
    }
}
