package org.marketingworkbench.core.segment;

import java.util.ArrayList;
import java.util.List;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * Helps choose the number of segments: k-means for each k in a range (whatever algorithm the settings name,
 * with their features, scaling, seed and restarts), the within-cluster sum of squares (the elbow curve) and
 * the average silhouette (exact up to {@link Silhouette#SAMPLE_SIZE} customers, else on a seeded random
 * sample of that many, the same sample for every k), and a recommendation with its reason. The user decides.
 *
 * <p>The recommendation: the k with the best average silhouette. When other k come within
 * {@value #SILHOUETTE_TIE} of it, they are taken as equally good and the one nearest the elbow of the sum of
 * squares curve wins (ties: the smaller k, fewer segments being easier to act on). The elbow is the k whose
 * point lies farthest below the straight line from the first to the last point of the curve, both axes
 * scaled to [0, 1] (the "kneedle" rule). A k with a segment of less than {@value #MIN_SEGMENT_SHARE} of the
 * customers (outliers on their own) is passed over while another k has none, and the notes say so.
 *
 * <p>Progress is reported per k and cancel is checked within each k-means run.
 */
public final class KChooser {

    public static final int DEFAULT_FROM = 2;
    public static final int DEFAULT_TO = 10;
    /** Average silhouettes this close to the best count as a tie. */
    public static final double SILHOUETTE_TIE = 0.01;
    /** A k with a segment smaller than this share of the customers is recommended only when every k has one. */
    public static final double MIN_SEGMENT_SHARE = 0.01;

    /** One k's figures. {@code sizes} are the segment sizes, largest first. */
    public record Score(int k, double withinClusterSumOfSquares, double averageSilhouette, int[] sizes) {

        @Override
        public int[] sizes() {
            return sizes.clone();
        }
    }

    /**
     * The figures for every k tried, the recommended k and why.
     *
     * @param elbowK               the k at the elbow of the sum of squares curve (the first k with fewer than 3 points)
     * @param silhouetteSampleSize customers the silhouette was measured on
     * @param silhouetteExact      whether that was every customer
     * @param notes                e.g. that the range was cut to the number of different customers
     */
    public record KChoice(List<Score> scores, int recommendedK, UserMessage reason, int elbowK,
                          int silhouetteSampleSize, boolean silhouetteExact, int rowsUsed, FeatureExplanation explanation,
                          List<UserMessage> notes) {

        public KChoice {
            scores = List.copyOf(scores);
            notes = List.copyOf(notes);
        }

        public Score score(int k) {
            return scores.stream().filter(s -> s.k() == k).findFirst().orElseThrow();
        }
    }

    public KChoice choose(Dataset data, SegmentationSettings settings, int from, int to, Progress progress)
            throws SegmentException {
        if (from < 2 || to < from) {
            throw new SegmentException(SegmentException.Reason.INVALID_SETTINGS,
                    UserMessage.of("segment.error.kRange", from, to));
        }
        if (settings.restarts() < 1) {
            throw new SegmentException(SegmentException.Reason.INVALID_SETTINGS,
                    UserMessage.of("segment.error.restarts", settings.restarts()));
        }
        progress.report(0, UserMessage.of("segment.progress.preparing"));
        PreparedFeatures prep = FeaturePreparation.prepare(data, settings.features(), settings.scaling());
        SegmentStep.checkK(prep, from);
        List<UserMessage> notes = new ArrayList<>();
        int cap = Math.min(to, prep.matrix().distinctRows(to));
        if (cap < to) {
            notes.add(UserMessage.of("segment.note.rangeCut", to, cap));
        }
        List<Score> scores = new ArrayList<>();
        SilhouetteScore last = null;
        int count = cap - from + 1;
        for (int k = from; k <= cap; k++) {
            int i = k - from;
            Progress one = progress.slice(0.02 + 0.98 * i / count, 0.02 + 0.98 * (i + 1) / count);
            one.report(0, UserMessage.of("segment.progress.tryingK", k, from, cap));
            FastKMeans km = new FastKMeans();
            km.setNumClusters(k);
            km.setRestarts(settings.restarts());
            km.setSeed(settings.seed());
            FastKMeans.Fit fit = km.fit(prep.matrix(), one.slice(0, 0.7));
            last = Silhouette.of(prep.matrix(), fit.labels(), k, Silhouette.SAMPLE_SIZE, settings.seed(), one.slice(0.7, 1));
            scores.add(new Score(k, fit.withinClusterSumOfSquares(), last.average(), fit.sizes()));
            one.report(1);
        }
        int elbow = elbow(scores);
        int rowsUsed = prep.rowsUsed();
        List<Score> eligible = scores.stream().filter(s -> !hasTinySegment(s, rowsUsed)).toList();
        List<String> tinyKs = scores.stream().filter(s -> hasTinySegment(s, rowsUsed))
                .map(s -> Integer.toString(s.k())).toList();
        if (eligible.isEmpty()) {
            eligible = scores;
            notes.add(UserMessage.of("segment.note.tinyEverywhere", MIN_SEGMENT_SHARE));
        } else if (!tinyKs.isEmpty()) {
            notes.add(UserMessage.of("segment.note.tinyLeftOut", String.join(", ", tinyKs), MIN_SEGMENT_SHARE));
        }
        Score best = eligible.get(0);
        for (Score s : eligible) {
            if (s.averageSilhouette() > best.averageSilhouette()) {
                best = s;
            }
        }
        double bestSilhouette = best.averageSilhouette();
        List<Score> tied = eligible.stream().filter(s -> s.averageSilhouette() >= bestSilhouette - SILHOUETTE_TIE).toList();
        int recommended;
        UserMessage reason;
        if (tied.size() == 1) {
            recommended = best.k();
            reason = UserMessage.of("segment.choose.bestSilhouette", best.k(), bestSilhouette, elbow);
        } else {
            Score pick = tied.get(0);
            for (Score s : tied) {
                if (Math.abs(s.k() - elbow) < Math.abs(pick.k() - elbow)) {
                    pick = s;
                }
            }
            recommended = pick.k();
            String ks = String.join(", ", tied.stream().map(s -> Integer.toString(s.k())).toList());
            reason = UserMessage.of("segment.choose.tieElbow", pick.k(), ks, SILHOUETTE_TIE, elbow, pick.averageSilhouette());
        }
        progress.report(1);
        return new KChoice(scores, recommended, reason, elbow, last.sampleSize(), last.exact(), prep.rowsUsed(),
                prep.explanation(), notes);
    }

    /**
     * Whether one of the k segments holds less than {@link #MIN_SEGMENT_SHARE} of the customers: usually a
     * few outliers in a segment of their own, which scores a high silhouette without being a segment anyone
     * can market to.
     */
    static boolean hasTinySegment(Score s, int rowsUsed) {
        int smallest = java.util.Arrays.stream(s.sizes()).min().orElse(0);
        return smallest < MIN_SEGMENT_SHARE * rowsUsed;
    }

    /** The k farthest below the chord from the first to the last point, both axes scaled to [0, 1]. */
    static int elbow(List<Score> scores) {
        if (scores.size() < 3) {
            return scores.get(0).k();
        }
        Score first = scores.get(0);
        Score last = scores.get(scores.size() - 1);
        double kSpan = last.k() - first.k();
        double wMax = first.withinClusterSumOfSquares();
        double wMin = last.withinClusterSumOfSquares();
        for (Score s : scores) {
            wMax = Math.max(wMax, s.withinClusterSumOfSquares());
            wMin = Math.min(wMin, s.withinClusterSumOfSquares());
        }
        double wSpan = wMax - wMin;
        if (!(wSpan > 0)) {
            return first.k();
        }
        double y0 = (first.withinClusterSumOfSquares() - wMin) / wSpan;
        double y1 = (last.withinClusterSumOfSquares() - wMin) / wSpan;
        int best = first.k();
        double bestGap = 0;
        for (Score s : scores) {
            double x = (s.k() - first.k()) / kSpan;
            double y = (s.withinClusterSumOfSquares() - wMin) / wSpan;
            double gap = (y0 + (y1 - y0) * x) - y;
            if (gap > bestGap) {
                bestGap = gap;
                best = s.k();
            }
        }
        return best;
    }
}
