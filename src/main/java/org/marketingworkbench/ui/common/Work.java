package org.marketingworkbench.ui.common;

import org.marketingworkbench.core.pipeline.Progress;

/** A piece of background work: a core step adapted to the {@link TaskRunner}. */
@FunctionalInterface
public interface Work<T> {
    T run(Progress progress) throws Exception;
}
