package org.marketingworkbench.core.clean.step;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.DatasetEdit;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.Column;

/**
 * Converts a text column to numbers or dates. Numbers accept surrounding spaces, thousands separators
 * ("1,234.5") and a decimal comma ("3,5"). For dates the format is learned at fit time from a list of
 * common formats (or given), stored in {@code datePattern}, and reused unchanged on new data; a column
 * whose values use two different formats is refused (MIXED_DATE_FORMATS), because guessing per value
 * would silently swap days and months. Values that do not convert become missing and are reported.
 */
public record FixTypesStep(boolean enabled, String column, ColumnType to, String datePattern) implements RecipeStep {

    public static final String OP = "fixTypes";
    /** Date formats tried, most specific first. "uuuu" is the proleptic year (needed for strict parsing). */
    public static final List<String> DATE_PATTERNS = List.of("uuuu-MM-dd'T'HH:mm:ss", "uuuu-MM-dd HH:mm:ss",
            "uuuu-MM-dd HH:mm", "uuuu-MM-dd", "uuuu/MM/dd", "dd.MM.uuuu", "dd/MM/uuuu", "MM/dd/uuuu", "dd-MM-uuuu",
            "d/M/uuuu", "M/d/uuuu", "d.M.uuuu", "uuuuMMdd");
    private static final int MAX_EXAMPLES = 5;
    private static final Pattern THOUSANDS = Pattern.compile("^[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("^[-+]?\\d+,\\d+$");

    public static FixTypesStep toNumber(String column) {
        return new FixTypesStep(true, column, ColumnType.NUMBER, null);
    }

    public static FixTypesStep toDate(String column) {
        return new FixTypesStep(true, column, ColumnType.DATETIME, null);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new FixTypesStep(e, column, to, datePattern);
    }

    @Override
    public String op() {
        return OP;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of(column);
    }

    @Override
    public boolean isFitted() {
        return to == ColumnType.NUMBER || datePattern != null;
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        Steps.requireType(data, column, EnumSet.of(ColumnType.TEXT, ColumnType.CATEGORY, ColumnType.IDENTIFIER,
                ColumnType.IGNORE), OP);
        if (to != ColumnType.NUMBER && to != ColumnType.DATETIME) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS,
                    UserMessage.of("clean.error.fixTypesTarget", UserMessage.of("clean.type." + to.id())));
        }
        if (to == ColumnType.NUMBER || datePattern != null) {
            return this;
        }
        return new FixTypesStep(enabled, column, to, learnPattern(data.table().column(column)));
    }

    /** The one format that reads the values; refuses mixed formats. */
    private String learnPattern(Column<?> col) throws CleanException {
        Map<String, Integer> parsed = new LinkedHashMap<>();
        Map<String, String> firstExample = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        for (int r = 0; r < col.size() && values.size() < 5000; r++) {
            if (!col.isMissing(r) && !col.getString(r).isBlank()) {
                values.add(col.getString(r).trim());
            }
        }
        if (values.isEmpty()) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS, UserMessage.of("clean.error.noValues", column));
        }
        for (String p : DATE_PATTERNS) {
            DateTimeFormatter f = formatter(p);
            for (String v : values) {
                if (parse(f, v) != null) {
                    parsed.merge(p, 1, Integer::sum);
                    firstExample.putIfAbsent(p, v);
                }
            }
        }
        if (parsed.isEmpty()) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS,
                    UserMessage.of("clean.error.noDateFormat", column, values.get(0)));
        }
        String best = parsed.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        if (parsed.get(best) == values.size()) {
            return best;
        }
        DateTimeFormatter bf = formatter(best);
        for (String v : values) {
            if (parse(bf, v) == null) {
                for (String p : DATE_PATTERNS) {
                    if (parse(formatter(p), v) != null) {
                        throw new CleanException(CleanException.Reason.MIXED_DATE_FORMATS,
                                UserMessage.of("clean.error.mixedDates", column, firstExample.get(best), v));
                    }
                }
            }
        }
        return best; // the rest is not a date in any format: reported as failed values when applied
    }

    private static DateTimeFormatter formatter(String pattern) {
        return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT);
    }

    private static LocalDateTime parse(DateTimeFormatter f, String v) {
        try {
            TemporalAccessor t = f.parseBest(v, LocalDateTime::from, LocalDate::from);
            return t instanceof LocalDateTime dt ? dt : ((LocalDate) t).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static double parseNumber(String s) {
        String t = s.trim().replace("\u00a0", "").replace(" ", "");
        if (THOUSANDS.matcher(t).matches()) {
            t = t.replace(",", "");
        } else if (DECIMAL_COMMA.matcher(t).matches()) {
            t = t.replace(',', '.');
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        Steps.requireFitted(this);
        Steps.requireType(data, column, EnumSet.of(ColumnType.TEXT, ColumnType.CATEGORY, ColumnType.IDENTIFIER,
                ColumnType.IGNORE), OP);
        Column<?> col = data.table().column(column);
        int rows = col.size();
        List<String> failed = new ArrayList<>();
        int failedCount = 0;
        long changed = 0;
        Column<?> out;
        if (to == ColumnType.NUMBER) {
            double[] v = new double[rows];
            for (int r = 0; r < rows; r++) {
                String s = col.getString(r);
                v[r] = s.isBlank() ? Double.NaN : parseNumber(s);
                if (!s.isBlank()) {
                    changed++;
                    if (Double.isNaN(v[r])) {
                        failedCount++;
                        if (failed.size() < MAX_EXAMPLES && !failed.contains(s)) {
                            failed.add(s);
                        }
                    }
                }
            }
            out = DoubleColumn.create(column, v);
        } else {
            DateTimeFormatter f = formatter(datePattern);
            DateTimeColumn d = DateTimeColumn.create(column);
            for (int r = 0; r < rows; r++) {
                String s = col.getString(r);
                LocalDateTime t = s.isBlank() ? null : parse(f, s.trim());
                if (!s.isBlank()) {
                    changed++;
                    if (t == null) {
                        failedCount++;
                        if (failed.size() < MAX_EXAMPLES && !failed.contains(s)) {
                            failed.add(s);
                        }
                    }
                }
                if (t == null) {
                    d.appendMissing();
                } else {
                    d.append(t);
                }
            }
            out = d;
        }
        Dataset result = new DatasetEdit(data).replace(out, data.spec(column).orElseThrow()
                .withType(to, UserMessage.of("clean.reason.converted"))).build();
        List<UserMessage> notes = failedCount == 0 ? List.of()
                : List.of(UserMessage.of("clean.effect.failedValues", failedCount, column, String.join(", ", failed)));
        return new StepOutput(result, new StepEffect(OP, rows, rows, changed - failedCount, List.of(), List.of(),
                Map.of(), notes));
    }
}
