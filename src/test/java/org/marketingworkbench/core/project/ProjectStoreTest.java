package org.marketingworkbench.core.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.pipeline.StageStatus;

class ProjectStoreTest {

    @TempDir
    Path dir;

    private final ProjectStore store = new ProjectStore("test");

    private Project sampleProject(Path data) throws IOException {
        ObjectNode ingest = JsonNodeFactory.instance.objectNode().put("delimiter", ";");
        ObjectNode result = JsonNodeFactory.instance.objectNode().put("rows", 5000);
        return new Project("Q3 customers", new DataSource(data, ContentHash.sha256(data), Files.size(data)),
                Map.of(Stage.INGEST, new StepRecord(true, ingest, result)), Instant.parse("2026-01-02T03:04:05Z"));
    }

    private Path dataFile(String name) throws IOException {
        Path data = dir.resolve(name);
        Files.createDirectories(data.getParent());
        Files.writeString(data, "id;age\n1;30\n2;41\n");
        return data;
    }

    @Test
    void aSavedProjectReadsBackEqual() throws Exception {
        Path data = dataFile("customers.csv");
        Project project = sampleProject(data);
        Path file = dir.resolve("q3.mwb");
        store.save(project, file);

        OpenedProject opened = store.open(file);
        assertThat(opened.dataStatus()).isEqualTo(OpenedProject.DataStatus.PRESENT);
        Project back = opened.project();
        assertThat(back.name()).isEqualTo("Q3 customers");
        assertThat(back.created()).isEqualTo(project.created());
        assertThat(back.dataSource()).isEqualTo(project.dataSource());
        assertThat(back.step(Stage.INGEST)).isEqualTo(project.step(Stage.INGEST));
        assertThat(back.pipelineState().status(Stage.CLEAN)).isEqualTo(StageStatus.READY);
    }

    @Test
    void theDataPathIsStoredRelativeToTheProject() throws Exception {
        Path data = dataFile("data/customers.csv");
        Path file = dir.resolve("q3.mwb");
        store.save(sampleProject(data), file);

        String json = Files.readString(file);
        assertThat(json).contains("\"path\" : \"data/customers.csv\"").doesNotContain(dir.toString());
    }

    @Test
    void aProjectFolderMovedAsAWholeStillFindsItsData() throws Exception {
        Path data = dataFile("team/data/customers.csv");
        store.save(sampleProject(data), dir.resolve("team/q3.mwb"));
        Path moved = dir.resolve("moved");
        Files.move(dir.resolve("team"), moved);

        OpenedProject opened = store.open(moved.resolve("q3.mwb"));
        assertThat(opened.dataStatus()).isEqualTo(OpenedProject.DataStatus.PRESENT);
        assertThat(opened.project().dataSource().path()).isEqualTo(moved.resolve("data/customers.csv"));
    }

    @Test
    void aMissingDataFileIsReportedNotFatal() throws Exception {
        Path data = dataFile("customers.csv");
        Path file = dir.resolve("q3.mwb");
        store.save(sampleProject(data), file);
        Files.delete(data);

        OpenedProject opened = store.open(file);
        assertThat(opened.dataStatus()).isEqualTo(OpenedProject.DataStatus.MISSING);
        assertThat(opened.project().step(Stage.INGEST).done()).isTrue();
    }

    @Test
    void aVersionOneProjectIsMigrated() throws Exception {
        Path file = dir.resolve("old.mwb");
        try (InputStream in = getClass().getResourceAsStream("/org/marketingworkbench/project/v1-prototype.mwb")) {
            Files.copy(in, file);
        }
        Project p = store.open(file).project();
        assertThat(p.name()).isEqualTo("Spring campaign");
        assertThat(p.dataSource().path()).isEqualTo(dir.resolve("customers.csv"));
        assertThat(p.dataSource().sha256()).isNull();
        assertThat(p.step(Stage.INGEST).settings().get("delimiter").asText()).isEqualTo(";");
        assertThat(p.step(Stage.SEGMENT).settings().get("k").asInt()).isEqualTo(4);
        assertThat(p.step(Stage.INGEST).done()).isFalse();
        assertThat(p.created()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));

