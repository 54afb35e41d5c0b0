package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.testsupport.SampleProject;

class ReportCommandTest extends CliTest {

    @TempDir
    Path dir;

    private static String head(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        return new String(bytes, 0, Math.min(bytes.length, 400), StandardCharsets.UTF_8);
    }

    @Test
    void writesTheSampleProjectsReportAndReplacesItOnlyWithForce() throws Exception {
        Path report = dir.resolve("report.html");
        assertThat(run("report", SampleProject.file().toString(), "--out", report.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Report of Churn study (sample customers) written to " + report);
        assertThat(Files.size(report)).isBetween(10L * 1024 * 1024, 15L * 1024 * 1024);
        assertThat(head(report)).contains("<html lang=\"en\"");
        assertThat(Files.list(dir)).as("no temporary file left").containsExactly(report);

        assertThat(run("report", SampleProject.file().toString(), "--out", report.toString(), "--lang", "zh"))
                .isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(err.toString()).contains("error: " + report + " already exists. Choose another name, or add --force"
                + " to replace it.").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(head(report)).as("the report is as it was").contains("<html lang=\"en\"");

        assertThat(run("report", SampleProject.file().toString(), "--out", report.toString(), "--lang", "zh", "--force"))
                .as(err.toString()).isZero();
        assertThat(head(report)).contains("<html lang=\"zh-CN\"");
    }

    @Test
    void anExistingFileIsRefusedBeforeAnyStepIsRun() throws Exception {
        Path report = Files.writeString(dir.resolve("old.html"), "the client's copy");
        long start = System.nanoTime();
        assertThat(run("report", SampleProject.file().toString(), "--out", report.toString()))
                .isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(System.nanoTime() - start).as("refused at once, not after re-running the project")
                .isLessThan(5_000_000_000L);
        assertThat(Files.readString(report)).isEqualTo("the client's copy");
        assertThat(err.toString()).contains("already exists").contains("--force");
    }

    @Test
    void aFolderThatCannotBeWrittenToSaysSo() throws Exception {
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path folder = locked;
            // root may write anywhere: HtmlReportTest checks the same words with a disk that refuses the file
            assumeTrue(!Files.isWritable(locked), "running as root: every folder is writable");
            Path report = folder.resolve("report.html");
            assertThat(run("report", SampleProject.file().toString(), "--out", report.toString()))
                    .isEqualTo(WorkbenchCli.BAD_INPUT);
            assertThat(err.toString()).contains("error: The report cannot be written in " + folder
                    + ": the folder is read-only. Choose a folder you can write to.").doesNotContain("\tat ");
            assertThat(Files.exists(report)).isFalse();
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aMissingFolderAndAnUnknownLanguageAreNamed() throws Exception {
        Path nowhere = dir.resolve("no/such/folder/report.html");
        assertThat(run("report", SampleProject.file().toString(), "--out", nowhere.toString()))
                .isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(err.toString()).contains("The folder " + nowhere.getParent() + " does not exist.");

        assertThat(run("report", SampleProject.file().toString(), "--out", dir.resolve("r.html").toString(),
                "--lang", "fr")).isEqualTo(WorkbenchCli.USAGE);
        assertThat(err.toString()).contains("--lang must be en or zh, not fr.");
    }

    @Test
    void aProjectWhoseDataFileIsGoneSaysWhereItWasExpected() throws Exception {
        Path data = Files.copy(SampleProject.CUSTOMERS, dir.resolve("customers.csv"));
        Path project = dir.resolve("p.mwb");
        Files.writeString(project, Files.readString(SampleProject.file()));
        Files.delete(data);
        assertThat(run("report", project.toString(), "--out", dir.resolve("r.html").toString()))
                .isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(err.toString()).contains("The project’s data file " + data + " is not there.");
        assertThat(Files.exists(dir.resolve("r.html"))).isFalse();
    }
}
