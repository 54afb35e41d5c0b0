package org.marketingworkbench.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * For tests: every file chooser answers with the next path queued in {@link #files} (or "cancelled"
 * when none is left), since native choosers cannot be driven headless. Subclasses decide the rest.
 */
public abstract class QueuedFileDialogs implements DialogService {

    public final Deque<Path> files = new ArrayDeque<>();

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

    /** The resolution the next chart image is saved at. */
    public double imageScale = 2;

    @Override
    public Optional<ImageFile> chooseImageFile(UserMessage title, String suggestedName) {
        return Optional.ofNullable(files.poll()).map(p -> new ImageFile(p, imageScale));
    }

    @Override
    public Optional<Path> chooseModelFile() {
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
}
