package org.marketingworkbench.core.clean.step;

import static org.marketingworkbench.core.clean.step.StepOption.choice;
import static org.marketingworkbench.core.clean.step.StepOption.flag;
import static org.marketingworkbench.core.clean.step.StepOption.hidden;
import static org.marketingworkbench.core.clean.step.StepOption.number;
import static org.marketingworkbench.core.clean.step.StepOption.text;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marketingworkbench.core.data.ColumnType;

/**
 * The registry of cleaning operations, in the order the recipe panel offers them. Adding an operation
 * is one entry here (plus its step class and its texts); the form, the JSON binding, the Explain panel
 * and the CLI read this list.
 */
public final class Operations {

    /** The removeDuplicates option that makes it compare only the chosen columns. */
    static final String ON_KEYS = "onKeys";

    private static final Set<ColumnType> NUMBERS = EnumSet.of(ColumnType.NUMBER);
    private static final Set<ColumnType> ANY = Set.of();

    private static final List<Operation> ALL = List.of(
            new Operation(DropColumnsStep.OP, DropColumnsStep.class, Operation.Arity.SOME, ANY, List.of(),
                    (s, salt) -> new DropColumnsStep(true, s.columns()),
                    step -> settings(DropColumnsStep.OP, ((DropColumnsStep) step).columns())),
            new Operation(RemoveDuplicatesStep.OP, RemoveDuplicatesStep.class, Operation.Arity.OPTIONAL, ANY,
                    List.of(flag(ON_KEYS, "clean.form.duplicateKeys", false)),
                    (s, salt) -> s.flag(ON_KEYS) ? RemoveDuplicatesStep.onKeys(s.columns()) : RemoveDuplicatesStep.exact(),
                    step -> {
                        List<String> keys = ((RemoveDuplicatesStep) step).keyColumns();
                        return settings(RemoveDuplicatesStep.OP, keys, ON_KEYS, !keys.isEmpty());
                    }),
            new Operation(MarkMissingStep.OP, MarkMissingStep.class, Operation.Arity.SOME, ANY,
                    List.of(text("value", "clean.form.markValue", "clean.form.markValuePrompt")),
                    (s, salt) -> MarkMissingStep.of(s.columns(), s.text("value")),
                    step -> {
                        MarkMissingStep m = (MarkMissingStep) step;
                        return settings(MarkMissingStep.OP, m.columns(), "value", m.value());
                    }),
            new Operation(MissingValuesStep.OP, MissingValuesStep.class, Operation.Arity.SOME, ANY,
                    List.of(choice("strategy", "clean.form.strategy", MissingValuesStep.Strategy.values(),
                                    "clean.form.strategy.", Map.of(MissingValuesStep.Strategy.MEAN.name(), NUMBERS,
                                            MissingValuesStep.Strategy.MEDIAN.name(), NUMBERS),
                                    MissingValuesStep.Strategy.MEDIAN, MissingValuesStep.Strategy.MOST_FREQUENT),
                            text("constant", null, "clean.form.constantPrompt")
                                    .onlyWhen("strategy", MissingValuesStep.Strategy.CONSTANT.name()),
                            flag("indicator", "clean.form.indicator", false)),
                    (s, salt) -> {
                        MissingValuesStep.Strategy strategy = s.choice("strategy", MissingValuesStep.Strategy.class);
                        return strategy == MissingValuesStep.Strategy.CONSTANT
                                ? MissingValuesStep.constant(s.columns(), s.text("constant"), s.flag("indicator"))
                                : MissingValuesStep.of(s.columns(), strategy, s.flag("indicator"));
                    },
                    step -> {
                        MissingValuesStep m = (MissingValuesStep) step;
                        return settings(MissingValuesStep.OP, m.columns(), "strategy", m.strategy().name(),
                                "constant", m.constant() == null ? "" : m.constant(), "indicator", m.addIndicator());
                    }),
            new Operation(FixTypesStep.OP, FixTypesStep.class, Operation.Arity.ONE,
                    EnumSet.of(ColumnType.CATEGORY, ColumnType.TEXT, ColumnType.IDENTIFIER),
                    List.of(choice("to", "clean.form.fixTo", new ColumnType[] {ColumnType.NUMBER, ColumnType.DATETIME},
                            "type.", Map.of(), ColumnType.NUMBER)),
                    (s, salt) -> s.choice("to", ColumnType.class) == ColumnType.DATETIME
                            ? FixTypesStep.toDate(s.columns().get(0)) : FixTypesStep.toNumber(s.columns().get(0)),
                    step -> {
                        FixTypesStep f = (FixTypesStep) step;
                        return settings(FixTypesStep.OP, List.of(f.column()), "to", f.to().name());
                    }),
            new Operation(NormaliseCategoriesStep.OP, NormaliseCategoriesStep.class, Operation.Arity.SOME,
                    EnumSet.of(ColumnType.CATEGORY, ColumnType.TEXT),
                    List.of(flag("trim", "clean.form.trim", true),
                            choice("caseChange", "clean.form.case", NormaliseCategoriesStep.CaseChange.values(),
                                    "clean.form.case.", Map.of(), NormaliseCategoriesStep.CaseChange.LOWER),
                            number("rarePercent", "clean.form.rare", 0, 20, 0.5, 1.0),
                            hidden("merge", Map.of()),
                            hidden("otherLabel", NormaliseCategoriesStep.DEFAULT_OTHER)),
                    (s, salt) -> {
                        @SuppressWarnings("unchecked")
                        Map<String, String> merge = s.value("merge") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
                        String other = s.text("otherLabel").isEmpty() ? NormaliseCategoriesStep.DEFAULT_OTHER : s.text("otherLabel");
                        return new NormaliseCategoriesStep(true, s.columns(), s.flag("trim"),
                                s.choice("caseChange", NormaliseCategoriesStep.CaseChange.class), merge,
                                Math.max(0, s.number("rarePercent")) / 100.0, other, null);
                    },
                    step -> {
                        NormaliseCategoriesStep n = (NormaliseCategoriesStep) step;
                        return settings(NormaliseCategoriesStep.OP, n.columns(), "trim", n.trim(),
                                "caseChange", n.caseChange().name(), "rarePercent", Math.round(n.rareShare() * 1e8) / 1e6,
                                "merge", n.merge(), "otherLabel", n.otherLabel());
                    }),
            new Operation(OutliersStep.OP, OutliersStep.class, Operation.Arity.SOME, NUMBERS,
                    List.of(choice("rule", "clean.form.rule", OutliersStep.Rule.values(), "clean.form.rule.", Map.of(),
                                    OutliersStep.Rule.IQR),
                            choice("action", "clean.form.action", OutliersStep.Action.values(), "clean.form.action.",
                                    Map.of(), OutliersStep.Action.CAP)),
                    (s, salt) -> OutliersStep.of(s.columns(), s.choice("rule", OutliersStep.Rule.class),
                            s.choice("action", OutliersStep.Action.class)),
                    step -> {
                        OutliersStep o = (OutliersStep) step;
                        return settings(OutliersStep.OP, o.columns(), "rule", o.rule().name(), "action", o.action().name());
                    }),
            new Operation(ScaleStep.OP, ScaleStep.class, Operation.Arity.SOME, NUMBERS,
                    List.of(choice("method", "clean.form.method", ScaleStep.Method.values(), "clean.form.scale.",
                            Map.of(), ScaleStep.Method.Z_SCORE)),
                    (s, salt) -> ScaleStep.of(s.columns(), s.choice("method", ScaleStep.Method.class)),
                    step -> {
                        ScaleStep sc = (ScaleStep) step;
                        return settings(ScaleStep.OP, sc.columns(), "method", sc.method().name());
                    }),
            new Operation(DateFeaturesStep.OP, DateFeaturesStep.class, Operation.Arity.ONE, EnumSet.of(ColumnType.DATETIME),
                    List.of(flag("daysSince", "clean.form.daysSince", true), flag("month", "clean.form.month", true),
                            flag("weekday", "clean.form.weekday", true)),
                    (s, salt) -> DateFeaturesStep.of(s.columns().get(0), s.flag("daysSince"), s.flag("month"),
                            s.flag("weekday")),
                    step -> {
                        DateFeaturesStep d = (DateFeaturesStep) step;
                        return settings(DateFeaturesStep.OP, List.of(d.column()), "daysSince", d.daysSince(),
                                "month", d.month(), "weekday", d.weekday());
                    }),
            new Operation(RatioStep.OP, RatioStep.class, Operation.Arity.TWO, NUMBERS,
                    List.of(text("name", "clean.form.ratioName", "clean.form.ratioPrompt")),
                    (s, salt) -> RatioStep.of(s.columns().get(0), s.columns().get(1), s.text("name").isBlank()
                            ? s.columns().get(0) + "_per_" + s.columns().get(1) : s.text("name").strip()),
                    step -> {
                        RatioStep r = (RatioStep) step;
                        return settings(RatioStep.OP, List.of(r.numerator(), r.denominator()), "name", r.newColumn());
                    }),
            new Operation(MaskPersonalStep.OP, MaskPersonalStep.class, Operation.Arity.SOME, ANY,
                    List.of(choice("method", "clean.form.method", MaskPersonalStep.Method.values(), "clean.form.mask.",
                                    Map.of(), MaskPersonalStep.Method.HASH),
                            hidden("salt", null)),
                    (s, salt) -> s.choice("method", MaskPersonalStep.Method.class) == MaskPersonalStep.Method.DROP
                            ? MaskPersonalStep.drop(s.columns())
                            : MaskPersonalStep.hash(s.columns(), s.value("salt") instanceof String own ? own : salt),
                    step -> {
                        MaskPersonalStep m = (MaskPersonalStep) step;
                        return settings(MaskPersonalStep.OP, m.columns(), "method", m.method().name(), "salt", m.salt());
                    }));

    private Operations() {
    }

    /** Every operation, in the order the recipe panel offers them. */
    public static List<Operation> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(Operation::id).toList();
    }

    public static Optional<Operation> find(String id) {
        return ALL.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    public static Operation get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown cleaning operation " + id));
    }

    /** The operation of {@code step}. */
    public static Operation of(RecipeStep step) {
        return get(step.op());
    }

    /** Settings that rebuild {@code step}: what the form shows when the user edits it. */
    public static StepSettings read(RecipeStep step) {
        return of(step).read(step);
    }

    /** Binds each step class to its {@code op} name in recipe JSON. */
    public static SimpleModule jsonModule() {
        SimpleModule module = new SimpleModule("cleaning-operations");
        for (Operation o : ALL) {
            module.registerSubtypes(new NamedType(o.type(), o.id()));
        }
        return module;
    }

    private static StepSettings settings(String op, List<String> columns, Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new StepSettings(op, columns, values);
    }
}
