package org.marketingworkbench.core.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marketingworkbench.core.clean.CleanStepRecord;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.evaluate.EvaluateStepRecord;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportException;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.ingest.IngestStepRecord;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.OpenedProject;
import org.marketingworkbench.core.project.Project;
import org.marketingworkbench.core.project.StepRecord;
import org.marketingworkbench.core.segment.SegmentStepRecord;
import org.marketingworkbench.core.segment.Segmentation;
import org.marketingworkbench.core.segment.SegmentationSettings;
import org.marketingworkbench.core.train.TrainException;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainStepRecord;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingListener;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.core.train.TrainingSettings;

/**
 * Works out a saved project's results headless, as the window does when the project is opened: the data file is
 * read again with the stored import settings, and every step the project had done is re-run with its stored
 * settings (the seeds included) by the step's own core code. The same data and settings give the same figures.
 *
 * <p>A step that cannot be re-run (its columns are gone from a changed file, say) is left out with the reason,
 * and so are the steps built on it; the data file missing or unreadable fails the whole report, since nothing
 * could be shown.
 */
public final class ProjectReplay {

    private ProjectReplay() {
    }

    /**
     * The results of {@code opened}, its steps re-run. Long (training is re-run): call it in the background; it
     * reports progress and stops at a cancel ({@link org.marketingworkbench.core.pipeline.CancelledException}).
     *
     * @throws ReportException DATA_MISSING when the data file is not where the project says, DATA_UNREADABLE when
     *         it cannot be read with the project's settings
     */
    public static ProjectResults run(OpenedProject opened, Progress progress) throws ReportException {
        return run(opened, ProjectResults.builder(opened.project(), opened.file()), progress);
    }

