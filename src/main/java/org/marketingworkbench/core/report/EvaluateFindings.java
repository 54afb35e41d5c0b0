package org.marketingworkbench.core.report;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.marketingworkbench.core.evaluate.Curves;
import org.marketingworkbench.core.evaluate.EvaluateException;
import org.marketingworkbench.core.evaluate.EvaluateSettings;
import org.marketingworkbench.core.evaluate.GainsPoint;
import org.marketingworkbench.core.evaluate.NumberMetrics;
import org.marketingworkbench.core.evaluate.ProfitCurve;
import org.marketingworkbench.core.evaluate.RankedPredictions;
import org.marketingworkbench.core.evaluate.RocCurve;
import org.marketingworkbench.core.evaluate.ThresholdMetrics;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.Predictions;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.core.train.Validation;

/**
 * What the Evaluate step shows for the chosen model, at the threshold, cost and value the project keeps: the
 * confusion matrix and figures, the ROC curve, gains and lift, the profit view and the features that matter. Every
 * figure comes from the held-out predictions of the Train step, worked out by core/evaluate as the screen does.
 *
 * @param customers     held-out customers the figures are counted on
 * @param ranked        the predictions ranked by score (two classes), else null
 * @param atThreshold   the figures at the threshold (two classes), else null
 * @param roc           the ROC curve (two classes), else null
 * @param gains         cumulative gains and lift by decile (two classes), else empty
 * @param profit        the profit view (two classes, cost and value numbers), else null
 * @param profitProblem why there is no profit view, when there is none for two classes
 * @param numbers       RMSE, MAE and R² for a number target, else null
 * @param problem       why the figures could not be worked out (several classes, one class held out), or null
 * @param importance    the features that matter to the model, or null when not measured
 */
public record EvaluateFindings(String learnerId, EvaluateSettings settings, Task task, boolean crossValidated,
                               int customers, RankedPredictions ranked, ThresholdMetrics atThreshold, RocCurve roc,
                               List<GainsPoint> gains, ProfitCurve profit, UserMessage profitProblem,
                               NumberMetrics numbers, UserMessage problem, ImportanceFindings importance) {

    public EvaluateFindings {
        Objects.requireNonNull(learnerId, "learnerId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(task, "task");
        gains = List.copyOf(gains);
    }

    /**
     * The figures of {@code learnerId}'s held-out predictions in {@code result}, at {@code settings}.
     *
     * @param importance measured with {@link ImportanceFindings#measure} or taken from the Why pane; null for none
     */
    public static EvaluateFindings of(TrainingResult result, String learnerId, EvaluateSettings settings,
                                      ImportanceFindings importance) {
        LearnerResult learner = result.leaderboard().stream().filter(l -> l.learnerId().equals(learnerId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no learner " + learnerId + " on the leaderboard"));
        Predictions p = learner.heldOut();
        Task task = result.target().task();
        boolean cv = result.settings().validation().kind() == Validation.Kind.CROSS_VALIDATION;
        if (task == Task.NUMBER) {
            try {
                return new EvaluateFindings(learnerId, settings, task, cv, p.size(), null, null, null, List.of(), null,
                        null, NumberMetrics.of(p), null, importance);
            } catch (EvaluateException e) {
                return failed(learnerId, settings, task, cv, p.size(), e.userMessage(), importance);
            }
        }
        if (task == Task.MULTICLASS) {
            return failed(learnerId, settings, task, cv, p.size(),
                    UserMessage.of("report.evaluate.severalClasses", result.target().classes().size()), importance);
        }
        RankedPredictions ranked;
        try {
            ranked = RankedPredictions.of(p);
        } catch (EvaluateException e) {
            return failed(learnerId, settings, task, cv, p.size(), e.userMessage(), importance);
        }
        ThresholdMetrics at = ranked.at(settings.threshold());
        RocCurve roc = Curves.roc(ranked);
        List<GainsPoint> gains = Curves.gains(ranked);
        ProfitCurve profit = null;
        UserMessage profitProblem = null;
        OptionalDouble cost = settings.costAmount();
        OptionalDouble value = settings.valueAmount();
        if (cost.isEmpty() || value.isEmpty()) {
            profitProblem = UserMessage.of("evaluate.ui.profit.notANumber");
        } else {
            try {
                profit = ProfitCurve.of(ranked, cost.getAsDouble(), value.getAsDouble(), ranked.size());
            } catch (EvaluateException e) {
                profitProblem = e.userMessage();
            }
        }
        return new EvaluateFindings(learnerId, settings, task, cv, ranked.size(), ranked, at, roc, gains, profit,
                profitProblem, null, null, importance);
    }

    private static EvaluateFindings failed(String learnerId, EvaluateSettings s, Task task, boolean cv, int customers,
                                           UserMessage problem, ImportanceFindings importance) {
        return new EvaluateFindings(learnerId, s, task, cv, customers, null, null, null, List.of(), null, null, null,
                problem, importance);
    }
}
