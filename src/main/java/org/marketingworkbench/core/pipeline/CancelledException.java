package org.marketingworkbench.core.pipeline;

/** Thrown by {@link Progress#throwIfCancelled()} when the user cancelled the running work. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled by the user", null, false, false);
    }
}