        store.save(p, file);
        assertThat(Files.readString(file)).contains("\"version\" : " + ProjectFormat.CURRENT_VERSION)
                .doesNotContain("dataFile");
    }

    @Test
    void aVersionTwoProjectWithoutNotesStillOpensAndGainsNotesOnlyWhenGiven() throws Exception {
        Path file = dir.resolve("v2.mwb");
        try (InputStream in = getClass().getResourceAsStream("/org/marketingworkbench/project/v2-before-notes.mwb")) {
            Files.copy(in, file);
        }
        Project p = store.open(file).project();
        assertThat(p.name()).isEqualTo("Autumn churn");
        assertThat(p.notes()).isEmpty();
        assertThat(p.step(Stage.EVALUATE).settings().get("threshold").asDouble()).isEqualTo(0.3);
        assertThat(p.step(Stage.INGEST).done()).isTrue();

        store.save(p, file);
        assertThat(Files.readString(file)).contains("\"version\" : " + ProjectFormat.CURRENT_VERSION)
                .doesNotContain("\"notes\"");
    }

    @Test
    void notesSurviveASaveAndAnOpen() throws Exception {
        Path data = dataFile("customers.csv");
        Project project = sampleProject(data)
                .withNote("segment", "  Segment 2 are the customers we <b>must</b> keep.\r\nCall them first.  ")
                .withNote("evaluate.profit", "Cost from the March campaign: 5 per call.")
                .withNote("clean", "   ");
        Path file = dir.resolve("q3.mwb");
        store.save(project, file);

        Project back = store.open(file).project();
        assertThat(back.notes()).containsExactly(
                Map.entry("evaluate.profit", "Cost from the March campaign: 5 per call."),
                Map.entry("segment", "Segment 2 are the customers we <b>must</b> keep.\nCall them first."));
        assertThat(back).isEqualTo(project);
        assertThat(back.withNote("segment", null).note("segment")).isEmpty();
        assertThat(back.withNote("segment", back.note("segment").orElseThrow())).isSameAs(back);
    }

    @Test
    void aNoteIsCutAtItsLimitAndKeptWhenAStepChanges() throws Exception {
        Path data = dataFile("customers.csv");
        Project p = sampleProject(data).withNote("ingest", "x".repeat(Project.MAX_NOTE_LENGTH + 50));
        assertThat(p.note("ingest").orElseThrow()).hasSize(Project.MAX_NOTE_LENGTH);
        Project changed = p.withStep(Stage.INGEST, StepRecord.empty()).withName("Renamed")
                .withDataSource(p.dataSource());
        assertThat(changed.note("ingest")).isEqualTo(p.note("ingest"));
    }

    @Test
    void notesThatAreNotTextAreSkippedAndNotesThatAreNotAnObjectAreRefused() throws Exception {
        Path file = dir.resolve("n.mwb");
        Files.writeString(file, "{\"format\":\"marketing-workbench-project\",\"version\":3,"
                + "\"notes\":{\"train\":7,\"segment\":\"kept\"}}");
        assertThat(store.open(file).project().notes()).containsExactly(Map.entry("segment", "kept"));

        Files.writeString(file, "{\"format\":\"marketing-workbench-project\",\"version\":3,\"notes\":[1]}");
        assertThatThrownBy(() -> store.open(file)).isInstanceOf(ProjectException.class)
                .satisfies(e -> assertThat(((ProjectException) e).reason()).isEqualTo(ProjectException.Reason.CORRUPT));
    }

    @Test
    void aSaveThatFailsMidwayLeavesThePreviousFileIntact() throws Exception {
        Path data = dataFile("customers.csv");
        Path file = dir.resolve("q3.mwb");
        store.save(sampleProject(data), file);
        byte[] before = Files.readAllBytes(file);

        ProjectStore failing = new ProjectStore("test", Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                out -> new FailAfter(out, 40, "No space left on device"));
        Project changed = sampleProject(data).withName("Renamed");
        assertThatThrownBy(() -> failing.save(changed, file))
                .isInstanceOfSatisfying(ProjectException.class,
                        e -> assertThat(e.reason()).isEqualTo(ProjectException.Reason.DISK_FULL));

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("q3.mwb", "customers.csv");
        }
    }

    @Test
    void aGenericWriteFailureIsReportedWithTheFileName() throws Exception {
        ProjectStore failing = new ProjectStore("test", Clock.systemUTC(), out -> new FailAfter(out, 0, "I/O error"));
        assertThatThrownBy(() -> failing.save(Project.untitled(), dir.resolve("x.mwb")))
                .isInstanceOfSatisfying(ProjectException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProjectException.Reason.WRITE_FAILED);
                    assertThat(e.userMessage().toString()).contains("x.mwb").contains("previous version");
                });
        assertThat(dir.resolve("x.mwb")).doesNotExist();
    }

    @Test
    void savingIntoAReadOnlyFolderSaysSo() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"));
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeTrue(!Files.isWritable(locked), "running as a user who can write anywhere (root)");
            assertThatThrownBy(() -> store.save(Project.untitled(), locked.resolve("p.mwb")))
                    .isInstanceOfSatisfying(ProjectException.class,
                            e -> assertThat(e.reason()).isEqualTo(ProjectException.Reason.READ_ONLY));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void savingOverAFolderIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("p.mwb"));
        assertThatThrownBy(() -> store.save(Project.untitled(), folder)).isInstanceOf(ProjectException.class);
    }

    @Test
    void anEmptyFileIsReportedAsEmpty() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.mwb"), "");
        assertReason(file, ProjectException.Reason.EMPTY);
        Files.writeString(file, "  \n ");
        assertReason(file, ProjectException.Reason.EMPTY);
    }

    @Test
    void aTruncatedFileIsReportedAsTruncated() throws Exception {
        Path data = dataFile("customers.csv");
        Path file = dir.resolve("q3.mwb");
        store.save(sampleProject(data), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertReason(file, ProjectException.Reason.TRUNCATED);
    }

    @Test
    void aCsvRenamedToMwbIsNotAProject() throws Exception {
        assertReason(Files.writeString(dir.resolve("data.mwb"), "id,age\n1,2\n"), ProjectException.Reason.NOT_A_PROJECT);
    }

    @Test
    void aZipOrOtherJsonIsNotAProject() throws Exception {
        Path zip = dir.resolve("z.mwb");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("a.txt"));
            out.write(1);
        }
        assertReason(zip, ProjectException.Reason.NOT_A_PROJECT);
        assertReason(Files.writeString(dir.resolve("pkg.mwb"), "{\"name\": \"package.json\"}"),
                ProjectException.Reason.NOT_A_PROJECT);
    }

    @Test
    void aProjectFromANewerVersionNamesBothVersions() throws Exception {
        Path file = Files.writeString(dir.resolve("new.mwb"),
                "{\"format\":\"marketing-workbench-project\",\"version\":99}");
        assertThatThrownBy(() -> store.open(file)).isInstanceOfSatisfying(ProjectException.class, e -> {
            assertThat(e.reason()).isEqualTo(ProjectException.Reason.NEWER_VERSION);
            assertThat(e.userMessage().toString()).contains("99").contains("newer");
        });
    }

    @Test
    void damagedFieldsAreReportedAsCorrupt() throws Exception {
        assertReason(Files.writeString(dir.resolve("a.mwb"),
                "{\"format\":\"marketing-workbench-project\",\"version\":\"two\"}"), ProjectException.Reason.CORRUPT);
        assertReason(Files.writeString(dir.resolve("b.mwb"),
                "{\"format\":\"marketing-workbench-project\",\"version\":2,\"data\":{\"path\":7}}"),
                ProjectException.Reason.CORRUPT);
        assertReason(Files.writeString(dir.resolve("c.mwb"),
                "{\"format\":\"marketing-workbench-project\",\"version\":2,\"steps\":[1,2]}"),
                ProjectException.Reason.CORRUPT);
        assertReason(Files.writeString(dir.resolve("d.mwb"),
                "{\"format\":\"marketing-workbench-project\",\"version\":2,\"created\":\"yesterday\"}"),
                ProjectException.Reason.CORRUPT);
        assertReason(Files.writeString(dir.resolve("e.mwb"), "{\"format\": oops}"), ProjectException.Reason.CORRUPT);
    }

    @Test
    void aMissingFileOrAFolderGetsItsOwnMessage() {
        assertReason(dir.resolve("nope.mwb"), ProjectException.Reason.NOT_FOUND);
        assertReason(dir, ProjectException.Reason.NOT_A_PROJECT);
    }

    @Test
    void aFileWithAByteOrderMarkStillOpens() throws Exception {
        Path file = dir.resolve("bom.mwb");
        byte[] body = "{\"format\":\"marketing-workbench-project\",\"version\":2,\"name\":\"BOM\"}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(file, withBom);
        assertThat(store.open(file).project().name()).isEqualTo("BOM");
    }

    @Test
    void changingAStepMakesLaterStepsNotDone() {
        Project p = Project.untitled()
                .withStep(Stage.INGEST, new StepRecord(true, null, null))
                .withStep(Stage.CLEAN, new StepRecord(true, null, null));
        assertThat(p.pipelineState().done()).containsExactly(Stage.INGEST, Stage.CLEAN);
        Project changed = p.withStep(Stage.INGEST, new StepRecord(true,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("delimiter", ";"), null));
        assertThat(changed.pipelineState().done()).containsExactly(Stage.INGEST);
    }

    @Test
    void theSameRecordAgainChangesNothing() {
        Project p = Project.untitled()
                .withStep(Stage.INGEST, new StepRecord(true, null, null))
                .withStep(Stage.CLEAN, new StepRecord(true, null, null));
        assertThat(p.withStep(Stage.INGEST, new StepRecord(true, null, null))).isSameAs(p);
    }

    private void assertReason(Path file, ProjectException.Reason reason) {
        assertThatThrownBy(() -> store.open(file)).isInstanceOfSatisfying(ProjectException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.userMessage().format(java.util.Locale.ENGLISH)).doesNotStartWith("project.error");
            assertThat(e.userMessage().format(java.util.Locale.SIMPLIFIED_CHINESE)).doesNotStartWith("project.error");
        });
    }

    /** Simulates a disk that fills up after a few bytes. */
    private static final class FailAfter extends FilterOutputStream {
        private int left;
        private final String message;

        FailAfter(OutputStream out, int bytes, String message) {
            super(out);
            this.left = bytes;
            this.message = message;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException(message);
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }
}
