package org.marketingworkbench.core.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Chooses a column's type from a sample of its values, and says why. The rules, in order:
 * <ol>
 *   <li>every value missing → IGNORE;</li>
 *   <li>all numbers: all distinct integers with leading zeros (0001, 0002) → IDENTIFIER; written with
 *       leading zeros (postcodes) → CATEGORY; only 0 and 1 (flags) →
 *       CATEGORY; a name such as "zip" or "code" → CATEGORY; all distinct integers
 *       counting up like a row number, or named like an id → IDENTIFIER; otherwise NUMBER;</li>
 *   <li>at least 95 % numbers → NUMBER, the rest become missing and are reported;</li>
 *   <li>all dates in one of the patterns → DATETIME;</li>
 *   <li>text: (nearly, 99 %) all distinct, short and mostly without spaces → IDENTIFIER; long or mostly distinct → TEXT; otherwise CATEGORY
 *       (partly numbers and partly text is reported as mixed).</li>
 * </ol>
 */
final class TypeInference {

    /** Below this many non-missing values, "all distinct" says nothing. */
    static final int MIN_FOR_UNIQUE = 20;
    static final double MOSTLY_NUMBERS = 0.95;
    /** Identifiers may repeat a little: customer files often hold a few duplicate rows. */
    static final double NEARLY_UNIQUE = 0.99;

    private static final Pattern CODE_NAME = Pattern.compile(
            "(?i).*(zip|postcode|postal|plz|邮编|code|类别|编码)$");
    private static final Pattern ID_NAME = Pattern.compile("(?i)(.*[ _-])?(id|key|nr|no)$|.*[a-z]ID$|.*编号$|^id.*");

    private TypeInference() {
    }

    /** The inferred type of a column, and column-level notes (mixed types, all missing). */
    record Inferred(ColumnType type, UserMessage reason, DatePattern datePattern, ImportProblem note) {
    }

