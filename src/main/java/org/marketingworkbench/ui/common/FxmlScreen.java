package org.marketingworkbench.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;

/**
 * Loads a screen's FXML once, with its {@code %key} texts bound to the language instead of copied in:
 * switching the language re-localises the loaded screen, so it never has to be loaded again (a screen
 * is built once and kept, DESIGN.md §9). The loader is given a bundle that answers each key with a
 * marker; every text, prompt, tooltip, tab, menu item and table column that holds a marker is then
 * bound to {@link Localization#text(String, Object...)}.
 */
public final class FxmlScreen {

    private static final String MARK = "\u0000l10n:";

    private FxmlScreen() {
    }

    /** Loads {@code fxml} (beside {@code owner}) with {@code controller}, localised, with its stylesheet if any. */
    public static Parent load(Class<?> owner, String fxml, Object controller, Localization l10n, String css) {
        FXMLLoader loader = new FXMLLoader(owner.getResource(fxml), new KeyBundle(l10n.bundle()));
        loader.setController(controller);
        Parent parent;
        try {
            parent = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (css != null) {
            URL url = owner.getResource(css);
            if (url != null) {
                parent.getStylesheets().add(url.toExternalForm());
            }
        }
        localise(parent, l10n);
        return parent;
    }

    /** Binds every marked text below {@code node} to the language. */
    public static void localise(Node node, Localization l10n) {
        if (node instanceof Labeled labeled) {
            bind(labeled.textProperty(), l10n);
        }
        if (node instanceof TextInputControl input) {
            bind(input.promptTextProperty(), l10n);
        }
        if (node instanceof ComboBoxBase<?> box) {
            bind(box.promptTextProperty(), l10n);
        }
        if (node instanceof Control control) {
            Tooltip tip = control.getTooltip();
            if (tip != null) {
                bind(tip.textProperty(), l10n);
            }
        }
        if (node instanceof MenuBar bar) {
            bar.getMenus().forEach(m -> localise(m, l10n));
        }
        if (node instanceof TableView<?> table) {
            table.getColumns().forEach(c -> localise(c, l10n));
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                bind(tab.textProperty(), l10n);
                if (tab.getContent() != null) {
                    localise(tab.getContent(), l10n);
                }
            }
        }
        if (node instanceof TitledPane titled && titled.getContent() != null) {
            localise(titled.getContent(), l10n);
        }
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            localise(scroll.getContent(), l10n);
        }
        if (node instanceof SplitPane split) {
            split.getItems().forEach(n -> localise(n, l10n));
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(n -> localise(n, l10n));
        }
    }

    private static void localise(MenuItem item, Localization l10n) {
        bind(item.textProperty(), l10n);
        if (item instanceof Menu menu) {
            menu.getItems().forEach(i -> localise(i, l10n));
        }
    }

    private static void localise(TableColumnBase<?, ?> column, Localization l10n) {
        bind(column.textProperty(), l10n);
        column.getColumns().forEach(c -> localise(c, l10n));
    }

    private static void bind(StringProperty text, Localization l10n) {
        String value = text.get();
        if (!text.isBound() && value != null && value.startsWith(MARK)) {
            text.bind(l10n.text(value.substring(MARK.length())));
        }
    }

    /**
     * Answers every key of the real bundle with a marker that {@link #localise} later turns into a binding;
     * a key the bundle lacks still fails the load, as it would without the marker.
     */
    private static final class KeyBundle extends ResourceBundle {
        private final ResourceBundle real;

        KeyBundle(ResourceBundle real) {
            this.real = real;
        }

        @Override
        protected Object handleGetObject(String key) {
            return real.containsKey(key) ? MARK + key : null;
        }

        @Override
        public boolean containsKey(String key) {
            return real.containsKey(key);
        }

        @Override
        public Enumeration<String> getKeys() {
            return real.getKeys();
        }

        @Override
        public Locale getLocale() {
            return Locale.ROOT;
        }
    }
}
