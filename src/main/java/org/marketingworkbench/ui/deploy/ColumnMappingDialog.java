package org.marketingworkbench.ui.deploy;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.controlsfx.control.PrefixSelectionComboBox;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.deploy.ColumnMapping;
import org.marketingworkbench.ui.common.Combos;
import org.marketingworkbench.ui.common.Localization;

/**
 * "Which column of your file is …?": one row per column the model needs, with the file's columns to pick from
 * (typing a name's first letters selects it) and "not in the file". Matched names come pre-selected; a column left
 * unmatched is marked. OK returns the new mapping, Cancel or Esc keeps the old one.
 */
final class ColumnMappingDialog extends Dialog<ColumnMapping> {

    /** The "not in the file" choice; never a real column name (it is not a valid one). */
    static final String NONE = "\u0000";

    ColumnMappingDialog(Localization l10n, List<SchemaColumn> required, List<String> fileColumns, ColumnMapping current,
                        Window owner) {
        initOwner(owner);
        setTitle(l10n.get("deploy.mapping.title"));
        setHeaderText(l10n.get("deploy.mapping.header"));
        setResizable(true);
        getDialogPane().setId("mapping-dialog");
        ButtonType ok = new ButtonType(l10n.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(l10n.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().setAll(ok, cancel);

        GridPane grid = new GridPane();
        grid.getStyleClass().add("mapping-grid");
        grid.setHgap(12);
        grid.setVgap(6);
        Label modelHead = new Label(l10n.get("deploy.mapping.modelColumn"));
        Label fileHead = new Label(l10n.get("deploy.mapping.fileColumn"));
        modelHead.setStyle("-fx-font-weight: bold;");
        fileHead.setStyle("-fx-font-weight: bold;");
        grid.addRow(0, modelHead, fileHead);
        List<String> choices = new ArrayList<>();
        choices.add(NONE);
        choices.addAll(fileColumns);
        List<ComboBox<String>> boxes = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            SchemaColumn c = required.get(i);
            Label name = new Label(c.type() == null ? c.name() : c.name() + "  (" + l10n.get("type." + c.type().id()) + ")");
            ComboBox<String> box = new PrefixSelectionComboBox<>();
            box.setId("mapping-" + i);
            box.setUserData(c.name());
            box.getItems().setAll(choices);
            box.setConverter(Combos.labels(v -> NONE.equals(v) ? l10n.get("deploy.mapping.none") : v));
            box.setValue(current.modelToFile().getOrDefault(c.name(), NONE));
            box.setMaxWidth(Double.MAX_VALUE);
            name.setLabelFor(box);
            Runnable mark = () -> name.setStyle(NONE.equals(box.getValue()) ? "-fx-text-fill: -color-danger-fg;" : "");
            box.valueProperty().addListener((obs, old, now) -> {
                mark.run();
                // a file column feeds one model column: another row that had it lets it go
                if (now != null && !NONE.equals(now)) {
                    boxes.stream().filter(b -> b != box && now.equals(b.getValue())).forEach(b -> b.setValue(NONE));
                }
            });
            mark.run();
            boxes.add(box);
            grid.addRow(i + 1, name, box);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(420, 36 + 34.0 * required.size()));
        scroll.setPrefViewportWidth(560);
        Label hint = new Label(l10n.get("deploy.mapping.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(560);
        getDialogPane().setContent(new VBox(10, hint, scroll));
        setResultConverter(button -> {
            if (button != ok) {
                return null;
            }
            ColumnMapping m = new ColumnMapping(java.util.Map.of());
            for (ComboBox<String> b : boxes) {
                String v = b.getValue();
                m = m.with((String) b.getUserData(), v == null || NONE.equals(v) ? null : v);
            }
            return m;
        });
    }
}
