package org.marketingworkbench.core.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * Chooses a column's type from a sample of its values, and says why. The rules, in order:
 * <ol>
 *   <li>every value missing → IGNORE;</li>
 *   <li>all numbers: all distinct integers with leading zeros (0001, 0002) → IDENTIFIER; whole numbers
 *       in a column named like a key ({@link #namedLikeKey}: id, no, number, key, code, 编号, 号 …)
 *       → IDENTIFIER, unique or not; written with leading zeros (postcodes) → CATEGORY; only 0 and 1
 *       (flags) → CATEGORY; a name such as "zip" or "code" → CATEGORY; all distinct integers counting
 *       up like a row number → IDENTIFIER; otherwise NUMBER;</li>
 *   <li>codes: mostly whole numbers whose other values share a pattern ({@link #codePattern}: a
 *       letter prefix as in C536379, or one fixed shape as in 85123A) → text, every value kept:
 *       IDENTIFIER when named like a key or with many different values, else CATEGORY;</li>
 *   <li>named like a key and (nearly) all whole numbers or codes → IDENTIFIER;</li>
 *   <li>at least 95 % numbers → NUMBER, the rest become missing and are reported;</li>
 *   <li>all dates in one of the patterns → DATETIME;</li>
 *   <li>text: (nearly, 99 %) all distinct, short and mostly not prose (no spaces, no sentence
 *       punctuation, not a phrase of Chinese or Japanese characters) → IDENTIFIER; long or mostly
 *       distinct → TEXT; otherwise CATEGORY (partly numbers and partly text is reported as mixed).</li>
 * </ol>
 */
final class TypeInference {

    /** Below this many non-missing values, "all distinct" says nothing. */
    static final int MIN_FOR_UNIQUE = 20;
    static final double MOSTLY_NUMBERS = 0.95;
    /** Identifiers may repeat a little: customer files often hold a few duplicate rows. */
    static final double NEARLY_UNIQUE = 0.99;
    /** A code column is at least this share whole numbers (the rest are codes). */
    static final double CODES_MIN_NUMBERS = 0.5;
    /** Share of the non-numbers of a code column that must share one pattern. */
    static final double CODES_SHARED_PATTERN = 0.8;
    /** At least this many non-numbers must share the pattern: one odd value is a typo, not a code. */
    static final int CODES_MIN_SHARED = 2;
    /** Codes with more different values than this are keys (identifiers); fewer, a category. */
    static final int CODE_CATEGORY_MAX = 50;
    /** Values longer than this on average are free text. */
    static final int LONG_TEXT = 40;
    /** A value with this many Chinese or Japanese characters is a phrase, not a code or a name. */
    static final int CJK_PHRASE = 6;

    private static final Pattern CODE_NAME = Pattern.compile(
            "(?i).*(zip|postcode|postal|plz|邮编|code|类别|编码)$");
    /** Postcodes and classes (in a name's words run together): categories whatever their number of values. */
    private static final Pattern CATEGORY_CODE_NAME = Pattern.compile("zip|postcode|postal|plz|邮编|邮政编码|类别");
    /** A name's last word that makes it a key: customer_id, InvoiceNo, account number, product key. */
    private static final Set<String> KEY_LAST_WORDS = Set.of("id", "ids", "no", "nr", "nbr", "num", "number", "key",
            "code", "uuid", "guid", "identifier", "编号", "代码", "编码");
    /** Chinese names ending in one of these are keys: 订单号, 客户编号, 会员ID. */
    private static final List<String> KEY_SUFFIXES_CJK = List.of("号", "编号", "代码", "编码");
    private static final Pattern LETTER_PREFIX = Pattern.compile("(\\p{L}{1,4})\\d+");

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
        int wholes = 0;
        int codes = 0;
        boolean leadingZero = false;
        boolean negative = false;
        // sized for the sample up front: growing a set of 10,000 values rehashes it ten times
        Set<String> distinct = new HashSet<>(Math.max(16, (int) (values.size() / 0.75f) + 1));
        DistinctNumbers distinctNumbers = new DistinctNumbers(values.size());
        List<String> nonNumbers = new ArrayList<>();
        Map<Integer, Integer> integerLengths = new HashMap<>();
        long totalLength = 0;
        int prose = 0;
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
            if (isProse(v)) {
                prose++;
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
                    integerLengths.merge(v.trim().length(), 1, Integer::sum);
                }
                if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                    wholes++;
                }
                negative |= d < 0;
            } else {
                if (firstNonNumber == null) {
                    firstNonNumber = v;
                }
                if (isCode(v)) {
                    codes++;
                }
                nonNumbers.add(v.trim());
            }
        }
        if (n == 0) {
            return new Inferred(ColumnType.IGNORE, UserMessage.of("ingest.reason.allMissing"), null,
                    new ImportProblem(0, ImportProblem.Kind.EMPTY_COLUMN, name, null,
                            UserMessage.of("ingest.problem.emptyColumn", name)));
        }
        boolean keyName = namedLikeKey(name);
        boolean codeNamed = CODE_NAME.matcher(name.trim()).matches();
        boolean placeOrClass = CATEGORY_CODE_NAME.matcher(String.join("", nameTokens(name))).find();
        boolean flag = integers == n && n >= 2 && (min == 0 || min == 1) && max <= 1;
        if (numeric == n) {
            if (integers == n && leadingZero && distinct.size() >= NEARLY_UNIQUE * n && n >= MIN_FOR_UNIQUE) {
                return new Inferred(ColumnType.IDENTIFIER, uniqueReason(n, distinct.size()), null, null);
            }
            // a code with few values is a class (region_code 1-9), with many a key (StockCode)
            boolean categoryCode = placeOrClass || codeNamed && distinct.size() <= CODE_CATEGORY_MAX;
            if (wholes == n && keyName && !flag && !categoryCode) {
                return new Inferred(ColumnType.IDENTIFIER, keyReason(n, distinct.size()), null, null);
            }
            if (integers == n && leadingZero) {
                return new Inferred(ColumnType.CATEGORY, UserMessage.of("ingest.reason.leadingZeros"), null, null);
            }
            if (flag) {
                return new Inferred(ColumnType.CATEGORY,
                        UserMessage.of("ingest.reason.binaryFlag", distinctNumbers.size()), null, null);
            }
            if (integers == n && (codeNamed || placeOrClass)) {
                return new Inferred(ColumnType.CATEGORY, UserMessage.of("ingest.reason.codeName"), null, null);
            }
            if (integers == n && distinctNumbers.size() >= NEARLY_UNIQUE * n && n >= MIN_FOR_UNIQUE
                    && max - min + 1 <= 2.0 * n) {
                return new Inferred(ColumnType.IDENTIFIER, distinctNumbers.size() == n
                        ? UserMessage.of("ingest.reason.uniqueIntegers") : uniqueReason(n, distinctNumbers.size()), null,
                        null);
            }
            return new Inferred(ColumnType.NUMBER, UserMessage.of("ingest.reason.numbers"), null, null);
        }
        if (integers == numeric && !negative && numeric >= CODES_MIN_NUMBERS * n) {
            String example = codePattern(nonNumbers, integerLengths);
            if (example != null) {
                boolean key = !placeOrClass && (keyName || codeNamed || distinct.size() > CODE_CATEGORY_MAX);
                return new Inferred(key ? ColumnType.IDENTIFIER : ColumnType.CATEGORY,
                        UserMessage.of(key ? "ingest.reason.codesKey" : "ingest.reason.codesCategory", example), null,
                        null);
            }
        }
        if (keyName && wholes + codes >= NEARLY_UNIQUE * n && wholes + codes > 0 && codes > 0) {
            return new Inferred(ColumnType.IDENTIFIER, keyReason(n, distinct.size()), null, null);
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
            return new Inferred(manyDistinct || avgLength > LONG_TEXT ? ColumnType.TEXT : ColumnType.CATEGORY,
                    UserMessage.of("ingest.reason.mixedTypes", (int) Math.round(100.0 * numeric / n)), null, note);
        }
        if (distinct.size() >= NEARLY_UNIQUE * n && n >= MIN_FOR_UNIQUE && avgLength <= LONG_TEXT && prose * 2 < n) {
            return new Inferred(ColumnType.IDENTIFIER, uniqueReason(n, distinct.size()), null, note);
        }
        if (avgLength > LONG_TEXT || manyDistinct) {
            return new Inferred(ColumnType.TEXT,
                    UserMessage.of("ingest.reason.freeText", distinct.size(), (int) Math.round(avgLength)), null, null);
        }
        return new Inferred(ColumnType.CATEGORY, UserMessage.of("ingest.reason.fewDistinct", distinct.size()), null,
                null);
    }

    /**
     * How many different numbers: a set of {@link Double#doubleToLongBits} (what {@code Double.equals}
     * compares) without a Double per value. A {@code HashSet<Double>} of whole numbers also collides
     * badly: their hash codes differ only in the high bits.
     */
    private static final class DistinctNumbers {
        private final long[] slots;
        private final boolean[] used;
        private int size;

        DistinctNumbers(int capacity) {
            int n = Integer.highestOneBit(Math.max(8, capacity) * 2 - 1) * 2;
            slots = new long[n];
            used = new boolean[n];
        }

        void add(double d) {
            long bits = Double.doubleToLongBits(d);
            long h = bits * 0x9E3779B97F4A7C15L;
            int mask = slots.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (used[i]) {
                if (slots[i] == bits) {
                    return;
                }
                i = (i + 1) & mask;
            }
            used[i] = true;
            slots[i] = bits;
            size++;
        }

        int size() {
            return size;
        }
    }

    // ---------------------------------------------------------------- names

    /**
     * Whether a column name says it holds a key: its last word is id, no, nr, number, key, code …
     * ("CustomerID", "Customer ID", "InvoiceNo", "account_number"), its first word is id
     * ("id_customer"), or a Chinese name ends in 号 or 编号 ("订单号", "客户编号"). A word such as
     * number or num followed by more words is a count ("number_of_children", "num_purchases").
     */
    static boolean namedLikeKey(String name) {
        List<String> tokens = nameTokens(name);
        if (tokens.isEmpty()) {
            return false;
        }
        String last = tokens.get(tokens.size() - 1);
        if (KEY_LAST_WORDS.contains(last) || tokens.get(0).equals("id")) {
            return true;
        }
        for (String suffix : KEY_SUFFIXES_CJK) {
            if (last.endsWith(suffix) && last.length() > suffix.length() - 1 && isCjk(last.codePointAt(0))) {
                return true;
            }
        }
        return false;
    }

    // compiled once: String.replaceAll compiles its pattern on every call, and a file of 50,000 columns
    // spent most of its import compiling these five patterns 50,000 times each
    private static final Pattern CAMEL_HUMP = Pattern.compile("([\\p{Ll}\\p{N}])(\\p{Lu})");
    private static final Pattern ACRONYM_END = Pattern.compile("(\\p{Lu})(\\p{Lu}\\p{Ll})");
    private static final Pattern HAN_THEN_LATIN = Pattern.compile("([\\p{IsHan}])([\\p{IsLatin}\\p{N}])");
    private static final Pattern LATIN_THEN_HAN = Pattern.compile("([\\p{IsLatin}\\p{N}])([\\p{IsHan}])");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * A column name's words, lower case: "CustomerID" → [customer, id], "IDNumber" → [id, number],
     * "Order No." → [order, no], "会员ID" → [会员, id].
     */
    static List<String> nameTokens(String name) {
        String spaced = CAMEL_HUMP.matcher(name).replaceAll("$1 $2");
        spaced = ACRONYM_END.matcher(spaced).replaceAll("$1 $2");
        spaced = HAN_THEN_LATIN.matcher(spaced).replaceAll("$1 $2");
        spaced = LATIN_THEN_HAN.matcher(spaced).replaceAll("$1 $2").toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (String t : NOT_A_WORD.split(spaced)) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- values

    /** A code: one word of letters and digits (and - _ . / # :), with a digit or in capitals. */
    static boolean isCode(String v) {
        String t = v.trim();
        if (t.isEmpty() || t.length() > LONG_TEXT || !Character.isLetterOrDigit(t.charAt(0))) {
            return false;
        }
        boolean digit = false;
        boolean lower = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (Character.isLetter(c)) {
                lower |= Character.isLowerCase(c);
            } else if (c != '-' && c != '_' && c != '.' && c != '/' && c != '#' && c != ':') {
                return false;
            }
        }
        return digit || (!lower && t.length() >= 2);
    }

    /**
     * The non-numbers of a mostly-whole-number column are codes when most of them share a pattern:
     * the same letter prefix before digits (C536379: a cancelled invoice), or the same shape of
     * letters and digits about as long as the numbers (85123A). Returns an example, or null.
     */
    static String codePattern(List<String> nonNumbers, Map<Integer, Integer> integerLengths) {
        if (nonNumbers.size() < CODES_MIN_SHARED) {
            return null;
        }
        int typicalLength = integerLengths.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey).orElse(0);
        Map<String, Integer> prefixes = new HashMap<>();
        Map<String, Integer> shapes = new HashMap<>();
        Map<String, String> examples = new HashMap<>();
        for (String v : nonNumbers) {
            java.util.regex.Matcher m = LETTER_PREFIX.matcher(v);
            if (m.matches()) {
                String prefix = "prefix:" + m.group(1).toUpperCase(Locale.ROOT);
                prefixes.merge(prefix, 1, Integer::sum);
                examples.putIfAbsent(prefix, v);
            }
            String shape = shape(v);
            if (shape != null) {
                shapes.merge(shape, 1, Integer::sum);
                examples.putIfAbsent(shape, v);
            }
        }
        int need = Math.max(CODES_MIN_SHARED, (int) Math.ceil(CODES_SHARED_PATTERN * nonNumbers.size()));
        for (Map.Entry<String, Integer> e : prefixes.entrySet()) {
            if (e.getValue() >= need) {
                return examples.get(e.getKey());
            }
        }
        for (Map.Entry<String, Integer> e : shapes.entrySet()) {
            if (e.getValue() >= need && Math.abs(e.getKey().length() - typicalLength) <= 1) {
                return examples.get(e.getKey());
            }
        }
        return null;
    }

    /** Letters → A, digits → 9: "85123A" → "99999A"; null unless it has both a letter and a digit. */
    private static String shape(String v) {
        if (v.length() > LONG_TEXT) {
            return null;
        }
        StringBuilder sb = new StringBuilder(v.length());
        boolean letter = false;
        boolean digit = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append('9');
                digit = true;
            } else if (Character.isLetter(c)) {
                sb.append('A');
                letter = true;
            } else if (c == '-' || c == '_' || c == '/' || c == '.') {
                sb.append(c);
            } else {
                return null;
            }
        }
        return letter && digit ? sb.toString() : null;
    }

    /**
     * Prose rather than a code or a name: words with spaces between them, sentence punctuation, or a
     * phrase of Chinese or Japanese characters (which have no spaces between words). A loop, not a
     * regular expression: it runs on every value of the sample.
     */
    static boolean isProse(String v) {
        int start = 0;
        int end = v.length();
        while (start < end && v.charAt(start) == ' ') {
            start++;
        }
        while (end > start && v.charAt(end - 1) == ' ') {
            end--;
        }
        int cjk = 0;
        for (int i = start; i < end; i++) {
            char c = v.charAt(i);
            if (c < 0x80) {
                if (c == ' ' || c == '!' || c == '?' || c == ';') {
                    return true;
                }
            } else if (PROSE_MARKS.indexOf(c) >= 0) {
                return true;
            } else if ((Character.isSurrogate(c) ? isCjk(v.codePointAt(i)) : isCjk(c)) && ++cjk >= CJK_PHRASE) {
                return true;
            }
        }
        return false;
    }

    /** Sentence marks beyond ASCII: the ideographic space and Chinese punctuation. */
    private static final String PROSE_MARKS = "\u3000，。！？；、…";

    private static boolean isCjk(int codePoint) {
        if (codePoint < 0x3040) {
            return false;
        }
        if (codePoint <= 0x30FF || (codePoint >= 0x4E00 && codePoint <= 0x9FFF)) {
            return true; // kana, the common Han block
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(codePoint);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA;
    }

    // ---------------------------------------------------------------- reasons: sample and whole file

    /** Reasons that count values, or claim every value is different: true of the sample only. */
    private static final Set<String> COUNTING_REASONS = Set.of("ingest.reason.mostlyNumbers", "ingest.reason.freeText",
            "ingest.reason.fewDistinct", "ingest.reason.mixedTypes", "ingest.reason.allUnique",
            "ingest.reason.nearlyUnique", "ingest.reason.uniqueIntegers");
    static final String IN_SAMPLE = "ingest.reason.inSample";
    static final String NOTE_IN_SAMPLE = "ingest.problem.inSample";

    /**
     * The type inferred from the first {@code rows} rows of a longer file: a reason or note that
     * counts says that it counts those rows ("in the first 10,000 rows: 15 different values").
     */
    static Inferred inSample(Inferred inf, int rows) {
        UserMessage reason = inf.reason();
        if (reason != null && COUNTING_REASONS.contains(reason.key())) {
            reason = UserMessage.of(IN_SAMPLE, rows, reason);
        }
        ImportProblem note = inf.note();
        if (note != null && note.kind() == ImportProblem.Kind.MIXED_TYPES) {
            note = new ImportProblem(note.line(), note.kind(), note.column(), note.rawText(),
                    UserMessage.of(NOTE_IN_SAMPLE, rows, note.message()));
        }
        return new Inferred(inf.type(), reason, inf.datePattern(), note);
    }

    /**
     * What the full read counted in one column: values present (for numbers and dates: read as
     * such), values that could not be read as the type, different values, characters, and (for
     * text columns that mix in numbers) how many values were numbers.
     */
    record WholeFile(int present, int bad, int distinct, long chars, int numbers) {
    }

    /** Whether the full read must count the numbers among a text column's values for its reason. */
    static boolean countsNumbers(UserMessage reason) {
        return "ingest.reason.mixedTypes".equals(unwrap(reason).key());
    }

    private static UserMessage unwrap(UserMessage m) {
        return m != null && IN_SAMPLE.equals(m.key()) || m != null && NOTE_IN_SAMPLE.equals(m.key())
                ? (UserMessage) m.args()[1] : m;
    }

    /**
     * A reason restated with the whole file's counts after the full read; the type is not changed.
     * Reasons that count nothing are kept as they are.
     */
    static UserMessage restate(ColumnType type, UserMessage reason, WholeFile w) {
        if (reason == null) {
            return null;
        }
        UserMessage inner = unwrap(reason);
        int sampleRows = inner == reason ? -1 : (Integer) reason.args()[0];
        switch (inner.key()) {
            case "ingest.reason.fewDistinct":
                return UserMessage.of(inner.key(), w.distinct());
            case "ingest.reason.freeText":
                return UserMessage.of(inner.key(), w.distinct(),
                        (int) Math.round((double) w.chars() / Math.max(1, w.present())));
            case "ingest.reason.mixedTypes":
                return UserMessage.of(inner.key(), percent(w.numbers(), w.present()));
            case "ingest.reason.allUnique", "ingest.reason.nearlyUnique", "ingest.reason.uniqueIntegers": {
                int repeats = w.present() - w.distinct();
                if (repeats == 0) {
                    return inner.key().equals("ingest.reason.uniqueIntegers") ? inner
                            : UserMessage.of("ingest.reason.allUnique");
                }
                if (repeats <= (1 - NEARLY_UNIQUE) * w.present() || sampleRows < 0) {
                    return UserMessage.of("ingest.reason.nearlyUnique", repeats);
                }
                return UserMessage.of("ingest.reason.uniqueInSample", sampleRows, w.distinct(), w.present());
            }
            case "ingest.reason.numbers", "ingest.reason.mostlyNumbers":
                if (type != ColumnType.NUMBER) {
                    return reason;
                }
                return w.bad() == 0 ? UserMessage.of("ingest.reason.numbers")
                        : UserMessage.of("ingest.reason.mostlyNumbers", partPercent(w.present(), w.bad()));
            case "ingest.reason.dates":
                return w.bad() == 0 || type != ColumnType.DATETIME ? reason
                        : UserMessage.of("ingest.reason.mostlyDates", partPercent(w.present(), w.bad()),
                                inner.args()[0]);
            default:
                return reason;
        }
    }

    /**
     * A mixed-types note restated with the whole file's share of numbers; null when the whole file
     * has no non-numbers left to warn about.
     */
    static ImportProblem restateNote(ImportProblem note, ColumnType type, WholeFile w) {
        UserMessage inner = unwrap(note.message());
        UserMessage m;
        switch (inner.key()) {
            case "ingest.problem.mostlyNumbers" -> m = type == ColumnType.NUMBER
                    ? UserMessage.of(inner.key(), inner.args()[0], partPercent(w.present(), w.bad()), inner.args()[2])
                    : note.message();
            case "ingest.problem.mixedTypes" -> m = type == ColumnType.NUMBER ? note.message()
                    : UserMessage.of(inner.key(), inner.args()[0], percent(w.numbers(), w.present()));
            default -> m = note.message();
        }
        return new ImportProblem(note.line(), note.kind(), note.column(), note.rawText(), m);
    }

    private static int percent(int part, int whole) {
        return (int) Math.round(100.0 * part / Math.max(1, whole));
    }

    /** The share of good values, rounded but never to 100 while some are bad. */
    private static int partPercent(int good, int bad) {
        return Math.min(99, percent(good, good + bad));
    }

    /** A key that is (nearly) unique says so; one that repeats, as in a transaction log, says it is named so. */
    private static UserMessage keyReason(int n, int distinct) {
        return distinct >= NEARLY_UNIQUE * n && n >= MIN_FOR_UNIQUE ? uniqueReason(n, distinct)
                : UserMessage.of("ingest.reason.keyName");
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
