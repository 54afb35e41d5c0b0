package org.marketingworkbench.core.report;

/** Escaping for text and attribute values in the report's HTML. */
public final class Html {

    private Html() {
    }

    /** {@code s} as HTML text or a quoted attribute value: {@code & < > " '} escaped; null as empty. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r != null && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (r != null) {
                    b.append(r);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** Escaped text whose line breaks are kept as {@code <br>} (a note typed on several lines). */
    public static String escapeLines(String s) {
        return escape(s).replace("\r\n", "\n").replace("\n", "<br>");
    }
}
