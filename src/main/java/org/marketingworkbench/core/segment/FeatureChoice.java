package org.marketingworkbench.core.segment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.columns.Column;

/**
 * Which columns can describe a segment, and which are ticked to start with: numbers and categories are
 * usable; identifiers, free text, dates and ignored columns are not (with the reason). Ticked by default:
 * the usable ones, except the target (a model predicts it; segments should not be built on it), columns with
 * one value, columns missing everywhere, and categories with more than {@value #MAX_DEFAULT_LEVELS} values
 * (each value becomes a column of its own).
 */
public final class FeatureChoice {

    public static final int MAX_DEFAULT_LEVELS = 20;

    /**
     * One column as the feature list shows it.
     *
     * @param usable    whether it can be chosen at all
     * @param suggested whether it is ticked to start with
     * @param reason    why (shown next to the column)
     */
    public record Candidate(String name, ColumnType type, boolean usable, boolean suggested, UserMessage reason) {
    }

    private FeatureChoice() {
    }

    public static List<Candidate> candidates(Dataset data, Optional<String> target) {
        List<Candidate> out = new ArrayList<>();
        for (ColumnSpec spec : data.columns()) {
            String name = spec.name();
            ColumnType type = spec.type();
            if (type != ColumnType.NUMBER && type != ColumnType.CATEGORY) {
                out.add(new Candidate(name, type, false, false, UserMessage.of("segment.feature." + type.id())));
                continue;
            }
            if (target.isPresent() && target.get().equals(name)) {
                out.add(new Candidate(name, type, true, false, UserMessage.of("segment.feature.target")));
                continue;
            }
            Column<?> col = data.table().column(name);
            Set<String> distinct = new HashSet<>();
            int present = 0;
            for (int i = 0; i < col.size() && distinct.size() <= MAX_DEFAULT_LEVELS; i++) {
                if (!FeaturePreparation.isMissing(col, i)) {
                    present++;
                    distinct.add(col.getString(i));
                }
            }
            if (present == 0) {
                out.add(new Candidate(name, type, true, false, UserMessage.of("segment.feature.allMissing")));
            } else if (distinct.size() < 2) {
                out.add(new Candidate(name, type, true, false, UserMessage.of("segment.feature.constant")));
            } else if (type == ColumnType.CATEGORY && distinct.size() > MAX_DEFAULT_LEVELS) {
                out.add(new Candidate(name, type, true, false,
                        UserMessage.of("segment.feature.manyLevels", MAX_DEFAULT_LEVELS)));
            } else {
                out.add(new Candidate(name, type, true, true, UserMessage.of("segment.feature." + type.id())));
            }
        }
        return out;
    }

    /** The columns ticked to start with, in table order. */
    public static List<String> defaults(Dataset data, Optional<String> target) {
        return candidates(data, target).stream().filter(Candidate::suggested).map(Candidate::name).toList();
    }
}
