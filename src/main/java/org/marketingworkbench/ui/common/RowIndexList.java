package org.marketingworkbench.ui.common;

import javafx.collections.ObservableListBase;

/**
 * The rows 0 … n-1 as a list that stores nothing: a table view over a million rows asks only for the
 * indices it shows, and each cell reads its value straight from the data.
 */
public final class RowIndexList extends ObservableListBase<Integer> {

    private final int size;

    public RowIndexList(int size) {
        this.size = size;
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return index;
    }

    @Override
    public int size() {
        return size;
    }
}
