package org.marketingworkbench.ui.clean;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
        return profile.isNotNull();
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
            storeRecipe(recipe.get(), result.get() == null ? null : result.get());
        }
    }

    public void addStep(RecipeStep step) {
        change(recipe.get().add(step));
    }

    public void replaceStep(int index, RecipeStep step) {
        change(recipe.get().replace(index, step));
    }

    public void removeStep(int index) {
        change(recipe.get().remove(index));
    }

    public void moveStep(int from, int to) {
        if (to < 0 || to >= recipe.get().steps().size() || from == to) {
            return;
        }
        change(recipe.get().move(from, to));
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
        apply(recipe.get(), false, null, next);
    }

    public void undo() {
        if (!undo.isEmpty()) {
            Recipe previous = undo.pop();
            redo.push(recipe.get());
            apply(previous, false);
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            Recipe next = redo.pop();
            undo.push(recipe.get());
            apply(next, false);
        }
    }

    private void change(Recipe changed) {
        if (busy.get() || input == null || changed.equals(recipe.get())) {
            return;
        }
        Recipe before = recipe.get();
        apply(changed, true, before);
    }

    private void apply(Recipe candidate, boolean recordUndo) {
        apply(candidate, recordUndo, null, null);
    }

    private void apply(Recipe candidate, boolean recordUndo, Recipe before) {
        apply(candidate, recordUndo, before, null);
    }

    /** Fits and applies {@code candidate}; only on success does it become the recipe. */
    private void apply(Recipe candidate, boolean recordUndo, Recipe before, Runnable then) {
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
                    if (recordUndo && before != null) {
                        undo.push(before);
                        redo.clear();
                    }
                    error.set(null);
                    recipe.set(candidate);
                    result.set(run.result());
                    showItems(candidate, run.result());
                    session.cleanedDataProperty().set(run.result().dataset());
                    storeRecipe(candidate, run.result(), run.recipe());
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
        runProfile();
        if (!restored.steps().isEmpty()) {
            apply(restored, false);
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
                    profile.set(prof);
                    columns.setAll(prof.columns());
                    suggestions.setAll(RecipeSuggester.suggest(prof, Optional.ofNullable(salt.get())));
                    if (selectedColumn.get() == null || prof.column(selectedColumn.get()).isEmpty()) {
                        selectedColumn.set(prof.columns().stream().filter(c -> c.type().isFeature())
                                .map(ColumnProfile::name).findFirst()
                                .orElse(prof.columns().isEmpty() ? null : prof.columns().get(0).name()));
                    }
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

    /** Keeps target, salt and recipe in the project; the fitted statistics when there are new ones. */
    private void storeRecipe(Recipe r, CleanResult cleaned) {
        storeRecipe(r, cleaned, null);
    }

    private void storeRecipe(Recipe r, CleanResult cleaned, org.marketingworkbench.core.clean.FittedRecipe fitted) {
        Project p = session.project();
        StepRecord old = p.step(Stage.CLEAN);
        StepRecord updated = CleanStepRecord.of(cleaned != null || old.done(), Optional.ofNullable(target.get()),
                salt.get(), r, cleaned, fitted);
        if (fitted == null) {
            // a new target alone keeps what the last run learned
            updated = new StepRecord(updated.done(), updated.settings(), old.result());
        }
        session.update(p.withStep(Stage.CLEAN, updated));
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
