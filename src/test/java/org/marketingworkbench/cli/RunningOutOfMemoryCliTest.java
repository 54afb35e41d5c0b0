package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.app.Launcher;
import org.marketingworkbench.testsupport.SmallHeapJvm;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Running out of memory on the command line: exit code 1 and one plain line on stderr, no stack trace. */
class RunningOutOfMemoryCliTest extends CliTest {

    @TempDir
    Path dir;

    @Test
    void anImportThatRunsOutOfMemoryEndsInOneLineOnStderrWithoutAStackTrace() throws Exception {
        Path heavy = SmallHeapJvm.csvHeavierThanItsSample(dir.resolve("heavy.csv"));
        SmallHeapJvm.Run run = SmallHeapJvm.run("96m", dir, Launcher.class.getName(), "import", heavy.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(run.errLines()).as(run.err()).singleElement().asString()
                .startsWith("error: Memory ran out while reading heavy.csv")
                .contains("rows × 3 columns").contains("-Xmx")
                .doesNotContain("OutOfMemoryError").doesNotContain("Exception").doesNotContain("quote");
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anOutOfMemoryErrorInAnyCommandIsOneLineToo() {
        for (Runnable failing : new Runnable[] {
            () -> {
                throw new OutOfMemoryError("Java heap space");
            },
            () -> {
                throw new IllegalStateException("worker failed", new OutOfMemoryError("Java heap space"));
            }}) {
            WorkbenchCli root = new WorkbenchCli();
            CommandLine cli = new CommandLine(root).addSubcommand("work", CommandSpec.wrapWithoutInspection(failing));
            err.getBuffer().setLength(0);
            int code = WorkbenchCli.execute(cli, root, new String[] {"work"}, new PrintWriter(out), new PrintWriter(err));
            assertThat(code).isEqualTo(WorkbenchCli.BAD_INPUT);
            assertThat(err.toString().lines()).singleElement().asString().startsWith("error: Memory ran out (the app may use ")
                    .contains("-Xmx").doesNotContain("OutOfMemoryError").doesNotContain("worker failed");
        }
    }
}
