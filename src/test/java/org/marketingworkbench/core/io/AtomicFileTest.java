package org.marketingworkbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private static byte[] filled(char c, int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(AtomicFile.TEMP_SUFFIX)).toList();
        }
    }

    @Test
    void twoWritersOfOneTargetNeverMixTheirOutputs() throws Exception {
        Path target = dir.resolve("out.csv");
        byte[] a = filled('a', 3 << 20);
        byte[] b = filled('b', 3 << 20);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                List<Future<?>> both = new ArrayList<>();
                for (byte[] content : List.of(a, b)) {
                    both.add(pool.submit((Callable<Void>) () -> {
                        AtomicFile.write(target, out -> {
                            for (int off = 0; off < content.length; off += 4096) {
                                out.write(content, off, Math.min(4096, content.length - off));
                            }
                        });
                        return null;
                    }));
                }
                for (Future<?> f : both) {
                    f.get();
                }
                byte[] written = Files.readAllBytes(target);
                assertThat(Arrays.equals(written, a) || Arrays.equals(written, b))
                        .as("round %d: the file is one writer's whole output", round).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aFileNamedLikeATemporaryFileIsNeverTouched() throws Exception {
        Path input = Files.writeString(dir.resolve("dl.csv.part"), "id\n1\n");
        Path tmpLike = Files.writeString(dir.resolve("dl.csv.tmp"), "keep me");
        AtomicFile.write(dir.resolve("dl.csv"), "id\n2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(input)).isEqualTo("id\n1\n");
        assertThat(Files.readString(tmpLike)).isEqualTo("keep me");
        assertThat(Files.readString(dir.resolve("dl.csv"))).isEqualTo("id\n2\n");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("project.mwb"), "old");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space");
        assertThat(Files.readString(target)).isEqualTo("old");
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aSharedFileKeepsItsPermissions() throws Exception {
        Path target = Files.writeString(dir.resolve("shared.mwb"), "v1");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFile.write(target, "v2".getBytes(StandardCharsets.UTF_8));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-rw-r--");
    }

    @Test
    void aNewFileGetsTheUsualPermissionsNotPrivateOnes() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain.txt"));   // what the user's umask gives a new file
        Path target = dir.resolve("new.csv");
        AtomicFile.write(target, "x".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void writingThroughALinkUpdatesItsTargetAndKeepsTheLink() throws Exception {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("shared")).resolve("spring.mwb"), "v1");
        Path link = Files.createSymbolicLink(dir.resolve("spring.mwb"), real);
        AtomicFile.write(link, "v2".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("v2");
        assertThat(AtomicFile.destinationOf(link)).isEqualTo(real);
    }

    @Test
    void temporaryFilesLeftByAKillAreRemovedOnTheNextWriteButALiveWritersAreNot() throws Exception {
        Path stale = Files.writeString(dir.resolve(".out.csv.0011223344556677" + AtomicFile.TEMP_SUFFIX), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(AtomicFile.STALE_AFTER).minusSeconds(60)));
        Path live = Files.writeString(dir.resolve(".out.csv.8899aabbccddeeff" + AtomicFile.TEMP_SUFFIX), "writing");
        Path other = Files.writeString(dir.resolve(".other.csv.0011223344556677" + AtomicFile.TEMP_SUFFIX), "x");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(AtomicFile.STALE_AFTER).minusSeconds(60)));
        AtomicFile.write(dir.resolve("out.csv"), "a".getBytes(StandardCharsets.UTF_8));
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
        assertThat(other).as("another target's temporary file is left for its own next write").exists();
    }

    @Test
    void aFolderIsNotATarget() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out.csv"));
        assertThatThrownBy(() -> AtomicFile.write(folder, new byte[] {1})).isInstanceOf(IOException.class);
    }

    @Test
    void aSweepOfAFolderRemovesOnlyStaleTemporaryFilesOfThisApp() throws Exception {
        Path stale = Files.writeString(dir.resolve(".a.mwb.0011223344556677" + AtomicFile.TEMP_SUFFIX), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(AtomicFile.STALE_AFTER).minusSeconds(5)));
        Path fresh = Files.writeString(dir.resolve(".b.mwb.0011223344556677" + AtomicFile.TEMP_SUFFIX), "live");
        Path users = Files.writeString(dir.resolve("notes.tmp"), "the user's");
        Files.setLastModifiedTime(users, FileTime.from(Instant.now().minusSeconds(86_400)));
        assertThat(AtomicFile.removeStaleIn(dir)).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(users).exists();
    }
}
