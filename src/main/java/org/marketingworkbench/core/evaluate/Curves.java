package org.marketingworkbench.core.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * The curves of a two-class model, from predictions ranked once ({@link RankedPredictions}).
 *
 * <ul>
 *   <li>ROC: one point per distinct score; the area by the trapezoid rule, which equals the rank AUC with ties
 *       counted half (and Weka's {@code ThresholdCurve} area).</li>
 *   <li>Precision–recall: one point per distinct score.</li>
 *   <li>Cumulative gains and lift by decile: the top 10%, 20%, … 100% of customers by score (a count of
 *       round(n·d/10)); a group of equal scores cut by a decile boundary shares its buyers in proportion.</li>
 *   <li>Calibration: ten equal-width bins of predicted probability.</li>
 * </ul>
 */
public final class Curves {

    public static final int DECILES = 10;
    public static final int CALIBRATION_BINS = 10;

    private Curves() {
    }

    public static RocCurve roc(RankedPredictions r) {
        List<RatePoint> points = new ArrayList<>();
        double pos = r.positives();
        double neg = r.negatives();
        points.add(new RatePoint(Double.POSITIVE_INFINITY, 0, 0));
        double area = 0;
        double lastX = 0;
        double lastY = 0;
        int k = 0;
        while (k < r.size()) {
            k = r.groupEnd(k);
            int tp = r.positivesInTop(k);
            double x = (k - tp) / neg;
            double y = tp / pos;
            area += (x - lastX) * (y + lastY) / 2;
            points.add(new RatePoint(r.score(k - 1), x, y));
            lastX = x;
            lastY = y;
        }
        return new RocCurve(points, r.size() == 0 ? Double.NaN : area, r);
    }

    /** Precision against recall, one point per distinct score, highest threshold first. */
    public static List<RatePoint> precisionRecall(RankedPredictions r) {
        List<RatePoint> points = new ArrayList<>();
        int k = 0;
        while (k < r.size()) {
            k = r.groupEnd(k);
            int tp = r.positivesInTop(k);
            points.add(new RatePoint(r.score(k - 1), (double) tp / r.positives(), (double) tp / k));
        }
        return points;
    }

    /** Cumulative gains and lift at each decile: ten points, the last (100%) with gain 1 and lift 1. */
    public static List<GainsPoint> gains(RankedPredictions r) {
        List<GainsPoint> out = new ArrayList<>(DECILES);
        int n = r.size();
        double rate = (double) r.positives() / n;
        for (int d = 1; d <= DECILES; d++) {
            int k = (int) Math.round((double) n * d / DECILES);
            double found = r.expectedPositivesInTop(k);
            double gain = found / r.positives();
            double lift = k == 0 ? Double.NaN : found / k / rate;
            out.add(new GainsPoint((double) d / DECILES, k, gain, lift));
        }
        return out;
    }

    /** The ten cumulative lifts: top 10%, top 20%, …, all customers (1). */
    public static double[] liftByDecile(RankedPredictions r) {
        return gains(r).stream().mapToDouble(GainsPoint::lift).toArray();
    }

    /** Predicted against observed in {@code bins} equal-width bins of the score. */
    public static List<CalibrationBin> calibration(RankedPredictions r, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins < 1: " + bins);
        }
        int[] count = new int[bins];
        double[] sum = new double[bins];
        int[] pos = new int[bins];
        for (int i = 0; i < r.size(); i++) {
            double s = r.score(i);
            int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(s * bins)));
            count[b]++;
            sum[b] += s;
            pos[b] += r.isPositive(i) ? 1 : 0;
        }
        List<CalibrationBin> out = new ArrayList<>(bins);
        for (int b = 0; b < bins; b++) {
            out.add(new CalibrationBin((double) b / bins, (double) (b + 1) / bins, count[b],
                    count[b] == 0 ? Double.NaN : sum[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) pos[b] / count[b]));
        }
        return out;
    }

    public static List<CalibrationBin> calibration(RankedPredictions r) {
        return calibration(r, CALIBRATION_BINS);
    }
}
