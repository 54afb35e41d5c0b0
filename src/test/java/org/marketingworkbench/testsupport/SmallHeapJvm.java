package org.marketingworkbench.testsupport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a JVM of its own with a small heap, where running out of
 * memory is real and harms no other test.
 */
public final class SmallHeapJvm {

    /** What the process did. */
    public record Run(int exitCode, String out, String err) {

        /** The lines of stderr, without the JVM's own notes ("Picked up JAVA_TOOL_OPTIONS"). */
        public List<String> errLines() {
            return err.lines().filter(l -> !l.startsWith("Picked up ") && !l.isBlank()).toList();
        }
    }

    private SmallHeapJvm() {
    }

    public static Run run(String maxHeap, Path home, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-Dmwb.home=" + home);
        command.add("-Djava.awt.headless=true");
        command.add("-Duser.language=en"); // the messages checked are the English ones
        command.add("-Duser.country=US");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().put("WEKA_HOME", home.resolve("weka").toString());
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the JVM did not end in 120 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * A CSV whose first megabyte promises a light table (a few repeating values per row) and whose
     * remaining 1,170,000 rows each bring a distinct text: the check before the read, made on the sample,
     * lets it through, and its table (about 130 MB) then outgrows a heap of 96 MB while being read.
     */
    public static Path csvHeavierThanItsSample(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("segment,amount,note\n");
            for (int i = 0; i < 30_000; i++) {
                w.write(i % 50 + "," + (1234567.1234567 + i % 1000) + ",a\n");
            }
            for (long i = 30_000; i < 1_200_000; i++) {
                w.write(i % 50 + "," + i % 10 + ",note " + (1_000_000_000L + i) + " " + (i * 7919 % 1_000_003) + "\n");
            }
        }
        return file;
    }
}
