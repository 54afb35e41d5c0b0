package org.marketingworkbench.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.TaskRunner;

/**
 * Runs jobs one at a time on a background thread and reports them on the FX thread. Progress updates
 * are coalesced: however often the work reports, the FX thread sees at most one pending update.
 * Cancel sets the job's flag; the work stops at its next check (never {@code Thread.stop}).
 */
public final class FxTaskRunner extends TaskRunner.Base {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-job");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void submit(Job<T> job) {
        Progress progress = Progress.to(new CoalescingSink());
        submitted(job.title(), progress);
        worker.execute(() -> {
            Platform.runLater(() -> started(job.title()));
            try {
                T result = job.work().run(progress);
                Platform.runLater(() -> {
                    ended(progress);
                    if (progress.isCancelled()) {
                        job.cancelled();
                    } else {
                        job.succeeded(result);
                    }
                });
            } catch (CancelledException e) {
                Platform.runLater(() -> {
                    ended(progress);
                    job.cancelled();
                });
            } catch (Throwable e) {
                // every failure ends the job, or the status bar would show it running forever
                Platform.runLater(() -> {
                    ended(progress);
                    job.failed(e);
                });
            }
        });
    }

    @Override
    public void post(Runnable update) {
        Platform.runLater(update);
    }

    /** Stops accepting work; waits briefly for the running job to notice its cancel flag. */
    public void shutdown() {
        monitor().cancel();
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class CoalescingSink implements Progress.Sink {
        private final AtomicReference<double[]> fraction = new AtomicReference<>();
        private final AtomicReference<UserMessage> message = new AtomicReference<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        @Override
        public void update(double f, UserMessage m) {
            fraction.set(new double[] {f});
            if (m != null) {
                message.set(m);
            }
            if (scheduled.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    scheduled.set(false);
                    double[] latest = fraction.get();
                    if (monitor().isRunning() && latest != null) {
                        updated(latest[0], message.getAndSet(null));
                    }
                });
            }
        }
    }
}
