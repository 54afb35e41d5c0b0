package org.marketingworkbench.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The public reference datasets, found in {@code ../shared/datasets} next to the project root (never at an
 * absolute path). A test that needs a missing file fails: a real-data test that skips unnoticed proves
 * nothing. On a machine without the datasets, run with {@code -Dmwb.datasets.optional=true} to skip those
 * tests instead, each with a message.
 */
public final class SharedDatasets {

    /** Set to {@code true} to skip, rather than fail, the tests whose dataset is missing. */
    public static final String OPTIONAL = "mwb.datasets.optional";
    /** The project root; Maven passes it, and the working directory (also the root under Maven) is the fallback. */
    public static final String PROJECT_DIR = "mwb.project.dir";

    private SharedDatasets() {
    }

    /** The datasets folder: {@code <project root>/../shared/datasets}, normalised. */
    public static Path directory() {
        String root = System.getProperty(PROJECT_DIR, System.getProperty("user.dir"));
        return Path.of(root).resolve("../shared/datasets").normalize();
    }

    /**
     * The readable file {@code name} (a path relative to the datasets folder). Fails the calling test when it
     * is missing, or skips it when {@value #OPTIONAL} is {@code true}.
     */
    public static Path file(String name) {
        Path file = directory().resolve(name);
        if (Files.isReadable(file)) {
            return file;
        }
        String missing = "reference dataset " + name + " is missing: expected " + file.toAbsolutePath()
                + " (../shared/datasets next to the project root)";
        if (Boolean.getBoolean(OPTIONAL)) {
            Assumptions.abort(missing + "; skipped because -D" + OPTIONAL + "=true");
        }
        return Assertions.fail(missing + ". Put the datasets there, or run with -D" + OPTIONAL
                + "=true to skip the tests that need them.");
    }
}
