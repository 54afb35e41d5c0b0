package org.marketingworkbench.core.clean.step;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a cleaning step's form holds: the operation, the columns it works on, and a value for each of the
 * operation's {@link StepOption}s. {@link Operation#build} turns it into a step, {@link Operation#read}
 * turns a step back into it, so editing a step changes only what the user changes.
 */
public record StepSettings(String op, List<String> columns, Map<String, Object> values) {

    public StepSettings {
        Objects.requireNonNull(op, "op");
        columns = columns == null ? List.of() : List.copyOf(columns);
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public StepSettings withColumns(List<String> cols) {
        return new StepSettings(op, cols, values);
    }

    public StepSettings with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new StepSettings(op, columns, copy);
    }

    public Object value(String key) {
        return values.get(key);
    }

    String text(String key) {
        Object v = values.get(key);
        return v == null ? "" : v.toString();
    }

    boolean flag(String key) {
        return Boolean.TRUE.equals(values.get(key));
    }

    double number(String key) {
        Object v = values.get(key);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    <E extends Enum<E>> E choice(String key, Class<E> type) {
        return Enum.valueOf(type, text(key));
    }
}
