package org.marketingworkbench.ui.common;

import javafx.beans.value.ObservableValue;
import org.marketingworkbench.core.pipeline.Stage;

/** What the shell needs of every step's view-model. */
public interface StepViewModel {

    Stage stage();

    /** The Explain panel's content for this step, updated as the step learns about the data. */
    ObservableValue<Explanation> explanation();
}
