package org.marketingworkbench.ui.common;

/**
 * Runs work off the UI thread and reports it to a {@link TaskMonitor}. The app uses a JavaFX
 * implementation; view-model tests use {@link SameThreadTaskRunner} so they are deterministic.
 */
public interface TaskRunner {

    <T> void submit(Job<T> job);

    TaskMonitor monitor();

    /**
     * Runs a short update on the UI thread: partial results a running job reports (a learner's progress, a
     * point of a live curve). The default runs it at once, on the calling thread (tests, the command line).
     */
    default void post(Runnable update) {
        update.run();
    }

    /** Lets the implementations in other packages drive the monitor's package-private updates. */
    abstract class Base implements TaskRunner {
        private final TaskMonitor monitor = new TaskMonitor();

        @Override
        public TaskMonitor monitor() {
            return monitor;
        }

        protected void submitted(org.marketingworkbench.core.i18n.UserMessage title,
                                 org.marketingworkbench.core.pipeline.Progress progress) {
            monitor.submitted(title, progress);
        }

        protected void started(org.marketingworkbench.core.i18n.UserMessage title) {
            monitor.started(title);
        }

        protected void updated(double fraction, org.marketingworkbench.core.i18n.UserMessage message) {
            monitor.update(fraction, message);
        }

        protected void ended(org.marketingworkbench.core.pipeline.Progress progress) {
            monitor.ended(progress);
        }
    }
}
