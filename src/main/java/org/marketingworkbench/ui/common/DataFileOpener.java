package org.marketingworkbench.ui.common;

import java.nio.file.Path;

/** Whoever can import a data file into the project (the import step); the shell forwards to it. */
@FunctionalInterface
public interface DataFileOpener {
    void openDataFile(Path file);
}
