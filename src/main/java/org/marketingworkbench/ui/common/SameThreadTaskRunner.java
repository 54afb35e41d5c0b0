package org.marketingworkbench.ui.common;

import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;

/** Runs each job at once on the calling thread: for view-model tests and the command line. */
public final class SameThreadTaskRunner extends TaskRunner.Base {

    @Override
    public <T> void submit(Job<T> job) {
        Progress progress = Progress.to(this::updated);
        submitted(job.title(), progress);
        T result;
        try {
            result = job.work().run(progress);
        } catch (CancelledException e) {
            ended(progress);
            job.cancelled();
            return;
        } catch (Exception | OutOfMemoryError e) {
            ended(progress);
            job.failed(e);
            return;
        }
        ended(progress);
        if (progress.isCancelled()) {
            job.cancelled();
        } else {
            job.succeeded(result);
        }
    }
}
