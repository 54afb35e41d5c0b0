package org.marketingworkbench.core.ingest;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * FastCSV callback that copies each row's fields into a {@link RowBatch}; full batches go to the
 * {@link TableAssembler}, on a second thread for big files (parsing and conversion then overlap)
 * or inline for small ones. Reports progress by bytes read and checks for cancel once per batch.
 */
final class CsvRowHandler extends AbstractBaseCsvCallbackHandler<Boolean> implements AutoCloseable {

    /** Carries an ImportException out through FastCSV's iterator. */
    static final class Abort extends RuntimeException {
        final ImportException cause;

        Abort(ImportException cause) {
            super(null, cause, false, false);
            this.cause = cause;
        }
    }

    private static final RowBatch END = new RowBatch();

    private final TableAssembler assembler;
    private final char delimiter;
    private final Progress progress;
    private final LongSupplier bytesRead;
    private final double totalBytes;
    private boolean skipFirst;
    private final int lineOffset;
    private RowBatch batch = new RowBatch();
    private long line;
    private long rows;

    // the converter thread, when there is one
    private final Thread worker;
    private final BlockingQueue<RowBatch> full;
    private final BlockingQueue<RowBatch> free;
    private volatile Throwable failure;

    /**
     * @param skipHeader whether the first record that is not a blank line is the header
     * @param lineOffset lines before the parsed text (a "sep=" line), added to every line number
     */
    CsvRowHandler(TableAssembler assembler, char delimiter, boolean skipHeader, int lineOffset, Progress progress,
            LongSupplier bytesRead, long totalBytes, boolean parallel) {
        this.assembler = assembler;
        this.delimiter = delimiter;
        this.skipFirst = skipHeader;
        this.lineOffset = lineOffset;
        this.progress = progress;
        this.bytesRead = bytesRead;
        this.totalBytes = Math.max(1, totalBytes);
        if (parallel) {
            full = new ArrayBlockingQueue<>(3);
            free = new ArrayBlockingQueue<>(4);
            free.add(new RowBatch());
            free.add(new RowBatch());
            worker = new Thread(this::convert, "mwb-import-convert");
            worker.setDaemon(true);
            worker.start();
        } else {
            full = null;
            free = null;
            worker = null;
        }
    }

    private void convert() {
        try {
            while (true) {
                RowBatch b = full.take();
                if (b == END) {
                    return;
                }
                if (failure == null) {
                    b.feed(assembler, delimiter);
                }
                b.clear();
                free.put(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ImportException e) {
            failure = new Abort(e);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        line = startingLineNumber + lineOffset;
        batch.beginRow(line);
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        batch.addField(buf, offset, len, quoted);
    }

    @Override
    protected Boolean buildRecord() {
        if (getRecordType() == RecordType.EMPTY) {
            // a blank line is no row (the reader skips it too): not the header, not a malformed row
            batch.dropRow();
            return Boolean.TRUE;
        }
        if (skipFirst) {
            skipFirst = false;
            batch.dropRow();
            return Boolean.TRUE;
        }
        batch.endRow();
        rows++;
        if (batch.isFull()) {
            flush();
            progress.report(bytesRead.getAsLong() / totalBytes, UserMessage.of("ingest.progress.reading", rows));
            progress.throwIfCancelled();
        }
        return Boolean.TRUE;
    }

    private void flush() {
        if (worker == null) {
            try {
                batch.feed(assembler, delimiter);
            } catch (ImportException e) {
                throw new Abort(e);
            }
            batch.clear();
            return;
        }
        try {
            rethrowFailure();
            full.put(batch);
            RowBatch next;
            while ((next = free.poll(50, TimeUnit.MILLISECONDS)) == null) {
                rethrowFailure();
                if (!worker.isAlive()) {
                    throw new IllegalStateException("the converter stopped");
                }
            }
            batch = next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.throwIfCancelled();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void rethrowFailure() {
        Throwable f = failure;
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
    }

    /** Converts what is left and waits for the converter; call after the last record. */
    void finish() {
        if (batch.rows > 0) {
            flush();
        }
        if (worker != null) {
            try {
                full.put(END);
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                progress.throwIfCancelled();
            }
            rethrowFailure();
        }
    }

    /** Stops the converter if the read ends early (an error or a cancel). */
    @Override
    public void close() {
        if (worker != null && worker.isAlive()) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long currentLine() {
        return line;
    }
}
