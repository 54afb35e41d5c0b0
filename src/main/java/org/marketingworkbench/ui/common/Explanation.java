package org.marketingworkbench.ui.common;

import java.util.List;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * What the Explain panel shows for a step: what it does and why, in paragraphs; later steps add the
 * math on the user's own data as messages with the real figures as arguments.
 */
public record Explanation(UserMessage title, List<UserMessage> paragraphs) {
    public Explanation {
        paragraphs = List.copyOf(paragraphs);
    }
}
