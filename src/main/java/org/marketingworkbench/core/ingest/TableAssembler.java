package org.marketingworkbench.core.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Builds the typed table row by row from fields given as character ranges: numbers go straight
 * into {@code double[]}, dates into packed {@code long[]}, categories and keys into an {@code int}
 * code per row over a {@link StringDictionary} (made into Tablesaw's dictionary-encoded string
 * columns when the read is done), free text into string columns. A row is staged field by field
 * and only committed when it is whole, so a malformed row leaves no trace but its problem entry.
 * Not thread-safe.
 */
final class TableAssembler {

    /** At most this many problems are kept in detail; all are counted. */
    static final int MAX_PROBLEMS = 1000;

    private final List<ColumnPlan> plans;
    private final int width;
    private final MissingMarkers missing;
    private final NumberParser numbers;
    private final BadRowPolicy onBadRow;

    private final int[] kind; // 0 number, 1 date, 2 string
    private final double[][] doubles;
    private final long[][] dates;
    private final StringColumn[] strings;
    /** Categories and keys (values repeat): a code per row, the values once; free text has none. */
    private final StringDictionary[] dictionaries;
    private final int[][] codes;
    private final double[] stagedDouble;
    private final long[] stagedDate;
    private final String[] stagedString;
    private final int[] stagedCode;
    /** Per date column, the previous cell as written and its value. */
    private final char[][] lastDate;
    private final int[] lastDateLength;
    private final long[] lastDateValue;
    // what the whole file holds, per column, for reasons that count (TypeInference.restate)
    private final int[] present;
    private final int[] bad;
    private final long[] chars;
    private final int[] numbersInText;
    private final boolean[] countNumbers;
    private final boolean[] stagedNumber;
    private final List<Integer> pendingColumns = new ArrayList<>();
    private int size;
    private int capacity;

    private final List<ImportProblem> problems = new ArrayList<>();
    private long problemCount;
    private final List<ImportProblem> pending = new ArrayList<>();
    private long rowsSkipped;
    private long line;
    private int fields;
    private boolean multiLineField;

    TableAssembler(List<ColumnPlan> plans, MissingMarkers missing, NumberParser numbers, BadRowPolicy onBadRow,
            long expectedRows) {
        this.plans = plans;
        this.width = plans.size();
        this.missing = missing;
        this.numbers = numbers;
        this.onBadRow = onBadRow;
        this.capacity = (int) Math.max(16, Math.min(Integer.MAX_VALUE - 16, expectedRows));
        kind = new int[width];
        doubles = new double[width][];
        dates = new long[width][];
        strings = new StringColumn[width];
        dictionaries = new StringDictionary[width];
        codes = new int[width][];
        for (int i = 0; i < width; i++) {
            ColumnPlan p = plans.get(i);
            if (p.type() == ColumnType.NUMBER) {
                kind[i] = 0;
                doubles[i] = new double[capacity];
            } else if (p.type() == ColumnType.DATETIME && p.datePattern() != null) {
                kind[i] = 1;
                dates[i] = new long[capacity];
            } else {
                kind[i] = 2;
                // values repeat in categories and in a log's keys (an invoice's lines); free text rarely does
                if (p.type() == ColumnType.TEXT) {
                    strings[i] = StringColumn.create(p.name());
                } else {
                    dictionaries[i] = new StringDictionary(missing);
                    codes[i] = new int[capacity];
                }
            }
        }
        present = new int[width];
        bad = new int[width];
        chars = new long[width];
        numbersInText = new int[width];
        countNumbers = new boolean[width];
        stagedNumber = new boolean[width];
        for (int i = 0; i < width; i++) {
            countNumbers[i] = kind[i] == 2 && TypeInference.countsNumbers(plans.get(i).reason());
        }
        stagedDouble = new double[width];
        stagedDate = new long[width];
        stagedString = new String[width];
        stagedCode = new int[width];
        lastDate = new char[width][];
        lastDateLength = new int[width];
        lastDateValue = new long[width];
        for (int i = 0; i < width; i++) {
            if (kind[i] == 1) {
                lastDate[i] = new char[40];
                lastDateLength[i] = -1;
            }
        }
    }

