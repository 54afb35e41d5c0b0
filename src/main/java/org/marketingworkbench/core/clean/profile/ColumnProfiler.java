package org.marketingworkbench.core.clean.profile;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.LabelCodes;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Profiles every column of a dataset: counts, summary statistics, top categories and quality flags
 * (thresholds in {@link ProfileRules}). Columns are profiled in parallel; progress is reported per
 * column and cancellation is checked before each one.
 */
public final class ColumnProfiler {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9(][0-9 ()./-]{5,}[0-9]$");
    private static final Pattern PERSON_NAME =
            Pattern.compile("^\\p{Lu}\\p{Ll}+(?:[ '-]\\p{Lu}\\.?\\p{Ll}*)*[ '-]\\p{Lu}\\p{Ll}+$");
    /**
     * Words (or words run together: "date of birth" → dateofbirth) that name personal data: names,
     * contacts, street addresses, national IDs and exact birth dates.
     */
    private static final Set<String> PERSONAL_NAME_TOKENS = Set.of("email", "mail", "phone", "mobile",
            "telephone", "tel", "cell", "firstname", "lastname", "surname", "fullname", "address",
            "street", "birthdate", "dateofbirth", "birthday", "dob", "ssn", "passport", "iban", "nationalid",
            "nationalinsurancenumber", "socialsecuritynumber", "taxid");
    /** Chinese words for the same, found inside a name: 姓名, 身份证号, 手机号, 详细地址, 电子邮箱, 出生日期. */
    private static final List<String> PERSONAL_NAME_PARTS_CJK = List.of("姓名", "名字", "身份证", "护照", "电话",
            "手机", "邮箱", "电子邮件", "地址", "住址", "出生日期", "生日");
    /**
     * Places: a country, city or region is not personal on its own (many customers share it), and
     * its values ("United Kingdom", "New York") only look like personal names.
     */
    private static final Set<String> PLACE_TOKENS = Set.of("country", "countries", "city", "cities", "region",
            "regions", "state", "states", "province", "provinces", "nation", "nations");
    private static final List<String> PLACE_PARTS_CJK = List.of("国家", "城市", "地区", "省份");
    private static final Set<String> NAME_QUALIFIERS = Set.of("first", "last", "full", "given", "family",
            "customer", "contact", "person", "user");
    /** Words that make a name describe behaviour on a channel ("email_opens_90d"), not the person's contact. */
    private static final Set<String> ACTIVITY_TOKENS = Set.of("open", "opens", "opened", "click", "clicks",
            "clicked", "sent", "bounce", "bounces", "bounced", "view", "views", "visit", "visits", "reply", "replies",
            "count", "rate", "score", "optin", "subscribed", "unsubscribed", "calls");
    /** Words in a column name that mark a value measured during or after the outcome. */
    private static final Set<String> AFTER_OUTCOME_TOKENS = Set.of("duration", "talk", "talktime",
            "calllength", "response", "responded", "converted", "conversion", "outcome", "result",
            "purchased", "churned");

    private ColumnProfiler() {
    }

