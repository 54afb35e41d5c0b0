package org.marketingworkbench.core.evaluate;

import org.marketingworkbench.core.i18n.UserMessage;

/** A group whose {@code metric} differs from the figure over all held-out customers by more than the limit. */
public record FairnessFlag(String group, EvaluationMetric metric, double groupValue, double overallValue,
                           UserMessage reason) {
}
