package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataCommandTest extends CliTest {

    @TempDir
    Path tmp;

    @Test
    void writesBothFilesWithTheGivenSeed() throws Exception {
        Path dir = tmp.resolve("out");

        int code = run("sample-data", "--out", dir.toString(), "--seed", "7");

        assertThat(code).isEqualTo(WorkbenchCli.OK);
        assertThat(dir.resolve("customers.csv")).exists();
        assertThat(dir.resolve("transactions.csv")).exists();
        assertThat(out.toString()).contains("with seed 7").contains("5,012 rows").contains("churned");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFileAsOutputFolderIsBadInputWithOneLine() throws Exception {
        Path file = Files.writeString(tmp.resolve("file.txt"), "keep me");

        int code = run("sample-data", "--out", file.toString());

        assertThat(code).isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(err.toString().trim()).startsWith("error: Cannot write the sample data:").doesNotContain("\n");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void missingOutIsAUsageError() {
        assertThat(run("sample-data")).isEqualTo(WorkbenchCli.USAGE);
        assertThat(err.toString()).contains("--out");
    }
}
