package org.marketingworkbench.core.train;

import org.marketingworkbench.core.clean.FittedRecipe;
import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * A learner trained on all non-test rows, ready for Evaluate and (later) Deploy: the Weka classifier, the
 * cleaning recipe fitted on the same rows, and the empty Weka header the classifier was trained with.
 */
public record TrainedModel(TrainingSettings settings, TargetInfo target, String learnerId, Classifier classifier,
                           FittedRecipe recipe, Instances header) {
}
