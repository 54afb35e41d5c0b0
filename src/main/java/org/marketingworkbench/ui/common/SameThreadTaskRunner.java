package org.marketingworkbench.ui.common;

import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;

/** Runs each job at once on the calling thread: for view-model tests and the command line. */
public final class SameThreadTaskRunner extends TaskRunner.Base {

    @Override
    public <T> void submit(Job<T> job) {
        Progress progress = Progress.to(this::updated);
        started(job.title(), progress);
        T result;
        try {
            result = job.work().run(progress);
        } catch (CancelledException e) {
            finished();
            job.cancelled();
            return;
        } catch (Exception | OutOfMemoryError e) {
            finished();
            job.failed(e);
            return;
        }
        finished();
        if (progress.isCancelled()) {
            job.cancelled();
        } else {
            job.succeeded(result);
        }
    }
}
