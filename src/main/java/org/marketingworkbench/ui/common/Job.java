package org.marketingworkbench.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Background work with what to do when it ends. Callbacks run on the UI thread (or the test's
 * thread with {@link SameThreadTaskRunner}); exactly one of them runs.
 */
public final class Job<T> {

    private final UserMessage title;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<? super Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };

    private Job(UserMessage title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> Job<T> of(UserMessage title, Work<T> work) {
        return new Job<>(title, work);
    }

    public Job<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public Job<T> onFailure(Consumer<? super Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public Job<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    public UserMessage title() {
        return title;
    }

    public Work<T> work() {
        return work;
    }

    public void succeeded(T result) {
        onSuccess.accept(result);
    }

    public void failed(Throwable error) {
        onFailure.accept(error);
    }

    public void cancelled() {
        onCancelled.run();
    }
}
