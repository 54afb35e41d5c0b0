package org.marketingworkbench.core.clean.step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * One cleaning operation, described once: its id (the JSON {@code op}, the bundle keys
 * {@code clean.op.<id>} and {@code clean.explain.<id>.*}), its step class, how many columns it takes and
 * of which types, its options with their defaults, how a form's settings become a step, and how a step
 * is read back into settings. The form, the JSON binding and the CLI all read {@link Operations}.
 *
 * @param id          the operation id
 * @param type        the step class (bound to {@code id} in recipe JSON)
 * @param arity       how many columns the step takes
 * @param columnTypes the column types it works on (empty: any)
 * @param options     its options, in the order the form shows them
 * @param builder     settings (validated) and the project's salt → step
 * @param reader      step → settings
 */
public record Operation(String id, Class<? extends RecipeStep> type, Arity arity, Set<ColumnType> columnTypes,
                        List<StepOption> options, BiFunction<StepSettings, String, RecipeStep> builder,
                        Function<RecipeStep, StepSettings> reader) {

    /** How many columns an operation takes. */
    public enum Arity {
        /** Columns only when an option asks for them (duplicates on key columns). */
        OPTIONAL,
        /** One or more. */
        SOME,
        ONE,
        TWO
    }

    public Operation {
        columnTypes = Set.copyOf(columnTypes);
        options = List.copyOf(options);
    }

    public UserMessage label() {
        return UserMessage.of("clean.op." + id);
    }

    public Optional<StepOption> option(String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /** A new form for {@code columns} of {@code types}: every option at its default for those types. */
    public StepSettings defaults(List<String> columns, Set<ColumnType> types) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (StepOption o : options) {
            values.put(o.key(), o.defaultFor(types));
        }
        return new StepSettings(id, columns, values);
    }

    /**
     * Why {@code settings} cannot become a step yet, if anything: the wrong number of columns, or a column
     * of a type the operation does not take ({@code typeOf} answers from the profile).
     */
    public Optional<UserMessage> problem(StepSettings settings, Function<String, Optional<ColumnType>> typeOf) {
        int n = settings.columns().size();
        boolean needsColumns = arity != Arity.OPTIONAL || settings.flag(Operations.ON_KEYS);
        if (needsColumns && n == 0) {
            return Optional.of(UserMessage.of("clean.form.chooseColumns"));
        }
        if (arity == Arity.ONE && n != 1) {
            return Optional.of(UserMessage.of("clean.form.chooseOne"));
        }
        if (arity == Arity.TWO && n != 2) {
            return Optional.of(UserMessage.of("clean.form.chooseTwo"));
        }
        if (!columnTypes.isEmpty()) {
            for (String c : settings.columns()) {
                Optional<ColumnType> t = typeOf.apply(c);
                if (t.isPresent() && !columnTypes.contains(t.get())) {
                    return Optional.of(UserMessage.of("clean.error.wrongType", c, label(),
                            UserMessage.of("clean.type." + t.get().id())));
                }
            }
        }
        for (StepOption o : options) {
            if (o.kind() == StepOption.Kind.CHOICE && !o.choices().contains(settings.text(o.key()))) {
                return Optional.of(UserMessage.of("clean.form.badOption", o.key()));
            }
        }
        return Optional.empty();
    }

    /** The step the settings describe; call {@link #problem} first. */
    public RecipeStep build(StepSettings settings, String projectSalt) {
        if (!id.equals(settings.op())) {
            throw new IllegalArgumentException("settings of " + settings.op() + " given to " + id);
        }
        return builder.apply(settings, projectSalt);
    }

    /** The settings that build {@code step} again (learned statistics aside). */
    public StepSettings read(RecipeStep step) {
        if (!type.isInstance(step)) {
            throw new IllegalArgumentException(step.op() + " step read as " + id);
        }
        return reader.apply(step);
    }
}
