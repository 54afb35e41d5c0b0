package org.marketingworkbench.core.segment;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * Runs a Weka model build that has no place to check for cancel (EM, HierarchicalClusterer) on a worker
 * thread, and waits for it while watching the cancel flag. On cancel the caller gets
 * {@link CancelledException} at once; the worker is interrupted and left to finish on its own (it is a
 * daemon thread, and its result is dropped). Weka is never stopped with {@code Thread.stop}: the row limits
 * of {@link Algorithm} keep that leftover work to seconds.
 */
final class WekaJob {

    private WekaJob() {
    }

    static <T> T run(String name, Callable<T> work, Progress progress) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "mwb-" + name);
        t.setDaemon(true);
        t.start();
        while (true) {
            if (progress.isCancelled()) {
                task.cancel(true);
                throw new CancelledException();
            }
            try {
                return task.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still running: check for cancel again
            } catch (InterruptedException e) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception ex) {
                    throw ex;
                }
                throw e;
            }
        }
    }
}
