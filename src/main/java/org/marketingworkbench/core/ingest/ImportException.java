package org.marketingworkbench.core.ingest;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/** Every failure of the import step: the message says what is wrong with the file and what to do. */
public class ImportException extends WorkbenchException {

    public ImportException(UserMessage userMessage) {
        super(userMessage);
    }

    public ImportException(UserMessage userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
