package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;

/**
 * Files to score that do not fit: the wrong delimiter, the wrong encoding (GBK when the model was trained on UTF-8
 * and the other way round), an empty file, a header without rows, a missing column. Each stops with one line that
 * says what is wrong, exit code 1, and leaves no output file and no temporary file behind.
 */
class ScoreBadFilesTest extends CliTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    static Path shared;

    private static Path utf8Model;
    private static Path gbkModel;
    private static String csv;

    @TempDir
    Path dir;

    /** 300 customers in four Chinese cities; who bought depends on income, visits and the city. */
    @BeforeAll
    static void trainTwice() throws Exception {
        AppDirs dirs = AppDirs.forCurrentUser();
        Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
        StringBuilder s = new StringBuilder("customer_id,city,income,visits,bought\n");
        Random rnd = new Random(7);
        String[] cities = {"北京", "上海", "广州", "深圳"};
        for (int i = 0; i < 300; i++) {
            int city = rnd.nextInt(4);
            double income = 30 + rnd.nextGaussian() * 10;
            int visits = rnd.nextInt(8);
            boolean yes = 0.08 * (income - 30) + 0.4 * (visits - 3) + 0.5 * city + rnd.nextGaussian() > 1;
            s.append(String.format(Locale.ROOT, "K%04d,%s,%.1f,%d,%s%n", i, cities[city], income, visits, yes ? "yes" : "no"));
        }
        csv = s.toString();
        utf8Model = train(Files.writeString(shared.resolve("customers-utf8.csv"), csv, StandardCharsets.UTF_8), "u.mwbmodel");
        gbkModel = train(Files.writeString(shared.resolve("customers-gbk.csv"), csv, GBK), "g.mwbmodel");
    }

    private static Path train(Path file, String name) {
        Path model = shared.resolve(name);
        int code = WorkbenchCli.run(new String[] {"train", file.toString(), "--target", "bought", "--positive", "yes",
            "--learners", "logistic", "--cv", "3", "--save", model.toString()},
                new PrintWriter(Writer.nullWriter()), new PrintWriter(System.err));
        assertThat(code).isZero();
        return model;
    }

    /** Scores {@code file} into {@code dir/out/scored.csv}; returns the exit code. */
    private int score(Path model, Path file, String... more) throws Exception {
        Path outDir = Files.createDirectories(dir.resolve("out"));
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[] {"score", "--model", model.toString(), file.toString(), "--out"}, 0, args, 0, 5);
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[5] = outDir.resolve("scored.csv").toString();
        System.arraycopy(more, 0, all, 6, more.length);
        return run(all);
    }

    private void assertNothingWritten() throws Exception {
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing, not even a temporary file").isEmpty();
        }
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private List<String> scores() throws Exception {
        return Files.readAllLines(dir.resolve("out").resolve("scored.csv")).stream()
                .map(l -> l.substring(l.indexOf(',', l.indexOf(',', l.indexOf(',') + 1) + 1))).toList();
    }

    @Test
    void aFileLikeTheTrainingFileScores() throws Exception {
        Path file = Files.writeString(dir.resolve("next.csv"), csv, StandardCharsets.UTF_8);
        assertThat(score(utf8Model, file)).as(err.toString()).isZero();
        assertThat(Files.readAllLines(dir.resolve("out").resolve("scored.csv"))).hasSize(301);
        assertThat(Files.readString(dir.resolve("out").resolve("scored.csv"))).contains("北京");
    }

    @Test
    void aFileSeparatedBySemicolonsIsNamedAndReadAsDetectedWhenAsked() throws Exception {
        Path file = Files.writeString(dir.resolve("next.csv"), csv.replace(',', ';'), StandardCharsets.UTF_8);

        assertThat(score(utf8Model, file)).isEqualTo(1);
        assertThat(err.toString()).contains("error: next.csv looks separated by semicolons (;), but the model was "
                + "trained on a file separated by commas (,).").contains("--detect-settings");
        assertNothingWritten();

        assertThat(score(utf8Model, file, "--detect-settings")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("It was read as detected.");
        List<String> detected = scores();
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        assertThat(score(utf8Model, file)).isZero();
        assertThat(detected).isEqualTo(scores());
    }

    @Test
    void aGbkFileForAModelTrainedOnUtf8IsNamedAndReadAsDetectedWhenAsked() throws Exception {
        Path file = Files.writeString(dir.resolve("next.csv"), csv, GBK);

        assertThat(score(utf8Model, file)).isEqualTo(1);
        assertThat(err.toString()).contains("error: next.csv is not in UTF-8, the encoding of the file the model was "
                + "trained on: it looks like GB18030.");
        assertNothingWritten();

        assertThat(score(utf8Model, file, "--detect-settings")).as(err.toString()).isZero();
        assertThat(Files.readString(dir.resolve("out").resolve("scored.csv"))).contains("广州");
        assertThat(err.toString()).doesNotContain("never saw");
    }

    @Test
    void aUtf8FileForAModelTrainedOnGbkIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("next.csv"), csv, StandardCharsets.UTF_8);
        assertThat(score(gbkModel, file)).isEqualTo(1);
        assertThat(err.toString()).contains("error: next.csv is not in GB18030, the encoding of the file the model was "
                + "trained on: it looks like UTF-8.");
        assertNothingWritten();
    }

    @Test
    void anEmptyFileIsNamed() throws Exception {
        Path file = Files.write(dir.resolve("next.csv"), new byte[0]);
        assertThat(score(utf8Model, file)).isEqualTo(1);
        assertThat(err.toString()).contains("error: The file").contains("is empty");
        assertNothingWritten();
    }

    @Test
    void aHeaderWithoutRowsIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("next.csv"), "customer_id,city,income,visits,bought\n");
        assertThat(score(utf8Model, file)).isEqualTo(1);
        assertThat(err.toString()).contains("error: The file has column names but no rows of data.");
        assertNothingWritten();
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        StringBuilder without = new StringBuilder();
        for (String line : csv.split("\n")) {
            without.append(line, 0, line.lastIndexOf(',', line.lastIndexOf(',') - 1)).append('\n'); // drop visits, bought
        }
        Path file = Files.writeString(dir.resolve("next.csv"), without, StandardCharsets.UTF_8);
        assertThat(score(utf8Model, file)).isEqualTo(1);
        assertThat(err.toString()).contains("error: The file lacks 1 column(s) the model needs: visits");
        assertNothingWritten();
    }
}
