package org.marketingworkbench.ui.clean;

import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.clean.step.DateFeaturesStep;
import org.marketingworkbench.core.clean.step.DropColumnsStep;
import org.marketingworkbench.core.clean.step.FixTypesStep;
import org.marketingworkbench.core.clean.step.MarkMissingStep;
import org.marketingworkbench.core.clean.step.MaskPersonalStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.NormaliseCategoriesStep;
import org.marketingworkbench.core.clean.step.OutliersStep;
import org.marketingworkbench.core.clean.step.RatioStep;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.step.RemoveDuplicatesStep;
import org.marketingworkbench.core.clean.step.ScaleStep;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * What the "Add a step" form holds: the operation, the columns chosen in the profile, and the
 * options of that operation. It turns into a recipe step, or says what is missing.
 */
public record StepDraft(String op, List<String> columns, MissingValuesStep.Strategy missingStrategy,
                        String constant, boolean indicator, ColumnType fixTo, boolean trim,
                        NormaliseCategoriesStep.CaseChange caseChange, double rarePercent, OutliersStep.Rule outlierRule,
                        OutliersStep.Action outlierAction, ScaleStep.Method scaleMethod, boolean daysSince,
                        boolean month, boolean weekday, String ratioName, MaskPersonalStep.Method maskMethod,
                        boolean duplicatesOnColumns) {

    public StepDraft {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** A draft with the usual defaults, for the given operation and columns. */
    public static StepDraft defaults(String op, List<String> columns) {
        return new StepDraft(op, columns, MissingValuesStep.Strategy.MEDIAN, "", false, ColumnType.NUMBER, true,
                NormaliseCategoriesStep.CaseChange.LOWER, 1.0, OutliersStep.Rule.IQR, OutliersStep.Action.CAP,
                ScaleStep.Method.Z_SCORE, true, true, true, "", MaskPersonalStep.Method.HASH, false);
    }

    /** The draft as a step, or the reason it cannot be one yet. */
    public Result build(String projectSalt) {
        boolean needsColumns = !RemoveDuplicatesStep.OP.equals(op) || duplicatesOnColumns;
        if (needsColumns && columns.isEmpty()) {
            return Result.problem(UserMessage.of("clean.form.chooseColumns"));
        }
        RecipeStep step = switch (op) {
            case DropColumnsStep.OP -> new DropColumnsStep(true, columns);
            case RemoveDuplicatesStep.OP -> duplicatesOnColumns ? RemoveDuplicatesStep.onKeys(columns)
                    : RemoveDuplicatesStep.exact();
            case MarkMissingStep.OP -> MarkMissingStep.of(columns, constant);
            case MissingValuesStep.OP -> missingStrategy == MissingValuesStep.Strategy.CONSTANT
                    ? MissingValuesStep.constant(columns, constant, indicator)
                    : MissingValuesStep.of(columns, missingStrategy, indicator);
            case FixTypesStep.OP -> columns.size() != 1 ? null
                    : fixTo == ColumnType.DATETIME ? FixTypesStep.toDate(columns.get(0)) : FixTypesStep.toNumber(columns.get(0));
            case NormaliseCategoriesStep.OP -> NormaliseCategoriesStep.of(columns, trim, caseChange, Map.of(),
                    Math.max(0, rarePercent) / 100.0);
            case OutliersStep.OP -> OutliersStep.of(columns, outlierRule, outlierAction);
            case ScaleStep.OP -> ScaleStep.of(columns, scaleMethod);
            case DateFeaturesStep.OP -> columns.size() != 1 ? null
                    : DateFeaturesStep.of(columns.get(0), daysSince, month, weekday);
            case RatioStep.OP -> columns.size() != 2 ? null : RatioStep.of(columns.get(0), columns.get(1),
                    ratioName == null || ratioName.isBlank() ? columns.get(0) + "_per_" + columns.get(1) : ratioName.strip());
            case MaskPersonalStep.OP -> maskMethod == MaskPersonalStep.Method.DROP ? MaskPersonalStep.drop(columns)
                    : MaskPersonalStep.hash(columns, projectSalt);
            default -> throw new IllegalArgumentException("unknown operation " + op);
        };
        if (step == null) {
            return Result.problem(UserMessage.of(RatioStep.OP.equals(op) ? "clean.form.chooseTwo" : "clean.form.chooseOne"));
        }
        return new Result(step, null);
    }

    /** A built step or the problem that prevents it. */
    public record Result(RecipeStep step, UserMessage problem) {
        static Result problem(UserMessage m) {
            return new Result(null, m);
        }
    }

    /** Loads an existing step back into a draft, so it can be edited. */
    public static StepDraft of(RecipeStep step) {
        StepDraft d = defaults(step.op(), step.requiredColumns());
        if (step instanceof MarkMissingStep m) {   // the value to treat as missing is kept in the text field
            return d.with(d.missingStrategy, m.value(), d.indicator);
        }
        if (step instanceof MissingValuesStep m) {
            return d.with(m.strategy(), m.constant() == null ? "" : m.constant(), m.addIndicator());
        }
        if (step instanceof OutliersStep o) {
            return new StepDraft(d.op, d.columns, d.missingStrategy, d.constant, d.indicator, d.fixTo, d.trim,
                    d.caseChange, d.rarePercent, o.rule(), o.action(), d.scaleMethod, d.daysSince, d.month,
                    d.weekday, d.ratioName, d.maskMethod, d.duplicatesOnColumns);
        }
        if (step instanceof ScaleStep s) {
            return new StepDraft(d.op, d.columns, d.missingStrategy, d.constant, d.indicator, d.fixTo, d.trim,
                    d.caseChange, d.rarePercent, d.outlierRule, d.outlierAction, s.method(), d.daysSince, d.month,
                    d.weekday, d.ratioName, d.maskMethod, d.duplicatesOnColumns);
        }
        if (step instanceof RemoveDuplicatesStep r) {
            return new StepDraft(d.op, r.keyColumns() == null ? List.of() : r.keyColumns(), d.missingStrategy,
                    d.constant, d.indicator, d.fixTo, d.trim, d.caseChange, d.rarePercent, d.outlierRule,
                    d.outlierAction, d.scaleMethod, d.daysSince, d.month, d.weekday, d.ratioName, d.maskMethod,
                    r.keyColumns() != null && !r.keyColumns().isEmpty());
        }
        return d;
    }

    private StepDraft with(MissingValuesStep.Strategy strategy, String constantValue, boolean addIndicator) {
        return new StepDraft(op, columns, strategy, constantValue, addIndicator, fixTo, trim, caseChange, rarePercent,
                outlierRule, outlierAction, scaleMethod, daysSince, month, weekday, ratioName, maskMethod,
                duplicatesOnColumns);
    }
}
