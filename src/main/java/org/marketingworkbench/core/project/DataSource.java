package org.marketingworkbench.core.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The customer file a project was built from. In memory the path is absolute; in the project file it
 * is stored relative to the project where possible. The hash tells whether a file found later is
 * the same one.
 *
 * @param path   absolute path of the data file
 * @param sha256 hex SHA-256 of the file's bytes, or null when not known (projects migrated from v1)
 * @param bytes  size of the file, or -1 when not known
 */
public record DataSource(Path path, String sha256, long bytes) {

    public DataSource {
        Objects.requireNonNull(path, "path");
        path = path.toAbsolutePath().normalize();
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public DataSource relocatedTo(Path newPath) {
        return new DataSource(newPath, sha256, bytes);
    }
}
