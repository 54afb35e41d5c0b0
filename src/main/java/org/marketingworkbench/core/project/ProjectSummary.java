package org.marketingworkbench.core.project;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.marketingworkbench.core.pipeline.PipelineState;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.pipeline.StageStatus;

/** What {@code project FILE} reports: the project's name, its data file and where every step stands. */
public record ProjectSummary(String name, String file, String dataFile, String dataStatus, Boolean dataMatches,
                             Map<String, StageStatus> steps) {

    /** Summarises an opened project; checking the data hash reads the whole data file. */
    public static ProjectSummary of(OpenedProject opened) {
        Project p = opened.project();
        Boolean matches = null;
        if (opened.dataStatus() == OpenedProject.DataStatus.PRESENT && p.dataSource().sha256() != null) {
            try {
                matches = p.dataSource().sha256().equals(ContentHash.sha256(p.dataSource().path()));
            } catch (IOException e) {
                matches = false;
            }
        }
        PipelineState state = p.pipelineState();
        Map<String, StageStatus> steps = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            steps.put(s.id(), state.status(s));
        }
        return new ProjectSummary(p.name(), opened.file().toString(),
                p.data().map(d -> d.path().toString()).orElse(null),
                opened.dataStatus().name().toLowerCase(java.util.Locale.ROOT), matches, steps);
    }
}
