package org.marketingworkbench.core.report;

/**
 * Text for the charts, made safe for the two ways it reaches plotly.js.
 *
 * <p>Plotly draws labels as SVG text from its own small HTML dialect: a label {@code <b>x</b>} is drawn bold and
 * entities such as {@code &lt;} are decoded into text nodes. So a user's string (a column, a category, a segment
 * name) must be HTML-escaped to be drawn as written ({@link #label}). Tablesaw's templates HTML-escape titles and
 * trace names themselves but put them in single-quoted JavaScript strings without escaping backslashes or line
 * breaks: those need {@link #templated} instead (escaping them twice would show "&amp;lt;"). Whatever reaches an
 * inline script is finally passed through {@link #inlineScript}, so no text can close the script element.
 */
public final class PlotText {

    private PlotText() {
    }

    /** A user's string as a data label (categories, hover text, names in extras): HTML-escaped for plotly. */
    public static String label(String s) {
        return Html.escape(oneLine(s));
    }

    /**
     * A string for a field Tablesaw writes through its template (titles, axis titles, trace names): the template
     * escapes HTML; here the backslash is doubled and line breaks become spaces, so the JavaScript string holds.
     */
    public static String templated(String s) {
        return oneLine(s).replace("\\", "\\\\");
    }

    /**
     * A label cut to about {@code max} character widths with an ellipsis (the full text belongs in the hover). A
     * Chinese, Japanese or Korean character counts twice: it is drawn about twice as wide as a Latin letter.
     */
    public static String shortened(String s, int max) {
        String t = oneLine(s);
        if (width(t) <= max) {
            return t;
        }
        return t.substring(0, fit(t, 0, max - 1)) + "…";
    }

    /** How wide {@code s} is drawn, in Latin character widths (wide East Asian characters count 2). */
    public static int width(String s) {
        return s.codePoints().map(PlotText::width).sum();
    }

    static int width(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        boolean wide = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (codePoint >= 0x3000 && codePoint <= 0x303F) || (codePoint >= 0xFF00 && codePoint <= 0xFFEF);
        return wide ? 2 : 1;
    }

    /** The end index of the longest part of {@code t} from {@code start} that is at most {@code max} wide. */
    static int fit(String t, int start, int max) {
        int used = 0;
        int i = start;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            if (used + width(cp) > max) {
                break;
            }
            used += width(cp);
            i += Character.charCount(cp);
        }
        return i;
    }

    /**
     * JavaScript made safe inside {@code <script>…</script>} in an HTML page: "&lt;/" becomes "&lt;\/" and
     * "&lt;!--" becomes "&lt;\!--", which mean the same inside JavaScript strings; the generated code holds them in
     * strings only.
     */
    public static String inlineScript(String js) {
        return js.replace("</", "<\\/").replace("<!--", "<\\!--");
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
                b.append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
