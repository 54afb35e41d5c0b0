package org.marketingworkbench.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads and writes {@link UserSettings} as a small properties file in the per-user data folder. A
 * damaged or missing file gives the defaults: settings are a convenience, never a reason not to
 * start. (Plain properties rather than JSON: this is read before the first window shows, and a JSON
 * mapper costs a third of a second of start-up.)
 */
public final class UserSettingsStore {

    private final Path file;

    public UserSettingsStore(Path file) {
        this.file = file;
    }

    public UserSettings load() {
        if (!Files.isRegularFile(file)) {
            return UserSettings.defaults();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return UserSettings.defaults();
        }
        UserSettings.WindowBounds window = null;
        try {
            if (p.containsKey("window.width")) {
                window = new UserSettings.WindowBounds(Double.parseDouble(p.getProperty("window.x", "0")),
                        Double.parseDouble(p.getProperty("window.y", "0")),
                        Double.parseDouble(p.getProperty("window.width")),
                        Double.parseDouble(p.getProperty("window.height", "0")),
                        Boolean.parseBoolean(p.getProperty("window.maximized", "false")));
            }
        } catch (NumberFormatException e) {
            window = null;
        }
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < UserSettings.MAX_RECENT; i++) {
            String r = p.getProperty("recent." + i);
            if (r != null && !r.isBlank()) {
                recent.add(r);
            }
        }
        return new UserSettings(p.getProperty("theme", "light"), p.getProperty("language", ""),
                Boolean.parseBoolean(p.getProperty("explainVisible", "true")), window, recent);
    }

    /** Saves atomically; a failure is returned rather than thrown, since losing preferences is minor. */
    public boolean save(UserSettings settings) {
        Properties p = new Properties();
        p.setProperty("theme", settings.theme());
        p.setProperty("language", settings.language());
        p.setProperty("explainVisible", Boolean.toString(settings.explainVisible()));
        if (settings.window() != null) {
            p.setProperty("window.x", Double.toString(settings.window().x()));
            p.setProperty("window.y", Double.toString(settings.window().y()));
            p.setProperty("window.width", Double.toString(settings.window().width()));
            p.setProperty("window.height", Double.toString(settings.window().height()));
            p.setProperty("window.maximized", Boolean.toString(settings.window().maximized()));
        }
        for (int i = 0; i < settings.recentProjects().size(); i++) {
            p.setProperty("recent." + i, settings.recentProjects().get(i));
        }
        try {
            Files.createDirectories(file.getParent());
            java.io.StringWriter text = new java.io.StringWriter();
            p.store(text, "Marketing Workbench user settings");
            org.marketingworkbench.core.io.AtomicFile.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
