package org.marketingworkbench.core.clean.step;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.Dataset;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/**
 * Removes rows that repeat an earlier row, comparing all columns (exact duplicates) or only the key
 * columns (e.g. the same customer number twice). The first occurrence is kept. Learns nothing.
 */
public record RemoveDuplicatesStep(boolean enabled, List<String> keyColumns) implements RecipeStep {

    public static final String OP = "removeDuplicates";

    @Override
    public boolean removesRows() {
        return true;
    }

    public RemoveDuplicatesStep {
        keyColumns = List.copyOf(keyColumns);
    }

    /** Exact duplicates: all columns must match. */
    public static RemoveDuplicatesStep exact() {
        return new RemoveDuplicatesStep(true, List.of());
    }

    public static RemoveDuplicatesStep onKeys(List<String> keys) {
        return new RemoveDuplicatesStep(true, keys);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new RemoveDuplicatesStep(e, keyColumns);
    }

    @Override
    public String op() {
        return OP;
    }

    @Override
    public List<String> requiredColumns() {
        return keyColumns;
    }

    @Override
    public boolean isFitted() {
        return true;
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        Steps.requireColumns(data, keyColumns);
        return this;
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        Steps.requireColumns(data, keyColumns);
        List<Column<?>> cols = keyColumns.isEmpty() ? data.table().columns()
                : keyColumns.stream().<Column<?>>map(k -> data.table().column(k)).toList();
        int rows = data.rowCount();
        Set<String> seen = new HashSet<>(rows * 2);
        Selection keep = new BitmapBackedSelection();
        StringBuilder key = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            key.setLength(0);
            for (Column<?> c : cols) {
                key.append(c.getString(r)).append('\u0001');
            }
            if (seen.add(key.toString())) {
                keep.add(r);
            }
        }
        Dataset out = Steps.keepRows(data, keep, OP);
        return new StepOutput(out, StepEffect.of(OP, rows, out.rowCount(), 0, List.of(), List.of()));
    }
}
