package org.marketingworkbench.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class RegularFileTest {

    @TempDir
    Path dir;

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceIsRefusedAtOnceEvenBehindALink() throws Exception {
        assertThatThrownBy(() -> RegularFile.read(Path.of("/dev/zero"), 1 << 20))
                .isInstanceOfSatisfying(RegularFile.RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegularFile.RefusedException.Reason.NOT_A_REGULAR_FILE));
        Path link = Files.createSymbolicLink(dir.resolve("project.mwb"), Path.of("/dev/zero"));
        assertThatThrownBy(() -> RegularFile.read(link, 1 << 20)).isInstanceOf(RegularFile.RefusedException.class);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFifoIsRefusedInsteadOfWaitedOn() throws Exception {
        Path fifo = dir.resolve("recipe.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mk.waitFor()).isZero();
        assertThatThrownBy(() -> RegularFile.read(fifo, 1 << 20)).isInstanceOf(RegularFile.RefusedException.class);
    }

    @Test
    void theCapCountsTheBytesRead() throws Exception {
        Path big = Files.write(dir.resolve("big.json"), new byte[1001]);
        assertThatThrownBy(() -> RegularFile.read(big, 1000))
                .isInstanceOfSatisfying(RegularFile.RefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(RegularFile.RefusedException.Reason.TOO_LARGE));
        assertThat(RegularFile.read(big, 1001)).hasSize(1001);
    }
}
