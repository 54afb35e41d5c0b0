package org.marketingworkbench.core.ingest;

/**
 * Parses numbers written with a given decimal mark and digit-group separator straight from the
 * parser's character buffer, without making a String per cell. Not thread-safe: one per reader.
 *
 * <p>Accepted: optional sign, digits (groups of three after a separator when one is set), an
 * optional decimal part and exponent; spaces around the number are ignored. Results equal
 * {@link Double#parseDouble}: the fast path is exact (at most 15 significant digits, a power of ten
 * up to 22), anything longer goes through {@code Double.parseDouble}.
 */
final class NumberParser {

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final char decimal;
    private final char thousands;

    /** After a successful parse: whether the number had no decimal part and no exponent. */
    boolean integral;
    /** After a successful parse: whether an integer was written with a leading zero, e.g. 01234. */
    boolean leadingZero;

    /**
     * @param decimal   the decimal mark, '.' or ','
     * @param thousands the digit-group separator, or 0 for none
     */
    NumberParser(char decimal, char thousands) {
        this.decimal = decimal;
        this.thousands = thousands == decimal ? 0 : thousands;
    }

    /** Characters of the String being parsed: detection parses every value of the sample. */
    private char[] scratch = new char[64];

    boolean isNumber(String s) {
        return !Double.isNaN(parse(s));
    }

    double parse(String s) {
        int len = s.length();
        if (len > scratch.length) {
            scratch = new char[Math.max(len, scratch.length * 2)];
        }
        s.getChars(0, len, scratch, 0);
        return parse(scratch, 0, len);
    }

    /** The number in {@code buf[off, off+len)}, or NaN if it is not a number in this format. */
    double parse(char[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && buf[i] == ' ') {
            i++;
        }
        while (end > i && buf[end - 1] == ' ') {
            end--;
        }
        if (i >= end) {
            return Double.NaN;
        }
        boolean negative = false;
        char c = buf[i];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        int start = i;
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int droppedIntDigits = 0;
        int groupLen = -1; // -1: no separator seen yet
        int intDigits = 0;
        boolean firstIsZero = i < end && buf[i] == '0';
        for (; i < end; i++) {
            c = buf[i];
            if (c >= '0' && c <= '9') {
                digits++;
                intDigits++;
                if (groupLen >= 0) {
                    groupLen++;
                }
                if (significant < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (mantissa != 0) {
                        significant++;
                    }
                } else {
                    droppedIntDigits++;
                }
            } else if (thousands != 0 && c == thousands) {
                if (intDigits == 0 || (groupLen < 0 ? intDigits > 3 : groupLen != 3)) {
                    return Double.NaN;
                }
                groupLen = 0;
            } else {
                break;
            }
        }
        if (groupLen >= 0 && groupLen != 3) {
            return Double.NaN;
        }
        int fracDigits = 0;
        if (i < end && buf[i] == decimal) {
            i++;
            for (; i < end; i++) {
                c = buf[i];
                if (c < '0' || c > '9') {
                    break;
                }
                digits++;
                if (significant < 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    fracDigits++;
                    if (mantissa != 0) {
                        significant++;
                    }
                }
            }
            integral = false;
        } else {
            integral = true;
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int exp = 0;
        if (i < end && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            boolean expNeg = false;
            if (i < end && (buf[i] == '-' || buf[i] == '+')) {
                expNeg = buf[i] == '-';
                i++;
            }
            int expDigits = 0;
            for (; i < end && buf[i] >= '0' && buf[i] <= '9'; i++) {
                if (exp < 100_000) {
                    exp = exp * 10 + (buf[i] - '0');
                }
                expDigits++;
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            exp = expNeg ? -exp : exp;
            integral = false;
        }
        if (i != end) {
            return Double.NaN;
        }
        leadingZero = integral && firstIsZero && intDigits > 1;
        int scale = exp - fracDigits + droppedIntDigits;
        double v;
        if (significant <= 15 && droppedIntDigits == 0 && scale >= -22 && scale <= 22) {
            v = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
            if (scale > 0 && significant + scale > 15) {
                v = slow(buf, start, end, negative);
                return v;
            }
        } else {
            return slow(buf, start, end, negative);
        }
        return negative ? -v : v;
    }

    private double slow(char[] buf, int start, int end, boolean negative) {
        StringBuilder sb = new StringBuilder(end - start + 1);
        if (negative) {
            sb.append('-');
        }
        for (int k = start; k < end; k++) {
            char c = buf[k];
            if (thousands != 0 && c == thousands) {
                continue;
            }
            sb.append(c == decimal ? '.' : c);
        }
        try {
            return Double.parseDouble(sb.toString());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
