package org.marketingworkbench.core.env;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the workbench keeps its per-user files (settings, recent projects, Weka's home), following
 * each operating system's convention. The system property {@code mwb.home} overrides it (tests,
 * portable installs).
 */
public final class AppDirs {

    public static final String HOME_PROPERTY = "mwb.home";
    private static final String APP_DIR_NAME = "MarketingWorkbench";

    private final Path home;

    public AppDirs(Path home) {
        this.home = home;
    }

    public static AppDirs forCurrentUser() {
        return new AppDirs(resolve(System.getProperties().getProperty(HOME_PROPERTY), System.getProperty("os.name"),
                System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    static Path resolve(String override, String osName, Map<String, String> env, Path userHome) {
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming"))
                    .resolve(APP_DIR_NAME);
        }
        if (os.startsWith("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve(APP_DIR_NAME);
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return base.resolve("marketing-workbench");
    }

    public Path home() {
        return home;
    }

    public Path settingsFile() {
        return home.resolve("settings.properties");
    }

    public Path wekaHome() {
        return home.resolve("weka");
    }
}
