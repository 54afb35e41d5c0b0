package org.marketingworkbench.core.evaluate;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.Metrics;
import org.marketingworkbench.core.train.Predictions;

/**
 * The figures of a model that predicts a number.
 *
 * @param rmse root mean squared error, in the target's unit
 * @param mae  mean absolute error, in the target's unit
 * @param r2   1 − SSE / SST (NaN when every actual value is the same)
 */
public record NumberMetrics(int count, double rmse, double mae, double r2) {

    /** @throws EvaluateException NOT_A_NUMBER_TARGET for class predictions, NO_PREDICTIONS when empty */
    public static NumberMetrics of(Predictions p) throws EvaluateException {
        if (!p.classes().isEmpty()) {
            throw new EvaluateException(EvaluateException.Reason.NOT_A_NUMBER_TARGET,
                    UserMessage.of("evaluate.error.notANumberTarget"));
        }
        if (p.size() == 0) {
            throw new EvaluateException(EvaluateException.Reason.NO_PREDICTIONS,
                    UserMessage.of("evaluate.error.noPredictions"));
        }
        double[] a = p.actual();
        double[] f = p.predicted();
        double se = 0;
        double ae = 0;
        for (int i = 0; i < a.length; i++) {
            se += (a[i] - f[i]) * (a[i] - f[i]);
            ae += Math.abs(a[i] - f[i]);
        }
        return new NumberMetrics(a.length, Math.sqrt(se / a.length), ae / a.length, Metrics.rSquared(a, f));
    }

    public double value(EvaluationMetric metric) {
        return switch (metric) {
            case RMSE -> rmse;
            case MAE -> mae;
            case R2 -> r2;
            default -> Double.NaN;
        };
    }
}
