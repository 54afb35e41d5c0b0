package org.marketingworkbench.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium, with networking cut off, for checking exported reports in a real browser. A test
 * that needs it fails when it is missing (CI installs it: see {@code .ci/run}); on a machine without it, run with
 * {@code -Dmwb.chromium.optional=true} to skip those tests instead, each with a message. {@code -Dmwb.chromium=PATH}
 * names the browser when it is not on the PATH as {@code chromium}.
 */
public final class Chromium {

    /** Set to {@code true} to skip, rather than fail, the tests that need Chromium when it is missing. */
    public static final String OPTIONAL = "mwb.chromium.optional";
    public static final String BINARY = "mwb.chromium";
    /** Virtual time the page gets to run its scripts and draw (not wall-clock time). */
    static final int VIRTUAL_TIME_MS = 20_000;
    static final long TIMEOUT_SECONDS = 180;

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The browser, or the calling test fails (or is skipped when {@value #OPTIONAL} is true). */
    public static Chromium find() {
        String given = System.getProperty(BINARY);
        List<Path> candidates = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            candidates.add(Path.of(given));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                candidates.add(Path.of(dir, name));
            }
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return new Chromium(p);
            }
        }
        String missing = "Chromium is not installed (looked for chromium on the PATH and -D" + BINARY + ")";
        if (Boolean.getBoolean(OPTIONAL)) {
            Assumptions.abort(missing + "; skipped because -D" + OPTIONAL + "=true");
        }
        return Assertions.fail(missing + ". Install it (apt-get install -y chromium; .ci/run does), or run with -D"
                + OPTIONAL + "=true to skip the tests that need it.");
    }

    /** The page's DOM after its scripts ran, opened offline from {@code html} with {@code query} ("?a=1" or ""). */
    public String dumpDom(Path html, String query) throws IOException, InterruptedException {
        Path out = Files.createTempFile("mwb-dom", ".html");
        try {
            run(List.of("--dump-dom", html.toAbsolutePath().toUri() + query), out);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** A screenshot of the first {@code width} × {@code height} pixels of the page. */
    public void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        run(List.of("--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                html.toAbsolutePath().toUri().toString()), null);
    }

    /** The page printed to PDF, as a browser's "print to PDF" does (the print stylesheet applies). */
    public void printToPdf(Path html, Path pdf) throws IOException, InterruptedException {
        Files.deleteIfExists(pdf);
        run(List.of("--no-pdf-header-footer", "--print-to-pdf=" + pdf.toAbsolutePath(),
                html.toAbsolutePath().toUri().toString()), null);
    }

    private void run(List<String> args, Path stdout) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("mwb-chromium");
        Path log = Files.createTempFile("mwb-chromium", ".log");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + profile,
                // no network at all: every host name fails to resolve, and any proxy use goes nowhere
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--virtual-time-budget=" + VIRTUAL_TIME_MS));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                Assertions.fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + cmd);
            }
            if (p.exitValue() != 0) {
                Assertions.fail("Chromium failed (exit " + p.exitValue() + "): " + tail(log));
            }
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
