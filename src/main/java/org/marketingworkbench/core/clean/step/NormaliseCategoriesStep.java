package org.marketingworkbench.core.clean.step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.DatasetEdit;
import org.marketingworkbench.core.clean.table.LabelCodes;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Tidies category labels, in this order: trim spaces, change case, merge spellings with a map
 * ("N.Y." → "New York"), and, when {@code rareShare > 0}, put labels rarer than that share of rows
 * into {@code otherLabel}. The labels kept are learned at fit time ({@code kept}); on new data any
 * label not kept, including one never seen before, becomes "other"; without rare grouping, labels
 * that were not met at fit time pass through and are reported as unseen.
 */
public record NormaliseCategoriesStep(boolean enabled, List<String> columns, boolean trim, CaseChange caseChange,
        Map<String, String> merge, double rareShare, String otherLabel, Map<String, List<String>> kept)
        implements RecipeStep {

    public static final String OP = "normaliseCategories";
    public static final String DEFAULT_OTHER = "other";

    public enum CaseChange { KEEP, LOWER, UPPER }

    public NormaliseCategoriesStep {
        columns = List.copyOf(columns);
        merge = merge == null ? Map.of() : Map.copyOf(merge);
        otherLabel = otherLabel == null ? DEFAULT_OTHER : otherLabel;
        kept = kept == null ? null : Map.copyOf(kept);
    }

    @Override
    public java.util.Optional<Invalid> invalid() {
        if (!RecipeStep.finite(rareShare) || rareShare < 0 || rareShare >= 1) {
            return java.util.Optional.of(new Invalid("rareShare", String.valueOf(rareShare)));
        }
        return java.util.Optional.empty();
    }

    public static NormaliseCategoriesStep of(List<String> columns, boolean trim, CaseChange caseChange,
            Map<String, String> merge, double rareShare) {
        return new NormaliseCategoriesStep(true, columns, trim, caseChange, merge, rareShare, DEFAULT_OTHER, null);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new NormaliseCategoriesStep(e, columns, trim, caseChange, merge, rareShare, otherLabel, kept);
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
        return kept != null;
    }

    private String normalise(String s) {
        String t = trim ? s.strip() : s;
        t = switch (caseChange) {
            case KEEP -> t;
            case LOWER -> t.toLowerCase(Locale.ROOT);
            case UPPER -> t.toUpperCase(Locale.ROOT);
        };
        return merge.getOrDefault(t, t);
    }

    private void requireText(Dataset data) throws CleanException {
        for (String c : columns) {
            Steps.requireType(data, c, java.util.EnumSet.of(org.marketingworkbench.core.data.ColumnType.CATEGORY,
                    org.marketingworkbench.core.data.ColumnType.TEXT), OP);
        }
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        requireText(data);
        Map<String, List<String>> learned = new LinkedHashMap<>();
        for (String c : columns) {
            LabelCodes codes = LabelCodes.of(data.table().column(c));
            int[] raw = codes.counts();
            Map<String, Integer> counts = new HashMap<>();
            for (int k = 0; k < raw.length; k++) {
                String n = normalise(codes.labels().get(k));
                if (!n.isEmpty()) {
                    counts.merge(n, raw[k], Integer::sum);
                }
            }
            Set<String> keep = new TreeSet<>();
            double min = rareShare * data.rowCount();
            counts.forEach((label, n) -> {
                if (rareShare <= 0 || n >= min) {
                    keep.add(label);
                }
            });
            learned.put(c, new ArrayList<>(keep));
        }
        return new NormaliseCategoriesStep(enabled, columns, trim, caseChange, merge, rareShare, otherLabel, learned);
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        Steps.requireFitted(this);
        requireText(data);
        DatasetEdit edit = new DatasetEdit(data);
        long changed = 0;
        Map<String, List<String>> unseen = new LinkedHashMap<>();
        for (String c : columns) {
            LabelCodes codes = LabelCodes.of(data.table().column(c));
            Set<String> keep = new HashSet<>(kept.getOrDefault(c, List.of()));
            Set<String> newLabels = new TreeSet<>();
            String[] to = new String[codes.levels()];
            boolean[] differs = new boolean[codes.levels()];
            for (int k = 0; k < to.length; k++) {
                String raw = codes.labels().get(k);
                String n = normalise(raw);
                if (!n.isEmpty() && !keep.contains(n)) {
                    if (rareShare > 0) {
                        n = otherLabel;
                    } else {
                        newLabels.add(n);
                    }
                }
                to[k] = n;
                differs[k] = !n.equals(raw);
            }
            for (int code : codes.codes()) {
                if (code >= 0 && differs[code]) {
                    changed++;
                }
            }
            if (!newLabels.isEmpty()) {
                unseen.put(c, new ArrayList<>(newLabels));
            }
            edit.replace(codes.relabel(c, to), data.spec(c).orElseThrow());
        }
        return new StepOutput(edit.build(), new StepEffect(OP, data.rowCount(), data.rowCount(), changed, List.of(),
                List.of(), unseen, List.of()));
    }
}
