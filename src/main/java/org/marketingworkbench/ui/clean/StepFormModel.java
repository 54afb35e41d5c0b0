package org.marketingworkbench.ui.clean;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.marketingworkbench.core.clean.step.MarkMissingStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.Operation;
import org.marketingworkbench.core.clean.step.Operations;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.step.StepOption;
import org.marketingworkbench.core.clean.step.StepSettings;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * The Clean step's "Add a step" form, as state: the draft (operation, columns, option values), which
 * recipe step it edits (-1: a new one), and why it cannot become a step yet. Options the user set survive
 * a new column selection; the others follow the columns' types (no median for a category). Owned by
 * {@link CleanViewModel}, which turns a finished draft into a recipe change.
 */
public final class StepFormModel {

    /** What the form needs to know of the data: a column's type, and a placeholder code the profile found. */
    interface Columns {
        Optional<ColumnType> typeOf(String column);

        Optional<String> placeholderCode(String column);
    }

    private final Columns data;
    private final ReadOnlyObjectWrapper<StepSettings> draft = new ReadOnlyObjectWrapper<>(
            Operations.get(MissingValuesStep.OP).defaults(List.of(), Set.of()));
    private final ReadOnlyIntegerWrapper editing = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyObjectWrapper<UserMessage> problem = new ReadOnlyObjectWrapper<>();
    /** Options the user has set in this draft: a new column selection keeps them, and refreshes the rest. */
    private final Set<String> touched = new HashSet<>();
    private List<String> selected = List.of();

    StepFormModel(Columns data) {
        this.data = data;
    }

    public ReadOnlyObjectProperty<StepSettings> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    /** The recipe index of the step being edited, or -1 when the form adds a new step. */
    public ReadOnlyIntegerProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** Why the draft cannot be added yet (said after the user tried), or null. */
    public ReadOnlyObjectProperty<UserMessage> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The choices of an option that suit the draft's columns (no median for a category). */
    public List<String> choices(StepOption option) {
        return option.choicesFor(typesOf(draft.get().columns()));
    }

    /** The columns chosen in the profile: a new step's draft (not one being edited) follows them. */
    void columnsChosen(List<String> columns) {
        selected = List.copyOf(columns);
        if (editing.get() < 0) {
            draft.set(fresh(draft.get().op(), selected, draft.get()));
        }
        problem.set(null);
    }

    /** The operation was chosen: its options start at the defaults for the draft's columns. */
    public void chooseOperation(String op) {
        if (op == null || op.equals(draft.get().op())) {
            return;
        }
        touched.clear();
        draft.set(fresh(op, editing.get() >= 0 ? draft.get().columns() : selected, null));
        problem.set(null);
    }

    /** One option set by the user. */
    public void setOption(String key, Object value) {
        if (Objects.equals(draft.get().value(key), value)) {
            return;
        }
        touched.add(key);
        draft.set(draft.get().with(key, value));
        problem.set(null);
    }

    /** Loads recipe step {@code index} into the form, every setting as it is. */
    void startEdit(int index, RecipeStep step) {
        StepSettings read = Operations.read(step);
        touched.clear();
        touched.addAll(read.values().keySet());
        editing.set(index);
        draft.set(read);
        problem.set(null);
    }

    /** Back to adding a new step for the chosen columns. */
    public void cancelEdit() {
        editing.set(-1);
        touched.clear();
        draft.set(fresh(draft.get().op(), selected, null));
        problem.set(null);
    }

    /** The step the draft describes, or empty with the reason shown in {@link #problemProperty()}. */
    Optional<RecipeStep> build(String salt) {
        StepSettings d = draft.get();
        Operation op = Operations.get(d.op());
        Optional<UserMessage> lacking = op.problem(d, data::typeOf);
        problem.set(lacking.orElse(null));
        return lacking.isPresent() ? Optional.empty() : Optional.of(op.build(d, salt));
    }

    private StepSettings fresh(String op, List<String> columns, StepSettings keepFrom) {
        Operation operation = Operations.get(op);
        Set<ColumnType> types = typesOf(columns);
        StepSettings fresh = operation.defaults(columns, types);
        if (MarkMissingStep.OP.equals(op)) {   // offer the placeholder code the profile found, if any
            fresh = fresh.with("value", columns.stream().map(data::placeholderCode).flatMap(Optional::stream)
                    .findFirst().orElse(""));
        }
        if (keepFrom != null && keepFrom.op().equals(op)) {
            for (String key : touched) {
                Object kept = keepFrom.value(key);
                boolean suits = operation.option(key).map(o -> o.kind() != StepOption.Kind.CHOICE
                        || o.choicesFor(types).contains(String.valueOf(kept))).orElse(true);
                if (suits) {
                    fresh = fresh.with(key, kept);
                }
            }
        }
        return fresh;
    }

    private Set<ColumnType> typesOf(List<String> columns) {
        Set<ColumnType> types = EnumSet.noneOf(ColumnType.class);
        columns.forEach(c -> data.typeOf(c).ifPresent(types::add));
        return types;
    }
}
