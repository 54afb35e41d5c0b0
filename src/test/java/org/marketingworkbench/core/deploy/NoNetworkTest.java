package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.testsupport.SmallHeapJvm;

/**
 * Privacy: importing, training, saving a model, reading it back and scoring open no network connection. The
 * path runs in a JVM of its own under a security manager that refuses and counts every connect, listen,
 * accept and multicast; the test fails on any attempt (and would fail if the path did not run).
 */
class NoNetworkTest {

    @Test
    void theModelPathOpensNoNetworkConnection(@TempDir Path home) throws Exception {
        SmallHeapJvm.Run run = SmallHeapJvm.run("1g", home, NoNetworkProbe.class.getName(),
                Path.of("sample-data", "customers.csv").toAbsolutePath().toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("scored rows: 5012").contains("network attempts: 0")
                .doesNotContain("network attempt:");
    }
}
