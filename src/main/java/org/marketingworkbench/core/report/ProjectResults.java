package org.marketingworkbench.core.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.marketingworkbench.core.env.LibraryVersions;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.Project;

/**
 * Everything the report shows of one project: what each step found, where it comes from, and the consultant's
 * notes. A step part that is null is a step not run (its section says so); {@code notReplayed} says why a step the
 * project had done could not be worked out again.
 *
 * <p>Two ways to fill it: {@link ProjectReplay#run} re-runs a saved project's steps headless (the CLI), and
 * {@link #builder} takes parts the caller already has (the window, from its open session, without training
 * again). Both make the parts with the same factories ({@link IngestFindings#of}, {@link CleanFindings#of},
 * {@link EvaluateFindings#of} …).
 *
 * @param notReplayed why a step the project had done has no findings here (data changed, an earlier step failed)
 * @param notes       the consultant's notes by report item id ({@link ReportItems})
 */
public record ProjectResults(Provenance provenance, IngestFindings ingest, CleanFindings clean, SegmentFindings segment,
                             TrainFindings train, EvaluateFindings evaluate, Map<Stage, UserMessage> notReplayed,
                             Map<String, String> notes) {

    public ProjectResults {
        Objects.requireNonNull(provenance, "provenance");
        EnumMap<Stage, UserMessage> why = new EnumMap<>(Stage.class);
        why.putAll(notReplayed);
        notReplayed = Collections.unmodifiableMap(why);
        notes = Collections.unmodifiableSortedMap(new TreeMap<>(notes));
    }

    /** Whether the report has findings for {@code stage}. */
    public boolean has(Stage stage) {
        return switch (stage) {
            case INGEST -> ingest != null;
            case CLEAN -> clean != null;
            case SEGMENT -> segment != null;
            case TRAIN -> train != null;
            case EVALUATE -> evaluate != null;
            case DEPLOY -> false;   // scoring is done on other files; it has no section
        };
    }

    /**
     * Results for {@code project} (saved as {@code projectFile}, or null), to be given their parts. The
     * provenance says the figures come from the open session; its data hash is the project's.
     */
    public static Builder builder(Project project, Path projectFile) {
        return new Builder(project, projectFile);
    }

    /** Puts together the results of a project from parts already worked out. Every part is optional. */
    public static final class Builder {
        private final Project project;
        private final Path projectFile;
        private IngestFindings ingest;
        private CleanFindings clean;
        private SegmentFindings segment;
        private TrainFindings train;
        private EvaluateFindings evaluate;
        private final EnumMap<Stage, UserMessage> notReplayed = new EnumMap<>(Stage.class);
        private String dataHashNow;
        private boolean replayed;
        private Clock clock = Clock.systemUTC();
        private LibraryVersions versions;

        private Builder(Project project, Path projectFile) {
            this.project = Objects.requireNonNull(project, "project");
            this.projectFile = projectFile;
            this.dataHashNow = project.data().map(d -> d.sha256()).orElse(null);
        }

        public Builder ingest(IngestFindings v) {
            ingest = v;
            return this;
        }

        public Builder clean(CleanFindings v) {
            clean = v;
            return this;
        }

        public Builder segment(SegmentFindings v) {
            segment = v;
            return this;
        }

        public Builder train(TrainFindings v) {
            train = v;
            return this;
        }

        public Builder evaluate(EvaluateFindings v) {
            evaluate = v;
            return this;
        }

        /** Why a step the project had done has no findings in the report. */
        public Builder notReplayed(Stage stage, UserMessage why) {
            notReplayed.put(stage, why);
            return this;
        }

        /** The SHA-256 of the data file as read for these figures (by default the one the project kept). */
        public Builder dataHashNow(String sha256) {
            dataHashNow = sha256;
            return this;
        }

        /** The figures were worked out again from the project file rather than taken from an open session. */
        public Builder replayed(boolean v) {
            replayed = v;
            return this;
        }

        /** The clock for the report's date (tests fix it). */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }

        /** The software versions named in the provenance (tests fix them; by default the running ones). */
        public Builder versions(LibraryVersions v) {
            versions = v;
            return this;
        }

        public ProjectResults build() {
            Instant now = clock.instant();
            Provenance p = new Provenance(project.name(), projectFile, project.created(), project.dataSource(),
                    dataHashNow, versions != null ? versions : LibraryVersions.detect(), now, replayed);
            return new ProjectResults(p, ingest, clean, segment, train, evaluate, notReplayed, project.notes());
        }
    }
}
