package org.marketingworkbench.core.train;

import java.util.List;
import java.util.Optional;

/**
 * The target column as the Train step sees it.
 *
 * @param column            the target column
 * @param task              two classes, several, or a number
 * @param classes           the class labels in a fixed order (sorted), empty for a number target
 * @param classCounts       rows per class, in the order of {@code classes} (empty for a number)
 * @param suggestedPositive for two classes: the label that most likely means "yes, bought, churned"
 */
public record TargetInfo(String column, Task task, List<String> classes, int[] classCounts,
                         Optional<String> suggestedPositive) {

    public TargetInfo {
        classes = List.copyOf(classes);
        classCounts = classCounts.clone();
    }

    @Override
    public int[] classCounts() {
        return classCounts.clone();
    }

    /** Rows of the given class, 0 for a label the target does not have. */
    public int count(String label) {
        int i = classes.indexOf(label);
        return i < 0 ? 0 : classCounts[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetInfo t && column.equals(t.column) && task == t.task && classes.equals(t.classes)
                && java.util.Arrays.equals(classCounts, t.classCounts) && suggestedPositive.equals(t.suggestedPositive);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(column, task, classes, java.util.Arrays.hashCode(classCounts), suggestedPositive);
    }
}
