package org.marketingworkbench.core.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.Metrics;
import org.marketingworkbench.core.train.TrainedModel;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Permutation importance on held-out customers: for each feature and repeat, the feature's values are
 * shuffled among the customers (breaking its link with the outcome, keeping its distribution) and the model
 * scored again; the importance is the fall of the figure, averaged over repeats, with its spread. The figure is
 * the AUC for two classes, the accuracy for several, and the RMSE for a number target (the importance is then
 * the rise of the error). The data given is copied, never changed.
 *
 * <p>Costs features × repeats × customers predictions: run it in the background; it reports progress and
 * checks for cancel between repeats and every {@value #CANCEL_EVERY} predictions.
 */
public final class PermutationImportance {

    static final int CANCEL_EVERY = 2048;

    /** The figure importance is measured on, its value before shuffling, and the features, most important first. */
    public record Result(EvaluationMetric metric, double baseline, int customers, int repeats,
                         List<FeatureImportance> features) {

        public Result {
            features = List.copyOf(features);
        }
    }

    private PermutationImportance() {
    }

    /**
     * On the model's terms: {@code heldOut} (imported rows with their outcome, before cleaning) is put through the
     * model's recipe first. Use rows the model was not trained on (the test part) where there are any.
     */
    public static Result of(TrainedModel model, Dataset heldOut, int repeats, long seed, Progress progress)
            throws EvaluateException {
        Instances data = ModelInput.instances(model, heldOut);
        return of(model.classifier(), data, ModelInput.positiveIndex(model), repeats, seed, progress);
    }

    /**
     * @param heldOut       Weka data with the class set; rows with a missing class are left out
     * @param positiveIndex the positive class for two classes (the AUC), -1 otherwise
     * @throws EvaluateException INVALID_SETTING for repeats below 1, NO_PREDICTIONS with no row, ONE_CLASS_ONLY
     *         for two classes of which one is absent, MODEL_FAILED when the model fails
     * @throws CancelledException when cancelled
     */
    public static Result of(Classifier classifier, Instances heldOut, int positiveIndex, int repeats, long seed,
                            Progress progress) throws EvaluateException {
        if (repeats < 1) {
            throw new EvaluateException(EvaluateException.Reason.INVALID_SETTING,
                    UserMessage.of("evaluate.error.repeats", repeats));
        }
        Instances data = new Instances(heldOut);
        data.deleteWithMissingClass();
        if (data.numInstances() == 0) {
            throw new EvaluateException(EvaluateException.Reason.NO_PREDICTIONS,
                    UserMessage.of("evaluate.error.noPredictions"));
        }
        EvaluationMetric metric = data.classAttribute().isNumeric() ? EvaluationMetric.RMSE
                : positiveIndex >= 0 && data.numClasses() == 2 ? EvaluationMetric.AUC : EvaluationMetric.ACCURACY;
        if (metric == EvaluationMetric.AUC) {
            int[] counts = data.attributeStats(data.classIndex()).nominalCounts;
            if (counts[0] == 0 || counts[1] == 0) {
                throw new EvaluateException(EvaluateException.Reason.ONE_CLASS_ONLY, UserMessage.of(
                        "evaluate.error.oneClassOnly", data.classAttribute().value(counts[positiveIndex] == 0
                                ? positiveIndex : 1 - positiveIndex), data.numInstances()));
            }
        }
        int n = data.numInstances();
        List<Integer> features = new ArrayList<>();
        for (int a = 0; a < data.numAttributes(); a++) {
            if (a != data.classIndex()) {
                features.add(a);
            }
        }
        int total = features.size() * repeats + 1;
        progress.report(0, UserMessage.of("evaluate.progress.importance", 0, features.size()));
        double baseline = figure(classifier, data, metric, positiveIndex, progress);
        List<FeatureImportance> out = new ArrayList<>();
        int done = 1;
        for (int f = 0; f < features.size(); f++) {
            int a = features.get(f);
            double[] original = data.attributeToDoubleArray(a);
            double[] drops = new double[repeats];
            for (int rep = 0; rep < repeats; rep++) {
                progress.throwIfCancelled();
                Random rnd = new Random(seed * 1_000_003L + a * 7919L + rep);
                double[] shuffled = original.clone();
                for (int i = n - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    double t = shuffled[i];
                    shuffled[i] = shuffled[j];
                    shuffled[j] = t;
                }
                set(data, a, shuffled);
                double permuted = figure(classifier, data, metric, positiveIndex, progress);
                drops[rep] = metric == EvaluationMetric.RMSE ? permuted - baseline : baseline - permuted;
                progress.report((double) ++done / total,
                        UserMessage.of("evaluate.progress.importance", f + 1, features.size()));
            }
            set(data, a, original);
            double mean = 0;
            for (double d : drops) {
                mean += d / repeats;
            }
            double ss = 0;
            for (double d : drops) {
                ss += (d - mean) * (d - mean);
            }
            out.add(new FeatureImportance(data.attribute(a).name(), mean,
                    repeats < 2 ? 0 : Math.sqrt(ss / (repeats - 1)), drops));
        }
        out.sort(Comparator.comparingDouble(FeatureImportance::meanDrop).reversed()
                .thenComparing(FeatureImportance::feature));
        progress.report(1);
        return new Result(metric, baseline, n, repeats, out);
    }

    private static void set(Instances data, int attribute, double[] values) {
        for (int i = 0; i < values.length; i++) {
            data.instance(i).setValue(attribute, values[i]);
        }
    }

    private static double figure(Classifier c, Instances data, EvaluationMetric metric, int positiveIndex,
                                 Progress progress) throws EvaluateException {
        int n = data.numInstances();
        double[] score = new double[n];
        boolean[] positive = new boolean[n];
        double sum = 0;
        try {
            for (int i = 0; i < n; i++) {
                if (i % CANCEL_EVERY == 0) {
                    progress.throwIfCancelled();
                }
                double[] d = c.distributionForInstance(data.instance(i));
                double y = data.instance(i).classValue();
                switch (metric) {
                    case AUC -> {
                        score[i] = d[positiveIndex];
                        positive[i] = (int) y == positiveIndex;
                    }
                    case RMSE -> sum += (d[0] - y) * (d[0] - y);
                    default -> sum += Utils.maxIndex(d) == (int) y ? 1 : 0;
                }
            }
        } catch (CancelledException e) {
            throw e;
        } catch (Exception e) {
            throw new EvaluateException(EvaluateException.Reason.MODEL_FAILED,
                    UserMessage.of("evaluate.error.model", String.valueOf(e.getMessage())), e);
        }
        return switch (metric) {
            case AUC -> Metrics.auc(score, positive);
            case RMSE -> Math.sqrt(sum / n);
            default -> sum / n;
        };
    }
}