    void beginRow(long startLine) {
        line = startLine;
        fields = 0;
        multiLineField = false;
        pending.clear();
        pendingColumns.clear();
    }

    void field(int index, char[] buf, int off, int len, boolean quoted) {
        fields = index + 1;
        if (quoted && !multiLineField) {
            for (int k = off; k < off + len; k++) {
                if (buf[k] == '\n' || buf[k] == '\r') {
                    multiLineField = true;
                    break;
                }
            }
        }
        if (index >= width) {
            if (!isBlank(buf, off, len)) {
                extraNonBlank = true;
            }
            return;
        }
        switch (kind[index]) {
            case 0 -> {
                // a marker such as -1 or 999 is a number too: ask the markers first when there is one
                double v = missing.hasNumericMarker() && missing.isMissing(buf, off, len) ? Double.NaN
                        : numbers.parse(buf, off, len);
                if (Double.isNaN(v) && !missing.isMissing(buf, off, len)) {
                    String raw = new String(buf, off, len);
                    pending.add(new ImportProblem(line, ImportProblem.Kind.BAD_NUMBER, plans.get(index).name(), raw,
                            UserMessage.of("ingest.problem.badNumber", raw, plans.get(index).name())));
                    pendingColumns.add(index);
                }
                stagedDouble[index] = v;
            }
            case 1 -> {
                long v;
                char[] previous = lastDate[index];
                if (len == lastDateLength[index] && Arrays.equals(previous, 0, len, buf, off, off + len)) {
                    v = lastDateValue[index]; // a log's lines of one invoice share its time
                } else {
                    v = missing.isMissing(buf, off, len) ? Long.MIN_VALUE
                            : plans.get(index).datePattern().parse(buf, off, len);
                    if (len <= previous.length) {
                        System.arraycopy(buf, off, previous, 0, len);
                        lastDateLength[index] = len;
                        lastDateValue[index] = v;
                    }
                }
                if (v == Long.MIN_VALUE && !missing.isMissing(buf, off, len)) {
                    String raw = new String(buf, off, len);
                    pending.add(new ImportProblem(line, ImportProblem.Kind.BAD_DATE, plans.get(index).name(), raw,
                            UserMessage.of("ingest.problem.badDate", raw, plans.get(index).name(),
                                    plans.get(index).datePattern().pattern())));
                    pendingColumns.add(index);
                }
                stagedDate[index] = v;
            }
            default -> {
                boolean isMissing;
                if (dictionaries[index] != null) {
                    int code = dictionaries[index].code(buf, off, len);
                    stagedCode[index] = code;
                    isMissing = code == StringDictionary.MISSING;
                } else {
                    isMissing = missing.isMissing(buf, off, len);
                    stagedString[index] = isMissing ? "" : new String(buf, off, len);
                }
                if (countNumbers[index]) {
                    stagedNumber[index] = !isMissing && !Double.isNaN(numbers.parse(buf, off, len));
                }
            }
        }
    }

    private boolean extraNonBlank;

