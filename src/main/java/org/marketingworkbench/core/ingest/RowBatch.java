package org.marketingworkbench.core.ingest;

import java.util.Arrays;

/**
 * A block of parsed rows: every field's characters copied into one array, with offsets. The parser
 * fills one while the converter works on the previous one, so parsing and conversion overlap.
 */
final class RowBatch {

    static final int ROWS = 4096;

    char[] chars = new char[1 << 18];
    int charLen;
    int[] fieldStart = new int[ROWS * 8];
    int[] fieldLen = new int[ROWS * 8];
    boolean[] fieldQuoted = new boolean[ROWS * 8];
    int fields;
    final int[] rowFirstField = new int[ROWS + 1];
    final long[] rowLine = new long[ROWS];
    int rows;

    /**
     * Full at {@link #ROWS} rows, or earlier when three quarters of the characters or fields are
     * used: a batch of wide or long rows is handed on rather than grown (a grown array is garbage).
     */
    boolean isFull() {
        return rows >= ROWS || charLen >= chars.length - (chars.length >> 2)
                || fields >= fieldStart.length - (fieldStart.length >> 2);
    }

    void beginRow(long line) {
        rowFirstField[rows] = fields;
        rowLine[rows] = line;
    }

    void addField(char[] buf, int off, int len, boolean quoted) {
        if (charLen + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charLen + len));
        }
        if (fields == fieldStart.length) {
            int n = fields * 2;
            fieldStart = Arrays.copyOf(fieldStart, n);
            fieldLen = Arrays.copyOf(fieldLen, n);
            fieldQuoted = Arrays.copyOf(fieldQuoted, n);
        }
        System.arraycopy(buf, off, chars, charLen, len);
        fieldStart[fields] = charLen;
        fieldLen[fields] = len;
        fieldQuoted[fields] = quoted;
        fields++;
        charLen += len;
    }

    void endRow() {
        rows++;
        rowFirstField[rows] = fields;
    }

    /** Forgets the row begun last (the header row). */
    void dropRow() {
        fields = rowFirstField[rows];
        charLen = fields == 0 ? 0 : fieldStart[fields - 1] + fieldLen[fields - 1];
    }

    void clear() {
        charLen = 0;
        fields = 0;
        rows = 0;
    }

    /** Hands every row to the assembler. */
    void feed(TableAssembler assembler, char delimiter) throws ImportException {
        for (int r = 0; r < rows; r++) {
            int first = rowFirstField[r];
            int end = rowFirstField[r + 1];
            assembler.beginRow(rowLine[r]);
            for (int f = first; f < end; f++) {
                assembler.field(f - first, chars, fieldStart[f], fieldLen[f], fieldQuoted[f]);
            }
            assembler.endRow(() -> raw(first, end, delimiter));
        }
    }

    private String raw(int first, int end, char delimiter) {
        StringBuilder sb = new StringBuilder();
        for (int f = first; f < end && sb.length() <= ImportProblem.MAX_RAW_TEXT; f++) {
            if (f > first) {
                sb.append(delimiter);
            }
            sb.append(chars, fieldStart[f], fieldLen[f]);
        }
        return sb.toString();
    }
}