    /**
     * Profiles {@code data}. With a target, every scoreable column also gets its single-column AUC
     * against the target and, where {@link ProfileRules} says so, a leakage flag.
     *
     * @throws CleanException COLUMN_MISSING when the target is not a column of the data
     */
    public static DatasetProfile profile(Dataset data, Optional<String> target, Progress progress)
            throws CleanException {
        if (target.isPresent() && data.spec(target.get()).isEmpty()) {
            throw new CleanException(CleanException.Reason.COLUMN_MISSING,
                    UserMessage.of("clean.error.targetMissing", target.get()));
        }
        progress.throwIfCancelled();
        byte[][] labels = target.map(t -> targetLabels(data.table().column(t))).orElse(new byte[0][]);
        int n = data.columns().size();
        ColumnProfile[] out = new ColumnProfile[n];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, n).parallel().forEach(i -> {
            progress.throwIfCancelled();
            ColumnSpec spec = data.columns().get(i);
            boolean isTarget = target.isPresent() && target.get().equals(spec.name());
            out[i] = profileColumn(data.table().column(i), spec, isTarget ? new byte[0][] : labels,
                    target.orElse(null));
            progress.report((double) done.incrementAndGet() / n,
                    UserMessage.of("clean.progress.profiled", spec.name()));
        });
        return new DatasetProfile(data.rowCount(), target, Arrays.asList(out));
    }

    /** One label vector per class that is scored (two classes: just the minority class). */
    static byte[][] targetLabels(Column<?> target) {
        int rows = target.size();
        Map<String, Integer> index = new HashMap<>();
        int[] cls = new int[rows];
        for (int r = 0; r < rows; r++) {
            if (target.isMissing(r)) {
                cls[r] = -1;
            } else {
                cls[r] = index.computeIfAbsent(target.getString(r), k -> index.size());
            }
        }
        int k = index.size();
        if (k < 2 || k > ProfileRules.LEAKAGE_MAX_CLASSES) {
            return new byte[0][];
        }
        int[] counts = new int[k];
        for (int c : cls) {
            if (c >= 0) {
                counts[c]++;
            }
        }
        int[] scored;
        if (k == 2) {
            scored = new int[] {counts[0] <= counts[1] ? 0 : 1};
        } else {
            scored = IntStream.range(0, k).toArray();
        }
        byte[][] labels = new byte[scored.length][rows];
        for (int s = 0; s < scored.length; s++) {
            for (int r = 0; r < rows; r++) {
                labels[s][r] = cls[r] < 0 ? SingleFeatureAuc.SKIP
                        : cls[r] == scored[s] ? SingleFeatureAuc.POSITIVE : SingleFeatureAuc.NEGATIVE;
            }
        }
        return labels;
    }

    private static ColumnProfile profileColumn(Column<?> column, ColumnSpec spec, byte[][] labels,
            String target) {
        return switch (spec.type()) {
            case NUMBER -> profileNumber((DoubleColumn) column, spec, labels, target);
            case DATETIME -> profileDates((DateTimeColumn) column, spec, labels, target);
            default -> profileText(column, spec, labels, target);
        };
    }

    // ---------------------------------------------------------------- numbers

    private static ColumnProfile profileNumber(DoubleColumn column, ColumnSpec spec, byte[][] labels,
            String target) {
        int rows = column.size();
        double[] all = column.asDoubleArray();
        double[] v = new double[rows];
        int n = 0;
        for (double x : all) {
            if (!Double.isNaN(x)) {
                v[n++] = x;
            }
        }
        v = n == rows ? v : Arrays.copyOf(v, n);
        Arrays.sort(v);
        NumericSummary summary = n == 0 ? null : summarise(v);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || v[i] != v[i - 1]) {
                distinct++;
            }
        }
        List<QualityFlag> flags = new ArrayList<>();
        int missing = rows - n;
        commonFlags(spec, rows, missing, distinct, summary == null ? 0 : summary.modeShare(),
                summary == null ? "" : formatNumber(v[0]), flags);
        if (summary != null && summary.integerValued() && distinct == n && n >= ProfileRules.IDENTIFIER_MIN_ROWS
                && !has(flags, FlagKind.IDENTIFIER_LIKE)) {
            flags.add(new QualityFlag(FlagKind.IDENTIFIER_LIKE, UserMessage.of("clean.reason.identifierUnique", n)));
        }
        if (summary != null && distinct > 2) {
            if (Math.abs(summary.skewness()) >= ProfileRules.SKEW) {
                flags.add(new QualityFlag(FlagKind.SKEWED, UserMessage.of("clean.reason.skewed",
                        summary.skewness(), UserMessage.of(summary.skewness() > 0
                                ? "clean.reason.tail.right" : "clean.reason.tail.left"))));
            }
            if (summary.outliers() > 0) {
                flags.add(new QualityFlag(FlagKind.OUTLIERS, UserMessage.of("clean.reason.outliers",
                        summary.outliers(), (double) summary.outliers() / n, summary.lowerFence(),
                        summary.upperFence())));
            }
        }
        placeholder(v).ifPresent(flags::add);
        personalByName(spec.name(), flags);
        OptionalDouble auc = OptionalDouble.empty();
        if (labels.length > 0 && !has(flags, FlagKind.IDENTIFIER_LIKE) && distinct > 1) {
            double best = Double.NaN;
            for (byte[] label : labels) {
                best = max(best, SingleFeatureAuc.numeric(all, label));
            }
            auc = Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
        }
        leakage(spec.name(), auc, target, flags);
        return new ColumnProfile(spec.name(), spec.type(), rows, missing, distinct,
                Optional.ofNullable(summary), Optional.empty(), List.of(), auc, flags);
    }

    /** Summary of sorted, non-empty, NaN-free values. */
    static NumericSummary summarise(double[] v) {
        int n = v.length;
        double sum = 0;
        boolean integer = true;
        int run = 1;
        int bestRun = 1;
        for (int i = 0; i < n; i++) {
            sum += v[i];
            if (integer && v[i] != Math.rint(v[i])) {
                integer = false;
            }
            if (i > 0) {
                run = v[i] == v[i - 1] ? run + 1 : 1;
                bestRun = Math.max(bestRun, run);
            }
        }
        double mean = sum / n;
        double m2 = 0;
        double m3 = 0;
        for (double x : v) {
            double d = x - mean;
            double d2 = d * d;
            m2 += d2;
            m3 += d2 * d;
        }
        double std = n > 1 ? Math.sqrt(m2 / (n - 1)) : Double.NaN;
        double skew = Double.NaN;
        if (n > 2 && m2 > 0) {
            double pm2 = m2 / n;
            double g1 = (m3 / n) / Math.pow(pm2, 1.5);
            skew = g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
        }
        double q1 = quantile(v, 0.25);
        double q3 = quantile(v, 0.75);
        double iqr = q3 - q1;
        int outliers = 0;
        if (iqr > 0) {
            double lo = q1 - ProfileRules.IQR_FACTOR * iqr;
            double hi = q3 + ProfileRules.IQR_FACTOR * iqr;
            for (double x : v) {
                if (x < lo || x > hi) {
                    outliers++;
                }
            }
        }
        return new NumericSummary(n, v[0], v[n - 1], mean, quantile(v, 0.5), std, q1, q3, skew, outliers,
                integer, (double) bestRun / n);
    }

    /**
     * Type-7 quantile of unsorted NaN-free values without sorting them all: selects the two order
     * statistics around the position in expected linear time. {@code values} is reordered.
     */
    public static double quantileOfUnsorted(double[] values, double p) {
        int n = values.length;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        double a = select(values, 0, n - 1, lo);
        if (lo + 1 >= n || h == lo) {
            return a;
        }
        double b = Double.POSITIVE_INFINITY;
        for (int i = lo + 1; i < n; i++) { // after selection everything right of lo is >= a
            b = Math.min(b, values[i]);
        }
        return a + (h - lo) * (b - a);
    }

    /** Hoare-style quickselect with median-of-three pivots: the k-th smallest of v[left..right]. */
    private static double select(double[] v, int left, int right, int k) {
        while (right > left) {
            int mid = (left + right) >>> 1;
            if (v[mid] < v[left]) {
                swap(v, mid, left);
            }
            if (v[right] < v[left]) {
                swap(v, right, left);
            }
            if (v[right] < v[mid]) {
                swap(v, right, mid);
            }
            double pivot = v[mid];
            int i = left;
            int j = right;
            while (i <= j) {
                while (v[i] < pivot) {
                    i++;
                }
                while (v[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(v, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return v[k];
            }
        }
        return v[k];
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }

    /** Type-7 quantile of sorted values (linear interpolation, as pandas and R default). */
    public static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    // ---------------------------------------------------------------- dates

    private static ColumnProfile profileDates(DateTimeColumn column, ColumnSpec spec, byte[][] labels,
            String target) {
        int rows = column.size();
        long[] packed = new long[rows];
        double[] score = new double[rows];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            long p = column.getLongInternal(r);
            if (column.isMissing(r)) {
                score[r] = Double.NaN;
            } else {
                packed[n++] = p;
                score[r] = p;
            }
        }
        long[] v = Arrays.copyOf(packed, n);
        Arrays.sort(v);
        int distinct = 0;
        int run = 0;
        int bestRun = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || v[i] != v[i - 1]) {
                distinct++;
                run = 1;
            } else {
                run++;
            }
            bestRun = Math.max(bestRun, run);
        }
        DateSummary dates = n == 0 ? new DateSummary(null, null)
                : new DateSummary(PackedLocalDateTime.asLocalDateTime(v[0]),
                        PackedLocalDateTime.asLocalDateTime(v[n - 1]));
        List<QualityFlag> flags = new ArrayList<>();
        LocalDateTime first = dates.min();
        commonFlags(spec, rows, rows - n, distinct, n == 0 ? 0 : (double) bestRun / n,
                first == null ? "" : first.toString(), flags);
        personalByName(spec.name(), flags);
        OptionalDouble auc = OptionalDouble.empty();
        if (labels.length > 0 && distinct > 1) {
            double best = Double.NaN;
            for (byte[] label : labels) {
                best = max(best, SingleFeatureAuc.numeric(score, label));
            }
            auc = Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
        }
        leakage(spec.name(), auc, target, flags);
        return new ColumnProfile(spec.name(), spec.type(), rows, rows - n, distinct, Optional.empty(),
                Optional.of(dates), List.of(), auc, flags);
    }

    // ---------------------------------------------------------------- text

    private static ColumnProfile profileText(Column<?> column, ColumnSpec spec, byte[][] labels,
            String target) {
        int rows = column.size();
        LabelCodes lc = LabelCodes.of(column);
        int[] codes = lc.codes();
        List<String> labelsSeen = lc.labels();
        int[] counts = lc.counts();
        int missing = 0;
        for (int code : codes) {
            if (code < 0) {
                missing++;
            }
        }
        int distinct = lc.levels();
        int nonMissing = rows - missing;
        final int[] cnt = counts;
        // top labels, most frequent first (ties: first seen first), in one pass over the label counts
        int k = Math.min(ProfileRules.TOP_CATEGORIES, distinct);
        int[] topCodes = new int[k];
        int filled = 0;
        for (int c = 0; c < distinct; c++) {
            if (filled == k && cnt[c] <= cnt[topCodes[k - 1]]) {
                continue;
            }
            int at = filled < k ? filled++ : k - 1;
            while (at > 0 && cnt[topCodes[at - 1]] < cnt[c]) {
                topCodes[at] = topCodes[at - 1];
                at--;
            }
            topCodes[at] = c;
        }
        List<Integer> order = new ArrayList<>(k);
        for (int c : topCodes) {
            order.add(c);
        }
        List<CategoryCount> top = new ArrayList<>();
        for (Integer c : order) {
            top.add(new CategoryCount(labelsSeen.get(c), cnt[c]));
        }
        List<QualityFlag> flags = new ArrayList<>();
        double modeShare = distinct == 0 ? 0 : (double) cnt[order.get(0)] / nonMissing;
        commonFlags(spec, rows, missing, distinct, modeShare, distinct == 0 ? "" : top.get(0).value(), flags);
        boolean categoryLike = spec.type() == ColumnType.CATEGORY || spec.type() == ColumnType.IDENTIFIER;
        if (categoryLike && !has(flags, FlagKind.IDENTIFIER_LIKE) && distinct == nonMissing
                && nonMissing >= ProfileRules.IDENTIFIER_MIN_ROWS) {
            flags.add(new QualityFlag(FlagKind.IDENTIFIER_LIKE,
                    UserMessage.of("clean.reason.identifierUnique", nonMissing)));
        } else if ((categoryLike || spec.type() == ColumnType.TEXT) && !has(flags, FlagKind.IDENTIFIER_LIKE)
                && nonMissing >= ProfileRules.IDENTIFIER_MIN_ROWS
                && distinct >= ProfileRules.IDENTIFIER_NEAR_UNIQUE_SHARE * nonMissing && singleTokens(labelsSeen)) {
            // a customer number repeated on a few duplicated rows is still a customer number
            flags.add(new QualityFlag(FlagKind.IDENTIFIER_LIKE,
                    UserMessage.of("clean.reason.identifierNearlyUnique", distinct, nonMissing)));
        }
        if (spec.type() == ColumnType.CATEGORY && !has(flags, FlagKind.IDENTIFIER_LIKE)
                && distinct > ProfileRules.HIGH_CARDINALITY) {
            flags.add(new QualityFlag(FlagKind.HIGH_CARDINALITY,
                    UserMessage.of("clean.reason.highCardinality", distinct)));
        }
        personalByValues(column, nonMissing, namesAPlace(spec.name()), flags);
        if (!has(flags, FlagKind.PERSONAL_DATA)) {
            personalByName(spec.name(), flags);
        }
        OptionalDouble auc = OptionalDouble.empty();
        if (labels.length > 0 && spec.type() == ColumnType.CATEGORY && distinct > 1
                && distinct <= ProfileRules.LEAKAGE_MAX_LEVELS && !has(flags, FlagKind.IDENTIFIER_LIKE)) {
            double best = Double.NaN;
            for (byte[] label : labels) {
                best = max(best, SingleFeatureAuc.categorical(codes, distinct, label));
            }
            auc = Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
        }
        leakage(spec.name(), auc, target, flags);
        return new ColumnProfile(spec.name(), spec.type(), rows, missing, distinct, Optional.empty(),
                Optional.empty(), top, auc, flags);
    }

    // ---------------------------------------------------------------- flags

    private static void commonFlags(ColumnSpec spec, int rows, int missing, int distinct, double modeShare,
            String mode, List<QualityFlag> flags) {
        if (spec.type() == ColumnType.IDENTIFIER) {
            flags.add(new QualityFlag(FlagKind.IDENTIFIER_LIKE, UserMessage.of("clean.reason.identifierDeclared")));
        }
        if (rows > 0 && (double) missing / rows >= ProfileRules.MOSTLY_MISSING_SHARE) {
            flags.add(new QualityFlag(FlagKind.MOSTLY_MISSING,
                    UserMessage.of("clean.reason.mostlyMissing", (double) missing / rows)));
        }
        if (distinct <= 1 && rows > 0) {
            flags.add(new QualityFlag(FlagKind.CONSTANT, distinct == 0
                    ? UserMessage.of("clean.reason.empty") : UserMessage.of("clean.reason.constant", mode)));
        } else if (modeShare >= ProfileRules.NEAR_CONSTANT_SHARE) {
            flags.add(new QualityFlag(FlagKind.NEAR_CONSTANT,
                    UserMessage.of("clean.reason.nearConstant", modeShare, mode)));
        }
    }

    /**
     * A code standing for "none" or "unknown" at either end of the sorted values, apart from all the
     * others (see {@link ProfileRules#PLACEHOLDER_NEGATIVE_CODES}).
     */
    static Optional<QualityFlag> placeholder(double[] sorted) {
        int n = sorted.length;
        if (n < 2) {
            return Optional.empty();
        }
        int low = 0;
        while (low < n && sorted[low] == sorted[0]) {
            low++;
        }
        if (low < n && ProfileRules.PLACEHOLDER_NEGATIVE_CODES.contains(sorted[0]) && sorted[low] >= 0) {
            return placeholderFlag(sorted[0], low, n, sorted[low], sorted[n - 1]);
        }
        int high = n - 1;
        while (high >= 0 && sorted[high] == sorted[n - 1]) {
            high--;
        }
        if (high >= 0 && ProfileRules.PLACEHOLDER_NINES_CODES.contains(sorted[n - 1])
                && sorted[n - 1] > 2 * Math.max(Math.abs(sorted[high]), Math.abs(sorted[0]))) {
            return placeholderFlag(sorted[n - 1], n - 1 - high, n, sorted[0], sorted[high]);
        }
        return Optional.empty();
    }

    private static Optional<QualityFlag> placeholderFlag(double code, int count, int n, double otherMin,
            double otherMax) {
        double share = (double) count / n;
        if (share < ProfileRules.PLACEHOLDER_MIN_SHARE) {
            return Optional.empty();
        }
        return Optional.of(new QualityFlag(FlagKind.PLACEHOLDER_VALUE, UserMessage.of("clean.reason.placeholder",
                formatNumber(code), share, otherMin, otherMax)));
    }

    /** Codes, not prose: no label of the first few hundred contains a space. */
    private static boolean singleTokens(List<String> labels) {
        int n = Math.min(labels.size(), 500);
        for (int i = 0; i < n; i++) {
            if (labels.get(i).strip().indexOf(' ') >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Personal data by values: e-mail addresses, phone numbers, personal names (not in a column named
     * after a place, whose "United Kingdom" or "New York" only look like names). The first
     * {@link ProfileRules#PERSONAL_SAMPLE} values are checked; a share of fewer than all says so.
     */
    private static void personalByValues(Column<?> column, int nonMissing, boolean place, List<QualityFlag> flags) {
        int sampled = 0;
        int emails = 0;
        int phones = 0;
        int names = 0;
        for (int r = 0; r < column.size() && sampled < ProfileRules.PERSONAL_SAMPLE; r++) {
            String s = column.getString(r);
            if (s == null || s.isBlank()) {
                continue;
            }
            s = s.trim();
            sampled++;
            if (EMAIL.matcher(s).matches()) {
                emails++;
            } else if (PHONE.matcher(s).matches() && digits(s) >= 7 && digits(s) <= 15) {
                phones++;
            } else if (!place && PERSON_NAME.matcher(s).matches()) {
                names++;
            }
        }
        if (sampled == 0) {
            return;
        }
        double t = ProfileRules.PERSONAL_VALUE_SHARE;
        boolean all = sampled >= nonMissing;
        if ((double) emails / sampled >= t) {
            flags.add(personal("clean.reason.personal.email", (double) emails / sampled, sampled, all));
        } else if ((double) phones / sampled >= t) {
            flags.add(personal("clean.reason.personal.phone", (double) phones / sampled, sampled, all));
        } else if ((double) names / sampled >= t) {
            flags.add(personal("clean.reason.personal.name", (double) names / sampled, sampled, all));
        }
    }

    /** A share of all values, or of the first {@code sampled} ones. */
    private static QualityFlag personal(String key, double share, int sampled, boolean all) {
        return new QualityFlag(FlagKind.PERSONAL_DATA, all ? UserMessage.of(key, share)
                : UserMessage.of(key + ".sample", share, sampled));
    }

    /** Whether a column name names a place: country, city, region, state, province, nation, 国家, 城市, 地区, 省. */
    static boolean namesAPlace(String name) {
        List<String> tokens = nameTokens(name);
        for (String t : tokens) {
            if (PLACE_TOKENS.contains(t) || t.endsWith("省") || PLACE_PARTS_CJK.stream().anyMatch(t::contains)) {
                return true;
            }
        }
        return false;
    }

    private static void personalByName(String name, List<QualityFlag> flags) {
        List<String> tokens = nameTokens(name);
        if (tokens.stream().anyMatch(ACTIVITY_TOKENS::contains) || namesAPlace(name)) {
            return;
        }
        boolean hit = tokens.equals(List.of("name"));
        // single words and words run together: "national id" → nationalid, "date of birth" → dateofbirth
        for (int from = 0; from < tokens.size() && !hit; from++) {
            StringBuilder run = new StringBuilder();
            for (int to = from; to < tokens.size() && to < from + 4 && !hit; to++) {
                run.append(tokens.get(to));
                hit = PERSONAL_NAME_TOKENS.contains(run.toString());
            }
        }
        for (int i = 0; i < tokens.size() && !hit; i++) {
            String t = tokens.get(i);
            hit = PERSONAL_NAME_PARTS_CJK.stream().anyMatch(t::contains);
        }
        for (int i = 1; i < tokens.size() && !hit; i++) {
            hit = tokens.get(i).equals("name") && NAME_QUALIFIERS.contains(tokens.get(i - 1));
        }
        if (hit) {
            flags.add(new QualityFlag(FlagKind.PERSONAL_DATA, UserMessage.of("clean.reason.personal.columnName", name)));
        }
    }

    private static void leakage(String name, OptionalDouble auc, String target, List<QualityFlag> flags) {
        if (auc.isEmpty()) {
            return;
        }
        double a = auc.getAsDouble();
        if (a >= ProfileRules.LEAKAGE_AUC) {
            flags.add(new QualityFlag(FlagKind.TARGET_LEAKAGE, UserMessage.of("clean.reason.leakage.alone", target, a)));
        } else if (a >= ProfileRules.LEAKAGE_AUC_AFTER_OUTCOME && looksMeasuredAfterOutcome(name)) {
            flags.add(new QualityFlag(FlagKind.TARGET_LEAKAGE,
                    UserMessage.of("clean.reason.leakage.afterOutcome", target, a)));
        }
    }

    /** Whether a column name contains a word for something measured during or after the outcome. */
    public static boolean looksMeasuredAfterOutcome(String columnName) {
        List<String> tokens = nameTokens(columnName);
        return tokens.stream().anyMatch(AFTER_OUTCOME_TOKENS::contains)
                || AFTER_OUTCOME_TOKENS.contains(String.join("", tokens));
    }

    /** "callDuration", "call_duration", "Call Duration" → [call, duration]. */
    static List<String> nameTokens(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Arrays.stream(spaced.split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static int digits(String s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                d++;
            }
        }
        return d;
    }

    private static boolean has(List<QualityFlag> flags, FlagKind kind) {
        return flags.stream().anyMatch(f -> f.kind() == kind);
    }

    private static double max(double best, double auc) {
        return Double.isNaN(best) ? auc : Double.isNaN(auc) ? best : Math.max(best, auc);
    }

    /** A number as a user would type it: "-1", "999", "2.5". */
    static String formatNumber(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
