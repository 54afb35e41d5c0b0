package org.marketingworkbench.ui.common;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.Dataset;
import tech.tablesaw.columns.Column;

/**
 * Fills a table view with a dataset without copying it: rows are indices, cells read from the
 * Tablesaw columns, so scrolling a million rows costs only the visible cells. Each header carries a
 * badge with the column's type.
 */
public final class DatasetTable {

    private DatasetTable() {
    }

    /** Shows {@code data} in {@code view}; the type badges and reasons follow the language by themselves. */
    public static void show(TableView<Integer> view, Dataset data, Localization l10n) {
        view.getColumns().clear();
        if (data == null) {
            view.setItems(new RowIndexList(0));
            return;
        }
        TableColumn<Integer, String> rowNumbers = new TableColumn<>("#");
        rowNumbers.setCellValueFactory(c -> new ReadOnlyStringWrapper(l10n.formatInteger(c.getValue() + 1L)));
        rowNumbers.setSortable(false);
        // wide enough for the last row's number as the locale writes it ("1,000,000")
        rowNumbers.setPrefWidth(28 + 8.5 * l10n.formatInteger(data.rowCount()).length());
        rowNumbers.getStyleClass().add("row-number-column");
        view.getColumns().add(rowNumbers);
        for (int i = 0; i < data.columns().size(); i++) {
            ColumnSpec spec = data.columns().get(i);
            Column<?> column = data.table().column(i);
            TableColumn<Integer, String> tc = new TableColumn<>();
            Label name = new Label(spec.name());
            name.getStyleClass().add("column-name");
            Label badge = new Label();
            badge.textProperty().bind(l10n.text("type." + spec.type().id()));
            badge.getStyleClass().addAll("type-badge", "type-" + spec.type().id());
            VBox header = new VBox(2, name, badge);
            header.getStyleClass().add("column-header-box");
            if (spec.reason() != null) {
                Tooltip tip = new Tooltip();
                tip.textProperty().bind(l10n.bind(new javafx.beans.property.SimpleObjectProperty<>(spec.reason())));
                Tooltip.install(header, tip);
            }
            tc.setGraphic(header);
            tc.setSortable(false);
            tc.setPrefWidth(preferredWidth(spec, column));
            tc.setCellValueFactory(c -> new ReadOnlyStringWrapper(cellText(column, c.getValue())));
            view.getColumns().add(tc);
        }
        view.setItems(new RowIndexList(data.rowCount()));
    }

    /**
     * Wide enough for the name and for the values of the first rows (a CJK character counts double);
     * free text gets room to be read, every other column at most 260 px.
     */
    static double preferredWidth(ColumnSpec spec, Column<?> column) {
        double name = spec.name().length() * 10 + 44;
        int rows = Math.min(100, column.size());
        double longest = 0;
        for (int r = 0; r < rows; r++) {
            longest = Math.max(longest, displayWidth(cellText(column, r)));
        }
        double values = longest * 7.5 + 24;
        double cap = spec.type() == org.marketingworkbench.core.data.ColumnType.TEXT ? 520 : 260;
        return Math.max(90, Math.min(cap, Math.max(name, values)));
    }

    private static double displayWidth(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.HAN
                    || s.charAt(i) >= 0x3000 && s.charAt(i) <= 0x30FF || s.charAt(i) >= 0xFF00 && s.charAt(i) <= 0xFFEF ? 2 : 1;
        }
        return w;
    }

    private static String cellText(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        return column.getString(row);
    }
}
