package org.marketingworkbench.ui.common;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.project.Project;

/**
 * The open project and the data loaded for it, shared by the shell and the step view-models. It is
 * created by the composition root and injected; nothing here is global.
 */
public final class WorkbenchSession {

    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(Project.untitled());
    private final ReadOnlyObjectWrapper<Path> projectFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ObjectProperty<Dataset> importedData = new SimpleObjectProperty<>();
    private final ObjectProperty<Dataset> cleanedData = new SimpleObjectProperty<>();
    private final ObjectProperty<Dataset> segmentedData = new SimpleObjectProperty<>();
    private final ObjectProperty<org.marketingworkbench.core.train.TrainingResult> trainingResult = new SimpleObjectProperty<>();
    private final ObjectProperty<org.marketingworkbench.core.train.TrainedModel> trainedModel = new SimpleObjectProperty<>();
    private boolean importedDataRestored;

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    public Project project() {
        return project.get();
    }

    public ReadOnlyObjectProperty<Path> projectFileProperty() {
        return projectFile.getReadOnlyProperty();
    }

    public Path projectFile() {
        return projectFile.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** The typed table the import step produced for this project, or null before import. */
    public ObjectProperty<Dataset> importedDataProperty() {
        return importedData;
    }

    /**
     * Sets the imported table; {@code restored} when it is the unchanged data of a project just opened, so
     * that the steps which re-run on it keep the project unchanged ({@link #restore}).
     */
    public void setImportedData(Dataset data, boolean restored) {
        importedDataRestored = restored;
        importedData.set(data);
    }

    /** Whether the imported table is the unchanged data of the project as it was opened. */
    public boolean importedDataIsRestored() {
        return importedDataRestored;
    }

    /** The table after the cleaning recipe, which later steps work on; null before cleaning. */
    public ObjectProperty<Dataset> cleanedDataProperty() {
        return cleanedData;
    }

    /**
     * The cleaned table plus the segment column the Segment step added, or null while the project has no
     * segments; the Train step can use the segment as a feature.
     */
    public ObjectProperty<Dataset> segmentedDataProperty() {
        return segmentedData;
    }

    /** The last training run (leaderboard and held-out predictions), or null: what Evaluate shows. */
    public ObjectProperty<org.marketingworkbench.core.train.TrainingResult> trainingResultProperty() {
        return trainingResult;
    }

    /** The model the user picked, trained on every row outside the test part, or null. */
    public ObjectProperty<org.marketingworkbench.core.train.TrainedModel> trainedModelProperty() {
        return trainedModel;
    }

    /** A change made by the user: the project now differs from its file (unless nothing differs). */
    public void update(Project changed) {
        if (changed.equals(project.get())) {
            return; // re-reading the same data with the same settings is not a change to save
        }
        project.set(changed);
        dirty.set(true);
    }

    /**
     * A result worked out again from what the project file already holds (its data read again, its recipe
     * re-run on the same data): not a change the user made, so the unsaved state stays as it was.
     */
    public void restore(Project recomputed) {
        project.set(recomputed);
    }

    /** A project freshly opened from {@code file}: nothing unsaved, no data read yet. */
    public void replace(Project opened, Path file) {
        importedData.set(null);
        cleanedData.set(null);
        segmentedData.set(null);
        trainingResult.set(null);
        trainedModel.set(null);
        project.set(opened);
        projectFile.set(file);
        dirty.set(false);
    }

    /** The project was saved as {@code saved} to {@code file}: the data and every screen's work stay. */
    public void markSaved(Project saved, Path file) {
        project.set(saved);
        projectFile.set(file);
        dirty.set(false);
    }
}
