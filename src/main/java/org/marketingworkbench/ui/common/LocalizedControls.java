package org.marketingworkbench.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/**
 * Controls built in code whose texts follow the language (the FXML ones are bound by {@link FxmlScreen}),
 * and inline messages that take room only while they have something to say.
 */
public final class LocalizedControls {

    private LocalizedControls() {
    }

    /** A table column whose header is the bundle text {@code key}. */
    public static <S, T> TableColumn<S, T> column(Localization l10n, String key) {
        TableColumn<S, T> c = new TableColumn<>();
        c.textProperty().bind(l10n.text(key));
        return c;
    }

    public static Tooltip tooltip(Localization l10n, String key) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(l10n.text(key));
        return tip;
    }

    public static Label label(ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        return label;
    }

    /** Binds {@code label} to {@code text}; the label is shown, and laid out, only while the text is not empty. */
    public static void showWhenText(Label label, ObservableValue<String> text) {
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
