package org.marketingworkbench.ui.common;

import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.controlsfx.control.CheckListView;

/**
 * Keeps a ControlsFX {@link CheckListView}'s ticks and a view-model's list of chosen names in step: a tick
 * is forwarded as a gesture (the view-model may refuse it), and the list's ticks are redrawn from the
 * view-model whenever its choice or its items change, so the view never holds a choice of its own.
 */
public final class CheckedNames<T> {

    private final CheckListView<T> list;
    private final ObservableList<String> chosen;
    private final Function<T, String> name;
    private boolean syncing;

    private CheckedNames(CheckListView<T> list, ObservableList<String> chosen, Function<T, String> name) {
        this.list = list;
        this.chosen = chosen;
        this.name = name;
    }

    /**
     * @param chosen the view-model's chosen names (read-only for the view)
     * @param name   an item's name
     * @param choose the view-model's gesture: tick ({@code true}) or untick a name
     */
    public static <T> CheckedNames<T> bind(CheckListView<T> list, ObservableList<String> chosen,
                                           Function<T, String> name, BiConsumer<String, Boolean> choose) {
        CheckedNames<T> sync = new CheckedNames<>(list, chosen, name);
        list.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            if (sync.syncing) {
                return;
            }
            while (c.next()) {
                c.getAddedSubList().forEach(item -> choose.accept(name.apply(item), true));
                c.getRemoved().forEach(item -> choose.accept(name.apply(item), false));
            }
            sync.redraw();   // an item the view-model refused is unticked again
        });
        chosen.addListener((ListChangeListener<String>) c -> sync.redraw());
        list.getItems().addListener((ListChangeListener<T>) c -> sync.redraw());
        sync.redraw();
        return sync;
    }

    /** Ticks exactly the items whose names the view-model has chosen. */
    public void redraw() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            for (T item : list.getItems()) {
                boolean on = chosen.contains(name.apply(item));
                if (list.getCheckModel().isChecked(item) != on) {
                    if (on) {
                        list.getCheckModel().check(item);
                    } else {
                        list.getCheckModel().clearCheck(item);
                    }
                }
            }
        } finally {
            syncing = false;
        }
    }
}
