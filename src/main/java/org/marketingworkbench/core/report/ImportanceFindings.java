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
        UserMessage rows = rowsMessage(testRows.length, table.rowCount());
        try {
            return new ImportanceFindings(PermutationImportance.of(model, heldOut, REPEATS, SEED, progress), rows, null);
        } catch (EvaluateException e) {
            return new ImportanceFindings(null, rows, e.userMessage());
        }
    }

    /** A measurement made elsewhere (the Why pane), with the same words for the customers it used. */
    public static ImportanceFindings of(PermutationImportance.Result result, int testRows, int tableRows) {
        return new ImportanceFindings(result, rowsMessage(testRows, tableRows), null);
    }

    private static UserMessage rowsMessage(int testRows, int tableRows) {
        return testRows > 0 ? UserMessage.of("why.importance.onTest", testRows)
                : UserMessage.of("why.importance.onTraining", tableRows);
    }
}
