package org.marketingworkbench.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads small files the workbench itself made (projects, recipes, settings) safely: only a regular file
 * (not a device such as {@code /dev/zero}, a FIFO or a folder, even behind a link), and never more than a
 * cap, counted on the bytes actually read rather than on the size the file system reports.
 */
public final class RegularFile {

    /** Why a file was refused. */
    public static final class RefusedException extends IOException {
        public enum Reason { NOT_A_REGULAR_FILE, TOO_LARGE }

        private final Reason reason;

        RefusedException(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    private RegularFile() {
    }

    /** The whole content of {@code file}, at most {@code maxBytes}. */
    public static byte[] read(Path file, long maxBytes) throws IOException {
        if (!Files.isRegularFile(file)) {   // follows links: a link to /dev/zero is refused too
            if (!Files.exists(file)) {
                throw new java.nio.file.NoSuchFileException(file.toString());
            }
            throw new RefusedException(RefusedException.Reason.NOT_A_REGULAR_FILE, file + " is not a regular file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new RefusedException(RefusedException.Reason.TOO_LARGE,
                        file + " is larger than " + maxBytes + " bytes");
            }
            return bytes;
        }
    }
}
