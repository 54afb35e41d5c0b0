package org.marketingworkbench.core.pipeline;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Progress of one piece of long work, and the way to cancel it.
 *
 * <p>A long step is a plain method {@code run(input, progress)}: it reports fractions in [0, 1] of
 * its own range, calls {@link #throwIfCancelled()} between units of work, and gives sub-work a
 * {@link #slice(double, double)} of its range. Whoever started the work owns the {@link Sink} and
 * the cancel flag.
 */
public final class Progress {

    /** Receives overall progress in [0, 1] and an optional message (null keeps the last one). */
    @FunctionalInterface
    public interface Sink {
        void update(double fraction, UserMessage message);
    }

    private static final Sink DISCARD = (f, m) -> { };

    private final Sink sink;
    private final AtomicBoolean cancelled;
    private final double start;
    private final double width;

    private Progress(Sink sink, AtomicBoolean cancelled, double start, double width) {
        this.sink = sink;
        this.cancelled = cancelled;
        this.start = start;
        this.width = width;
    }

    /** Progress that goes nowhere and is never cancelled: for tests and the command line. */
    public static Progress none() {
        return new Progress(DISCARD, new AtomicBoolean(), 0, 1);
    }

    public static Progress to(Sink sink) {
        return new Progress(Objects.requireNonNull(sink), new AtomicBoolean(), 0, 1);
    }

    /** Reports a fraction of this progress's own range. */
    public void report(double fraction) {
        sink.update(toOverall(fraction), null);
    }

    public void report(double fraction, UserMessage message) {
        sink.update(toOverall(fraction), message);
    }

    /** A progress covering [from, to] of this one's range, sharing its cancel flag. */
    public Progress slice(double from, double to) {
        if (from < 0 || to > 1 || from > to) {
            throw new IllegalArgumentException("slice must lie within [0, 1]: " + from + ".." + to);
        }
        return new Progress(sink, cancelled, start + from * width, (to - from) * width);
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }

    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    private double toOverall(double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        return start + f * width;
    }
}
