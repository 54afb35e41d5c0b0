package org.marketingworkbench.core.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marketingworkbench.core.clean.profile.ColumnProfile;
import org.marketingworkbench.core.clean.profile.DatasetProfile;
import org.marketingworkbench.core.clean.profile.FlagKind;
import org.marketingworkbench.core.clean.step.DropColumnsStep;
import org.marketingworkbench.core.clean.step.MarkMissingStep;
import org.marketingworkbench.core.clean.step.MaskPersonalStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.NormaliseCategoriesStep;
import org.marketingworkbench.core.clean.step.OutliersStep;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.data.ColumnType;

/**
 * Proposes recipe steps from the profile's flags; the user accepts each one. The target column is
 * never touched. Order: drop leaking, identifier and constant columns; mask personal data; treat
 * placeholder codes as missing (keeping a 0/1 indicator of where they were); fill missing values; group rare labels of high-cardinality categories; cap outliers.
 */
public final class RecipeSuggester {

    /** Label given to missing category values by the suggested fill step. */
    public static final String MISSING_LABEL = "missing";
    /** Share below which the suggested grouping puts a label into "other". */
    public static final double RARE_SHARE = 0.01;

    private RecipeSuggester() {
    }

    /** Suggestions that drop personal data (no salt at hand to hash it). */
    public static List<RecipeStep> suggest(DatasetProfile profile) {
        return suggest(profile, Optional.empty());
    }

    /** Suggestions that hash personal data with the project's salt when one is given. */
    public static List<RecipeStep> suggest(DatasetProfile profile, Optional<String> projectSalt) {
        String target = profile.target().orElse(null);
        List<ColumnProfile> cols = profile.columns().stream().filter(c -> !c.name().equals(target)).toList();
        List<RecipeStep> out = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        for (ColumnProfile c : cols) {
            if (c.has(FlagKind.TARGET_LEAKAGE) || c.has(FlagKind.CONSTANT)
                    || (c.has(FlagKind.IDENTIFIER_LIKE) && !c.has(FlagKind.PERSONAL_DATA))) {
                drop.add(c.name());
            } else if (c.has(FlagKind.PERSONAL_DATA)) {
                personal.add(c.name());
            }
        }
        if (!drop.isEmpty()) {
            out.add(new DropColumnsStep(drop));
        }
        if (!personal.isEmpty()) {
            out.add(projectSalt.isPresent() ? MaskPersonalStep.hash(personal, projectSalt.get())
                    : MaskPersonalStep.drop(personal));
        }
        List<ColumnProfile> kept = cols.stream().filter(c -> !drop.contains(c.name()) && !personal.contains(c.name())).toList();
        List<String> placeholders = new ArrayList<>();
        for (ColumnProfile c : kept) {
            c.placeholderCode().ifPresent(code -> {
                out.add(MarkMissingStep.of(List.of(c.name()), code));
                placeholders.add(c.name());
            });
        }
        if (!placeholders.isEmpty()) {
            // the indicator keeps what the placeholder said ("never contacted") as a 0/1 feature
            out.add(MissingValuesStep.of(placeholders, MissingValuesStep.Strategy.MEDIAN, true));
        }
        List<String> mostlyMissingNumbers = new ArrayList<>();
        List<String> someMissingNumbers = new ArrayList<>();
        List<String> missingLabels = new ArrayList<>();
        for (ColumnProfile c : kept) {
            if (c.missing() == 0 || c.missing() == c.rows() || placeholders.contains(c.name())) {
                continue;
            }
            if (c.type() == ColumnType.NUMBER) {
                (c.has(FlagKind.MOSTLY_MISSING) ? mostlyMissingNumbers : someMissingNumbers).add(c.name());
            } else if (c.type() == ColumnType.CATEGORY) {
                missingLabels.add(c.name());
            }
        }
        if (!mostlyMissingNumbers.isEmpty()) {
            out.add(MissingValuesStep.of(mostlyMissingNumbers, MissingValuesStep.Strategy.MEDIAN, true));
        }
        if (!someMissingNumbers.isEmpty()) {
            out.add(MissingValuesStep.of(someMissingNumbers, MissingValuesStep.Strategy.MEDIAN, false));
        }
        if (!missingLabels.isEmpty()) {
            out.add(MissingValuesStep.constant(missingLabels, MISSING_LABEL, false));
        }
        List<String> highCard = kept.stream().filter(c -> c.has(FlagKind.HIGH_CARDINALITY)).map(ColumnProfile::name).toList();
        if (!highCard.isEmpty()) {
            out.add(NormaliseCategoriesStep.of(highCard, true, NormaliseCategoriesStep.CaseChange.KEEP,
                    java.util.Map.of(), RARE_SHARE));
        }
        List<String> outliers = kept.stream().filter(c -> c.type() == ColumnType.NUMBER && c.has(FlagKind.OUTLIERS))
                .map(ColumnProfile::name).toList();
        if (!outliers.isEmpty()) {
            out.add(OutliersStep.of(outliers, OutliersStep.Rule.IQR, OutliersStep.Action.CAP));
        }
        return out;
    }
}
