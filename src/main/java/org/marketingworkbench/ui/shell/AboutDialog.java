package org.marketingworkbench.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.marketingworkbench.core.env.LibraryVersions;
import org.marketingworkbench.ui.common.Localization;

/** Help › About: versions of the workbench and what it runs on, its licence and third-party notices. */
public final class AboutDialog {

    static final String NOTICES = "/org/marketingworkbench/legal/THIRD-PARTY-NOTICES.txt";

    private AboutDialog() {
    }

    public static void show(Window owner, Localization l10n) {
        LibraryVersions v = LibraryVersions.detect();
        String javafx = System.getProperty("javafx.runtime.version", "?");
        Label versions = new Label(l10n.get("about.versions", v.workbench(), v.wekaVersion(), v.tablesawVersion(),
                javafx, v.java()));
        versions.setId("about-versions");
        versions.setWrapText(true);
        Label licence = new Label(l10n.get("about.licence"));
        licence.setWrapText(true);
        TextArea notices = new TextArea(readNotices());
        notices.setId("about-notices");
        notices.setEditable(false);
        notices.setPrefRowCount(14);
        notices.setPrefColumnCount(90);
        notices.setStyle("-fx-font-family: monospace; -fx-font-size: 11.5px;");   // the list is laid out in columns
        VBox box = new VBox(12, versions, licence, new Label(l10n.get("about.notices")), notices);
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "",
                new ButtonType(l10n.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        alert.setTitle(l10n.get("about.title"));
        alert.setHeaderText(l10n.get("app.title"));
        alert.getDialogPane().setContent(box);
        alert.getDialogPane().setId("about-dialog");
        alert.initOwner(owner);
        alert.showAndWait();
    }

    static String readNotices() {
        try (InputStream in = AboutDialog.class.getResourceAsStream(NOTICES)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
