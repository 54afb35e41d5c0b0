package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.ContentHash;
import org.marketingworkbench.core.project.DataSource;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.core.project.ProjectStore;
import org.marketingworkbench.core.project.StepRecord;

class WorkbenchCliTest extends CliTest {

    @TempDir
    Path dir;

    private Path savedProject() throws Exception {
        Path data = Files.writeString(dir.resolve("customers.csv"), "id,age\n1,30\n");
        Project p = new Project("Demo", new DataSource(data, ContentHash.sha256(data), Files.size(data)),
                Map.of(Stage.INGEST, new StepRecord(true, null, null)), Instant.now());
        Path file = dir.resolve("demo.mwb");
        new ProjectStore("test").save(p, file);
        return file;
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("project").contains("Usage");
    }

    @Test
    void versionNamesTheLibraries() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("Marketing Workbench").contains("Weka 3.8").contains("Tablesaw");
    }

    @Test
    void projectPrintsASummary() throws Exception {
        assertThat(run("project", savedProject().toString())).isZero();
        assertThat(out.toString()).contains("Project: Demo").contains("customers.csv")
                .contains("ingest: done").contains("clean: ready").contains("segment: needs_earlier_step")
                .contains("is the one the project was built on");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void projectJsonIsMachineReadable() throws Exception {
        assertThat(run("project", "--json", savedProject().toString())).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertThat(json.get("name").asText()).isEqualTo("Demo");
        assertThat(json.get("dataMatches").asBoolean()).isTrue();
        assertThat(json.get("steps").get("ingest").asText()).isEqualTo("DONE");
    }

    @Test
    void aChangedDataFileIsFlagged() throws Exception {
        Path file = savedProject();
        Files.writeString(dir.resolve("customers.csv"), "id,age\n1,31\n");
        assertThat(run("project", file.toString())).isZero();
        assertThat(out.toString()).contains("has changed");
    }

    @Test
    void aMissingDataFileExitsWithOneAndAOneLineMessage() throws Exception {
        Path file = savedProject();
        Files.delete(dir.resolve("customers.csv"));
        assertThat(run("project", file.toString())).isEqualTo(1);
        assertThat(err.toString().strip()).startsWith("error:").contains("customers.csv").doesNotContain("\n");
    }

    @Test
    void badInputExitsWithOneAndNoStackTrace() throws Exception {
        Path notProject = Files.writeString(dir.resolve("x.mwb"), "id,age\n");
        assertThat(run("project", notProject.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: This file is not a Marketing Workbench project")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void debugAddsTheStackTrace() throws Exception {
        Path notProject = Files.writeString(dir.resolve("x.mwb"), "id,age\n");
        assertThat(run("--debug", "project", notProject.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("ProjectException").contains("\tat ");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("project")).isEqualTo(2);
        assertThat(run("no-such-command")).isEqualTo(2);
        assertThat(run("--no-such-option")).isEqualTo(2);
    }
}
