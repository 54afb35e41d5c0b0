package org.marketingworkbench.core.evaluate;

import java.util.OptionalDouble;

/**
 * What the Evaluate step keeps: the threshold from which a customer counts as "yes", and the cost of a contact
 * and the value of a conversion for the profit view, as the user typed them (a text that is not a number is kept,
 * so the screen shows it again; the profit view then says what to type).
 */
public record EvaluateSettings(double threshold, String cost, String value) {

    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final String DEFAULT_COST = "5";
    public static final String DEFAULT_VALUE = "50";

    public EvaluateSettings {
        cost = cost == null ? "" : cost;
        value = value == null ? "" : value;
    }

    public static EvaluateSettings defaults() {
        return new EvaluateSettings(DEFAULT_THRESHOLD, DEFAULT_COST, DEFAULT_VALUE);
    }

    /** The cost of a contact as a number ("5", "2,5" and "2.5" read), or empty when it is not one. */
    public OptionalDouble costAmount() {
        return amount(cost);
    }

    /** The value of a conversion as a number, or empty when it is not one. */
    public OptionalDouble valueAmount() {
        return amount(value);
    }

    /** A money figure as typed: spaces around it ignored, a decimal comma read as a point. */
    public static OptionalDouble amount(String typed) {
        if (typed == null || typed.isBlank()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(typed.strip().replace(',', '.')));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
