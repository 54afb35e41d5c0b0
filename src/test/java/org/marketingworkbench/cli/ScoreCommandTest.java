package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;
import org.marketingworkbench.app.Launcher;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.testsupport.SmallHeapJvm;

class ScoreCommandTest extends CliTest {

    private static final Path CUSTOMERS = Path.of("sample-data", "customers.csv");

    @TempDir
    static Path shared;

    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainOnce() throws Exception {
        AppDirs dirs = AppDirs.forCurrentUser();
        Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
        model = shared.resolve("m.mwbmodel");
        int code = WorkbenchCli.run(new String[] {"train", CUSTOMERS.toString(), "--target", "responded", "--positive",
            "yes", "--drop", "churned", "--learners", "logistic", "--cv", "3", "--save", model.toString()},
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(System.err));
        assertThat(code).isZero();
    }

    @Test
    void scoresEveryRowWithScorePredictedRankAndDecile() throws Exception {
        Path out = dir.resolve("scored.csv");
        assertThat(run("score", "--model", model.toString(), CUSTOMERS.toString(), "--out", out.toString()))
                .as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(out);
        List<String> input = Files.readAllLines(CUSTOMERS);
        assertThat(lines).hasSize(input.size());
        assertThat(err.toString()).contains("Columns the model does not use (kept in the output): customer_id");
        assertThat(lines.get(0)).startsWith("customer_id,").endsWith(",score,predicted,rank,decile");
        assertThat(this.out.toString()).contains(String.format(java.util.Locale.ENGLISH, "Scored %,d customers with m.mwbmodel", input.size() - 1));
        long firstRank = lines.stream().skip(1).filter(l -> l.matches(".*,(yes|no),1,1$")).count();
        assertThat(firstRank).isEqualTo(1);
        assertThat(lines.stream().skip(1).map(l -> l.substring(l.lastIndexOf(',') + 1)).distinct())
                .containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @Test
    void aNewProcessReadsTheBundleAndGivesTheSameScoresAsThisOne() throws Exception {
        Path here = dir.resolve("here.csv");
        assertThat(run("score", "--model", model.toString(), CUSTOMERS.toString(), "--out", here.toString()))
                .as(err.toString()).isZero();
        Path there = dir.resolve("there.csv");
        SmallHeapJvm.Run other = SmallHeapJvm.run("512m", dir, Launcher.class.getName(), "score", "--model",
                model.toAbsolutePath().toString(), CUSTOMERS.toAbsolutePath().toString(), "--out", there.toString());
        assertThat(other.exitCode()).as(other.err()).isZero();
        assertThat(Files.readAllLines(there)).isEqualTo(Files.readAllLines(here));
    }

    @Test
    void aMissingColumnIsNamedAndNoOutputFileIsLeft() throws Exception {
        List<String> rows = Files.readAllLines(CUSTOMERS);
        // drop the column n_orders (the 12th) from every row
        Path without = dir.resolve("new-customers.csv");
        Files.write(without, rows.stream().map(l -> {
            String[] cells = l.split(",", -1);
            List<String> kept = new java.util.ArrayList<>(List.of(cells));
            kept.remove(11);
            return String.join(",", kept);
        }).toList());
        assertThat(rows.get(0).split(",")[11]).isEqualTo("n_orders");
        Path out = dir.resolve("scored.csv");

        assertThat(run("score", "--model", model.toString(), without.toString(), "--out", out.toString())).isEqualTo(1);

        assertThat(err.toString()).contains("error: The file lacks 1 column(s) the model needs: n_orders");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("new-customers.csv");
        }
    }

    @Test
    void anUnseenCategoryStopsWhenAskedAndIsTreatedAsMissingByDefault() throws Exception {
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(CUSTOMERS));
        int channel = List.of(rows.get(0).split(",")).indexOf("channel");
        String[] cells = rows.get(1).split(",", -1);
        cells[channel] = "Carrier pigeon";
        rows.set(1, String.join(",", cells));
        Path file = Files.write(dir.resolve("new.csv"), rows);
        Path out = dir.resolve("scored.csv");

        assertThat(run("score", "--model", model.toString(), file.toString(), "--out", out.toString(), "--unseen", "stop"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("values the model never saw: channel: Carrier pigeon");
        assertThat(out).doesNotExist();

        assertThat(run("score", "--model", model.toString(), file.toString(), "--out", out.toString()))
                .as(err.toString()).isZero();
        assertThat(err.toString()).contains("treated as missing: channel: Carrier pigeon");
        assertThat(Files.readAllLines(out)).hasSize(rows.size());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(AtomicFile.TEMP_SUFFIX));
        }
    }

    @Test
    void aTamperedModelIsRefusedWithoutWritingAnything() throws Exception {
        byte[] bytes = Files.readAllBytes(model);
        Path bad = dir.resolve("bad.mwbmodel");
        Files.write(bad, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path out = dir.resolve("scored.csv");
        assertThat(run("score", "--model", bad.toString(), CUSTOMERS.toString(), "--out", out.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("is incomplete");
        assertThat(out).doesNotExist();
    }
}
