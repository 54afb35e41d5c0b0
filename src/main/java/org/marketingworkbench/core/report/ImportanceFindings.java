package org.marketingworkbench.core.report;

import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.evaluate.EvaluateException;
import org.marketingworkbench.core.evaluate.PermutationImportance;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.TrainedModel;

/**
 * Permutation importance of the chosen model, with which customers it was measured on; or why it could not be
 * measured.
 *
 * @param result  the measurement, or null when it failed
 * @param rows    which customers it was measured on, in words (the test part, or the training rows)
 * @param problem why it could not be measured, or null
 */
public record ImportanceFindings(PermutationImportance.Result result, UserMessage rows, UserMessage problem) {

    /** As the Why pane measures by default: five shuffles per feature, seed 1. */
    public static final int REPEATS = 5;
    public static final long SEED = 1;

    /**
     * Measures importance as the Why pane does: on the test part kept aside when there is one, else on every row
     * (which the chosen model was trained on, and the words say so). A failure becomes the {@code problem}.
     *
     * @param table    the table the model was trained from (imported rows, with the segment when it was used)
     * @param testRows rows of {@code table} kept aside as the test part (empty when none)
     */
    public static ImportanceFindings measure(TrainedModel model, Dataset table, int[] testRows, Progress progress) {
        Dataset heldOut = testRows.length == 0 ? table : new Dataset(table.table().rows(testRows), table.columns());
        try {
            PermutationImportance.Result r = PermutationImportance.of(model, heldOut, REPEATS, SEED, progress);
            return of(r, testRows.length > 0);
        } catch (EvaluateException e) {
            return new ImportanceFindings(null, rowsMessage(testRows.length > 0, heldOut.rowCount()), e.userMessage());
        }
    }

    /**
     * A measurement made elsewhere (the Why pane), with the same words for the customers it used.
     *
     * @param onTestPart whether it was measured on the test part (else on the rows the model was trained on)
     */
    public static ImportanceFindings of(PermutationImportance.Result result, boolean onTestPart) {
        return new ImportanceFindings(result, rowsMessage(onTestPart, result.customers()), null);
    }

    /** The customers counted are those measured: rows the recipe removes (duplicates, say) are not scored. */
    private static UserMessage rowsMessage(boolean onTestPart, int customers) {
        return onTestPart ? UserMessage.of("why.importance.onTest", customers)
                : UserMessage.of("why.importance.onTraining", customers);
    }
}
