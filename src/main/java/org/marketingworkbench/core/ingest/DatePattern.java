package org.marketingworkbench.core.ingest;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * A numeric date/time pattern such as {@code dd.MM.yyyy HH:mm} (letters as in
 * {@link java.time.format.DateTimeFormatter}: yyyy, MM, dd, HH, mm, ss, SSS; quoted literals like
 * {@code 'T'}), parsed straight from the reader's buffer into Tablesaw's packed date-time. Month and
 * day may have one or two digits. Month names are not supported.
 */
final class DatePattern {

    /** Patterns tried, in order, when the settings do not name any. */
    static final List<String> COMMON = List.of(
            "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm",
            "yyyy/MM/dd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm",
            "dd.MM.yyyy", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm",
            "dd/MM/yyyy", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm",
            "MM/dd/yyyy", "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm",
            "dd-MM-yyyy", "dd-MM-yyyy HH:mm:ss");

    private static final int YEAR = 0;
    private static final int MONTH = 1;
    private static final int DAY = 2;
    private static final int HOUR = 3;
    private static final int MINUTE = 4;
    private static final int SECOND = 5;
    private static final int MILLI = 6;
    private static final int LITERAL = 7;

    private final String pattern;
    private final int[] kinds;
    private final char[] literals;

    private DatePattern(String pattern, int[] kinds, char[] literals) {
        this.pattern = pattern;
        this.kinds = kinds;
        this.literals = literals;
    }

    String pattern() {
        return pattern;
    }

    /** Compiles a pattern; throws IllegalArgumentException for letters it does not know. */
    static DatePattern compile(String pattern) {
        List<Integer> kinds = new ArrayList<>();
        StringBuilder lits = new StringBuilder();
        int i = 0;
        boolean hasDate = false;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int close = pattern.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed quote in date pattern " + pattern);
                }
                for (int k = i + 1; k < close; k++) {
                    kinds.add(LITERAL);
                    lits.append(pattern.charAt(k));
                }
                i = close + 1;
                continue;
            }
            if (Character.isLetter(c)) {
                int j = i;
                while (j < pattern.length() && pattern.charAt(j) == c) {
                    j++;
                }
                int kind = switch (c) {
                    case 'y', 'u' -> YEAR;
                    case 'M' -> MONTH;
                    case 'd' -> DAY;
                    case 'H' -> HOUR;
                    case 'm' -> MINUTE;
                    case 's' -> SECOND;
                    case 'S' -> MILLI;
                    default -> throw new IllegalArgumentException("unsupported letter '" + c + "' in date pattern "
                            + pattern);
                };
                if (kind == YEAR && j - i != 4) {
                    throw new IllegalArgumentException("the year must be written yyyy in " + pattern);
                }
                hasDate |= kind == YEAR;
                kinds.add(kind);
                lits.append('\0');
                i = j;
                continue;
            }
            kinds.add(LITERAL);
            lits.append(c);
            i++;
        }
        if (!hasDate) {
            throw new IllegalArgumentException("a date pattern needs a year: " + pattern);
        }
        return new DatePattern(pattern, kinds.stream().mapToInt(Integer::intValue).toArray(),
                lits.toString().toCharArray());
    }

    boolean matches(String s) {
        return parse(s.toCharArray(), 0, s.length()) != Long.MIN_VALUE;
    }

    LocalDateTime parseToDateTime(String s) {
        long packed = parse(s.toCharArray(), 0, s.length());
        return packed == Long.MIN_VALUE ? null : PackedLocalDateTime.asLocalDateTime(packed);
    }

    /** The packed date-time in {@code buf[off, off+len)}, or {@link Long#MIN_VALUE} if it does not match. */
    long parse(char[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && buf[i] == ' ') {
            i++;
        }
        while (end > i && buf[end - 1] == ' ') {
            end--;
        }
        int year = -1;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int milli = 0;
        for (int k = 0; k < kinds.length; k++) {
            int kind = kinds[k];
            if (kind == LITERAL) {
                if (i >= end || buf[i] != literals[k]) {
                    return Long.MIN_VALUE;
                }
                i++;
                continue;
            }
            int maxDigits = kind == YEAR ? 4 : kind == MILLI ? 9 : 2;
            int minDigits = kind == YEAR ? 4 : 1;
            int v = 0;
            int n = 0;
            int scale = 1;
            while (i < end && n < maxDigits && buf[i] >= '0' && buf[i] <= '9') {
                if (kind != MILLI || n < 3) {
                    v = v * 10 + (buf[i] - '0');
                    scale *= 10;
                }
                i++;
                n++;
            }
            if (n < minDigits) {
                return Long.MIN_VALUE;
            }
            switch (kind) {
                case YEAR -> year = v;
                case MONTH -> month = v;
                case DAY -> day = v;
                case HOUR -> hour = v;
                case MINUTE -> minute = v;
                case SECOND -> second = v;
                default -> milli = v * 1000 / scale;
            }
        }
        if (i != end || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59
                || second > 59) {
            return Long.MIN_VALUE;
        }
        if (day > 28 && day > lengthOfMonth(year, month)) {
            return Long.MIN_VALUE;
        }
        int date = PackedLocalDate.pack(year, month, day);
        // Tablesaw's packed time: hour, minute, then the millisecond of the minute in 16 bits
        // (PackedLocalTime.pack(LocalTime) without making a LocalTime per cell)
        int time = (hour << 24) | (minute << 16) | (second * 1000 + milli);
        return ((long) date << 32) | (time & 0xFFFFFFFFL);
    }

    /** Days in the month, as {@link java.time.YearMonth#lengthOfMonth()}, without an object per cell. */
    static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
