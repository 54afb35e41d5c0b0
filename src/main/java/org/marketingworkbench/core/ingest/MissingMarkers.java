package org.marketingworkbench.core.ingest;

import java.util.List;

/** Decides whether a cell means "missing": blank (spaces only) or one of the markers, after trimming. */
final class MissingMarkers {

    private final char[][] markers;
    private final int maxLength;
    private final boolean numericMarker;

    MissingMarkers(List<String> markers) {
        this.markers = markers.stream().map(String::trim).filter(m -> !m.isEmpty())
                .map(String::toCharArray).toArray(char[][]::new);
        int max = 0;
        for (char[] m : this.markers) {
            max = Math.max(max, m.length);
        }
        this.maxLength = max;
        boolean numeric = false;
        for (char[] m : this.markers) {
            for (char c : m) {
                numeric |= c >= '0' && c <= '9';
            }
        }
        this.numericMarker = numeric;
    }

    /** Whether some marker contains a digit (like -1 or 999), so it could also read as a number. */
    boolean hasNumericMarker() {
        return numericMarker;
    }

    /** As {@link #isMissing(char[], int, int)}, without copying the characters (detection asks for every value). */
    boolean isMissing(String s) {
        int len = s.length();
        if (len > maxLength && s.charAt(0) > ' ' && s.charAt(len - 1) > ' ') {
            return false;
        }
        int i = 0;
        int end = len;
        while (i < end && blank(s.charAt(i))) {
            i++;
        }
        while (end > i && blank(s.charAt(end - 1))) {
            end--;
        }
        int n = end - i;
        if (n == 0) {
            return true;
        }
        if (n > maxLength) {
            return false;
        }
        outer:
        for (char[] m : markers) {
            if (m.length != n) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (s.charAt(i + k) != m[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    boolean isMissing(char[] buf, int off, int len) {
        if (len > maxLength && buf[off] > ' ' && buf[off + len - 1] > ' ') {
            return false; // the common case: a value longer than any marker, not padded
        }
        int i = off;
        int end = off + len;
        while (i < end && blank(buf[i])) {
            i++;
        }
        while (end > i && blank(buf[end - 1])) {
            end--;
        }
        int n = end - i;
        if (n == 0) {
            return true;
        }
        if (n > maxLength) {
            return false;
        }
        outer:
        for (char[] m : markers) {
            if (m.length != n) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (buf[i + k] != m[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean blank(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u3000' || (c > 0x7F && Character.isWhitespace(c));
    }
}
