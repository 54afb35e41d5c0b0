package org.marketingworkbench.core.adapter.weka;

import weka.classifiers.Classifier;
import weka.classifiers.trees.RandomForest;
import weka.core.Instance;

/**
 * Weka's {@link RandomForest} with its trees readable, so that the error of the first n trees can be drawn
 * against n after training (the trees are in the protected {@code m_Classifiers} of its superclass). Trains
 * and predicts exactly as {@code RandomForest}.
 */
public class InspectableRandomForest extends RandomForest {

    private static final long serialVersionUID = 1L;

    /** Trees built (0 before training). */
    public int treeCount() {
        return m_Classifiers == null ? 0 : m_Classifiers.length;
    }

    /**
     * Tree {@code i}'s class distribution (or, for a number target, its prediction in element 0) for
     * {@code instance}; the forest predicts the average of these over all trees.
     */
    public double[] treeDistribution(int i, Instance instance) throws Exception {
        Classifier tree = m_Classifiers[i];
        return tree.distributionForInstance(instance);
    }
}
