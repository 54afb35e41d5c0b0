package org.marketingworkbench.ui.common;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/** What a failed job says to the user: the core's own words when it has them, never a stack trace. */
public final class ErrorMessages {

    private ErrorMessages() {
    }

    /**
     * @param unexpectedKey the step's message for a failure the core did not describe; one argument, the cause
     * @param memoryKey     the step's message for running out of memory (what to do instead)
     */
    public static UserMessage of(Throwable e, String unexpectedKey, String memoryKey) {
        if (e instanceof WorkbenchException we) {
            return we.userMessage();
        }
        if (e instanceof OutOfMemoryError) {
            return UserMessage.of(memoryKey);
        }
        return UserMessage.of(unexpectedKey, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
