package org.marketingworkbench.ui.common;

import java.nio.file.Path;
import java.util.Optional;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * The questions a view-model asks the user. The window shows real dialogs; tests answer them.
 */
public interface DialogService {

    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    UnsavedChoice askUnsavedChanges(String projectName);

    /** What to do with another data file when the project already has data. */
    enum ImportChoice { INTO_THIS_PROJECT, NEW_PROJECT, CANCEL }

    /**
     * The project already has data (and maybe a cleaning recipe of {@code recipeSteps} steps): use
     * {@code fileName} in this project, replaying the recipe on it, or start a new project with it?
     */
    ImportChoice askImportIntoProject(String fileName, int recipeSteps);

    Optional<Path> chooseProjectToOpen();

    Optional<Path> chooseProjectSaveLocation(String suggestedName);

    Optional<Path> chooseDataFile();

    /** A saved model to score with ({@code .mwbmodel}). */
    Optional<Path> chooseModelFile();

    /** The project's data file is missing: where is it now? */
    Optional<Path> locateMissingDataFile(Path expected);

    /** Where to save an export (a chart, a recipe); {@code extension} without the dot. */
    Optional<Path> chooseExportFile(UserMessage title, String suggestedName, String extension);

    /** A PNG to write and how many pixels per screen pixel it should have. */
    record ImageFile(Path path, double scale) {
    }

    /** Where to save a chart as PNG, and at which resolution (screen size, for slides, for print). */
    Optional<ImageFile> chooseImageFile(UserMessage title, String suggestedName);

    boolean confirm(UserMessage title, UserMessage question);

    void showError(UserMessage title, UserMessage message, Throwable details);
}
