package org.marketingworkbench.core.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.marketingworkbench.core.env.LibraryVersions;
import org.marketingworkbench.core.project.DataSource;

/**
 * Where the report's figures come from: the project, its data file and that file's hash (as the project kept it
 * and as read now), the versions of the software, when the report was made and whether its figures were worked
 * out again from the project file (a replay) or taken from the open session.
 *
 * @param projectFile the project file, or null for a project never saved
 * @param data        the data source the project names, or null before import
 * @param dataHashNow SHA-256 of the data file as read for this report, or null when it was not read
 * @param replayed    true when {@link ProjectReplay} re-ran the steps; false for figures from the open session
 */
public record Provenance(String projectName, Path projectFile, Instant created, DataSource data, String dataHashNow,
                         LibraryVersions versions, Instant generatedAt, boolean replayed) {

    public Provenance {
        Objects.requireNonNull(projectName, "projectName");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /** Whether the data file read now differs from the one the project was built on (empty when unknown). */
    public Optional<Boolean> dataChanged() {
        if (data == null || data.sha256() == null || dataHashNow == null) {
            return Optional.empty();
        }
        return Optional.of(!data.sha256().equalsIgnoreCase(dataHashNow));
    }
}
