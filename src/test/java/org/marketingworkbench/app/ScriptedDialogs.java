package org.marketingworkbench.app;

import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.QueuedFileDialogs;

/** Real alerts (so tests click their buttons) but queued answers for the native file choosers. */
final class ScriptedDialogs extends QueuedFileDialogs {

    private final DialogService real;
    UserMessage lastError;

    ScriptedDialogs(DialogService real) {
        this.real = real;
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String projectName) {
        return real.askUnsavedChanges(projectName);
    }

    @Override
    public ImportChoice askImportIntoProject(String fileName, int recipeSteps) {
        return real.askImportIntoProject(fileName, recipeSteps);
    }

    @Override
    public boolean confirm(UserMessage title, UserMessage question) {
        return real.confirm(title, question);
    }

    @Override
    public void showError(UserMessage title, UserMessage message, Throwable details) {
        lastError = message;
    }
}
