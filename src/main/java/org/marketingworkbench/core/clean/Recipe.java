package org.marketingworkbench.core.clean;

import java.util.ArrayList;
import java.util.List;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * An ordered list of cleaning steps, each enabled or not. An immutable value: every edit returns a new
 * recipe, so a ViewModel can keep a history for undo/redo by keeping the old values.
 */
public record Recipe(List<RecipeStep> steps) {

    public Recipe {
        steps = List.copyOf(steps);
    }

    public static Recipe empty() {
        return new Recipe(List.of());
    }

    public static Recipe of(RecipeStep... steps) {
        return new Recipe(List.of(steps));
    }

    public Recipe add(RecipeStep step) {
        List<RecipeStep> s = new ArrayList<>(steps);
        s.add(step);
        return new Recipe(s);
    }

    public Recipe insert(int index, RecipeStep step) {
        List<RecipeStep> s = new ArrayList<>(steps);
        s.add(index, step);
        return new Recipe(s);
    }

    public Recipe remove(int index) {
        List<RecipeStep> s = new ArrayList<>(steps);
        s.remove(index);
        return new Recipe(s);
    }

    public Recipe replace(int index, RecipeStep step) {
        List<RecipeStep> s = new ArrayList<>(steps);
        s.set(index, step);
        return new Recipe(s);
    }

    public Recipe move(int from, int to) {
        List<RecipeStep> s = new ArrayList<>(steps);
        s.add(to, s.remove(from));
        return new Recipe(s);
    }

    public Recipe withEnabled(int index, boolean enabled) {
        return replace(index, steps.get(index).withEnabled(enabled));
    }

    /**
     * Fits the enabled steps in order, each on the output of the steps before it, and returns the fitted
     * recipe with the statistics it learned and the schema it was fitted on. {@code data} is unchanged.
     */
    public FittedRecipe fit(Dataset data, Progress progress) throws CleanException {
        return fitAndApply(data, progress).recipe();
    }

    /**
     * A recipe made to fit a table: the enabled steps that read a column the table lacks are switched off, and
     * named, so a recipe replayed on another file does not fail on the first of them.
     *
     * @param recipe        the recipe with those steps switched off
     * @param switchedOff   their positions, 1-based, in recipe order
     * @param absentColumns the columns they read that the table lacks, sorted
     */
    public record Adapted(Recipe recipe, List<Integer> switchedOff, java.util.SortedSet<String> absentColumns) {

        public Adapted {
            switchedOff = List.copyOf(switchedOff);
            absentColumns = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(absentColumns));
        }

        /** What the user should be told ("2 recipe steps (3, 5) were switched off: …"), if anything was switched off. */
        public java.util.Optional<UserMessage> notice() {
            if (switchedOff.isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(UserMessage.of("clean.notice.stepsOff", switchedOff.size(),
                    switchedOff.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")),
                    String.join(", ", absentColumns)));
        }
    }

    /** This recipe with every enabled step that reads a column {@code data} lacks switched off (see {@link Adapted}). */
    public Adapted adaptTo(Dataset data) {
        Recipe adapted = this;
        List<Integer> off = new ArrayList<>();
        java.util.SortedSet<String> absent = new java.util.TreeSet<>();
        for (int i = 0; i < steps.size(); i++) {
            RecipeStep step = steps.get(i);
            List<String> lacking = step.requiredColumns().stream().filter(c -> data.spec(c).isEmpty()).toList();
            if (step.enabled() && !lacking.isEmpty()) {
                off.add(i + 1);
                absent.addAll(lacking);
                adapted = adapted.withEnabled(i, false);
            }
        }
        return new Adapted(adapted, off, absent);
    }

    /** A fitted recipe and the table it produced from the data it was fitted on. */
    public record Run(FittedRecipe recipe, CleanResult result) {
    }

    /** Fits the recipe on {@code data} and returns it together with the cleaned {@code data} (one pass). */
    public Run fitAndApply(Dataset data, Progress progress) throws CleanException {
        List<RecipeStep> fitted = new ArrayList<>(steps.size());
        List<org.marketingworkbench.core.clean.step.StepEffect> effects = new ArrayList<>();
        Dataset current = data;
        for (int i = 0; i < steps.size(); i++) {
            progress.throwIfCancelled();
            RecipeStep step = steps.get(i);
            progress.report((double) i / Math.max(1, steps.size()), UserMessage.of("clean.progress.step", i + 1, step.title()));
            if (!step.enabled()) {
                fitted.add(step);
                continue;
            }
            RecipeStep f = step.fit(current);
            org.marketingworkbench.core.clean.step.StepOutput out = f.apply(current);
            fitted.add(f);
            effects.add(out.effect());
            current = out.data();
        }
        progress.report(1);
        FittedRecipe recipe = FittedRecipe.of(fitted, data);
        ReplayReport none = new ReplayReport(List.of(), List.of(), java.util.Map.of(), List.of());
        return new Run(recipe, new CleanResult(current, effects, none));
    }
}