    static Inferred infer(String name, List<String> values, MissingMarkers missing, NumberParser numbers,
            List<DatePattern> datePatterns) {
        int n = 0;
        int numeric = 0;
        int integers = 0;
        boolean leadingZero = false;
        Set<String> distinct = new HashSet<>();
        Set<Double> distinctNumbers = new HashSet<>();
        long totalLength = 0;
        int withSpaces = 0;
        String firstNonNumber = null;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (String v : values) {
            if (missing.isMissing(v)) {
                continue;
            }
            n++;
            distinct.add(v);
            totalLength += v.length();
            if (v.trim().indexOf(' ') >= 0) {
                withSpaces++;
            }
            double d = numbers.parse(v);
            if (!Double.isNaN(d)) {
                numeric++;
                distinctNumbers.add(d);
                min = Math.min(min, d);
                max = Math.max(max, d);
                if (numbers.integral) {
                    integers++;
                    leadingZero |= numbers.leadingZero;
                }
            } else if (firstNonNumber == null) {
                firstNonNumber = v;
            }
        }
        if (n == 0) {
            return new Inferred(ColumnType.IGNORE, UserMessage.of("ingest.reason.allMissing"), null,
                    new ImportProblem(0, ImportProblem.Kind.EMPTY_COLUMN, name, null,
                            UserMessage.of("ingest.problem.emptyColumn", name)));
        }
        if (numeric == n) {
            if (integers == n && leadingZero && distinct.size() >= NEARLY_UNIQUE * n && n >= MIN_FOR_UNIQUE) {
                return new Inferred(ColumnType.IDENTIFIER, uniqueReason(n, distinct.size()), null, null);
            }
            if (integers == n && leadingZero) {
                return new Inferred(ColumnType.CATEGORY, UserMessage.of("ingest.reason.leadingZeros"), null, null);
            }
            if (integers == n && n >= 2 && (min == 0 || min == 1) && max <= 1) {
                return new Inferred(ColumnType.CATEGORY,
                        UserMessage.of("ingest.reason.binaryFlag", distinctNumbers.size()), null, null);
            }
            if (integers == n && CODE_NAME.matcher(name).matches()) {
                return new Inferred(ColumnType.CATEGORY, UserMessage.of("ingest.reason.codeName"), null, null);
            }
            if (integers == n && distinctNumbers.size() >= NEARLY_UNIQUE * n && n >= MIN_FOR_UNIQUE
                    && (ID_NAME.matcher(name.trim()).matches() || max - min + 1 <= 2.0 * n)) {
                return new Inferred(ColumnType.IDENTIFIER, distinctNumbers.size() == n
                        ? UserMessage.of("ingest.reason.uniqueIntegers") : uniqueReason(n, distinctNumbers.size()), null,
                        null);
            }
            return new Inferred(ColumnType.NUMBER, UserMessage.of("ingest.reason.numbers"), null, null);
        }
        if (numeric >= MOSTLY_NUMBERS * n) {
            int pct = (int) Math.round(100.0 * numeric / n);
            return new Inferred(ColumnType.NUMBER, UserMessage.of("ingest.reason.mostlyNumbers", pct), null,
                    new ImportProblem(0, ImportProblem.Kind.MIXED_TYPES, name, firstNonNumber,
                            UserMessage.of("ingest.problem.mostlyNumbers", name, pct, firstNonNumber)));
        }
        for (DatePattern p : datePatterns) {
            if (allMatch(p, values, missing)) {
                return new Inferred(ColumnType.DATETIME, UserMessage.of("ingest.reason.dates", p.pattern()), p,
                        null);
            }
        }
        ImportProblem note = null;
        if (numeric > 0 && numeric >= 0.2 * n) {
            int pct = (int) Math.round(100.0 * numeric / n);
            note = new ImportProblem(0, ImportProblem.Kind.MIXED_TYPES, name, firstNonNumber,
                    UserMessage.of("ingest.problem.mixedTypes", name, pct));
        }
        double avgLength = (double) totalLength / n;
        boolean manyDistinct = n >= MIN_FOR_UNIQUE && distinct.size() > 0.5 * n;
        if (note != null) {
            return new Inferred(manyDistinct || avgLength > 40 ? ColumnType.TEXT : ColumnType.CATEGORY,
                    UserMessage.of("ingest.reason.mixedTypes", (int) Math.round(100.0 * numeric / n)), null, note);
        }
        if (distinct.size() >= NEARLY_UNIQUE * n && n >= MIN_FOR_UNIQUE && avgLength <= 40 && withSpaces * 2 < n) {
            return new Inferred(ColumnType.IDENTIFIER, uniqueReason(n, distinct.size()), null, note);
        }
        if (avgLength > 40 || manyDistinct) {
            return new Inferred(ColumnType.TEXT,
                    UserMessage.of("ingest.reason.freeText", distinct.size(), (int) Math.round(avgLength)), null, null);
        }
        return new Inferred(ColumnType.CATEGORY, UserMessage.of("ingest.reason.fewDistinct", distinct.size()), null,
                null);
    }

    private static UserMessage uniqueReason(int n, int distinct) {
        return distinct == n ? UserMessage.of("ingest.reason.allUnique")
                : UserMessage.of("ingest.reason.nearlyUnique", n - distinct);
    }

    /** The date pattern that matches most of the values (at least one), for a column set to DATETIME. */
    static DatePattern bestDatePattern(List<String> values, MissingMarkers missing, List<DatePattern> patterns) {
        DatePattern best = null;
        int bestCount = 0;
        for (DatePattern p : patterns) {
            int c = 0;
            for (String v : values) {
                if (!missing.isMissing(v) && p.matches(v)) {
                    c++;
                }
            }
            if (c > bestCount) {
                best = p;
                bestCount = c;
            }
        }
        return best;
    }

    private static boolean allMatch(DatePattern p, List<String> values, MissingMarkers missing) {
        boolean any = false;
        for (String v : values) {
            if (missing.isMissing(v)) {
                continue;
            }
            if (!p.matches(v)) {
                return false;
            }
            any = true;
        }
        return any;
    }

}
