package org.marketingworkbench.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * What the workbench remembers for the user between sessions: theme, language, Explain panel,
 * window placement and recent projects. A plain record so it can be tested and stored as JSON.
 */
public record UserSettings(String theme, String language, boolean explainVisible, WindowBounds window,
                           List<String> recentProjects) {

    public static final int MAX_RECENT = 8;

    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public UserSettings {
        theme = "dark".equals(theme) ? "dark" : "light";
        language = language == null || language.isBlank() ? "" : language;
        recentProjects = recentProjects == null ? List.of() : List.copyOf(recentProjects);
    }

    public static UserSettings defaults() {
        return new UserSettings("light", "", true, null, List.of());
    }

    public UserSettings withTheme(String t) {
        return new UserSettings(t, language, explainVisible, window, recentProjects);
    }

    public UserSettings withLanguage(String l) {
        return new UserSettings(theme, l, explainVisible, window, recentProjects);
    }

    public UserSettings withExplainVisible(boolean v) {
        return new UserSettings(theme, language, v, window, recentProjects);
    }

    public UserSettings withWindow(WindowBounds w) {
        return new UserSettings(theme, language, explainVisible, w, recentProjects);
    }

    /** Puts a project first in the recent list, without duplicates, keeping at most {@link #MAX_RECENT}. */
    public UserSettings withRecent(String projectPath) {
        List<String> list = new ArrayList<>(recentProjects);
        list.remove(projectPath);
        list.add(0, projectPath);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        return new UserSettings(theme, language, explainVisible, window, list);
    }

    public UserSettings withoutRecent(String projectPath) {
        List<String> list = new ArrayList<>(recentProjects);
        list.remove(projectPath);
        return new UserSettings(theme, language, explainVisible, window, list);
    }
}
