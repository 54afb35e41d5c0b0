package org.marketingworkbench.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;
import weka.clusterers.EM;
import weka.clusterers.HierarchicalClusterer;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * The Segment step: customers into segments by the chosen features and algorithm, with a profile of each
 * segment, the quality (silhouette) and each row's segment.
 *
 * <p>{@link #run} is a plain long method: it reports progress (preparing 0–5%, clustering 5–85%, silhouette
 * 85–98%, profile), checks for cancel between units of work (each k-means iteration; every 100 ms while
 * Weka's EM or hierarchical clustering runs) and throws {@link CancelledException} when cancelled. It never
 * changes the dataset. A view-model runs it through its {@code TaskRunner}.
 */
public final class SegmentStep {

    /** What an algorithm found: labels (0-based, numbered by size) for every usable row, and how. */
    private record Clustering(int[] labels, int k, double wcss, int iterations, int rowsFitted, List<UserMessage> notes,
                              FittedSegmentation fitted) {
    }

    private final int emRows;
    private final int hierarchicalRows;

    public SegmentStep() {
        this(Algorithm.EM.rowLimit(), Algorithm.HIERARCHICAL.rowLimit());
    }

    /** A step with other sample sizes for EM and hierarchical clustering (tests use small ones to stay fast). */
    SegmentStep(int emRows, int hierarchicalRows) {
        this.emRows = emRows;
        this.hierarchicalRows = hierarchicalRows;
    }

    public SegmentationResult run(Dataset data, SegmentationSettings settings, Progress progress) throws SegmentException {
        java.util.Optional<UserMessage> problem = settings.problem();
        if (problem.isPresent()) {
            throw new SegmentException(SegmentException.Reason.INVALID_SETTINGS, problem.get());
        }
        progress.report(0, UserMessage.of("segment.progress.preparing"));
        PreparedFeatures prep = FeaturePreparation.prepare(data, settings.features(), settings.scaling());
        if (!settings.automaticK()) {
            checkK(prep, settings.k());
        } else {
            checkK(prep, 2);
        }
        progress.throwIfCancelled();
        Progress clustering = progress.slice(0.05, 0.85);
        clustering.report(0, UserMessage.of("segment.progress.clustering", settings.algorithm().label()));
        Clustering c;
        try {
            c = switch (settings.algorithm()) {
                case KMEANS -> kMeans(prep, settings, clustering);
                case EM -> em(prep, settings, clustering);
                case HIERARCHICAL -> hierarchical(prep, settings, clustering);
            };
        } catch (SegmentException | CancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new SegmentException(SegmentException.Reason.ALGORITHM_FAILED,
                    UserMessage.of("segment.error.algorithmFailed", settings.algorithm().label(),
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        progress.report(0.85, UserMessage.of("segment.progress.silhouette"));
        SilhouetteScore silhouette = Silhouette.of(prep.matrix(), c.labels(), c.k(), Silhouette.SAMPLE_SIZE,
                settings.seed(), progress.slice(0.85, 0.98));
        progress.throwIfCancelled();
        SegmentationResult result = summarise(data, prep, settings, c, silhouette);
        progress.report(1);
        return result;
    }

    static void checkK(PreparedFeatures prep, int k) throws SegmentException {
        if (prep.rowsUsed() < k) {
            throw new SegmentException(SegmentException.Reason.FEWER_ROWS_THAN_K,
                    UserMessage.of(prep.rowsLeftOut() > 0 ? "segment.error.fewerRowsThanKLeftOut"
                            : "segment.error.fewerRowsThanK", prep.rowsUsed(), k, prep.rowsLeftOut()));
        }
        int distinct = prep.matrix().distinctRows(k);
        if (distinct < k) {
            throw new SegmentException(SegmentException.Reason.TOO_FEW_DISTINCT,
                    UserMessage.of("segment.error.tooFewDistinct", distinct, k));
        }
    }

    // ------------------------------------------------------------------ algorithms

    private static Clustering kMeans(PreparedFeatures prep, SegmentationSettings s, Progress progress) {
        FastKMeans km = new FastKMeans();
        km.setNumClusters(s.k());
        km.setRestarts(s.restarts());
        km.setSeed(s.seed());
        FastKMeans.Fit fit = km.fit(prep.matrix(), progress);
        return new Clustering(fit.labels(), fit.k(), fit.withinClusterSumOfSquares(), fit.iterations(), prep.rowsUsed(),
                List.of(), FittedSegmentation.ofCentres(Algorithm.KMEANS, prep, fit.centroids(), fit.sizes()));
    }

    /**
     * Weka's EM on numbers (scaled as set) and categories as nominal attributes (EM models each as its own
     * discrete distribution per segment, so no one-hot weight is involved), fitted on at most
     * {@link Algorithm#EM_ROWS} rows; every row is then assigned to its most likely segment.
     */
    private Clustering em(PreparedFeatures prep, SegmentationSettings s, Progress progress) throws Exception {
        int[] fitRows = Sampling.rows(prep.rowsUsed(), emRows, s.seed());
        Instances header = emHeader(prep);
        Instances train = new Instances(header, fitRows.length);
        for (int r : fitRows) {
            train.add(new DenseInstance(1.0, emValues(prep, r)));
        }
        EM em = new EM();
        em.setSeed(s.seed());
        em.setNumExecutionSlots(Runtime.getRuntime().availableProcessors());
        if (s.automaticK()) {
            em.setNumClusters(-1);
            em.setMaximumNumberOfClusters(KChooser.DEFAULT_TO);
        } else {
            em.setNumClusters(s.k());
        }
        WekaJob.run("em", () -> {
            em.buildClusterer(train);
            return em;
        }, progress.slice(0, 0.8));
        int found = em.numberOfClusters();
        int n = prep.rowsUsed();
        int[] raw = new int[n];
        DenseInstance one = new DenseInstance(header.numAttributes());
        one.setDataset(header);
        Progress assigning = progress.slice(0.8, 1);
        for (int i = 0; i < n; i++) {
            if (i % 10_000 == 0) {
                assigning.throwIfCancelled();
                assigning.report((double) i / n);
            }
            double[] v = emValues(prep, i);
            for (int j = 0; j < v.length; j++) {
                one.setValue(j, v[j]);
            }
            raw[i] = em.clusterInstance(one);
        }
        Relabelled r = bySize(raw, found);
        List<UserMessage> notes = new ArrayList<>();
        if (s.automaticK()) {
            notes.add(UserMessage.of("segment.note.emChoseK", found));
        }
        if (r.k() < found) {
            notes.add(UserMessage.of("segment.note.emptyDropped", found - r.k(), found));
        }
        if (fitRows.length < n) {
            notes.add(UserMessage.of("segment.note.emSample", fitRows.length, n, s.seed()));
        }
        return new Clustering(r.labels(), r.k(), Double.NaN, 0, fitRows.length, notes,
                FittedSegmentation.ofNominal(Algorithm.EM, prep, em, header, segmentOfCluster(raw, r.labels(), found)));
    }

    /** For each raw cluster, the segment (1..k) its rows became, or 0 for a cluster no row is in. */
    private static int[] segmentOfCluster(int[] raw, int[] relabelled, int clusters) {
        int[] map = new int[clusters];
        for (int i = 0; i < raw.length; i++) {
            map[raw[i]] = relabelled[i] + 1;
        }
        return map;
    }

    private static Instances emHeader(PreparedFeatures prep) {
        ArrayList<Attribute> atts = new ArrayList<>();
        for (PreparedFeatures.Feature f : prep.features()) {
            atts.add(f.isCategory() ? new Attribute(f.name(), f.levels()) : new Attribute(f.name()));
        }
        return new Instances("segment", atts, 0);
    }

    /** Row {@code r} for EM: a number as prepared, a category as the index of its value. */
    private static double[] emValues(PreparedFeatures prep, int r) {
        List<PreparedFeatures.Feature> fs = prep.features();
        double[] v = new double[fs.size()];
        FeatureMatrix m = prep.matrix();
        for (int f = 0; f < fs.size(); f++) {
            PreparedFeatures.Feature feature = fs.get(f);
            if (feature.isCategory()) {
                for (int l = 0; l < feature.width(); l++) {
                    if (m.get(r, feature.column() + l) > 0) {
                        v[f] = l;
                        break;
                    }
                }
            } else {
                v[f] = m.get(r, feature.column());
            }
        }
        return v;
    }

    /**
     * Weka's HierarchicalClusterer, Ward linkage, on the prepared features (as k-means sees them; Weka's own
     * normalisation off), fitted on at most {@link Algorithm#HIERARCHICAL_ROWS} rows; any other row joins
     * the segment whose centre (the mean of its fitted rows) is nearest.
     */
    private Clustering hierarchical(PreparedFeatures prep, SegmentationSettings s, Progress progress) throws Exception {
        int n = prep.rowsUsed();
        int[] fitRows = Sampling.rows(n, hierarchicalRows, s.seed());
        FeatureMatrix sample = prep.matrix().rows(fitRows);
        Instances train = sample.toInstances("segment");
        HierarchicalClusterer h = new HierarchicalClusterer();
        h.setOptions(weka.core.Utils.splitOptions("-N " + s.k()
                + " -L WARD -A \"weka.core.EuclideanDistance -D -R first-last\""));
        WekaJob.run("hierarchical", () -> {
            h.buildClusterer(train);
            return h;
        }, progress.slice(0, 0.9));
        int k = s.k();
        int[] sampleLabels = new int[fitRows.length];
        for (int i = 0; i < fitRows.length; i++) {
            sampleLabels[i] = h.clusterInstance(train.instance(i));
        }
        int[] raw = new int[n];
        double[][] centre = means(sample, sampleLabels, k);
        if (fitRows.length == n) {
            raw = sampleLabels;
        } else {
            int d = prep.matrix().cols();
            double[] row = new double[d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    row[j] = prep.matrix().get(i, j);
                }
                raw[i] = nearest(centre, row);
            }
            for (int i = 0; i < fitRows.length; i++) {
                raw[fitRows[i]] = sampleLabels[i];
            }
        }
        Relabelled r = bySize(raw, k);
        List<UserMessage> notes = new ArrayList<>();
        if (fitRows.length < n) {
            notes.add(UserMessage.of("segment.note.hierarchicalSample", fitRows.length, n, s.seed()));
        }
        // new customers join the nearest centre of the sample's segments, as the rows beyond the sample did here
        int[] map = segmentOfCluster(raw, r.labels(), k);
        double[][] centres = new double[r.k()][];
        int[] sizes = new int[r.k()];
        for (int c = 0; c < k; c++) {
            if (map[c] > 0) {
                centres[map[c] - 1] = centre[c];
            }
        }
        for (int label : r.labels()) {
            sizes[label]++;
        }
        return new Clustering(r.labels(), r.k(), Double.NaN, 0, fitRows.length, notes,
                FittedSegmentation.ofCentres(Algorithm.HIERARCHICAL, prep, centres, sizes));
    }

    private static double[][] means(FeatureMatrix m, int[] labels, int k) {
        double[][] sum = new double[k][m.cols()];
        int[] count = new int[k];
        for (int i = 0; i < m.rows(); i++) {
            count[labels[i]]++;
            for (int j = 0; j < m.cols(); j++) {
                sum[labels[i]][j] += m.get(i, j);
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < m.cols(); j++) {
                sum[c][j] = count[c] == 0 ? Double.NaN : sum[c][j] / count[c];
            }
        }
        return sum;
    }

    private static int nearest(double[][] centre, double[] row) {
        int best = -1;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centre.length; c++) {
            if (Double.isNaN(centre[c][0])) {
                continue;
            }
            double s = 0;
            for (int j = 0; j < row.length; j++) {
                double diff = row[j] - centre[c][j];
                s += diff * diff;
            }
            if (s < bestDist) {
                bestDist = s;
                best = c;
            }
        }
        return best;
    }

    private record Relabelled(int[] labels, int k) {
    }

    /** Renumbers labels by segment size, largest first (ties: first row first); empty segments disappear. */
    static Relabelled bySize(int[] labels, int kMax) {
        int[] size = new int[kMax];
        int[] first = new int[kMax];
        Arrays.fill(first, Integer.MAX_VALUE);
        for (int i = 0; i < labels.length; i++) {
            size[labels[i]]++;
            first[labels[i]] = Math.min(first[labels[i]], i);
        }
        Integer[] order = new Integer[kMax];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[b], size[a]) : Integer.compare(first[a], first[b]));
        int[] newIndex = new int[kMax];
        int k = 0;
        for (int rank = 0; rank < kMax; rank++) {
            if (size[order[rank]] > 0) {
                newIndex[order[rank]] = k++;
            }
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = newIndex[labels[i]];
        }
        return new Relabelled(out, k);
    }

    // ------------------------------------------------------------------ the profile

    private static SegmentationResult summarise(Dataset data, PreparedFeatures prep, SegmentationSettings settings,
                                                Clustering c, SilhouetteScore silhouette) {
        int k = c.k();
        int n = prep.rowsUsed();
        int[] labels = c.labels();
        int[] size = new int[k];
        for (int l : labels) {
            size[l]++;
        }
        List<ProfileColumn> columns = new ArrayList<>();
        List<double[]> segmentMeans = new ArrayList<>(); // per profile column, per segment
        for (PreparedFeatures.Feature f : prep.features()) {
            if (f.isCategory()) {
                for (int l = 0; l < f.width(); l++) {
                    double p = f.shares()[l];
                    columns.add(new ProfileColumn(f.name(), f.levels().get(l), p, Math.sqrt(p * (1 - p))));
                    double[] share = new double[k];
                    int col = f.column() + l;
                    for (int i = 0; i < n; i++) {
                        if (prep.matrix().get(i, col) > 0) {
                            share[labels[i]]++;
                        }
                    }
                    for (int s = 0; s < k; s++) {
                        share[s] /= size[s];
                    }
                    segmentMeans.add(share);
                }
            } else {
                columns.add(new ProfileColumn(f.name(), null, f.mean(), f.sd()));
                Column<?> col = data.table().column(f.name());
                NumericColumn<?> num = (NumericColumn<?>) col;
                double[] mean = new double[k];
                for (int i = 0; i < n; i++) {
                    mean[labels[i]] += num.getDouble(prep.rows()[i]);
                }
                for (int s = 0; s < k; s++) {
                    mean[s] /= size[s];
                }
                segmentMeans.add(mean);
            }
        }
        List<Segment> segments = new ArrayList<>();
        double[] perSilhouette = silhouette.perSegment();
        for (int s = 0; s < k; s++) {
            double[] centroid = new double[columns.size()];
            double[] z = new double[columns.size()];
            for (int p = 0; p < columns.size(); p++) {
                centroid[p] = segmentMeans.get(p)[s];
                ProfileColumn pc = columns.get(p);
                z[p] = pc.sd() > 0 ? (centroid[p] - pc.mean()) / pc.sd() : 0;
            }
            segments.add(new Segment(s + 1, size[s], (double) size[s] / n, centroid, z, perSilhouette[s]));
        }
        double wcss = Double.isNaN(c.wcss()) ? sumOfSquaresAroundMeans(prep.matrix(), labels, k) : c.wcss();
        int[] segmentOfRow = new int[prep.totalRows()];
        for (int i = 0; i < n; i++) {
            segmentOfRow[prep.rows()[i]] = labels[i] + 1;
        }
        List<UserMessage> notes = new ArrayList<>(c.notes());
        notes.add(silhouette.exact() ? UserMessage.of("segment.note.silhouetteExact", silhouette.sampleSize())
                : UserMessage.of("segment.note.silhouetteSample", silhouette.sampleSize(), n, settings.seed()));
        return new SegmentationResult(settings, k, segments, columns, segmentOfRow, wcss, silhouette, n,
                prep.rowsLeftOut(), c.rowsFitted(), c.iterations(), prep.explanation(), notes, c.fitted());
    }

    static double sumOfSquaresAroundMeans(FeatureMatrix m, int[] labels, int k) {
        double[][] centre = means(m, labels, k);
        double s = 0;
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                double diff = m.get(i, j) - centre[labels[i]][j];
                s += diff * diff;
            }
        }
        return s;
    }
}
