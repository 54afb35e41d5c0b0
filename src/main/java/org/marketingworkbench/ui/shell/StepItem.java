package org.marketingworkbench.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.pipeline.StageStatus;

/** One entry of the step rail: a stage, where it stands, and whether it is the one shown. */
public final class StepItem {

    private final Stage stage;
    private final ReadOnlyObjectWrapper<StageStatus> status = new ReadOnlyObjectWrapper<>(StageStatus.NEEDS_EARLIER_STEP);
    private final ReadOnlyBooleanWrapper selected = new ReadOnlyBooleanWrapper(false);

    StepItem(Stage stage) {
        this.stage = stage;
    }

    public Stage stage() {
        return stage;
    }

    public ReadOnlyObjectProperty<StageStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StageStatus status() {
        return status.get();
    }

    public ReadOnlyBooleanProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    void setStatus(StageStatus s) {
        status.set(s);
    }

    void setSelected(boolean s) {
        selected.set(s);
    }
}
