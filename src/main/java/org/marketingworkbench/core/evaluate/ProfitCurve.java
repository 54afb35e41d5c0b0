package org.marketingworkbench.core.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.Predictions;

/**
 * Expected profit against the share of customers contacted, highest scores first: contacting the top k costs
 * {@code k × cost}, and each actual buyer among them brings {@code value}. The best cut-off is the first share
 * with the highest profit (contacting nobody, profit 0, when no cut-off pays).
 *
 * <p><b>Whose customers.</b> The figures are counted on the held-out predictions. Under cross-validation they
 * are pooled over the folds and cover every customer of the file with a known outcome (outside any test part)
 * exactly once, each scored by a model that did not see it; so "customers" are customers of the file, and the
 * profit is what the campaign would have made on this file. When the predictions are a sample of a larger base
 * (a test part, or a campaign for a larger list), {@link #of(Predictions, double, double, long)} scales counts
 * and profit to that base: customers = round(share × base), profit × base / n.
 *
 * <p>Equal scores are never split: a cut-off moves by whole groups of equal scores, as the threshold does.
 */
public final class ProfitCurve {

    private final RankedPredictions ranked;
    private final double cost;
    private final double value;
    private final long population;
    private final List<ProfitPoint> points;
    private final ProfitPoint best;

    private ProfitCurve(RankedPredictions ranked, double cost, double value, long population) {
        this.ranked = ranked;
        this.cost = cost;
        this.value = value;
        this.population = population;
        List<ProfitPoint> pts = new ArrayList<>();
        pts.add(point(0));
        ProfitPoint top = pts.get(0);
        int k = 0;
        while (k < ranked.size()) {
            k = ranked.groupEnd(k);
            ProfitPoint p = point(k);
            pts.add(p);
            if (p.expectedProfit() > top.expectedProfit()) {
                top = p;
            }
        }
        this.points = List.copyOf(pts);
        this.best = top;
    }

    /**
     * The profit curve counted on the held-out customers themselves.
     *
     * @throws EvaluateException INVALID_MONEY for a negative or non-finite cost or value; not two classes, no
     *         predictions or only one class held out
     */
    public static ProfitCurve of(Predictions p, double costPerContact, double valuePerConversion)
            throws EvaluateException {
        return of(p, costPerContact, valuePerConversion, p.size());
    }

    /** The profit curve scaled to a base of {@code customers} (see the class comment). */
    public static ProfitCurve of(Predictions p, double costPerContact, double valuePerConversion, long customers)
            throws EvaluateException {
        requireValidMoney(costPerContact, valuePerConversion);
        RankedPredictions r = RankedPredictions.of(p);
        return of(r, costPerContact, valuePerConversion, customers);
    }

    /** For ranked predictions already at hand (the screen ranks once). */
    public static ProfitCurve of(RankedPredictions r, double costPerContact, double valuePerConversion,
                                 long customers) throws EvaluateException {
        requireValidMoney(costPerContact, valuePerConversion);
        if (customers < 1) {
            throw new EvaluateException(EvaluateException.Reason.INVALID_SETTING,
                    UserMessage.of("evaluate.error.population", customers));
        }
        return new ProfitCurve(r, costPerContact, valuePerConversion, customers);
    }

    /** @throws EvaluateException INVALID_MONEY for a negative or non-finite cost or value */
    public static void requireValidMoney(double cost, double value) throws EvaluateException {
        if (!Double.isFinite(cost) || cost < 0) {
            throw new EvaluateException(EvaluateException.Reason.INVALID_MONEY,
                    UserMessage.of("evaluate.error.cost", String.valueOf(cost)));
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new EvaluateException(EvaluateException.Reason.INVALID_MONEY,
                    UserMessage.of("evaluate.error.value", String.valueOf(value)));
        }
    }

    private ProfitPoint point(int k) {
        int n = ranked.size();
        double scale = (double) population / n;
        double conversions = ranked.positivesInTop(k) * scale;
        double share = (double) k / n;
        long customers = Math.round(k * scale);
        double profit = (ranked.positivesInTop(k) * value - k * cost) * scale;
        return new ProfitPoint(share, customers, conversions, profit,
                k == 0 ? Double.POSITIVE_INFINITY : ranked.score(k - 1));
    }

    /** One point per whole group of equal scores, from contacting nobody to contacting everyone. */
    public List<ProfitPoint> points() {
        return points;
    }

    /** At most about {@code max} points, evenly spread by share, always with the first, the last and the best. */
    public List<ProfitPoint> points(int max) {
        if (points.size() <= max) {
            return points;
        }
        List<ProfitPoint> out = new ArrayList<>();
        double step = 1.0 / Math.max(1, max - 1);
        double next = 0;
        for (ProfitPoint p : points) {
            if (p.share() >= next || p == best || p == points.get(points.size() - 1)) {
                out.add(p);
                while (next <= p.share()) {
                    next += step;
                }
            }
        }
        return out;
    }

    /** The best cut-off. */
    public ProfitPoint best() {
        return best;
    }

    /** Contacting about {@code share} of the customers: snapped to the end of the group of equal scores there. */
    public ProfitPoint atShare(double share) {
        int n = ranked.size();
        int k = (int) Math.round(Math.max(0, Math.min(1, share)) * n);
        return point(k == 0 ? 0 : ranked.groupEnd(k - 1));
    }

    /** Contacting the customers scoring at or above {@code threshold}: the same point as the threshold slider. */
    public ProfitPoint atThreshold(double threshold) {
        return point(ranked.countAtOrAbove(threshold));
    }

    public double costPerContact() {
        return cost;
    }

    public double valuePerConversion() {
        return value;
    }

    /** The number of customers the figures are counted for. */
    public long population() {
        return population;
    }

    public RankedPredictions ranked() {
        return ranked;
    }
}
