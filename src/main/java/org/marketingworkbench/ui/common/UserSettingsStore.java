package org.marketingworkbench.ui.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link UserSettings} as JSON in the per-user data folder. A damaged or missing
 * settings file gives the defaults: settings are a convenience, never a reason not to start.
 */
public final class UserSettingsStore {

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public UserSettingsStore(Path file) {
        this.file = file;
    }

    public UserSettings load() {
        if (!Files.isRegularFile(file)) {
            return UserSettings.defaults();
        }
        try {
            UserSettings s = mapper.readValue(file.toFile(), UserSettings.class);
            return s == null ? UserSettings.defaults() : s;
        } catch (IOException | RuntimeException e) {
            return UserSettings.defaults();
        }
    }

    /** Saves atomically; a failure is returned rather than thrown, since losing preferences is minor. */
    public boolean save(UserSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".settings", ".tmp");
            mapper.writeValue(temp.toFile(), settings);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