    /**
     * As {@link #run(OpenedProject, Progress)}, into {@code results} (made with {@link ProjectResults#builder} for
     * the same project), whose clock and versions the caller may have fixed.
     */
    public static ProjectResults run(OpenedProject opened, ProjectResults.Builder results, Progress progress)
            throws ReportException {
        Project project = opened.project();
        results.replayed(true);
        Set<Stage> done = project.pipelineState().done();
        if (!done.contains(Stage.INGEST) || project.data().isEmpty()) {
            return results.build();
        }
        Path dataFile = project.dataSource().path();
        if (opened.dataStatus() == OpenedProject.DataStatus.MISSING) {
            throw new ReportException(ReportException.Reason.DATA_MISSING,
                    UserMessage.of("report.error.dataMissing", dataFile.toString()), null);
        }
        ImportResult imported;
        try {
            ImportSettings settings = IngestStepRecord.settings(project.step(Stage.INGEST));
            imported = new DataImporter().read(dataFile, settings, progress.slice(0, 0.08));
        } catch (ImportException e) {
            throw new ReportException(ReportException.Reason.DATA_UNREADABLE,
                    UserMessage.of("report.error.dataUnreadable", dataFile.getFileName().toString(), e.userMessage()), e);
        }
        results.dataHashNow(imported.sha256());
        results.ingest(IngestFindings.of(dataFile, imported));
        Dataset data = imported.dataset();

        // Clean: the stored recipe, with the steps this file cannot feed switched off (as the screen does)
        Dataset cleaned = null;
        Recipe recipe = null;
        if (done.contains(Stage.CLEAN)) {
            try {
                StepRecord rec = project.step(Stage.CLEAN);
                Optional<String> target = CleanStepRecord.target(rec).filter(t -> data.spec(t).isPresent());
                Recipe.Adapted adapted = CleanStepRecord.recipe(rec).adaptTo(data);
                Recipe.Run run = adapted.recipe().fitAndApply(data, progress.slice(0.08, 0.12));
                recipe = adapted.recipe();
                cleaned = run.result().dataset();
                results.clean(CleanFindings.of(data, target, positiveClass(project, data, target), recipe, run.result(),
                        null, adapted.notice(), progress.slice(0.12, 0.22)));
            } catch (WorkbenchException e) {
                results.notReplayed(Stage.CLEAN, failed(e));
                cleaned = null;
            }
        }

        // Segment: the stored settings on the cleaned table; the typed names when the segments are the same
        Dataset segmented = null;
        if (done.contains(Stage.SEGMENT)) {
            if (cleaned == null) {
                results.notReplayed(Stage.SEGMENT, earlierFailed(Stage.CLEAN));
            } else {
                try {
                    StepRecord rec = project.step(Stage.SEGMENT);
                    SegmentationSettings s = SegmentStepRecord.settings(rec);
                    Dataset table = cleaned;
                    List<String> absent = s.features().stream().filter(f -> table.spec(f).isEmpty()).toList();
                    if (!absent.isEmpty()) {
                        results.notReplayed(Stage.SEGMENT,
                                UserMessage.of("segment.notice.featuresAbsent", String.join(", ", absent)));
                    } else {
                        Segmentation seg = Segmentation.compute(cleaned, s, progress.slice(0.22, 0.35));
                        Map<Integer, String> names = SegmentStepRecord.namesFor(rec, seg.result());
                        Optional<UserMessage> notice = names.isEmpty() && !SegmentStepRecord.names(rec).isEmpty()
                                ? Optional.of(UserMessage.of("segment.notice.namesReset")) : Optional.empty();
                        results.segment(new SegmentFindings(seg, names, notice));
                        segmented = seg.result().withSegmentColumn(cleaned);
                    }
                } catch (WorkbenchException e) {
                    results.notReplayed(Stage.SEGMENT, failed(e));
                }
            }
        }

        // Train: the stored settings on the imported table (with the segment), the recipe fitted inside each fold
        if (done.contains(Stage.TRAIN)) {
            if (cleaned == null) {
                results.notReplayed(Stage.TRAIN, earlierFailed(Stage.CLEAN));
                if (done.contains(Stage.EVALUATE)) {
                    results.notReplayed(Stage.EVALUATE, earlierFailed(Stage.TRAIN));
                }
                return results.build();
            }
            TrainingData.Table table = TrainingData.withSegment(data, segmented);
            TrainFindings train;
            try {
                TrainingSettings s = TrainStepRecord.settings(project.step(Stage.TRAIN));
                List<UserMessage> notices = new ArrayList<>();
                table.notice().ifPresent(notices::add);
                List<String> absent = s.features().stream().filter(f -> table.data().spec(f).isEmpty()).toList();
                if (!absent.isEmpty()) {
                    notices.add(UserMessage.of("report.train.featuresAbsent", String.join(", ", absent)));
                    s = s.withFeatures(s.features().stream().filter(f -> table.data().spec(f).isPresent()).toList());
                }
                TrainingResult r = new TrainStep().run(table.data(), recipe, s, TrainingListener.NONE,
                        progress.slice(0.35, 0.8));
                train = new TrainFindings(r, TrainStepRecord.chosen(project.step(Stage.TRAIN)).orElse(null), notices);
                results.train(train);
            } catch (WorkbenchException e) {
                results.notReplayed(Stage.TRAIN, failed(e));
                if (done.contains(Stage.EVALUATE)) {
                    results.notReplayed(Stage.EVALUATE, earlierFailed(Stage.TRAIN));
                }
                return results.build();
            }

            // Evaluate: the figures at the stored threshold, cost and value; importance of the chosen model
            if (done.contains(Stage.EVALUATE)) {
                TrainingResult r = train.result();
                ImportanceFindings importance;
                try {
                    TrainedModel model = new TrainStep().fitFinal(table.data(), recipe, r.settings(),
                            train.chosenLearnerId(), progress.slice(0.8, 0.88));
                    importance = ImportanceFindings.measure(model, table.data(), r.testRows(), progress.slice(0.88, 1));
                } catch (TrainException e) {
                    importance = new ImportanceFindings(null, null, e.userMessage());
                }
                results.evaluate(EvaluateFindings.of(r, train.chosenLearnerId(),
                        EvaluateStepRecord.settings(project.step(Stage.EVALUATE)), importance));
            }
        }
        progress.report(1);
        return results.build();
    }

    /**
     * The target class that means "yes", for the sentences about features: the Train step's when it trained on this
     * target, else the one the Train step would suggest.
     */
    private static Optional<String> positiveClass(Project project, Dataset data, Optional<String> target) {
        if (target.isEmpty()) {
            return Optional.empty();
        }
        try {
            StepRecord train = project.step(Stage.TRAIN);
            if (train.settings().has("target")) {
                TrainingSettings s = TrainStepRecord.settings(train);
                if (target.get().equals(s.target()) && s.positiveClass() != null) {
                    return Optional.of(s.positiveClass());
                }
            }
        } catch (TrainException e) {
            // a damaged Train record: fall back to the suggestion
        }
        try {
            var info = TrainingData.analyse(data, target.get());
            return info.classes().size() == 2 ? info.suggestedPositive() : Optional.empty();
        } catch (TrainException e) {
            return Optional.empty();
        }
    }

    private static UserMessage failed(WorkbenchException e) {
        return UserMessage.of("report.replay.failed", e.userMessage());
    }

    private static UserMessage earlierFailed(Stage earlier) {
        return UserMessage.of("report.replay.earlierFailed", UserMessage.of("report.stage." + earlier.id()));
    }
}
