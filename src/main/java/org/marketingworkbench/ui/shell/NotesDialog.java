package org.marketingworkbench.ui.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.core.report.ReportItems;
import org.marketingworkbench.ui.common.Localization;

/**
 * The consultant's notes: every section and key chart of the report on the left (a pencil marks those with a
 * note), the selected one's note on the right. OK returns the notes that changed (an empty text removes a note);
 * the report shows each under its section or chart, presentation mode under its chart.
 */
final class NotesDialog extends Dialog<Map<String, String>> {

    /** A part of the report that can carry a note, and its label key. */
    record Item(String id, String labelKey) {
    }

    /** Every section, and the key charts, in the report's order. */
    static final List<Item> ITEMS = List.of(
            new Item(ReportItems.SUMMARY, "report.item.summary"),
            section(ReportItems.INGEST), section(ReportItems.CLEAN),
            section(ReportItems.SEGMENT), chart(ReportItems.SEGMENT_SIZES), chart(ReportItems.SEGMENT_CARDS),
            chart(ReportItems.SEGMENT_MAP), chart(ReportItems.SEGMENT_PROFILE),
            section(ReportItems.TRAIN), chart(ReportItems.TRAIN_LEADERBOARD),
            section(ReportItems.EVALUATE), chart(ReportItems.EVALUATE_CONFUSION), chart(ReportItems.EVALUATE_ROC),
            chart(ReportItems.EVALUATE_GAINS), chart(ReportItems.EVALUATE_LIFT), chart(ReportItems.EVALUATE_PROFIT),
            chart(ReportItems.EVALUATE_IMPORTANCE),
            section(ReportItems.PROVENANCE));

    private static Item section(String id) {
        return new Item(id, "report." + id + ".title");
    }

    private static Item chart(String id) {
        return new Item(id, "report.item." + id);
    }

    /**
     * @param notes the notes as they are now, by id
     * @param start the item selected first (a step's section, the chart on show), or {@code null}
     */
    NotesDialog(Window owner, Localization l10n, Function<String, String> notes, String start) {
        initOwner(owner);
        setTitle(l10n.get("notes.title"));
        setHeaderText(l10n.get("notes.header"));
        setResizable(true);
        getDialogPane().setId("notes-dialog");
        ButtonType ok = new ButtonType(l10n.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(ok, new ButtonType(l10n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        Map<String, String> edited = new LinkedHashMap<>();
        ITEMS.forEach(i -> edited.put(i.id(), Optional.ofNullable(notes.apply(i.id())).orElse("")));
        ListView<Item> list = new ListView<>();
        list.setId("notes-items");
        list.getItems().setAll(ITEMS);
        list.setPrefWidth(320);
        list.setMinWidth(280);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Item item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : (edited.get(item.id()).isBlank() ? "" : "✎ ") + l10n.get(item.labelKey()));
                setStyle(item != null && item.labelKey().startsWith("report.item.") && !item.id().equals(ReportItems.SUMMARY)
                        ? "-fx-padding: 4 4 4 22;" : "-fx-font-weight: bold;");
            }
        });
        TextArea text = new TextArea();
        text.setId("notes-text");
        text.setWrapText(true);
        text.setPrefRowCount(8);
        text.setTextFormatter(new TextFormatter<String>(c -> c.getControlNewText().length() <= Project.MAX_NOTE_LENGTH ? c : null));
        Label about = new Label();
        about.setWrapText(true);
        about.setMaxWidth(380);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                text.setText(edited.get(now.id()));
                about.setText(l10n.get("notes.for", l10n.get(now.labelKey())));
            }
        });
        text.textProperty().addListener((obs, old, now) -> {
            Item current = list.getSelectionModel().getSelectedItem();
            if (current != null && !now.equals(edited.get(current.id()))) {
                edited.put(current.id(), now);
                list.refresh();
            }
        });
        VBox right = new VBox(8, about, text, new Label(l10n.get("notes.hint", Project.MAX_NOTE_LENGTH)));
        VBox.setVgrow(text, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox box = new HBox(12, list, right);
        box.setPrefSize(820, 420);
        getDialogPane().setContent(box);
        getDialogPane().setPrefWidth(860);
        getDialogPane().setMinWidth(640);
        Item first = ITEMS.stream().filter(i -> i.id().equals(start)).findFirst().orElse(ITEMS.get(0));
        list.getSelectionModel().select(first);
        list.scrollTo(first);
        setOnShown(e -> text.requestFocus());
        setResultConverter(button -> {
            if (button != ok) {
                return null;
            }
            Map<String, String> changed = new LinkedHashMap<>();
            edited.forEach((id, t) -> {
                String before = Optional.ofNullable(notes.apply(id)).orElse("");
                if (!t.strip().equals(before.strip())) {
                    changed.put(id, t);
                }
            });
            return changed;
        });
    }
}
