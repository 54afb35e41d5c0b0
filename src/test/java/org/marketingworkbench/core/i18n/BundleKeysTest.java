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

    private List<String[]> entries(String bundle) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/org/marketingworkbench/i18n/" + bundle)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (line.isBlank() || line.startsWith("#") || eq < 0) {
                    continue;
                }
                out.add(new String[] {line.substring(0, eq).strip(), line.substring(eq + 1)});
            }
        }
        return out;
    }

    @org.junit.jupiter.api.Test
    void everyKeyIsInBothLanguages() throws IOException {
        Set<String> english = new java.util.TreeSet<>();
        entries("messages.properties").forEach(e -> english.add(e[0]));
        Set<String> chinese = new java.util.TreeSet<>();
        entries("messages_zh_CN.properties").forEach(e -> chinese.add(e[0]));
        assertThat(chinese).as("keys in Chinese").containsExactlyElementsOf(english);
    }

    /** The report's texts sit below their marker, and a pattern with arguments has no ASCII apostrophe. */
    @ParameterizedTest
    @ValueSource(strings = {"messages.properties", "messages_zh_CN.properties"})
    void theReportKeysSitBelowTheirMarkerAndQuoteNothingByAccident(String bundle) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/org/marketingworkbench/i18n/" + bundle)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int marker = text.indexOf("\n# --- report (core/report)\n");
        assertThat(marker).as("the report marker line").isPositive();
        List<String> above = new ArrayList<>();
        for (String line : text.substring(0, marker).split("\n")) {
            if (line.startsWith("report.")) {
                above.add(line);
            }
        }
        assertThat(above).as("report keys above the marker").isEmpty();
        List<String> wrong = new ArrayList<>();
        for (String line : text.substring(marker).split("\n")) {
            int eq = line.indexOf('=');
            if (line.isBlank() || line.startsWith("#") || eq < 0) {
                continue;
            }
            String key = line.substring(0, eq);
            String pattern = line.substring(eq + 1);
            if (!key.startsWith("report.") || pattern.contains("{") && pattern.contains("'")) {
                wrong.add(line);
            }
        }
        assertThat(wrong).isEmpty();
    }
}
