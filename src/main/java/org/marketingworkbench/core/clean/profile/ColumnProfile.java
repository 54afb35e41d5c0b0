package org.marketingworkbench.core.clean.profile;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.marketingworkbench.core.data.ColumnType;

/**
 * What one column holds.
 *
 * @param rows all rows of the table
 * @param missing rows with no value (NaN, "" or null)
 * @param distinct distinct non-missing values
 * @param numeric summary for NUMBER columns
 * @param dates range for DATETIME columns
 * @param topCategories most frequent labels (text columns), most frequent first, at most
 *        {@link ProfileRules#TOP_CATEGORIES}; missing is not a category
 * @param targetAuc when a target was given: the area under the ROC curve this column reaches alone
 *        (folded so that 0.5 = useless, 1 = perfect); empty for the target itself and unscored columns
 */
public record ColumnProfile(String name, ColumnType type, int rows, int missing, int distinct,
        Optional<NumericSummary> numeric, Optional<DateSummary> dates, List<CategoryCount> topCategories,
        OptionalDouble targetAuc, List<QualityFlag> flags) {

    public ColumnProfile {
        topCategories = List.copyOf(topCategories);
        flags = List.copyOf(flags);
    }

    /** Share of missing rows in [0, 1]. */
    public double missingShare() {
        return rows == 0 ? 0 : (double) missing / rows;
    }

    public boolean has(FlagKind kind) {
        return flags.stream().anyMatch(f -> f.kind() == kind);
    }

    /** The placeholder code the profile flagged ("-1", "999"), written as a user would type it. */
    public Optional<String> placeholderCode() {
        if (!has(FlagKind.PLACEHOLDER_VALUE) || numeric.isEmpty()) {
            return Optional.empty();
        }
        double min = numeric.get().min();
        double code = ProfileRules.PLACEHOLDER_NEGATIVE_CODES.contains(min) ? min : numeric.get().max();
        return Optional.of(ColumnProfiler.formatNumber(code));
    }

    public Optional<QualityFlag> flag(FlagKind kind) {
        return flags.stream().filter(f -> f.kind() == kind).findFirst();
    }
}
