package org.marketingworkbench.core.train;

import java.io.IOException;
import java.nio.file.Files;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;

/** Weka quiet and offline, as the front doors set it up before Weka loads (see {@link WekaEnvironment}). */
final class WekaForTests {

    private WekaForTests() {
    }

    static void configure() throws IOException {
        AppDirs dirs = AppDirs.forCurrentUser();
        Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
    }
}
