package org.marketingworkbench.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.pipeline.StageStatus;
import org.marketingworkbench.core.project.ProjectStore;
import org.marketingworkbench.core.project.StepRecord;
import org.marketingworkbench.ui.common.DialogService;
import org.marketingworkbench.ui.common.QueuedFileDialogs;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.SameThreadTaskRunner;
import org.marketingworkbench.ui.common.UserSettingsStore;
import org.marketingworkbench.ui.common.WorkbenchSession;

/** The shell's rules, without a window: a same-thread runner and answered dialogs. */
class ShellViewModelTest {

    @TempDir
    Path dir;

    private final WorkbenchSession session = new WorkbenchSession();
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private final List<Path> imported = new ArrayList<>();
    private ShellViewModel vm;

    @BeforeEach
    void create() {
        vm = newViewModel();
    }

    private ShellViewModel newViewModel() {
        return new ShellViewModel(session, new ProjectStore("test"), new SameThreadTaskRunner(), dialogs,
                new Localization(Locale.ENGLISH), new UserSettingsStore(dir.resolve("settings.properties")), imported::add,
                List.of());
    }

    private void finishImport() {
        session.update(session.project().withStep(Stage.INGEST, new StepRecord(true, null, null)));
    }

    @Test
    void theRailFollowsTheProject() {
        assertThat(vm.steps()).extracting(StepItem::status).containsExactly(StageStatus.READY,
                StageStatus.NEEDS_EARLIER_STEP, StageStatus.NEEDS_EARLIER_STEP, StageStatus.NEEDS_EARLIER_STEP,
                StageStatus.NEEDS_EARLIER_STEP, StageStatus.READY);   // a saved model scores without a project
        finishImport();
        assertThat(vm.steps().get(0).status()).isEqualTo(StageStatus.DONE);
        assertThat(vm.steps().get(1).status()).isEqualTo(StageStatus.READY);
    }

    @Test
    void aBlockedStepSaysWhichStepComesFirst() {
        assertThat(vm.selectStage(Stage.SEGMENT)).isFalse();
        assertThat(vm.currentStage()).isEqualTo(Stage.INGEST);
        assertThat(vm.noticeProperty().get().format(Locale.ENGLISH)).isEqualTo(
                "Segment needs an earlier step: finish Import first.");
        finishImport();
        assertThat(vm.selectNext()).isTrue();
        assertThat(vm.currentStage()).isEqualTo(Stage.CLEAN);
        assertThat(vm.steps().get(1).selectedProperty().get()).isTrue();
    }

    @Test
    void undoingAnEarlierStepMovesTheUserBackToWhereTheyCanWork() {
        finishImport();
        vm.selectStage(Stage.CLEAN);
        session.update(session.project().withStep(Stage.INGEST, new StepRecord(false, null, null)));
        assertThat(vm.currentStage()).isEqualTo(Stage.INGEST);
    }

    @Test
    void theTitleShowsNameAndUnsavedMark() {
        assertThat(vm.windowTitle().getValue()).isEqualTo("Untitled — Marketing Workbench");
        session.update(session.project().withName("Q3"));
        assertThat(vm.windowTitle().getValue()).isEqualTo("Q3* — Marketing Workbench");
        vm.setLanguage(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.windowTitle().getValue()).isEqualTo("Q3* — 营销工作台");
    }

    @Test
    void savingAnUntitledProjectNamesItAfterTheFile() {
        session.update(session.project());
        dialogs.files.add(dir.resolve("autumn"));
        assertThat(vm.save()).isTrue();
        assertThat(dir.resolve("autumn.mwb")).exists();
        assertThat(session.project().name()).isEqualTo("autumn");
        assertThat(session.isDirty()).isFalse();
        assertThat(vm.recentProjects()).containsExactly(dir.resolve("autumn.mwb"));
    }

    @Test
    void cancellingTheSaveDialogKeepsTheChanges() {
        session.update(session.project().withName("Keep"));
        assertThat(vm.save()).isFalse();
        assertThat(session.isDirty()).isTrue();
    }

