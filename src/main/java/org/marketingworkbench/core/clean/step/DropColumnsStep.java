package org.marketingworkbench.core.clean.step;

import java.util.List;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.DatasetEdit;
import org.marketingworkbench.core.data.Dataset;

/** Removes columns (an identifier, a leaking column, personal data nobody needs). Learns nothing. */
public record DropColumnsStep(boolean enabled, List<String> columns) implements RecipeStep {

    public static final String OP = "dropColumns";

    public DropColumnsStep {
        columns = List.copyOf(columns);
    }

    public DropColumnsStep(List<String> columns) {
        this(true, columns);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new DropColumnsStep(e, columns);
    }

    @Override
    public String op() {
        return OP;
    }

    @Override
    public List<String> requiredColumns() {
        return columns;
    }

    @Override
    public boolean isFitted() {
        return true;
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        Steps.requireColumns(data, columns);
        return this;
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        Steps.requireColumns(data, columns);
        DatasetEdit edit = new DatasetEdit(data);
        columns.forEach(edit::remove);
        return new StepOutput(edit.build(), StepEffect.of(OP, data.rowCount(), data.rowCount(), 0, List.of(), columns));
    }
}
