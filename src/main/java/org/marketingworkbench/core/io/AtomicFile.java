package org.marketingworkbench.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

/**
 * The one way the workbench writes a file (projects, settings, CSV exports, recipes, sample data, charts,
 * later models): the content goes to a temporary file of its own, with a random name, in the target's
 * folder; it is flushed and synced, then moved over the target in one atomic step, and the folder is
 * synced. So a crash, a kill or a full disk never leaves half a file, two writers of one target never mix
 * (the last complete file wins), and no file the user gave as input is ever used as scratch space.
 * An existing target keeps its permissions; a target that is a symbolic link is updated through the link
 * (the link stays). Temporary files this class left behind (a kill mid-write) are removed the next time the
 * same target is written, once they have not changed for {@link #STALE_AFTER}.
 */
public final class AtomicFile {

    /** Suffix of every temporary file: ".name.3f9a…c1.mwb-tmp" next to "name". */
    public static final String TEMP_SUFFIX = ".mwb-tmp";
    /** A temporary file untouched this long belongs to a writer that died (a live one keeps writing to it). */
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the file's content to {@code out}; the stream is closed by {@link AtomicFile}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Writes {@code target} atomically. Throws if the target is a folder, or if its folder does not exist;
     * on any failure the target is as it was and the temporary file is gone.
     */
    public static void write(Path target, Content content) throws IOException {
        Path destination = resolveLinks(target.toAbsolutePath());
        Path dir = destination.getParent();
        if (Files.isDirectory(destination)) {
            throw new IOException(destination + " is a folder");
        }
        removeStale(dir, destination.getFileName().toString());
        Path temp = createTemp(dir, destination.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            keepPermissions(destination, temp);
            try {
                Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncFolder(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * The file a write to {@code target} replaces: {@code target} itself, or the file its link (or chain of
     * links) points to. Commands compare it with their inputs, so no input is ever overwritten.
     */
    public static Path destinationOf(Path target) throws IOException {
        return resolveLinks(target.toAbsolutePath().normalize());
    }

    /**
     * A link is written through: the file it points to (following a chain of links) is replaced, and the
     * link itself stays. A dangling link creates the file it names.
     */
    static Path resolveLinks(Path target) throws IOException {
        Path p = target;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops > 40) {
                throw new IOException(target + ": too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.resolveSibling(link).normalize();
        }
        return p;
    }

    /**
     * A new, empty temporary file in {@code dir} whose name nobody else holds (CREATE_NEW with a random
     * part). Created with the default permissions (the user's umask applies), unlike createTempFile's 0600.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] random = new byte[8];
            RANDOM.nextBytes(random);
            Path temp = dir.resolve("." + name + "." + HexFormat.of().formatHex(random) + TEMP_SUFFIX);
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static void keepPermissions(Path existing, Path temp) {
        if (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView from = Files.getFileAttributeView(existing, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
        if (from == null || to == null) {
            return;   // not a POSIX file system (Windows): the ACLs of the folder apply
        }
        try {
            Set<PosixFilePermission> permissions = from.readAttributes().permissions();
            to.setPermissions(permissions);
            var group = from.readAttributes().group();
            if (!group.equals(to.readAttributes().group())) {
                to.setGroup(group);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // best effort: the content matters more than the mode bits; a group we may not set stays ours
        }
    }

    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some systems (Windows) cannot open a folder; the move itself is already atomic there
        }
    }

    /** Removes this class's temporary files for {@code name} in {@code dir} that no writer has touched lately. */
    static int removeStale(Path dir, String name) {
        return removeMatching(dir, "." + escapeGlob(name) + ".*" + TEMP_SUFFIX);
    }

    /**
     * Removes every temporary file of this class in {@code dir} that no writer has touched lately: the app
     * sweeps its own folder and its recent projects' folders at start, so a kill mid-save leaves nothing
     * behind for long. Returns how many it removed.
     */
    public static int removeStaleIn(Path dir) {
        return removeMatching(dir, ".*" + TEMP_SUFFIX);
    }

    private static int removeMatching(Path dir, String glob) {
        int removed = 0;
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, glob)) {
            for (Path t : temps) {
                FileTime modified = Files.getLastModifiedTime(t, LinkOption.NOFOLLOW_LINKS);
                if (Files.isRegularFile(t, LinkOption.NOFOLLOW_LINKS) && modified.toInstant().isBefore(before)) {
                    Files.deleteIfExists(t);
                    removed++;
                }
            }
        } catch (IOException | SecurityException e) {
            // a folder we cannot list: nothing of ours to clean there
        }
        return removed;
    }

    private static String escapeGlob(String name) {
        StringBuilder b = new StringBuilder();
        for (char c : name.toCharArray()) {
            if ("*?[]{}\\".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
