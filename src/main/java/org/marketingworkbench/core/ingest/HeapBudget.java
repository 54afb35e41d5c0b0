package org.marketingworkbench.core.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * How much of the heap a read may use, and what to tell the user when the data does not fit: how big
 * the data is and what to do (a larger heap, fewer columns, a sample). Every way an import can run out
 * of memory ends in one of these messages, never in a stack trace or a parse error.
 */
public final class HeapBudget {

    private static final long GIB = 1L << 30;

    private final LongSupplier available;

    /** @param available the bytes of heap the read may still use (free now, or a test's fixed budget) */
    HeapBudget(LongSupplier available) {
        this.available = available;
    }

    /** The bytes free in the heap: what is not used yet, up to the maximum the heap may grow to. */
    static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** The bytes of heap the app may use at most (-Xmx). */
    static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * The bytes available for something that needs {@code need}; when that looks too little, what looks
     * used may be garbage, so the heap is collected once and asked again.
     */
    long availableFor(long need) {
        long free = available.getAsLong();
        if (need > free) {
            System.gc();
            free = available.getAsLong();
        }
        return free;
    }

    /**
     * What to do, with a heap setting that fits: the data's estimated need plus a margin, at least twice
     * the heap the app has now, in whole gigabytes.
     *
     * @param need the estimated bytes the data needs, or a value below 1 when not known
     */
    static UserMessage advice(long need) {
        long gib = Math.max(2 * maxHeap(), need + need / 2);
        return UserMessage.of("ingest.advice.memory", Math.max(2, (gib + GIB - 1) / GIB));
    }

    /**
     * The message for a file that did not fit when nothing else is known about the read: the file's size
     * and the heap the app may use. For the window, when an OutOfMemoryError reaches it without the
     * importer's figures.
     */
    public static UserMessage outOfMemory(Path file) {
        long size;
        try {
            size = file == null ? 0 : Files.size(file);
        } catch (java.io.IOException | SecurityException e) {
            size = 0;
        }
        return UserMessage.of("ingest.error.outOfMemory", file == null ? "" : String.valueOf(file.getFileName()),
                mib(size), mib(maxHeap()), advice(-1));
    }

    /** The message for work that ran out of memory, when no file is in question: the heap and what to do. */
    public static UserMessage outOfMemory() {
        return UserMessage.of("error.outOfMemory", mib(maxHeap()), advice(-1));
    }

    /** Bytes in MiB, rounded to the nearest and at least 1. */
    static long mib(long bytes) {
        return Math.max(1, (bytes + (1 << 19)) >> 20);
    }
}
