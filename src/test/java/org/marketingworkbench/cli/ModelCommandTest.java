package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;
import weka.core.SerializationHelper;

/**
 * {@code train --save --segment-on}, {@code model info}, {@code model export-weka} and {@code model import-weka}:
 * what the model file holds is shown and used, and plain Weka models go both ways.
 */
class ModelCommandTest extends CliTest {

    private static final Path CUSTOMERS = Path.of("sample-data", "customers.csv");

    @TempDir
    static Path shared;

    private static Path model;
    private static String trainOut;

    @TempDir
    Path dir;

    /**
     * Without the date column: Weka's header has no type for the workbench's dates (days since 1970 as a number), so a
     * model exported and imported back expects a number there (see ADR 0019).
     */
    @BeforeAll
    static void trainWithSegments() throws Exception {
        AppDirs dirs = AppDirs.forCurrentUser();
        Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
        model = shared.resolve("m.mwbmodel");
        StringWriter printed = new StringWriter();
        java.util.Locale saved = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.ENGLISH);
        try {
            int code = WorkbenchCli.run(new String[] {"train", CUSTOMERS.toString(), "--target", "responded",
                "--positive", "yes", "--drop", "churned,signup_date", "--learners", "logistic,naive_bayes", "--cv", "3", "--save",
                model.toString(), "--segment-on", "total_spend,n_orders,channel", "--segments", "4"},
                    new PrintWriter(printed), new PrintWriter(System.err));
            assertThat(code).isZero();
        } finally {
            java.util.Locale.setDefault(saved);
        }
        trainOut = printed.toString();
    }

    @Test
    void trainSaysTheSegmentsWentIntoTheModelFileAndInfoShowsWhatItHolds() throws Exception {
        assertThat(trainOut).contains("Segments saved with the model: 4 (k-means on total_spend, n_orders, channel;");
        assertThat(run("model", "info", model.toString())).as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("m.mwbmodel: model file version 2, ").contains("predicts responded from")
                .contains("Classes: no, yes; positive: yes; threshold 0.5.")
                .contains("Validation when it was chosen: AUC ").contains("(on 5,012 customers)")
                .contains("Files to score are read like its training file: separated by commas (,), encoding UTF-8.")
                .contains("Segments: 4 (k-means on total_spend, n_orders, channel): 1 ")
                .contains("Saved by Marketing Workbench ");
    }

    @Test
    void scoringGivesEachCustomerTheSegmentTheSegmentCommandGivesWithTheSameSettings() throws Exception {
        Path scored = dir.resolve("scored.csv");
        assertThat(run("score", "--model", model.toString(), CUSTOMERS.toString(), "--out", scored.toString()))
                .as(err.toString()).isZero();
        Path segmented = dir.resolve("segments.csv");
        assertThat(run("segment", CUSTOMERS.toString(), "--features", "total_spend,n_orders,channel", "--k", "4",
                "--out", segmented.toString())).as(err.toString()).isZero();

        List<List<String>> a = rows(scored);
        List<List<String>> b = rows(segmented);
        assertThat(String.join(",", a.get(0))).endsWith(",score,predicted,rank,decile,segment,segment_name");
        assertThat(String.join(",", b.get(0))).endsWith(",segment,segment_name");
        assertThat(a).hasSameSizeAs(b);
        for (int r = 1; r < a.size(); r++) {
            assertThat(a.get(r).subList(a.get(r).size() - 2, a.get(r).size())).as("row " + r)
                    .isEqualTo(b.get(r).subList(b.get(r).size() - 2, b.get(r).size()));
        }
    }

    /** The cells of a CSV file, row by row. */
    private static List<List<String>> rows(Path csv) throws Exception {
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(csv)) {
            return reader.stream().map(r -> List.copyOf(r.getFields())).toList();
        }
    }

    @Test
    void exportedForWekaAndImportedBackItScoresTheSame() throws Exception {
        Path weka = dir.resolve("m.model");
        assertThat(run("model", "export-weka", model.toString(), "--out", weka.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Wrote the Weka model").contains("as Weka Explorer saves one");
        assertThat(err.toString()).contains("The segments saved with the model are not part of the Weka model.");
        assertThat(SerializationHelper.readAll(weka.toString())).hasSize(2);

        Path back = dir.resolve("back.mwbmodel");
        assertThat(run("model", "import-weka", weka.toString(), "--class", "responded", "--positive", "yes", "--out",
                back.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Imported m.model (Logistic): predicts responded from");

        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        assertThat(run("score", "--model", model.toString(), CUSTOMERS.toString(), "--out", one.toString())).isZero();
        assertThat(run("score", "--model", back.toString(), CUSTOMERS.toString(), "--out", two.toString()))
                .as(err.toString()).isZero();
        List<List<String>> a = rows(one);
        List<List<String>> b = rows(two);
        for (int r = 1; r < a.size(); r++) {
            // the same row and scores; the imported model has no segments
            assertThat(b.get(r)).as("row " + r).isEqualTo(a.get(r).subList(0, a.get(r).size() - 2));
        }
        assertThat(run("model", "info", back.toString())).isZero();
        assertThat(out.toString()).contains("weka (weka.classifiers.functions.Logistic)");
    }

    @Test
    void aHostileWekaModelIsRefusedInWordsAndNothingIsWritten() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
            oos.writeObject(new java.util.PriorityQueue<>(List.of(1, 2)));
        }
        Path hostile = Files.write(dir.resolve("gift.model"), bytes.toByteArray());
        Path header = Files.writeString(dir.resolve("h.arff"), "@relation r\n@attribute x numeric\n@attribute y {a,b}\n@data\n");
        Path out = dir.resolve("gift.mwbmodel");

        assertThat(run("model", "import-weka", hostile.toString(), "--header", header.toString(), "--out", out.toString()))
                .isEqualTo(1);

        assertThat(err.toString()).startsWith("error: The model file ").contains("java.util.PriorityQueue")
                .contains("could run code").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("gift.model", "h.arff");
        }
    }

    @Test
    void theFirstFormOpensWithItsNotice() throws Exception {
        Path first = Path.of("src", "test", "resources", "org", "marketingworkbench", "core", "deploy",
                "first-form-logistic.mwbmodel");
        assertThat(run("model", "info", first.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("saved by an earlier version of Marketing Workbench, without checksums");
        assertThat(out.toString()).contains("model file version 0");
    }

    @Test
    void modelWithoutASubcommandShowsItsCommands() {
        assertThat(run("model")).isZero();
        assertThat(out.toString()).contains("info").contains("export-weka").contains("import-weka");
    }

    @Test
    void segmentOnWithoutSaveIsAUsageError() {
        assertThat(run("train", CUSTOMERS.toString(), "--target", "responded", "--segment-on", "total_spend"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--segment-on needs --save");
    }
}
