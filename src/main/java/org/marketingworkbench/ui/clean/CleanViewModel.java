package org.marketingworkbench.ui.clean;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Set;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marketingworkbench.core.clean.CleanResult;
import org.marketingworkbench.core.clean.CleanStepRecord;
import org.marketingworkbench.core.clean.EffectFigures;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.RecipeSuggester;
import org.marketingworkbench.core.clean.profile.ColumnProfile;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.profile.DatasetProfile;
import org.marketingworkbench.core.clean.profile.Distribution;
import org.marketingworkbench.core.clean.profile.Distributions;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.clean.step.StepEffect;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.core.project.StepRecord;
import org.marketingworkbench.ui.common.Explanation;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.StepViewModel;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/**
 * The Clean step: the column profile of the imported table, the distribution of the chosen column,
 * and the cleaning recipe with undo and redo. Every recipe change is fitted and applied in the
 * background to a new table; the imported table is never changed, and a failing step leaves the
 * recipe and the cleaned table as they were.
 */
public final class CleanViewModel implements StepViewModel {

    private final WorkbenchSession session;
    private final TaskRunner tasks;

    private final ReadOnlyObjectWrapper<DatasetProfile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> target = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> selectedColumn = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> splitBy = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> bins = new ReadOnlyObjectWrapper<>(Distributions.AUTO);
    private final ReadOnlyObjectWrapper<Distribution> distribution = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Distribution> cleanedDistribution = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Recipe> recipe = new ReadOnlyObjectWrapper<>(Recipe.empty());
    private final ReadOnlyObjectWrapper<CleanResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasInput = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper salt = new ReadOnlyStringWrapper();
    private final ObservableList<ColumnProfile> columns = FXCollections.observableArrayList();
    private final ObservableList<RecipeItem> items = FXCollections.observableArrayList();
    private final ObservableList<RecipeStep> suggestions = FXCollections.observableArrayList();
    private final ObservableList<Distribution> overview = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Explanation> explanation = new ReadOnlyObjectWrapper<>();
    /** The last recipe run's last step in figures (see {@link EffectFigures}), for the Explain panel. */
    private Optional<UserMessage> lastStepFigures = Optional.empty();
    private final Deque<Recipe> undo = new ArrayDeque<>();
    private final Deque<Recipe> redo = new ArrayDeque<>();
    private Dataset input;
    private long distributionRequest;

    /** The "Add a step" form: its draft, the step it edits, what it lacks. */
    private final StepFormModel form = new StepFormModel(new StepFormModel.Columns() {
        @Override
        public Optional<ColumnType> typeOf(String column) {
            return input == null ? Optional.empty() : input.spec(column).map(ColumnSpec::type);
        }

        @Override
        public Optional<String> placeholderCode(String column) {
            return profile.get() == null ? Optional.empty()
                    : profile.get().column(column).flatMap(ColumnProfile::placeholderCode);
        }
    });
    private final ObservableList<String> selectedColumns = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call holds its listeners only weakly and loses them to GC. */
    private final ObservableList<String> selectedColumnsView = FXCollections.unmodifiableObservableList(selectedColumns);
    private final ReadOnlyIntegerWrapper selectedStep = new ReadOnlyIntegerWrapper(-1);
    private final ObservableList<String> targetCandidates = FXCollections.observableArrayList();
    private final ObservableList<String> splitCandidates = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UserMessage> notice = new ReadOnlyObjectWrapper<>();

    private final BooleanBinding hasData = profile.isNotNull();
    private final BooleanBinding canContinue = hasData.and(busy.not());

    public CleanViewModel(WorkbenchSession session, TaskRunner tasks) {
        this.session = session;
        this.tasks = tasks;
        session.importedDataProperty().addListener((obs, old, now) -> dataImported(now));
        selectedColumn.addListener((obs, o, n) -> refreshDistribution());
        splitBy.addListener((obs, o, n) -> refreshDistribution());
        bins.addListener((obs, o, n) -> refreshDistribution());
        updateExplanation();
    }

    // ---- state ------------------------------------------------------------------------------------

    @Override
    public Stage stage() {
        return Stage.CLEAN;
    }

