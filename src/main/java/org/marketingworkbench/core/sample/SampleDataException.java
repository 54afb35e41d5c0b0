package org.marketingworkbench.core.sample;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;

/** The sample data could not be written (the folder is a file, read-only, the disk is full...). */
public class SampleDataException extends WorkbenchException {

    public SampleDataException(UserMessage message, Throwable cause) {
        super(message, cause);
    }
}
