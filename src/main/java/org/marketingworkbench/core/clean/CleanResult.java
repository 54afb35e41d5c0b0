package org.marketingworkbench.core.clean;

import java.util.List;
import org.marketingworkbench.core.clean.step.StepEffect;
import org.marketingworkbench.core.data.Dataset;

/**
 * The cleaned table, what each enabled step did (in recipe order) and how the input differed from the
 * data the recipe was fitted on.
 */
public record CleanResult(Dataset dataset, List<StepEffect> effects, ReplayReport replay) {

    public CleanResult {
        effects = List.copyOf(effects);
    }
}
