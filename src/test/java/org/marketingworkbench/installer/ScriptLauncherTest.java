package org.marketingworkbench.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code installer/linux/script-launcher.sh} turns a jpackage application image's native launcher into a
 * shell script. Checked on a stand-in image (its "java" prints what it was started with), in a folder whose
 * name has a space, so the real installer build is not needed.
 */
class ScriptLauncherTest {

    private static final Path SCRIPT = Path.of("installer", "linux", "script-launcher.sh");

    @TempDir
    Path temp;

    private Path image;

    @BeforeEach
    void standInImage() throws IOException {
        assumeTrue(!System.getProperty("os.name", "").startsWith("Windows"), "a Linux installer script");
        image = temp.resolve("My Apps").resolve("demo");
        Files.createDirectories(image.resolve("bin"));
        Files.createDirectories(image.resolve("lib/app/lib"));
        Files.createDirectories(image.resolve("lib/runtime/bin"));
        Files.writeString(image.resolve("bin/demo"), "native launcher");
        Files.writeString(image.resolve("lib/libapplauncher.so"), "native launcher library");
        Path java = image.resolve("lib/runtime/bin/java");
        Files.writeString(java, "#!/bin/sh\necho \"name=$(basename \"$0\")\"\nfor a in \"$@\"; do echo \"arg=$a\"; done\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theScriptStartsTheBundledRuntimeWithTheCfgsOptionsClassPathAndArguments() throws Exception {
        writeCfg("-Djpackage.app-version=1.2.3", "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED");

        Result converted = run(List.of("bash", SCRIPT.toString(), image.toString()));
        assertThat(converted.exit()).as(converted.output()).isZero();
        assertThat(image.resolve("lib/app/demo.cfg")).doesNotExist();
        assertThat(image.resolve("lib/libapplauncher.so")).doesNotExist();
        assertThat(Files.isSymbolicLink(image.resolve("lib/runtime/bin/demo"))).isTrue();

        Result started = run(List.of(image.resolve("bin/demo").toString(), "--smoke-test", "a file with spaces.mwb"));
        String app = image.resolve("lib/app").toRealPath().toString();
        assertThat(started.exit()).as(started.output()).isZero();
        assertThat(started.output().lines().toList()).containsExactly(
                "name=demo",
                "arg=-Djpackage.app-version=1.2.3",
                "arg=--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED",
                "arg=-Djpackage.app-path=" + image.resolve("bin").toRealPath() + "/demo",
                "arg=-cp",
                "arg=" + app + "/demo.jar:" + app + "/lib/a.jar:" + app + "/lib/b.jar",
                "arg=org.example.Main",
                "arg=--smoke-test",
                "arg=a file with spaces.mwb");
    }

    @Test
    void anOptionTheShellWouldReadDifferentlyStopsTheBuild() throws Exception {
        writeCfg("-Dgreeting=\"hello\"");

        Result converted = run(List.of("bash", SCRIPT.toString(), image.toString()));

        assertThat(converted.exit()).isNotZero();
        assertThat(converted.output()).contains("cannot quote");
        assertThat(image.resolve("bin/demo")).hasContent("native launcher");
    }

    private void writeCfg(String... options) throws IOException {
        List<String> lines = new ArrayList<>(List.of("[Application]",
                "app.classpath=$APPDIR/demo.jar", "app.mainclass=org.example.Main",
                "app.classpath=$APPDIR/lib/a.jar", "app.classpath=$APPDIR/lib/b.jar", "", "[JavaOptions]"));
        for (String option : options) {
            lines.add("java-options=" + option);
        }
        Files.write(image.resolve("lib/app/demo.cfg"), lines);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