    @Override
    public ObservableValue<Explanation> explanation() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<DatasetProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public ObservableList<ColumnProfile> columns() {
        return columns;
    }

    public ReadOnlyObjectProperty<String> targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> selectedColumnProperty() {
        return selectedColumn.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<String> splitByProperty() {
        return splitBy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Integer> binsProperty() {
        return bins.getReadOnlyProperty();
    }

    /** The selected column's distribution in the imported data. */
    public ReadOnlyObjectProperty<Distribution> distributionProperty() {
        return distribution.getReadOnlyProperty();
    }

    /** The same column after the recipe, for the before/after view; null when unchanged or dropped. */
    public ReadOnlyObjectProperty<Distribution> cleanedDistributionProperty() {
        return cleanedDistribution.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Recipe> recipeProperty() {
        return recipe.getReadOnlyProperty();
    }

    public ObservableList<RecipeItem> recipeItems() {
        return items;
    }

    public ObservableList<RecipeStep> suggestions() {
        return suggestions;
    }

    /** Small multiples: one distribution per column, filled by {@link #loadOverview()}. */
    public ObservableList<Distribution> overview() {
        return overview;
    }

    public ReadOnlyObjectProperty<CleanResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The project's salt for one-way hashing of personal data (created once per project). */
    public ReadOnlyStringProperty saltProperty() {
        return salt.getReadOnlyProperty();
    }

    /** Data has been imported (its profile may still be on its way). */
    public ReadOnlyBooleanProperty hasInputProperty() {
        return hasInput.getReadOnlyProperty();
    }

    public BooleanBinding hasData() {
        return hasData;
    }

    /** Continue: there is a profile to act on and no recipe run is under way. */
    public BooleanBinding canContinue() {
        return canContinue;
    }

    /** The "Add a step" form. */
    public StepFormModel form() {
        return form;
    }

    /** The columns chosen in the profile table, in table order. */
    public ObservableList<String> selectedColumns() {
        return selectedColumnsView;
    }

    /** The recipe step selected in the recipe list, or -1. */
    public ReadOnlyIntegerProperty selectedStepProperty() {
        return selectedStep.getReadOnlyProperty();
    }

    /** Columns that can be the target of the leakage check ("" first: none). */
    public ObservableList<String> targetCandidates() {
        return targetCandidates;
    }

    /** Columns a chart can be split by ("" first: none). */
    public ObservableList<String> splitCandidates() {
        return splitCandidates;
    }

    /** A remark on the recipe that is not an error (steps switched off for a file without their columns). */
    public ReadOnlyObjectProperty<UserMessage> noticeProperty() {
        return notice.getReadOnlyProperty();
    }


    public Dataset input() {
        return input;
    }

    /** "5,000 rows × 21 columns → 4,988 rows × 19 columns". */
    public ObservableValue<UserMessage> summary() {
        return Bindings.createObjectBinding(() -> {
            if (input == null) {
                return null;
            }
            CleanResult r = result.get();
            Dataset out = r == null ? input : r.dataset();
            return UserMessage.of("clean.summary", input.rowCount(), input.columns().size(), out.rowCount(),
                    out.columns().size());
        }, result, profile);
    }

    // ---- actions ----------------------------------------------------------------------------------

    public void selectColumn(String column) {
        selectedColumn.set(column);
    }

    /** The profile table's selection changed: the form (unless it edits a step) follows it. */
    public void setSelectedColumns(List<String> columns) {
        if (columns.equals(selectedColumns)) {
            return;
        }
        selectedColumns.setAll(columns);
        form.columnsChosen(columns);
    }

    /** Loads a recipe step into the form, every setting as it is, to be changed and updated. */
    public void startEdit(int index) {
        if (index >= 0 && index < recipe.get().steps().size()) {
            form.startEdit(index, recipe.get().steps().get(index));
        }
    }

    /** Adds the draft as a new step, or updates the step being edited (keeping whether it is switched on). */
    public void submitDraft() {
        if (busy.get() || input == null) {
            return;
        }
        Optional<RecipeStep> built = form.build(salt.get());
        if (built.isEmpty()) {
            return;
        }
        int index = form.editingProperty().get();
        if (index >= 0) {
            RecipeStep step = built.get().withEnabled(recipe.get().steps().get(index).enabled());
            change(recipe.get().replace(index, step), () -> {
                form.cancelEdit();
                selectedStep.set(index);
            });
        } else {
            addStep(built.get());
        }
    }

    /** The recipe list's selection. */
    public void selectStep(int index) {
        selectedStep.set(index < 0 || index >= items.size() ? -1 : index);
    }

    public void setSplitBy(String column) {
        splitBy.set(column == null || column.isBlank() ? null : column);
    }

    /** Computes every column's distribution in the background, for the all-columns overview. */
    public void loadOverview() {
        Dataset data = input;
        if (data == null || !overview.isEmpty()) {
            return;
        }
        Optional<String> split = Optional.ofNullable(target.get());
        int binCount = bins.get();
        tasks.submit(Job.of(UserMessage.of("clean.job.overview"), progress -> {
            List<Distribution> all = new ArrayList<>();
            List<org.marketingworkbench.core.data.ColumnSpec> specs = data.columns();
            for (int i = 0; i < specs.size(); i++) {
                progress.throwIfCancelled();
                progress.report((double) i / specs.size());
                var spec = specs.get(i);
                if (spec.type() == org.marketingworkbench.core.data.ColumnType.IDENTIFIER
                        || spec.type() == org.marketingworkbench.core.data.ColumnType.IGNORE
                        || spec.type() == org.marketingworkbench.core.data.ColumnType.TEXT) {
                    continue;
                }
                all.add(distributionOf(data, spec.name(), split.filter(t -> !t.equals(spec.name())), binCount));
            }
            return all;
        }).onSuccess(list -> {
            if (data == input) {
                overview.setAll(list);
            }
        }).onFailure(e -> error.set(e instanceof WorkbenchException we ? we.userMessage()
                : UserMessage.of("clean.error.unexpected", String.valueOf(e.getMessage())))));
    }

    public void setBins(int count) {
        bins.set(Math.max(Distributions.AUTO, Math.min(Distributions.MAX_BINS, count)));
    }

    /** The target chosen for the leakage check; profiling runs again. */
    public void setTarget(String column) {
        String t = column == null || column.isBlank() ? null : column;
        if (!Objects.equals(t, target.get())) {
            target.set(t);
            overview.clear();
            runProfile();
            storeRecipe(recipe.get(), result.get() == null ? null : result.get(), null, false);
        }
    }

    /** Adds a step at the end; once it has run, it is the selected one. */
    public void addStep(RecipeStep step) {
        int added = recipe.get().steps().size();
        change(recipe.get().add(step), () -> selectedStep.set(added));
    }

    public void replaceStep(int index, RecipeStep step) {
        change(recipe.get().replace(index, step));
    }

    public void removeStep(int index) {
        change(recipe.get().remove(index), () -> selectedStep.set(-1));
    }

    public void moveStep(int from, int to) {
        if (to < 0 || to >= recipe.get().steps().size() || from == to) {
            return;
        }
        change(recipe.get().move(from, to), () -> selectedStep.set(to));
    }

    public void setEnabled(int index, boolean enabled) {
        change(recipe.get().withEnabled(index, enabled));
    }

    /** Takes one of the profile's suggestions into the recipe. */
    public void acceptSuggestion(RecipeStep step) {
        suggestions.remove(step);
        addStep(step);
    }

    /**
     * The user is done cleaning: the current recipe (possibly empty: "the data is fine as it is") is
     * applied if it has not been, the step is marked done, then {@code next} runs.
     */
    public void finish(Runnable next) {
        if (input == null || busy.get()) {
            return;
        }
        if (result.get() != null) {
            next.run();
            return;
        }
        apply(recipe.get(), null, next, false);
    }

    /** Goes back to the recipe before the last change; the history moves only if that recipe runs. */
    public void undo() {
        if (undo.isEmpty() || busy.get() || input == null) {
            return;
        }
        Recipe current = recipe.get();
        apply(undo.peek(), () -> {
            undo.pop();
            redo.push(current);
        }, null, false);
    }

    public void redo() {
        if (redo.isEmpty() || busy.get() || input == null) {
            return;
        }
        Recipe current = recipe.get();
        apply(redo.peek(), () -> {
            redo.pop();
            undo.push(current);
        }, null, false);
    }

    private void change(Recipe changed) {
        change(changed, null);
    }

    private void change(Recipe changed, Runnable then) {
        if (busy.get() || input == null) {
            return;
        }
        if (changed.equals(recipe.get())) {   // nothing to run (an edit saved unchanged): just finish
            if (then != null) {
                then.run();
            }
            return;
        }
        Recipe before = recipe.get();
        apply(changed, () -> {
            undo.push(before);
            redo.clear();
        }, then, false);
    }

    /**
     * Fits and applies {@code candidate} in the background; only on success does it become the recipe and
     * does {@code history} (the undo/redo move) run: a failed or cancelled run leaves everything as it was.
     * {@code restoring}: the recipe of a project just opened, re-run on its unchanged data.
     */
    private void apply(Recipe candidate, Runnable history, Runnable then, boolean restoring) {
        Dataset data = input;
        busy.set(true);
        tasks.submit(Job.of(UserMessage.of("clean.job.apply"), progress -> {
                    Recipe.Run done = candidate.fitAndApply(data, progress);
                    return new Applied(done, EffectFigures.ofLastStep(candidate, data, done.result().dataset()));
                })
                .onSuccess(applied -> {
                    Recipe.Run run = applied.run();
                    lastStepFigures = applied.figures();
                    busy.set(false);
                    if (data != input) {
                        return;   // new data arrived meanwhile: this run is stale
                    }
                    if (history != null) {
                        history.run();
                    }
                    error.set(null);
                    recipe.set(candidate);
                    result.set(run.result());
                    showItems(candidate, run.result());
                    // the project first, then the table: the steps that follow read the project when it arrives
                    storeRecipe(candidate, run.result(), run.recipe(), restoring);
                    session.cleanedDataProperty().set(run.result().dataset());
                    refreshDistribution();
                    syncUndo();
                    updateExplanation();
                    if (then != null) {
                        then.run();
                    }
                })
                .onFailure(e -> {
                    busy.set(false);
                    error.set(e instanceof WorkbenchException we ? we.userMessage()
                            : UserMessage.of("clean.error.unexpected", String.valueOf(e.getMessage())));
                    syncUndo();
                })
                .onCancelled(() -> {
                    busy.set(false);
                    syncUndo();
                }));
    }

    /** A recipe run and its last step in figures, both worked out off the UI thread. */
    private record Applied(Recipe.Run run, Optional<UserMessage> figures) {
    }

    private void syncUndo() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    private void showItems(Recipe r, CleanResult cleaned) {
        List<RecipeItem> list = new ArrayList<>();
        int effectIndex = 0;
        List<StepEffect> effects = cleaned == null ? List.of() : cleaned.effects();
        for (int i = 0; i < r.steps().size(); i++) {
            RecipeStep step = r.steps().get(i);
            StepEffect effect = null;
            if (step.enabled() && effectIndex < effects.size()) {
                effect = effects.get(effectIndex++);
            }
            list.add(new RecipeItem(i, step, effect));
        }
        items.setAll(list);
    }

    // ---- data and profile -------------------------------------------------------------------------

    private void dataImported(Dataset data) {
        input = data;
        hasInput.set(data != null);
        undo.clear();
        redo.clear();
        result.set(null);
        lastStepFigures = Optional.empty();
        profile.set(null);
        columns.clear();
        suggestions.clear();
        overview.clear();
        distribution.set(null);
        cleanedDistribution.set(null);
        error.set(null);
        if (data == null) {
            session.cleanedDataProperty().set(null);
            recipe.set(Recipe.empty());
            items.clear();
            syncUndo();
            updateExplanation();
            return;
        }
        StepRecord stored = session.project().step(Stage.CLEAN);
        salt.set(CleanStepRecord.salt(stored).orElseGet(org.marketingworkbench.core.clean.step.MaskPersonalStep::newSalt));
        target.set(CleanStepRecord.target(stored).filter(t -> data.spec(t).isPresent()).orElse(null));
        Recipe restored = Recipe.empty();
        try {
            restored = CleanStepRecord.recipe(stored);
        } catch (WorkbenchException e) {
            error.set(e.userMessage());
        }
        recipe.set(Recipe.empty());
        items.clear();
        selectedStep.set(-1);
        notice.set(null);
        if (form.editingProperty().get() >= 0) {
            form.cancelEdit();
        }
        runProfile();
        // a recipe replayed on a file without some of its columns: those steps are switched off and
        // named, instead of the whole recipe failing on the first of them
        Recipe.Adapted adapted = restored.adaptTo(data);
        restored = adapted.recipe();
        adapted.notice().ifPresent(notice::set);
        if (session.importedDataIsRestored()) {   // the project reopened on its own data: its history too
            CleanStepRecord.History history = CleanStepRecord.history(stored);
            history.undo().forEach(undo::addLast);
            history.redo().forEach(redo::addLast);
        }
        if (restored.steps().stream().anyMatch(RecipeStep::enabled)) {
            session.cleanedDataProperty().set(null);   // until the recipe has run on the new data
        } else {
            session.cleanedDataProperty().set(data);   // nothing to clean: later steps work on the table as read
        }
        if (!restored.steps().isEmpty()) {
            apply(restored, null, null, adapted.switchedOff().isEmpty() && session.importedDataIsRestored());
        }
        syncUndo();
    }

    private void runProfile() {
        Dataset data = input;
        if (data == null) {
            return;
        }
        Optional<String> t = Optional.ofNullable(target.get());
        tasks.submit(Job.of(UserMessage.of("clean.job.profile"), progress -> ColumnProfiler.profile(data, t, progress))
                .onSuccess(prof -> {
                    if (data != input) {
                        return;
                    }
                    // the column shown first is chosen before the rows arrive, so the table selects it at once
                    if (selectedColumn.get() == null || prof.column(selectedColumn.get()).isEmpty()) {
                        selectedColumn.set(prof.columns().stream().filter(c -> c.type().isFeature())
                                .map(ColumnProfile::name).findFirst()
                                .orElse(prof.columns().isEmpty() ? null : prof.columns().get(0).name()));
                    }
                    profile.set(prof);
                    columns.setAll(prof.columns());
                    List<String> targets = new ArrayList<>(List.of(""));
                    List<String> splits = new ArrayList<>(List.of(""));
                    for (ColumnProfile c : prof.columns()) {
                        if (c.type() == ColumnType.CATEGORY && c.distinct() <= 10
                                || c.type() == ColumnType.NUMBER && c.distinct() == 2) {
                            targets.add(c.name());
                        }
                        if (c.type() == ColumnType.CATEGORY && c.distinct() <= 8) {
                            splits.add(c.name());
                        }
                    }
                    targetCandidates.setAll(targets);
                    splitCandidates.setAll(splits);
                    suggestions.setAll(RecipeSuggester.suggest(prof, Optional.ofNullable(salt.get())));
                    refreshDistribution();
                    updateExplanation();
                })
                .onFailure(e -> error.set(e instanceof WorkbenchException we ? we.userMessage()
                        : UserMessage.of("clean.error.unexpected", String.valueOf(e.getMessage())))));
    }

    /**
     * Counts the chosen column's distribution (and its state after the recipe) in the background: on a
     * million rows that is a tenth to a third of a second, too long for the UI thread. A newer request
     * makes an older result stale, so quick clicks never show the wrong column.
     */
    private void refreshDistribution() {
        String column = selectedColumn.get();
        long request = ++distributionRequest;
        if (input == null || column == null || input.spec(column).isEmpty() || !drawable(column)) {
            distribution.set(null);
            cleanedDistribution.set(null);
            return;
        }
        Dataset data = input;
        CleanResult r = result.get();
        Optional<String> split = Optional.ofNullable(splitBy.get()).filter(s -> !s.equals(column));
        int binCount = bins.get();
        tasks.submit(Job.of(UserMessage.of("clean.job.chart", column), progress -> {
            Distribution before = distributionOf(data, column, split, binCount);
            Distribution after = r != null && !r.effects().isEmpty() && r.dataset().spec(column).isPresent()
                    ? distributionOf(r.dataset(), column, split.filter(s -> r.dataset().spec(s).isPresent()), binCount)
                    : null;
            return new Distribution[] {before, after};
        }).onSuccess(both -> {
            if (request == distributionRequest) {
                distribution.set(both[0]);
                cleanedDistribution.set(both[1]);
            }
        }).onFailure(e -> error.set(e instanceof WorkbenchException we ? we.userMessage()
                : UserMessage.of("clean.error.unexpected", String.valueOf(e.getMessage())))));
    }

    /** Identifiers and free text have no distribution worth drawing: every value differs. */
    public boolean drawable(String column) {
        org.marketingworkbench.core.data.ColumnType type = input == null ? null
                : input.spec(column).map(org.marketingworkbench.core.data.ColumnSpec::type).orElse(null);
        return type == org.marketingworkbench.core.data.ColumnType.NUMBER
                || type == org.marketingworkbench.core.data.ColumnType.CATEGORY
                || type == org.marketingworkbench.core.data.ColumnType.DATETIME;
    }

    /** Runs on the worker thread: every input, the bin count included, is passed in rather than read from a property. */
    private static Distribution distributionOf(Dataset data, String column, Optional<String> split, int binCount)
            throws WorkbenchException {
        boolean numeric = data.spec(column).map(s -> s.type() == org.marketingworkbench.core.data.ColumnType.NUMBER)
                .orElse(false);
        return numeric ? Distributions.histogram(data, column, binCount, split) : Distributions.of(data, column, split);
    }

    // ---- project ----------------------------------------------------------------------------------

    /**
     * Keeps target, salt and recipe in the project; the fitted statistics when there are new ones.
     * {@code restoring}: the same recipe re-run on a just-opened project's unchanged data, not a change.
     */
    private void storeRecipe(Recipe r, CleanResult cleaned, org.marketingworkbench.core.clean.FittedRecipe fitted,
                             boolean restoring) {
        Project p = session.project();
        StepRecord old = p.step(Stage.CLEAN);
        StepRecord updated = CleanStepRecord.of(cleaned != null || old.done(), Optional.ofNullable(target.get()),
                salt.get(), r, cleaned, fitted);
        if (fitted == null) {
            // a new target alone keeps what the last run learned
            updated = new StepRecord(updated.done(), updated.settings(), old.result());
        }
        updated = CleanStepRecord.withHistory(updated, new CleanStepRecord.History(List.copyOf(undo), List.copyOf(redo)));
        if (restoring) {
            session.restore(p.withStep(Stage.CLEAN, updated));
        } else {
            session.update(p.withStep(Stage.CLEAN, updated));
        }
    }

    /** The fitted recipe as a JSON document, for "Export recipe…" and {@code clean --recipe}. */
    public Optional<String> fittedRecipeJson() {
        return CleanStepRecord.fittedJson(session.project().step(Stage.CLEAN));
    }

    private void updateExplanation() {
        List<UserMessage> paragraphs = new ArrayList<>();
        paragraphs.add(UserMessage.of("clean.explainPanel.what"));
        DatasetProfile prof = profile.get();
        if (prof != null) {
            long flagged = prof.columns().stream().filter(c -> !c.flags().isEmpty()).count();
            paragraphs.add(UserMessage.of("clean.explainPanel.profile", prof.rowCount(), prof.columns().size(), flagged));
        }
        RecipeItem last = items.isEmpty() ? null : items.get(items.size() - 1);
        if (last != null) {
            String op = last.step().op();
            paragraphs.add(UserMessage.of("clean.explain." + op + ".what"));
            paragraphs.add(UserMessage.of("clean.explain." + op + ".when"));
            paragraphs.add(UserMessage.of("clean.explain." + op + ".effect"));
            lastStepFigures.ifPresent(paragraphs::add);
        }
        paragraphs.add(UserMessage.of("clean.explainPanel.replay"));
        explanation.set(new Explanation(UserMessage.of("clean.explainPanel.title"), paragraphs));
    }
}
