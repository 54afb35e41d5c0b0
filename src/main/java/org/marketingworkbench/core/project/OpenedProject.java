package org.marketingworkbench.core.project;

import java.nio.file.Path;

/**
 * A project as read from disk, with where it came from and whether its data file is where the
 * project says. A project whose data moved still opens; the user is asked to locate the file.
 */
public record OpenedProject(Project project, Path file, DataStatus dataStatus) {

    public enum DataStatus { NO_DATA, PRESENT, MISSING }
}
