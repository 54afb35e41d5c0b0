package org.marketingworkbench.core.clean.step;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.marketingworkbench.core.data.ColumnType;

/**
 * One setting of a cleaning operation, as its form shows it: what kind of value it takes, its label and
 * default, and (for a choice) which choices suit which column types. A {@link Kind#HIDDEN} option is
 * carried through an edit unchanged but never shown (a merge table that only a recipe file can set).
 *
 * @param key            the name in {@link StepSettings#values()}
 * @param kind           which control edits it
 * @param labelKey       bundle key of the control's label (a flag's check-box text)
 * @param choices        a choice's values (enum constant names), in the order offered
 * @param choicePrefix   a choice value's label is {@code choicePrefix + value.toLowerCase()}
 * @param defaults       for a choice, the preferred defaults in order: the first that suits the columns wins;
 *                       for the other kinds a single default value
 * @param choiceTypes    a choice that only suits some column types (MEAN: numbers); absent = every type
 * @param promptKey      bundle key of a text field's prompt, or null
 * @param min            a number's lower bound
 * @param max            a number's upper bound
 * @param step           a number's increment
 * @param whenKey        the option only matters while option {@code whenKey} has the value {@code whenValue}
 *                       (a constant only for the "constant" strategy); null: always
 * @param whenValue      see {@code whenKey}
 */
public record StepOption(String key, Kind kind, String labelKey, List<String> choices, String choicePrefix,
                         List<Object> defaults, Map<String, Set<ColumnType>> choiceTypes, String promptKey,
                         double min, double max, double step, String whenKey, Object whenValue) {

    public enum Kind { CHOICE, FLAG, TEXT, NUMBER, HIDDEN }

    public StepOption {
        choices = choices == null ? List.of() : List.copyOf(choices);
        defaults = defaults == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defaults));
        choiceTypes = choiceTypes == null ? Map.of() : Map.copyOf(choiceTypes);
    }

    static <E extends Enum<E>> StepOption choice(String key, String labelKey, E[] values, String choicePrefix,
                                                  Map<String, Set<ColumnType>> choiceTypes, E... preferred) {
        List<String> names = java.util.Arrays.stream(values).map(Enum::name).toList();
        List<Object> defaults = java.util.Arrays.stream(preferred).map(e -> (Object) e.name()).toList();
        return new StepOption(key, Kind.CHOICE, labelKey, names, choicePrefix, defaults, choiceTypes, null, 0, 0, 0, null, null);
    }

    static StepOption flag(String key, String labelKey, boolean defaultValue) {
        return new StepOption(key, Kind.FLAG, labelKey, null, null, List.of(defaultValue), null, null, 0, 0, 0, null, null);
    }

    static StepOption text(String key, String labelKey, String promptKey) {
        return new StepOption(key, Kind.TEXT, labelKey, null, null, List.of(""), null, promptKey, 0, 0, 0, null, null);
    }

    static StepOption number(String key, String labelKey, double min, double max, double step, double defaultValue) {
        return new StepOption(key, Kind.NUMBER, labelKey, null, null, List.of(defaultValue), null, null, min, max, step, null, null);
    }

    static StepOption hidden(String key, Object defaultValue) {
        return new StepOption(key, Kind.HIDDEN, null, null, null, java.util.Collections.singletonList(defaultValue),
                null, null, 0, 0, 0, null, null);
    }

    /** The same option, mattering only while option {@code key} is {@code value}. */
    StepOption onlyWhen(String key, Object value) {
        return new StepOption(this.key, kind, labelKey, choices, choicePrefix, defaults, choiceTypes, promptKey,
                min, max, step, key, value);
    }

    /** Whether this option matters for the settings {@code s} (else the form greys it out). */
    public boolean appliesTo(StepSettings s) {
        return whenKey == null || java.util.Objects.equals(s.value(whenKey), whenValue);
    }

    /** Whether the form shows this option. */
    public boolean shown() {
        return kind != Kind.HIDDEN;
    }

    /** The bundle key of one choice's label. */
    public String choiceLabelKey(String choice) {
        return choicePrefix + choice.toLowerCase(java.util.Locale.ROOT);
    }

    /** The choices that suit every one of {@code types} (all of them when no column is chosen yet). */
    public List<String> choicesFor(Set<ColumnType> types) {
        if (types.isEmpty()) {
            return choices;
        }
        return choices.stream().filter(c -> suits(c, types)).toList();
    }

    /** The default for columns of {@code types}: a choice's first preferred value that suits them. */
    public Object defaultFor(Set<ColumnType> types) {
        if (kind != Kind.CHOICE) {
            return defaults.get(0);
        }
        List<String> suitable = choicesFor(types);
        return defaults.stream().filter(suitable::contains).findFirst()
                .orElse(suitable.isEmpty() ? defaults.get(0) : suitable.get(0));
    }

    private boolean suits(String choice, Set<ColumnType> types) {
        Set<ColumnType> allowed = choiceTypes.get(choice);
        return allowed == null || allowed.containsAll(types);
    }
}
