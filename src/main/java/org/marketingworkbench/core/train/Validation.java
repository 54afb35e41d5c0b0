package org.marketingworkbench.core.train;

/**
 * How models are validated.
 *
 * <p>{@link Kind#CROSS_VALIDATION}: {@code testPercent} of the rows (stratified, may be 0 = none) are kept
 * aside for the Evaluate step; the rest is split into {@code folds} stratified folds.
 * {@link Kind#SPLIT}: a stratified split into training, validation and test parts by percentages that add up
 * to 100; models are trained on the training part and compared on the validation part.
 */
public record Validation(Kind kind, int folds, int trainPercent, int validationPercent, int testPercent) {

    public enum Kind { CROSS_VALIDATION, SPLIT }

    public static final int DEFAULT_FOLDS = 10;

    public static Validation crossValidation(int folds, int testPercent) {
        return new Validation(Kind.CROSS_VALIDATION, folds, 100 - testPercent, 0, testPercent);
    }

    public static Validation split(int train, int validation, int test) {
        return new Validation(Kind.SPLIT, 1, train, validation, test);
    }
}
