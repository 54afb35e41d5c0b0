package org.marketingworkbench.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.ui.common.DialogService;

/**
 * Real alerts (so tests click their buttons) but scripted file choosers, which are native windows a
 * headless test cannot drive.
 */
final class ScriptedDialogs implements DialogService {

    private final DialogService real;
    final Deque<Path> files = new ArrayDeque<>();
    UserMessage lastError;

    ScriptedDialogs(DialogService real) {
        this.real = real;
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String projectName) {
        return real.askUnsavedChanges(projectName);
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseProjectSaveLocation(String suggestedName) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseDataFile() {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> locateMissingDataFile(Path expected) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseExportFile(UserMessage title, String suggestedName, String extension) {
        return Optional.ofNullable(files.poll());
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
