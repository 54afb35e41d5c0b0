package org.marketingworkbench.core.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.Task;
import tech.tablesaw.api.NumericColumn;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * Changes one feature of one customer and scores the customer again with the trained model (recipe included).
 * A value the model has not seen (a number outside the training range, a category it does not know) is
 * allowed, with a warning: the model's answer there is a guess.
 */
public final class WhatIf {

    /**
     * @param scoreBefore  P(positive) (or the predicted number) for the customer as given
     * @param scoreAfter   the same with {@code feature} set to {@code newValue}
     * @param warnings     why the new score may not be trusted
     */
    public record Result(String feature, String oldValue, String newValue, double scoreBefore, double scoreAfter,
                         double[] distributionBefore, double[] distributionAfter, List<UserMessage> warnings) {

        public Result {
            distributionBefore = distributionBefore.clone();
            distributionAfter = distributionAfter.clone();
            warnings = List.copyOf(warnings);
        }

        public double change() {
            return scoreAfter - scoreBefore;
        }
    }

    private WhatIf() {
    }

    /** Re-scores {@code row} with {@code feature} changed to {@code newValue}; no check against a training range. */
    public static Result rescore(TrainedModel model, Map<String, String> row, String feature, String newValue)
            throws EvaluateException {
        return rescore(model, null, row, feature, newValue);
    }

    /**
     * Re-scores, warning when {@code newValue} lies outside the range of {@code feature} in {@code training}.
     *
     * @param training the customers the model was trained on (imported, before cleaning); null: no range check
     * @throws EvaluateException UNKNOWN_COLUMN for a feature the model was not given, WRONG_TYPE for a value that
     *         is not of the feature's type, MODEL_FAILED when the recipe or the model fails
     */
    public static Result rescore(TrainedModel model, Dataset training, Map<String, String> row, String feature,
                                 String newValue) throws EvaluateException {
        SchemaColumn column = ModelInput.schema(model).stream().filter(c -> c.name().equals(feature)).findFirst()
                .orElseThrow(() -> new EvaluateException(EvaluateException.Reason.UNKNOWN_COLUMN,
                        UserMessage.of("evaluate.error.unknownFeature", feature)));
        if (!model.settings().features().contains(feature)) {
            throw new EvaluateException(EvaluateException.Reason.UNKNOWN_COLUMN,
                    UserMessage.of("evaluate.error.unknownFeature", feature));
        }
        List<UserMessage> warnings = new ArrayList<>();
        if (column.type() == ColumnType.NUMBER) {
            double v = ModelInput.number(feature, newValue);
            if (training != null && training.spec(feature).isPresent()
                    && training.table().column(feature) instanceof NumericColumn<?> num && !num.isEmpty()) {
                double min = num.min();
                double max = num.max();
                if (v < min || v > max) {
                    warnings.add(UserMessage.of("evaluate.whatIf.outsideRange", feature, v, min, max));
                }
            }
        }
        Map<String, String> changed = new HashMap<>(row);
        changed.put(feature, newValue);
        Instances before = ModelInput.instances(model, ModelInput.row(model, row));
        Instances after = ModelInput.instances(model, ModelInput.row(model, changed));
        Attribute a = after.attribute(feature);
        if (a != null && a.isNominal() && !newValue.isBlank() && a.indexOfValue(newValue.strip()) < 0) {
            warnings.add(UserMessage.of("evaluate.whatIf.unknownCategory", feature, newValue.strip()));
        }
        int pi = ModelInput.positiveIndex(model);
        boolean number = model.target().task() == Task.NUMBER;
        try {
            double[] d0 = model.classifier().distributionForInstance(before.instance(0));
            double[] d1 = model.classifier().distributionForInstance(after.instance(0));
            return new Result(feature, row.getOrDefault(feature, ""), newValue, ModelInput.score(d0, pi, number),
                    ModelInput.score(d1, pi, number), d0, d1, warnings);
        } catch (Exception e) {
            throw new EvaluateException(EvaluateException.Reason.MODEL_FAILED,
                    UserMessage.of("evaluate.error.model", String.valueOf(e.getMessage())), e);
        }
    }
}
