package org.marketingworkbench.ui.train;

import java.util.ArrayList;
import java.util.List;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.TargetInfo;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.core.train.Validation;
import tech.tablesaw.api.NumericColumn;

/**
 * The Train step's Explain panel with the user's own numbers: how the validation splits these customers,
 * the loss the learners minimise (cross-entropy or squared error) evaluated on this target, and the
 * activation functions of the neural network evaluated on a value from this data.
 */
final class TrainExplanations {

    private TrainExplanations() {
    }

    static List<UserMessage> of(TargetInfo info, String positive, Dataset data, TrainingSettings s,
                                List<TrainViewModel.FeatureItem> features) {
        List<UserMessage> out = new ArrayList<>();
        int n = data.rowCount();
        Validation v = s.validation();
        int test = (int) Math.round(n * v.testPercent() / 100.0);
        int rest = n - test;
        if (v.kind() == Validation.Kind.CROSS_VALIDATION) {
            int k = Math.max(2, v.folds());
            out.add(UserMessage.of("train.explain.cv", k, rest, rest / k, rest - rest / k, test, s.seed()));
        } else {
            int train = (int) Math.round(n * v.trainPercent() / 100.0);
            out.add(UserMessage.of("train.explain.split", train, n - train - test, test, s.seed()));
        }
        if (info.task() == Task.BINARY && positive != null) {
            int pi = info.classes().indexOf(positive);
            int total = 0;
            for (int c : info.classCounts()) {
                total += c;
            }
            if (pi >= 0 && total > 0) {
                double p = info.classCounts()[pi] / (double) total;
                double baseline = -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
                out.add(UserMessage.of("train.explain.stratified", positive, info.classCounts()[pi], p));
                out.add(UserMessage.of("train.explain.crossEntropy", p, baseline));
            }
        } else if (info.task() == Task.NUMBER && data.table().column(info.column()) instanceof NumericColumn<?> col) {
            double mean = col.mean();
            double variance = col.variance() * (col.size() - col.countMissing() - 1)
                    / Math.max(1, col.size() - col.countMissing());
            out.add(UserMessage.of("train.explain.squaredError", info.column(), mean, variance, Math.sqrt(variance)));
        } else if (info.task() == Task.MULTICLASS) {
            out.add(UserMessage.of("train.explain.multiclass", info.classes().size()));
        }
        features.stream().filter(TrainViewModel.FeatureItem::leakageSuspect).findFirst()
                .ifPresent(f -> out.add(f.reason()));
        activation(data, features).ifPresent(out::add);
        return out;
    }

    /** The activations on a value of this data: the first number feature's first value, standardised. */
    private static java.util.Optional<UserMessage> activation(Dataset data, List<TrainViewModel.FeatureItem> features) {
        for (TrainViewModel.FeatureItem f : features) {
            if (f.type() != ColumnType.NUMBER || !f.includedByDefault()
                    || !(data.table().column(f.name()) instanceof NumericColumn<?> col)) {
                continue;
            }
            double sd = col.standardDeviation();
            for (int i = 0; i < col.size(); i++) {
                if (!col.isMissing(i) && sd > 0) {
                    double x = col.getDouble(i);
                    double z = (x - col.mean()) / sd;
                    return java.util.Optional.of(UserMessage.of("train.explain.activations", f.name(), x, z,
                            1 / (1 + Math.exp(-z)), Math.tanh(z), Math.max(0, z)));
                }
            }
        }
        return java.util.Optional.empty();
    }
}
