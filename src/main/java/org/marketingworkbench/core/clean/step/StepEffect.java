package org.marketingworkbench.core.clean.step;

import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * What one step did to the table, for the recipe panel and the report.
 *
 * @param cellsChanged cells whose value was replaced (filled, capped, rescaled, relabelled, converted)
 * @param unseenCategories per column, labels met while applying that the step had not learned
 * @param notes further facts for the user, e.g. values that failed to convert
 */
public record StepEffect(String op, int rowsBefore, int rowsAfter, long cellsChanged, List<String> columnsAdded,
        List<String> columnsRemoved, Map<String, List<String>> unseenCategories, List<UserMessage> notes) {

    public StepEffect {
        columnsAdded = List.copyOf(columnsAdded);
        columnsRemoved = List.copyOf(columnsRemoved);
        unseenCategories = Map.copyOf(unseenCategories);
        notes = List.copyOf(notes);
    }

    public int rowsRemoved() {
        return rowsBefore - rowsAfter;
    }

    static StepEffect of(String op, int before, int after, long cells, List<String> added, List<String> removed) {
        return new StepEffect(op, before, after, cells, added, removed, Map.of(), List.of());
    }
}
