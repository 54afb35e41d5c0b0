package org.marketingworkbench.ui.common;

import java.util.ArrayList;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;

/** Combo boxes whose item labels come from the bundle (through their converter). */
public final class Combos {

    private Combos() {
    }

    /**
     * Redraws the labels of {@code boxes} after a language switch: the converter gives new texts, but a
     * combo box only asks it again when its items or value change. Callers guard their action handlers,
     * since the value is set again.
     */
    @SafeVarargs
    public static void relabel(ComboBox<?>... boxes) {
        for (ComboBox<?> box : boxes) {
            relabelOne(box);
        }
    }

    /** A converter that shows each item as {@code text} gives it (in the current language); one-way. */
    public static <T> javafx.util.StringConverter<T> labels(java.util.function.Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("labels are shown, not typed");
            }
        };
    }

    private static <T> void relabelOne(ComboBox<T> box) {
        T value = box.getValue();
        box.setItems(FXCollections.observableArrayList(new ArrayList<>(box.getItems())));
        box.setValue(null);
        box.setValue(value);
    }
}
