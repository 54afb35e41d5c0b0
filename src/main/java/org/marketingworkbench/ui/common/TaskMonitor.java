package org.marketingworkbench.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * The state of the running background job, as the status bar shows it: title, progress, message,
 * and the way to cancel. Updated only on the UI thread by a {@link TaskRunner}.
 */
public final class TaskMonitor {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UserMessage> title = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> message = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final java.util.List<Progress> active = new java.util.ArrayList<>();

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyObjectProperty<UserMessage> titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Overall progress in [0, 1], or -1 while nothing has been reported yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Asks the running job, and any waiting behind it, to stop at their next check. */
    public void cancel() {
        new java.util.ArrayList<>(active).forEach(Progress::cancel);
    }

    /** A job was handed to the runner: from now until it ends, the monitor counts as running. */
    void submitted(UserMessage jobTitle, Progress jobProgress) {
        active.add(jobProgress);
        if (!running.get()) {
            started(jobTitle);
        }
        running.set(true);
    }

    /** The job began its work: the status bar shows its title. */
    void started(UserMessage jobTitle) {
        title.set(jobTitle);
        message.set(null);
        progress.set(-1);
    }

    void update(double fraction, UserMessage newMessage) {
        progress.set(fraction);
        if (newMessage != null) {
            message.set(newMessage);
        }
    }

    void ended(Progress jobProgress) {
        active.remove(jobProgress);
        if (active.isEmpty()) {
            running.set(false);
            title.set(null);
            message.set(null);
            progress.set(0);
        }
    }
}