    @Test
    void closingWithUnsavedChangesFollowsTheAnswer() {
        session.update(session.project().withName("Draft"));
        dialogs.unsaved.add(DialogService.UnsavedChoice.CANCEL);
        assertThat(vm.requestClose()).isFalse();
        dialogs.unsaved.add(DialogService.UnsavedChoice.SAVE);
        dialogs.files.add(dir.resolve("draft.mwb"));
        assertThat(vm.requestClose()).isTrue();
        assertThat(dir.resolve("draft.mwb")).exists();
        assertThat(dialogs.asked).isEqualTo(2);
        assertThat(vm.requestClose()).as("nothing unsaved: no question").isTrue();
        assertThat(dialogs.asked).isEqualTo(2);
    }

    @Test
    void aSaveThatFailsKeepsTheUserInTheWindow() throws Exception {
        session.update(session.project().withName("Draft"));
        Path folderInTheWay = Files.createDirectory(dir.resolve("taken.mwb"));
        dialogs.unsaved.add(DialogService.UnsavedChoice.SAVE);
        dialogs.files.add(folderInTheWay);
        assertThat(vm.requestClose()).isFalse();
        assertThat(dialogs.errors).hasSize(1);
        assertThat(session.isDirty()).isTrue();
    }

    @Test
    void droppedFilesOpenProjectsOrImportData() throws Exception {
        Path data = Files.writeString(dir.resolve("c.csv"), "a\n1\n");
        vm.openDropped(List.of(data));
        assertThat(imported).containsExactly(data);

        dialogs.files.add(dir.resolve("p.mwb"));
        session.update(session.project().withName("P"));
        vm.save();
        vm.newProject();
        vm.openDropped(List.of(dir.resolve("p.mwb")));
        assertThat(session.project().name()).isEqualTo("P");
    }

