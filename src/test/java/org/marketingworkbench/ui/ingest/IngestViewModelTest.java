package org.marketingworkbench.ui.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.ui.common.Job;
import org.marketingworkbench.ui.common.SameThreadTaskRunner;
import org.marketingworkbench.ui.common.TaskRunner;
import org.marketingworkbench.ui.common.WorkbenchSession;

/** The Import step's rules without a window. */
class IngestViewModelTest {

    @TempDir
    Path dir;

    private final WorkbenchSession session = new WorkbenchSession();
    private IngestViewModel vm;
    private Path file;

    @BeforeEach
    void create() throws Exception {
        file = Files.writeString(dir.resolve("c.csv"), "id;spend;city\n1;10,5;Berlin\n2;7,25;Paris\n3;3,0;Berlin\n");
        vm = new IngestViewModel(session, new DataImporter(), new SameThreadTaskRunner(), () -> file);
    }

    @Test
    void aReadFileBecomesTheProjectsDataWithItsSettings() {
        vm.openDataFile(file);
        assertThat(vm.resultProperty().get().rowsRead()).isEqualTo(3);
        assertThat(session.importedDataProperty().get().rowCount()).isEqualTo(3);
        Project p = session.project();
        assertThat(p.dataSource().path()).isEqualTo(file.toAbsolutePath());
        assertThat(p.dataSource().sha256()).hasSize(64);
        assertThat(p.step(Stage.INGEST).done()).isTrue();
        assertThat(p.step(Stage.INGEST).settings().get("delimiter").asText()).isEqualTo(";");
        assertThat(session.isDirty()).isTrue();
    }

    @Test
    void aTypeOverrideReReadsAndIsRemembered() {
        vm.openDataFile(file);
        vm.setColumnType("city", ColumnType.TEXT);
        assertThat(vm.columns()).filteredOn(c -> c.name().equals("city")).singleElement()
                .satisfies(c -> {
                    assertThat(c.type()).isEqualTo(ColumnType.TEXT);
                    assertThat(c.overridden()).isTrue();
                });
        assertThat(session.project().step(Stage.INGEST).settings().toString()).contains("\"city\":\"TEXT\"");
    }

    @Test
    void aFailedReadKeepsTheLastGoodTableAndTheProject() throws Exception {
        vm.openDataFile(file);
        Project before = session.project();
        var table = session.importedDataProperty().get();
        vm.setEncoding("UTF-16");
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(session.project()).isEqualTo(before);
        assertThat(session.importedDataProperty().get()).isSameAs(table);
    }

    @Test
    void quoteThousandsAndDateSettingsCanBeChosen() throws Exception {
        Path dates = Files.writeString(dir.resolve("d.csv"), "id|joined|spend\n1|02.01.2026|1 250\n2|15.03.2026|980\n3|30.11.2025|2 100\n");
        vm.openDataFile(dates);
        vm.setThousandsSeparator(" ");
        assertThat(vm.columns()).filteredOn(c -> c.name().equals("spend")).singleElement()
                .extracting(ColumnRow::type).isEqualTo(ColumnType.NUMBER);
        assertThat(session.importedDataProperty().get().table().numberColumn("spend").sum()).isEqualTo(4330.0);
        vm.setDateFormats("dd.MM.yyyy");
        assertThat(vm.columns()).filteredOn(c -> c.name().equals("joined")).singleElement()
                .extracting(ColumnRow::type).isEqualTo(ColumnType.DATETIME);
        vm.setQuote('\'');
        assertThat(vm.resultProperty().get().resolvedSettings().quote()).isEqualTo('\'');
        vm.setDateFormats("not a pattern %%");
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.resultProperty().get().resolvedSettings().quote()).as("the last good read stays").isEqualTo('\'');
    }

    @Test
    void anUnreadableFileGivesAMessageAndNoData() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        vm.openDataFile(empty);
        assertThat(vm.errorProperty().get()).isNotNull();
        assertThat(vm.errorProperty().get().key()).startsWith("ingest.error");
        assertThat(session.project().data()).isEmpty();
    }

    @Test
    void anOpenedProjectReadsItsDataAgainWithTheStoredSettings() {
        vm.openDataFile(file);
        vm.setColumnType("city", ColumnType.TEXT);
        Project saved = session.project();
        session.replace(saved, dir.resolve("p.mwb"));
        assertThat(vm.resultProperty().get()).isNotNull();
        assertThat(vm.columns()).filteredOn(c -> c.name().equals("city")).singleElement()
                .extracting(ColumnRow::type).isEqualTo(ColumnType.TEXT);
        assertThat(session.isDirty()).as("reading unchanged data again is not a change").isFalse();
    }

    /** Runs each job at once; while {@code failing}, its progress runs out of memory the first time it moves. */
    private static final class OutOfMemoryRunner extends TaskRunner.Base {
        boolean failing = true;

        @Override
        public <T> void submit(Job<T> job) {
            boolean[] thrown = {false};
            Progress progress = Progress.to((fraction, message) -> {
                if (failing && fraction > 0 && fraction < 1 && !thrown[0]) {
                    thrown[0] = true;
                    throw new OutOfMemoryError("Java heap space");
                }
            });
            try {
                job.succeeded(job.work().run(progress));
            } catch (Exception | OutOfMemoryError e) {
                job.failed(e);
            }
        }
    }

    @Test
    void runningOutOfMemorySaysHowMuchWasReadKeepsTheLastTableAndTheNextReadWorks() throws Exception {
        OutOfMemoryRunner runner = new OutOfMemoryRunner();
        vm = new IngestViewModel(session, new DataImporter(), runner, () -> file);
        runner.failing = false;
        vm.openDataFile(file);
        var table = session.importedDataProperty().get();
        Path big = dir.resolve("big.csv");
        StringBuilder rows = new StringBuilder("id,spend,city\n");
        for (int i = 0; i < 20_000; i++) {
            rows.append(i).append(',').append(i % 90).append(".5,city").append(i % 7).append('\n');
        }
        Files.writeString(big, rows);
        runner.failing = true;
        vm.openDataFile(big);
        UserMessage error = vm.errorProperty().get();
        assertThat(error.key()).isEqualTo("ingest.error.outOfMemoryRead");
        assertThat(error.format(Locale.ENGLISH)).startsWith("Memory ran out while reading big.csv")
                .contains("rows × 3 columns").contains("-Xmx");
        assertThat(session.importedDataProperty().get()).as("the last good table stays").isSameAs(table);
        runner.failing = false;
        vm.openDataFile(big);
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(session.importedDataProperty().get().rowCount()).isEqualTo(20_000);
    }
}
