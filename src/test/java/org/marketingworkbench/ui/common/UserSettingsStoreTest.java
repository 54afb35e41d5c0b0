package org.marketingworkbench.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserSettingsStoreTest {

    @TempDir
    Path dir;

    @Test
    void settingsRoundTripWithRecentProjectsInOrder() {
        UserSettingsStore store = new UserSettingsStore(dir.resolve("sub/settings.properties"));
        UserSettings s = UserSettings.defaults().withTheme("dark").withLanguage("zh-CN").withExplainVisible(false)
                .withWindow(new UserSettings.WindowBounds(10, 20, 1200, 780, false))
                .withRecent("/a/one.mwb").withRecent("/b/二.mwb").withRecent("/a/one.mwb");
        assertThat(store.save(s)).isTrue();
        UserSettings back = store.load();
        assertThat(back).isEqualTo(s);
        assertThat(back.recentProjects()).containsExactly("/a/one.mwb", "/b/二.mwb");
    }

    @Test
    void aMissingOrDamagedFileGivesTheDefaults() throws Exception {
        Path file = dir.resolve("settings.properties");
        assertThat(new UserSettingsStore(file).load()).isEqualTo(UserSettings.defaults());
        Files.writeString(file, "window.width=wide\ntheme=purple\n\\u12");
        UserSettings damaged = new UserSettingsStore(file).load();
        assertThat(damaged.theme()).isEqualTo("light");
        assertThat(damaged.window()).isNull();
    }

    @Test
    void theRecentListKeepsAtMostEight() {
        UserSettings s = UserSettings.defaults();
        for (int i = 0; i < 12; i++) {
            s = s.withRecent("/p" + i + ".mwb");
        }
        assertThat(s.recentProjects()).hasSize(UserSettings.MAX_RECENT).startsWith("/p11.mwb");
    }
}
