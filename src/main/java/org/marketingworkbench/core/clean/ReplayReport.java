package org.marketingworkbench.core.clean;

import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.clean.table.CleanException;

/**
 * How new data differs from the data the recipe was fitted on. Missing columns that a step needs are
 * not listed here: they stop the replay with a {@link CleanException} (COLUMN_MISSING).
 *
 * @param missingColumns fitted-on columns absent from the new data that no step needs
 * @param extraColumns columns of the new data the recipe has not seen (passed through unchanged)
 * @param unseenCategories per category column, labels not present when the recipe was fitted
 * @param typeChanges columns whose type differs from the fitted-on type ("age: number → text")
 */
public record ReplayReport(List<String> missingColumns, List<String> extraColumns,
        Map<String, List<String>> unseenCategories, List<String> typeChanges) {

    public ReplayReport {
        missingColumns = List.copyOf(missingColumns);
        extraColumns = List.copyOf(extraColumns);
        unseenCategories = Map.copyOf(unseenCategories);
        typeChanges = List.copyOf(typeChanges);
    }

    public boolean isClean() {
        return missingColumns.isEmpty() && extraColumns.isEmpty() && unseenCategories.isEmpty() && typeChanges.isEmpty();
    }
}
