package org.marketingworkbench.ui.shell;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.ui.common.Explanation;
import org.marketingworkbench.ui.common.StepViewModel;

/** Explains a step that this version does not offer yet, so the Explain panel still teaches it. */
public final class UpcomingStepViewModel implements StepViewModel {

    private final Stage stage;
    private final ReadOnlyObjectWrapper<Explanation> explanation;

    public UpcomingStepViewModel(Stage stage) {
        this.stage = stage;
        this.explanation = new ReadOnlyObjectWrapper<>(new Explanation(UserMessage.of("stage." + stage.id()),
                List.of(UserMessage.of("upcoming." + stage.id()), UserMessage.of("upcoming.notYet"))));
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public ObservableValue<Explanation> explanation() {
        return explanation.getReadOnlyProperty();
    }
}
