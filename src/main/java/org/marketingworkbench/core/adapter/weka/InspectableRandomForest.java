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
     * The same forest as a plain Weka {@link RandomForest} (every field of {@code RandomForest} and its superclasses
     * copied, the trees shared), for a model file that Weka opens without the workbench's classes.
     */
    public RandomForest toRandomForest() {
        RandomForest plain = new RandomForest();
        for (Class<?> c = RandomForest.class; c != null && c != Object.class; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    f.set(plain, f.get(this));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot copy the forest's field " + f.getName(), e);
                }
            }
        }
        return plain;
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