    @Test
    void settingsPersistAcrossSessions() {
        vm.themeProperty().set("dark");
        vm.explainVisibleProperty().set(false);
        vm.setLanguage(Locale.SIMPLIFIED_CHINESE);
        ShellViewModel again = newViewModel();
        assertThat(again.themeProperty().get()).isEqualTo("dark");
        assertThat(again.explainVisibleProperty().get()).isFalse();
        assertThat(again.localization().locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aMissingRecentProjectIsForgotten() {
        Path gone = dir.resolve("gone.mwb");
        dialogs.files.add(gone);
        session.update(session.project());
        vm.save();
        assertThat(vm.recentProjects()).contains(gone);
        gone.toFile().delete();
        vm.openProject(gone);
        assertThat(vm.recentProjects()).doesNotContain(gone);
        assertThat(dialogs.errors).extracting(UserMessage::key).containsExactly("project.error.notFound");
    }

    private void withData(String file) throws Exception {
        Path data = Files.writeString(dir.resolve(file), "id\n1\n");
        session.update(session.project().withDataSource(
                new org.marketingworkbench.core.project.DataSource(data, "0", 4)));
    }

    @Test
    void importingAnotherFileIntoAProjectWithDataAsksFirst() throws Exception {
        withData("first.csv");
        Path second = Files.writeString(dir.resolve("second.csv"), "id\n2\n");
        dialogs.imports.add(DialogService.ImportChoice.CANCEL);
        vm.importData(second);
        assertThat(dialogs.importAsked).isEqualTo(1);
        assertThat(imported).as("cancelled: nothing read, the project as it was").isEmpty();

        dialogs.imports.add(DialogService.ImportChoice.INTO_THIS_PROJECT);
        vm.importData(second);
        assertThat(imported).containsExactly(second);
        assertThat(session.project().data()).isPresent();
    }

    @Test
    void anotherFileCanStartANewProject() throws Exception {
        withData("first.csv");
        Path second = Files.writeString(dir.resolve("second.csv"), "id\n2\n");
        dialogs.imports.add(DialogService.ImportChoice.NEW_PROJECT);
        dialogs.unsaved.add(DialogService.UnsavedChoice.DISCARD);
        vm.importData(second);
        assertThat(session.project().data()).as("a new, empty project").isEmpty();
        assertThat(imported).containsExactly(second);
    }

    @Test
    void theSameFileAgainOrAProjectWithoutDataDoesNotAsk() throws Exception {
        Path first = Files.writeString(dir.resolve("first.csv"), "id\n1\n");
        vm.importData(first);
        withData("first.csv");
        vm.importData(dir.resolve("first.csv"));
        assertThat(dialogs.importAsked).isZero();
        assertThat(imported).hasSize(2);
    }

    @Test
    void savingKeepsTheDataAndLeavesNothingUnsaved() throws Exception {
        org.marketingworkbench.core.data.Dataset data = new org.marketingworkbench.core.data.Dataset(
                tech.tablesaw.api.Table.create("t"), List.of());
        session.setImportedData(data, false);
        finishImport();
        dialogs.files.add(dir.resolve("kept.mwb"));
        assertThat(vm.save()).isTrue();
        assertThat(session.isDirty()).isFalse();
        assertThat(session.importedDataProperty().get()).as("saving does not throw the data away").isSameAs(data);
        assertThat(session.project().name()).isEqualTo("kept");
    }

    /** Answers the shell's questions from queues; records errors. */
    @Test
    void aNoteIsKeptInTheProjectAndABlankOneRemovesIt() {
        vm.setNote("segment.sizes", "Champions are a quarter of revenue");
        assertThat(vm.noteFor("segment.sizes")).isEqualTo("Champions are a quarter of revenue");
        assertThat(session.isDirty()).isTrue();
        vm.setNote("segment.sizes", "  ");
        assertThat(vm.noteFor("segment.sizes")).isNull();
    }

    @Test
    void theReportOfTheOpenProjectIsWrittenWithItsNotes() throws Exception {
        vm.exportReport();
        assertThat(vm.noticeProperty().get().key()).as("no data: nothing to report").isEqualTo("report.ui.noData");

        var opened = new ProjectStore("test").open(org.marketingworkbench.testsupport.SampleProject.file());
        session.replace(opened.project(), opened.file());
        vm.setNote("evaluate.roc", "Good enough to pick whom to call first");
        Path report = dir.resolve("report.html");
        dialogs.files.add(report);
        vm.exportReport();
        assertThat(dialogs.errors).isEmpty();
        assertThat(vm.noticeProperty().get().key()).isEqualTo("report.ui.saved");
        String html = java.nio.file.Files.readString(report);
        assertThat(html.contains("Good enough to pick whom to call first")).as("the note is in the report").isTrue();
        assertThat(html.contains(org.marketingworkbench.testsupport.SampleProject.SEGMENT_ONE_NAME)).isTrue();
        assertThat(java.util.regex.Pattern.compile("<script[^>]+src=\"https?:").matcher(html).find())
                .as("nothing is loaded from the internet").isFalse();
    }

    private static final class AnsweringDialogs extends QueuedFileDialogs {
        final Deque<UnsavedChoice> unsaved = new ArrayDeque<>();
        final List<UserMessage> errors = new ArrayList<>();
        int asked;
        final Deque<ImportChoice> imports = new ArrayDeque<>();
        int importAsked;

        @Override
        public ImportChoice askImportIntoProject(String fileName, int recipeSteps) {
            importAsked++;
            return imports.isEmpty() ? ImportChoice.CANCEL : imports.poll();
        }

        @Override
        public UnsavedChoice askUnsavedChanges(String projectName) {
            asked++;
            return unsaved.isEmpty() ? UnsavedChoice.CANCEL : unsaved.poll();
        }

        @Override
        public boolean confirm(UserMessage title, UserMessage question) {
            return true;
        }

        @Override
        public void showError(UserMessage title, UserMessage message, Throwable details) {
            errors.add(message);
        }
    }
}
