package org.marketingworkbench.ui.common;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.marketingworkbench.core.i18n.UserMessage;

/** Real dialogs: JavaFX alerts and native file choosers, localised, owned by the main window. */
public final class FxDialogService implements DialogService {

    public static final String SAVE_BUTTON_ID = "unsaved-save";
    public static final String DISCARD_BUTTON_ID = "unsaved-discard";
    public static final String CANCEL_BUTTON_ID = "unsaved-cancel";
    public static final String IMPORT_INTO_BUTTON_ID = "import-into";
    public static final String IMPORT_NEW_BUTTON_ID = "import-new";

    private final Supplier<Window> owner;
    private final Localization l10n;
    private Path lastFolder;

    public FxDialogService(Supplier<Window> owner, Localization l10n) {
        this.owner = owner;
        this.l10n = l10n;
    }

    @Override
    public UnsavedChoice askUnsavedChanges(String projectName) {
        ButtonType save = new ButtonType(l10n.get("dialog.unsaved.save"), ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType(l10n.get("dialog.unsaved.discard"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(l10n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, l10n.get("dialog.unsaved.text", projectName),
                save, discard, cancel);
        alert.setTitle(l10n.get("dialog.unsaved.title"));
        alert.setHeaderText(l10n.get("dialog.unsaved.header"));
        alert.initOwner(owner.get());
        alert.getDialogPane().setId("unsaved-dialog");
        alert.getDialogPane().lookupButton(save).setId(SAVE_BUTTON_ID);
        alert.getDialogPane().lookupButton(discard).setId(DISCARD_BUTTON_ID);
        alert.getDialogPane().lookupButton(cancel).setId(CANCEL_BUTTON_ID);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == save ? UnsavedChoice.SAVE : answer == discard ? UnsavedChoice.DISCARD : UnsavedChoice.CANCEL;
    }

    @Override
    public ImportChoice askImportIntoProject(String fileName, int recipeSteps) {
        ButtonType into = new ButtonType(l10n.get(recipeSteps > 0 ? "dialog.importInto.replay" : "dialog.importInto.keep"),
                ButtonBar.ButtonData.YES);
        ButtonType fresh = new ButtonType(l10n.get("dialog.importInto.new"), ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType(l10n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, l10n.get(recipeSteps > 0
                ? "dialog.importInto.textRecipe" : "dialog.importInto.text", fileName, recipeSteps), into, fresh, cancel);
        alert.setTitle(l10n.get("dialog.importInto.title"));
        alert.setHeaderText(l10n.get("dialog.importInto.header", fileName));
        alert.initOwner(owner.get());
        alert.getDialogPane().setId("import-into-dialog");
        alert.getDialogPane().setMinWidth(520);
        alert.getDialogPane().lookupButton(into).setId(IMPORT_INTO_BUTTON_ID);
        alert.getDialogPane().lookupButton(fresh).setId(IMPORT_NEW_BUTTON_ID);
        alert.getDialogPane().lookupButton(cancel).setId(CANCEL_BUTTON_ID);
        ButtonType answer = alert.showAndWait().orElse(cancel);
        return answer == into ? ImportChoice.INTO_THIS_PROJECT : answer == fresh ? ImportChoice.NEW_PROJECT : ImportChoice.CANCEL;
    }

    @Override
    public Optional<Path> chooseProjectToOpen() {
        FileChooser chooser = chooser("dialog.openProject.title");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(l10n.get("dialog.filter.project"), "*.mwb"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseProjectSaveLocation(String suggestedName) {
        FileChooser chooser = chooser("dialog.saveProject.title");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(l10n.get("dialog.filter.project"), "*.mwb"));
        chooser.setInitialFileName(suggestedName + ".mwb");
        return remember(chooser.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseDataFile() {
        FileChooser chooser = chooser("dialog.openData.title");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(l10n.get("dialog.filter.data"),
                        "*.csv", "*.tsv", "*.txt", "*.gz", "*.xlsx", "*.xlsm", "*.xls", "*.arff"),
                new FileChooser.ExtensionFilter(l10n.get("dialog.filter.all"), "*.*"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseModelFile() {
        FileChooser chooser = chooser("dialog.openModel.title");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(l10n.get("dialog.filter.model"), "*.mwbmodel"),
                new FileChooser.ExtensionFilter(l10n.get("dialog.filter.all"), "*.*"));
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> locateMissingDataFile(Path expected) {
        Alert alert = new Alert(Alert.AlertType.WARNING, l10n.get("dialog.locate.text", expected),
                new ButtonType(l10n.get("dialog.locate.find"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(l10n.get("dialog.locate.later"), ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.setTitle(l10n.get("dialog.locate.title"));
        alert.setHeaderText(l10n.get("dialog.locate.header", expected.getFileName()));
        alert.initOwner(owner.get());
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get().getButtonData() != ButtonBar.ButtonData.OK_DONE) {
            return Optional.empty();
        }
        FileChooser chooser = chooser("dialog.locate.title");
        chooser.setInitialFileName(expected.getFileName().toString());
        if (expected.getParent() != null && Files.isDirectory(expected.getParent())) {
            chooser.setInitialDirectory(expected.getParent().toFile());
        }
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseExportFile(UserMessage title, String suggestedName, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(l10n.format(title));
        if (lastFolder != null && Files.isDirectory(lastFolder)) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        chooser.setInitialFileName(suggestedName + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                "*." + extension));
        return remember(chooser.showSaveDialog(owner.get()));
    }

    /** The PNG sizes offered, as pixels per screen pixel; the file type chosen in the dialog picks one. */
    static final double[] IMAGE_SCALES = {1, 2, 4};

    @Override
    public Optional<ImageFile> chooseImageFile(UserMessage title, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(l10n.format(title));
        if (lastFolder != null && Files.isDirectory(lastFolder)) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        chooser.setInitialFileName(suggestedName + ".png");
        for (double scale : IMAGE_SCALES) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    l10n.get("dialog.filter.png" + (int) scale), "*.png"));
        }
        chooser.setSelectedExtensionFilter(chooser.getExtensionFilters().get(1));   // for slides: sharp on a projector
        Optional<Path> path = remember(chooser.showSaveDialog(owner.get()));
        int chosen = Math.max(0, chooser.getExtensionFilters().indexOf(chooser.getSelectedExtensionFilter()));
        return path.map(p -> new ImageFile(p, IMAGE_SCALES[chosen]));
    }

    @Override
    public boolean confirm(UserMessage title, UserMessage question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, l10n.format(question),
                new ButtonType(l10n.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(l10n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.setTitle(l10n.format(title));
        alert.setHeaderText(null);
        alert.initOwner(owner.get());
        return alert.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    @Override
    public void showError(UserMessage title, UserMessage message, Throwable details) {
        Alert alert = new Alert(Alert.AlertType.ERROR, l10n.format(message),
                new ButtonType(l10n.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        alert.setTitle(l10n.format(title));
        alert.setHeaderText(l10n.format(title));
        alert.initOwner(owner.get());
        alert.getDialogPane().setId("error-dialog");
        if (details != null) {
            StringWriter trace = new StringWriter();
            details.printStackTrace(new PrintWriter(trace));
            TextArea area = new TextArea(trace.toString());
            area.setEditable(false);
            area.setWrapText(false);
            area.setPrefRowCount(12);
            alert.getDialogPane().setExpandableContent(area);
        }
        alert.showAndWait();
    }

    private FileChooser chooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(l10n.get(titleKey));
        if (lastFolder != null && Files.isDirectory(lastFolder)) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        return chooser;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        lastFolder = chosen.toPath().getParent();
        return Optional.of(chosen.toPath());
    }
}
