package org.marketingworkbench.core.clean;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.step.StepEffect;
import org.marketingworkbench.core.clean.step.StepOutput;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.columns.Column;

/**
 * A recipe whose enabled steps hold the statistics they learned, plus the schema it was fitted on and,
 * for category columns with at most {@link #MAX_KNOWN_LABELS} labels, the labels seen. Applying it to
 * new data repeats exactly the same transformation and reports how the new data differs.
 */
public record FittedRecipe(List<RecipeStep> steps, List<SchemaColumn> inputSchema,
        Map<String, List<String>> knownCategories) {

    /** Category columns with more labels than this are not checked for unseen labels. */
    public static final int MAX_KNOWN_LABELS = 1000;

    public FittedRecipe {
        steps = List.copyOf(steps);
        inputSchema = List.copyOf(inputSchema);
        knownCategories = Map.copyOf(knownCategories);
    }

    static FittedRecipe of(List<RecipeStep> fittedSteps, Dataset fittedOn) {
        List<SchemaColumn> schema = fittedOn.columns().stream().map(c -> new SchemaColumn(c.name(), c.type())).toList();
        Map<String, List<String>> known = new LinkedHashMap<>();
        for (ColumnSpec c : fittedOn.columns()) {
            if (c.type() == ColumnType.CATEGORY) {
                Set<String> labels = labels(fittedOn.table().column(c.name()), MAX_KNOWN_LABELS + 1);
                if (labels.size() <= MAX_KNOWN_LABELS) {
                    known.put(c.name(), new ArrayList<>(new TreeSet<>(labels)));
                }
            }
        }
        return new FittedRecipe(fittedSteps, schema, known);
    }

    private static Set<String> labels(Column<?> c, int limit) {
        Set<String> s = new HashSet<>();
        for (int r = 0; r < c.size() && s.size() < limit; r++) {
            if (!c.isMissing(r)) {
                s.add(c.getString(r));
            }
        }
        return s;
    }

    /**
     * The recipe as it applies to customers being scored: every customer must come out with a score, so the steps
     * that remove rows (duplicates, missing values dropped, outliers removed) are switched off; every other step
     * keeps its learned statistics.
     */
    public FittedRecipe forScoring() {
        if (steps.stream().noneMatch(s -> s.enabled() && s.removesRows())) {
            return this;
        }
        return new FittedRecipe(steps.stream().map(s -> s.enabled() && s.removesRows() ? s.withEnabled(false) : s).toList(),
                inputSchema, knownCategories);
    }

    /** The recipe's settings with the learned statistics kept (re-fitting replaces them). */
    public Recipe recipe() {
        return new Recipe(steps);
    }

    /** Columns the recipe needs from its input: read by a step and not created by an earlier step. */
    public List<String> requiredColumns() {
        Set<String> required = new LinkedHashSet<>();
        Set<String> schema = new HashSet<>();
        inputSchema.forEach(c -> schema.add(c.name()));
        for (RecipeStep s : steps) {
            if (s.enabled()) {
                for (String c : s.requiredColumns()) {
                    if (schema.contains(c)) {
                        required.add(c);
                    }
                }
            }
        }
        return List.copyOf(required);
    }

    /** Compares new data with the fitted-on schema without changing anything. */
    public ReplayReport check(Dataset data) {
        Map<String, ColumnType> now = new HashMap<>();
        data.columns().forEach(c -> now.put(c.name(), c.type()));
        Set<String> required = new HashSet<>(requiredColumns());
        List<String> missing = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        Set<String> fittedNames = new HashSet<>();
        for (SchemaColumn c : inputSchema) {
            fittedNames.add(c.name());
            ColumnType t = now.get(c.name());
            if (t == null) {
                if (!required.contains(c.name())) {
                    missing.add(c.name());
                }
            } else if (t != c.type()) {
                changes.add(c.name() + ": " + c.type().id() + " → " + t.id());
            }
        }
        List<String> extra = data.columns().stream().map(ColumnSpec::name).filter(n -> !fittedNames.contains(n)).toList();
        Map<String, List<String>> unseen = new LinkedHashMap<>();
        knownCategories.forEach((name, labels) -> {
            if (now.get(name) != null && now.get(name) != ColumnType.NUMBER && now.get(name) != ColumnType.DATETIME) {
                Set<String> known = new HashSet<>(labels);
                Set<String> fresh = new TreeSet<>();
                for (String l : labels(data.table().column(name), Integer.MAX_VALUE)) {
                    if (!known.contains(l)) {
                        fresh.add(l);
                    }
                }
                if (!fresh.isEmpty()) {
                    unseen.put(name, new ArrayList<>(fresh));
                }
            }
        });
        return new ReplayReport(missing, extra, unseen, changes);
    }

    /**
     * Applies the fitted steps in order to {@code data} (unchanged) using the stored statistics.
     *
     * @throws CleanException COLUMN_MISSING when a column a step needs is absent (before any work),
     *         or whatever a step refuses (e.g. ALL_ROWS_REMOVED)
     */
    public CleanResult apply(Dataset data, Progress progress) throws CleanException {
        for (String c : requiredColumns()) {
            if (data.spec(c).isEmpty()) {
                throw new CleanException(CleanException.Reason.COLUMN_MISSING,
                        UserMessage.of("clean.error.recipeColumnMissing", c));
            }
        }
        ReplayReport report = check(data);
        List<StepEffect> effects = new ArrayList<>();
        Dataset current = data;
        for (int i = 0; i < steps.size(); i++) {
            progress.throwIfCancelled();
            RecipeStep step = steps.get(i);
            progress.report((double) i / Math.max(1, steps.size()), UserMessage.of("clean.progress.step", i + 1, step.title()));
            if (!step.enabled()) {
                continue;
            }
            StepOutput out = step.apply(current);
            effects.add(out.effect());
            current = out.data();
        }
        progress.report(1);
        return new CleanResult(current, effects, report);
    }
}
