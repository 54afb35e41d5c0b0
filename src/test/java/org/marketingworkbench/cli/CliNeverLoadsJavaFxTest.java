package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line runs headless: starting the jar with a subcommand must not load any JavaFX class. */
class CliNeverLoadsJavaFxTest {

    @TempDir
    Path home;

    @Test
    void wekaStaysOutOfTheUsersHomeAndOffline() throws Exception {
        Path userHome = java.nio.file.Files.createDirectories(home.resolve("user"));
        Path arff = java.nio.file.Files.writeString(home.resolve("tiny.arff"),
                "@relation t\n@attribute age numeric\n@attribute city {Berlin,Paris}\n@data\n30,Berlin\n41,Paris\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Duser.home=" + userHome, "-Dmwb.home=" + home.resolve("app"),
                "-cp", System.getProperty("java.class.path"), "org.marketingworkbench.app.Launcher", "import", arff.toString()))
                .redirectErrorStream(true)
                .start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("age").contains("city").doesNotContainIgnoringCase("BLAS").doesNotContain("SLF4J");
        assertThat(userHome.resolve("wekafiles")).doesNotExist();
        assertThat(home.resolve("app").resolve("weka")).isDirectory();
    }

    @Test
    void versionRunsWithoutLoadingJavaFx() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-verbose:class", "-Dmwb.home=" + home,
                "-cp", System.getProperty("java.class.path"), "org.marketingworkbench.app.Launcher", "--version"))
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String log = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(log).contains("Marketing Workbench").contains("org.marketingworkbench.cli.WorkbenchCli");
        assertThat(log.lines().filter(l -> l.contains("[class,load]") && l.contains(" javafx."))).isEmpty();
        assertThat(log.lines().filter(l -> l.contains("[class,load]") && l.contains("org.marketingworkbench.ui."))).isEmpty();
    }
}
