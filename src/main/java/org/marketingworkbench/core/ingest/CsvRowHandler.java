package org.marketingworkbench.core.ingest;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import java.util.function.LongSupplier;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * FastCSV callback that hands each field's characters straight to the {@link TableAssembler}
 * (no String per field for numbers and dates), keeps the row's raw text only as a char copy for
 * the problems list, reports progress by bytes read and checks for cancel every few thousand rows.
 */
final class CsvRowHandler extends AbstractBaseCsvCallbackHandler<Boolean> {

    /** Carries an ImportException out through FastCSV's iterator. */
    static final class Abort extends RuntimeException {
        final ImportException cause;

        Abort(ImportException cause) {
            super(null, cause, false, false);
            this.cause = cause;
        }
    }

    private static final int CHECK_EVERY = 4096;

    private final TableAssembler assembler;
    private final char delimiter;
    private final Progress progress;
    private final LongSupplier bytesRead;
    private final double totalBytes;
    private boolean skipFirst;
    private char[] raw = new char[1024];
    private int rawLen;
    private long line;
    private int rows;

    CsvRowHandler(TableAssembler assembler, char delimiter, boolean skipHeader, Progress progress,
            LongSupplier bytesRead, long totalBytes) {
        this.assembler = assembler;
        this.delimiter = delimiter;
        this.skipFirst = skipHeader;
        this.progress = progress;
        this.bytesRead = bytesRead;
        this.totalBytes = Math.max(1, totalBytes);
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        line = startingLineNumber;
        rawLen = 0;
        assembler.beginRow(startingLineNumber);
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        if (skipFirst) {
            return;
        }
        int need = rawLen + len + 1;
        if (need > raw.length) {
            raw = java.util.Arrays.copyOf(raw, Math.max(need, raw.length * 2));
        }
        if (fieldIdx > 0) {
            raw[rawLen++] = delimiter;
        }
        System.arraycopy(buf, offset, raw, rawLen, len);
        rawLen += len;
        assembler.field(fieldIdx, buf, offset, len, quoted);
    }

    @Override
    protected Boolean buildRecord() {
        if (skipFirst) {
            skipFirst = false;
            return Boolean.TRUE;
        }
        try {
            assembler.endRow(() -> new String(raw, 0, Math.min(rawLen, ImportProblem.MAX_RAW_TEXT + 1)));
        } catch (ImportException e) {
            throw new Abort(e);
        }
        if (++rows % CHECK_EVERY == 0) {
            progress.report(bytesRead.getAsLong() / totalBytes, UserMessage.of("ingest.progress.reading", rows));
            progress.throwIfCancelled();
        }
        return Boolean.TRUE;
    }

    long currentLine() {
        return line;
    }
}
