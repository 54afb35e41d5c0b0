package org.marketingworkbench.core.train;

import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * The Train step: compares learners by cross-validation (or on a validation part) with the cleaning recipe
 * fitted inside each fold on the training part only, and trains the chosen one on all non-test rows.
 */
public final class TrainStep {

    /**
     * Trains and validates every learner of {@code settings}.
     *
     * @param data   the imported table (before cleaning)
     * @param recipe the Clean step's recipe, fitted anew on each training part
     * @throws TrainException settings that do not fit the data, a learner failing or running out of memory
     * @throws org.marketingworkbench.core.pipeline.CancelledException when cancelled (nothing is changed)
     */
    public TrainingResult run(Dataset data, Recipe recipe, TrainingSettings settings, TrainingListener listener,
                              Progress progress) throws TrainException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Trains {@code learnerId} with the recipe fitted on all rows that are not in the test part. */
    public TrainedModel fitFinal(Dataset data, Recipe recipe, TrainingSettings settings, String learnerId,
                                 Progress progress) throws TrainException {
        throw new UnsupportedOperationException("not yet");
    }
}