    private static boolean isBlank(char[] buf, int off, int len) {
        for (int k = off; k < off + len; k++) {
            if (!Character.isWhitespace(buf[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Ends the row: commits it if it has the right number of fields (extra fields that are all
     * blank are tolerated), otherwise records it as a problem and skips it or stops.
     *
     * @param rawText the row as written, for the problems list (called only for a bad row)
     */
    void endRow(java.util.function.Supplier<String> rawText) throws ImportException {
        boolean extra = extraNonBlank;
        extraNonBlank = false;
        if (fields == width || (fields > width && !extra)) {
            commit();
            return;
        }
        ImportProblem.Kind k = multiLineField ? ImportProblem.Kind.UNBALANCED_QUOTE
                : ImportProblem.Kind.WRONG_FIELD_COUNT;
        UserMessage msg = k == ImportProblem.Kind.UNBALANCED_QUOTE
                ? UserMessage.of("ingest.problem.unbalancedQuote", line)
                : UserMessage.of("ingest.problem.wrongFieldCount", line, width, fields);
        String raw = rawText.get();
        if (onBadRow == BadRowPolicy.STOP) {
            throw new ImportException(UserMessage.of("ingest.error.badRowStop", line, msg,
                    raw.length() > 200 ? raw.substring(0, 200) + "…" : raw));
        }
        rowsSkipped++;
        problem(new ImportProblem(line, k, null, raw, msg));
    }

    /** Records a whole row that could not be read at all (e.g. a quote that never closes). */
    void badRow(long atLine, ImportProblem.Kind k, String raw, UserMessage msg) throws ImportException {
        if (onBadRow == BadRowPolicy.STOP) {
            throw new ImportException(UserMessage.of("ingest.error.badRowStop", atLine, msg,
                    raw == null ? "" : raw.length() > 200 ? raw.substring(0, 200) + "…" : raw));
        }
        rowsSkipped++;
        problem(new ImportProblem(atLine, k, null, raw, msg));
    }

    private void commit() {
        if (size == capacity) {
            grow();
        }
        for (int i = 0; i < width; i++) {
            boolean here = i < fields;
            switch (kind[i]) {
                case 0 -> {
                    double v = here ? stagedDouble[i] : Double.NaN;
                    doubles[i][size] = v;
                    if (!Double.isNaN(v)) {
                        present[i]++;
                    }
                }
                case 1 -> {
                    long v = here ? stagedDate[i] : Long.MIN_VALUE;
                    dates[i][size] = v;
                    if (v != Long.MIN_VALUE) {
                        present[i]++;
                    }
                }
                default -> {
                    if (codes[i] != null) {
                        // present and characters are counted from the codes when the read is done
                        int c = here ? stagedCode[i] : StringDictionary.MISSING;
                        if (c != StringDictionary.MISSING && countNumbers[i] && stagedNumber[i]) {
                            numbersInText[i]++;
                        }
                        if (dictionaries[i].commit(c, size)) {
                            toPlainText(i, c);
                        } else {
                            codes[i][size] = c;
                        }
                        continue;
                    }
                    String v = here ? stagedString[i] : "";
                    strings[i].append(v);
                    if (!v.isEmpty()) {
                        present[i]++;
                        chars[i] += v.length();
                        if (countNumbers[i] && stagedNumber[i]) {
                            numbersInText[i]++;
                        }
                    }
                }
            }
        }
        size++;
        // indexed loops: an iterator per row was a garbage object per row
        for (int k = 0; k < pending.size(); k++) {
            problem(pending.get(k));
        }
        for (int k = 0; k < pendingColumns.size(); k++) {
            bad[pendingColumns.get(k)]++;
        }
    }

    /**
     * Turns dictionary column {@code i} into a plain string column where Tablesaw would, at this row
     * holding code {@code c}; later rows are appended as strings, like free text.
     */
    private void toPlainText(int i, int c) {
        StringDictionary d = dictionaries[i];
        String v = d.value(c);
        StringDictionary.Built built = d.column(plans.get(i).name(), codes[i], size);
        strings[i] = built.column();
        strings[i].append(v); // Tablesaw, out of short keys, makes the column plain text here
        present[i] = built.present() + 1;
        chars[i] = built.chars() + v.length();
        codes[i] = null;
        dictionaries[i] = null;
    }

    private void grow() {
        int newCapacity = (int) Math.min(Integer.MAX_VALUE - 16, (long) capacity * 3 / 2 + 16);
        for (int i = 0; i < width; i++) {
            if (doubles[i] != null) {
                doubles[i] = Arrays.copyOf(doubles[i], newCapacity);
            }
            if (dates[i] != null) {
                dates[i] = Arrays.copyOf(dates[i], newCapacity);
            }
            if (codes[i] != null) {
                codes[i] = Arrays.copyOf(codes[i], newCapacity);
            }
        }
        capacity = newCapacity;
    }

    void problem(ImportProblem p) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
    }

    int size() {
        return size;
    }

    long rowsSkipped() {
        return rowsSkipped;
    }

    long problemCount() {
        return problemCount;
    }

    List<ImportProblem> problems() {
        return problems;
    }

    /**
     * The sample said "only 0 and 1, a flag", but the whole file holds more whole numbers (a count of
     * earlier contacts that is 0 for the first months of a log): read as numbers after all. Returns
     * null when the column really is a flag or holds anything but whole numbers.
     */
    private static DoubleColumn flagThatIsACount(ColumnPlan p, StringColumn column) {
        if (p.type() != ColumnType.CATEGORY || p.reason() == null || !"ingest.reason.binaryFlag".equals(p.reason().key())) {
            return null;
        }
        java.util.Map<String, Double> values = new java.util.HashMap<>();
        for (String v : column.unique()) {
            if (v == null || v.isEmpty()) {
                continue;
            }
            try {
                double d = Double.parseDouble(v);
                if (d != Math.rint(d)) {
                    return null;
                }
                values.put(v, d);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (values.size() <= 2) {
            return null;
        }
        double[] out = new double[column.size()];
        for (int r = 0; r < out.length; r++) {
            Double d = values.get(column.get(r));
            out[r] = d == null ? Double.NaN : d;
        }
        return DoubleColumn.create(p.name(), out);
    }

    /** What the whole file holds in column {@code i} (after {@link #build}). */
    TypeInference.WholeFile wholeFile(int i) {
        int distinct = 0;
        if (kind[i] == 2) {
            distinct = distinctPresent != null && distinctPresent[i] >= 0 ? distinctPresent[i]
                    : strings[i].countUnique() - (present[i] < size ? 1 : 0);
        }
        return new TypeInference.WholeFile(present[i], bad[i], distinct, chars[i], numbersInText[i]);
    }

    /** Different values present per string column, -1 for the others; set by {@link #finishStrings}. */
    private int[] distinctPresent;

    /**
     * Makes the string column of each dictionary column from its codes, and counts the different
     * values of every string column (for the reasons restated from the whole file). Columns are
     * independent: they are finished in parallel.
     */
    private void finishStrings() {
        int[] distinct = new int[width];
        Arrays.fill(distinct, -1);
        java.util.stream.IntStream.range(0, width).filter(i -> kind[i] == 2).parallel().forEach(i -> {
            if (codes[i] != null) {
                StringDictionary.Built built = dictionaries[i].column(plans.get(i).name(), codes[i], size);
                strings[i] = built.column();
                present[i] = built.present();
                chars[i] = built.chars();
                distinct[i] = built.distinct();
                codes[i] = null;
                dictionaries[i] = null;
            } else {
                // free text, or a key that turned to plain text: Tablesaw counts with a set of all values
                distinct[i] = strings[i].countUnique() - (present[i] < size ? 1 : 0);
            }
        });
        distinctPresent = distinct;
    }

    /** The finished table; the builder must not be used afterwards. */
    Dataset build() {
        finishStrings();
        List<Column<?>> cols = new ArrayList<>(width);
        List<ColumnSpec> specs = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            ColumnPlan p = plans.get(i);
            switch (kind[i]) {
                case 0 -> {
                    double[] v = doubles[i].length == size ? doubles[i] : Arrays.copyOf(doubles[i], size);
                    doubles[i] = null;
                    cols.add(DoubleColumn.create(p.name(), v));
                }
                case 1 -> {
                    long[] v = dates[i].length == size ? dates[i] : Arrays.copyOf(dates[i], size);
                    dates[i] = null;
                    cols.add(DateTimeColumn.createInternal(p.name(), v));
                }
                default -> {
                    DoubleColumn counts = flagThatIsACount(p, strings[i]);
                    if (counts != null) {
                        cols.add(counts);
                        specs.add(new ColumnSpec(p.name(), ColumnType.NUMBER,
                                UserMessage.of("ingest.reason.countNotFlag", strings[i].countUnique())));
                        continue;
                    }
                    cols.add(strings[i]);
                }
            }
            specs.add(new ColumnSpec(p.name(), p.type(), TypeInference.restate(p.type(), p.reason(), wholeFile(i))));
        }
        return Dataset.of("data", cols, specs);
    }
}
