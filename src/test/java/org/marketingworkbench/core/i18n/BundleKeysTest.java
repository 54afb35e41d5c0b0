package org.marketingworkbench.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every key is defined once per bundle: a key written twice silently keeps the last text, and one of the
 * two places that use it shows the wrong words.
 */
class BundleKeysTest {

    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_zh_CN.properties"})
    void everyKeyIsDefinedOnce(String bundle) throws IOException {
        List<String> twice = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (InputStream in = getClass().getResourceAsStream("/org/marketingworkbench/i18n/" + bundle)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).strip();
                if (!seen.add(key)) {
                    twice.add(key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }
}
