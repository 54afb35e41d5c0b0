package org.marketingworkbench.core.i18n;

/**
 * A failure the user can do something about: it carries a message for people (localised where it is
 * shown) and, behind it, the technical cause for the "Details" expander or {@code --debug}.
 */
public class WorkbenchException extends Exception {

    private final UserMessage userMessage;

    public WorkbenchException(UserMessage userMessage) {
        this(userMessage, null);
    }

    public WorkbenchException(UserMessage userMessage, Throwable cause) {
        super(userMessage.toString(), cause);
        this.userMessage = userMessage;
    }

    public UserMessage userMessage() {
        return userMessage;
    }
}
