package org.marketingworkbench.core.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Finds the text encoding of a file from its first bytes: a byte-order mark if there is one, then
 * UTF-16 by its zero bytes, then strict UTF-8, and otherwise the statistical detector of
 * juniversalchardet (Mozilla's detector), which tells GB18030/GBK, Big5, Shift-JIS and the
 * single-byte Western encodings apart. See ADR 0001.
 */
final class EncodingDetector {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** A detected encoding and the length of the byte-order mark to skip (0 if none). */
    record Detected(Charset charset, int bomLength) {
    }

    private EncodingDetector() {
    }

    /** Length of a byte-order mark at the start of {@code b} for {@code cs}, or 0. */
    static int bomLength(byte[] b, int len, Charset cs) {
        if (cs.equals(StandardCharsets.UTF_8) && len >= 3
                && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if ((cs.equals(StandardCharsets.UTF_16LE) || cs.equals(StandardCharsets.UTF_16)) && len >= 2
                && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return 2;
        }
        if ((cs.equals(StandardCharsets.UTF_16BE) || cs.equals(StandardCharsets.UTF_16)) && len >= 2
                && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return 2;
        }
        return 0;
    }

    /** The charset with this name, or an ImportException naming it. */
    static Charset named(String name) throws ImportException {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new ImportException(org.marketingworkbench.core.i18n.UserMessage.of(
                    "ingest.error.unknownEncoding", name), e);
        }
    }

    /**
     * Detects the encoding of a sample.
     *
     * @param b         the first bytes of the file
     * @param len       how many of them are valid
     * @param truncated whether the file goes on after the sample (a character may be cut at the end)
     * @throws ImportException if the bytes are not text at all
     */
    static Detected detect(byte[] b, int len, boolean truncated) throws ImportException {
        if (len >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (len >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (len >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        int control = 0;
        for (int i = 0; i < len; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                if ((i & 1) == 0) {
                    zeroEven++;
                } else {
                    zeroOdd++;
                }
            } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != 0x1A) {
                control++;
            }
        }
        int pairs = Math.max(1, len / 2);
        if (zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.05) {
            return new Detected(StandardCharsets.UTF_16LE, 0);
        }
        if (zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.05) {
            return new Detected(StandardCharsets.UTF_16BE, 0);
        }
        if (zeroEven + zeroOdd > 0 || control > Math.max(2, len / 100)) {
            throw new ImportException(org.marketingworkbench.core.i18n.UserMessage.of("ingest.error.binary"));
        }
        if (isUtf8(b, len, truncated)) {
            return new Detected(StandardCharsets.UTF_8, 0);
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(b, 0, len);
        detector.dataEnd();
        return new Detected(map(detector.getDetectedCharset(), b, len, truncated), 0);
    }

    private static Charset map(String name, byte[] b, int len, boolean truncated) {
        if (name == null) {
            return decodes(GB18030, b, len, truncated) && looksCjk(b, len) ? GB18030 : WINDOWS_1252;
        }
        String n = name.toUpperCase(Locale.ROOT);
        if (n.startsWith("GB") || n.equals("HZ-GB-2312") || n.equals("GBK")) {
            return GB18030;
        }
        if (n.equals("WINDOWS-1252") || n.equals("ISO-8859-1") || n.equals("US-ASCII")) {
            return WINDOWS_1252;
        }
        try {
            Charset cs = Charset.forName(name);
            if (decodes(cs, b, len, truncated)) {
                return cs;
            }
        } catch (IllegalArgumentException e) {
            // fall through: an encoding Java does not know
        }
        return decodes(GB18030, b, len, truncated) && looksCjk(b, len) ? GB18030 : WINDOWS_1252;
    }

    /** Whether most high bytes come in pairs, as in double-byte Chinese text. */
    private static boolean looksCjk(byte[] b, int len) {
        int high = 0;
        for (int i = 0; i < len; i++) {
            if ((b[i] & 0x80) != 0) {
                high++;
            }
        }
        return high >= 4;
    }

    static boolean isUtf8(byte[] b, int len, boolean truncated) {
        return decodes(StandardCharsets.UTF_8, b, len, truncated);
    }

    private static boolean decodes(Charset cs, byte[] b, int len, boolean truncated) {
        CharsetDecoder d = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, 0, len);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = d.decode(in, out, !truncated);
            if (r.isError()) {
                return false;
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            // underflow: either all consumed, or a character cut at the end of a truncated sample
            return !truncated ? flushOk(d, out) : in.remaining() < 4;
        }
    }

    private static boolean flushOk(CharsetDecoder d, CharBuffer out) {
        out.clear();
        return !d.flush(out).isError();
    }
}
