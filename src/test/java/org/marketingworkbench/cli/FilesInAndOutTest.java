package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.RecipeJson;
import org.marketingworkbench.core.clean.step.ScaleStep;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;

/** What the command line writes and reads: never an input destroyed, never a mixed or endless file. */
class FilesInAndOutTest extends CliTest {

    @TempDir
    Path dir;

    private Path csv(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void anInputNamedLikeTheOldTemporaryFileIsNotDestroyed() throws Exception {
        Path input = csv("dl.csv.part", "id,spend\n1,10\n2,20\n");
        Path out = dir.resolve("dl.csv");
        assertThat(run("import", input.toString(), "--out", out.toString())).as(err.toString()).isZero();
        assertThat(Files.readString(input)).isEqualTo("id,spend\n1,10\n2,20\n");
        assertThat(Files.readString(out)).contains("spend").contains("20");
    }

    @Test
    void twoImportsWritingOneOutputNeverMixTheirRows() throws Exception {
        StringBuilder a = new StringBuilder("who,n\n");
        StringBuilder b = new StringBuilder("name,value,extra\n");
        for (int i = 0; i < 40_000; i++) {
            a.append("A").append(i).append(',').append(i).append('\n');
            b.append("B").append(i).append(',').append(i * 2).append(",x\n");
        }
        Path inA = csv("a.csv", a.toString());
        Path inB = csv("b.csv", b.toString());
        Path out = dir.resolve("out.csv");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                List<Future<Integer>> runs = new ArrayList<>();
                for (Path in : List.of(inA, inB)) {
                    runs.add(pool.submit(() -> WorkbenchCli.run(new String[] {"import", in.toString(), "--out", out.toString()},
                            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))));
                }
                for (Future<Integer> r : runs) {
                    assertThat(r.get()).isZero();
                }
                List<String> lines = Files.readAllLines(out);
                assertThat(lines).hasSize(40_001);
                boolean fromA = lines.get(0).equals("who,n");
                assertThat(lines.subList(1, lines.size())).as("every row from the same writer as the header")
                        .allMatch(l -> l.startsWith(fromA ? "A" : "B"));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceAsRecipeOrProjectIsRefusedAtOnce() throws Exception {
        Path data = csv("c.csv", "id,age\n1,30\n");
        Path link = Files.createSymbolicLink(dir.resolve("recipe.json"), Path.of("/dev/zero"));
        assertThat(run("clean", data.toString(), "--recipe", link.toString(), "--out", dir.resolve("o.csv").toString()))
                .isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(err.toString()).contains("not a recipe file").doesNotContain("Exception");
        assertThat(run("project", "/dev/zero")).isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(err.toString()).doesNotContain("OutOfMemory");
    }

    @Test
    void aRecipeWithImpossibleStatisticsIsRefusedNamingTheStepAndColumn() throws Exception {
        Path data = csv("c.csv", "id,age\n1,30\n2,40\n3,50\n");
        Dataset d = new DataImporter().read(data, ImportSettings.auto(), Progress.none()).dataset();
        String good = RecipeJson.write(Recipe.of(ScaleStep.of(List.of("age"), ScaleStep.Method.Z_SCORE)).fit(d, Progress.none()));
        assertThat(good).contains("\"scale\"");
        for (String bad : List.of("0.0", "\"NaN\"", "\"Infinity\"")) {
            Path recipe = Files.writeString(dir.resolve("bad.json"),
                    good.replaceFirst("\"scale\" : [0-9.Ee+-]+", "\"scale\" : " + bad));
            err.getBuffer().setLength(0);
            assertThat(run("clean", data.toString(), "--recipe", recipe.toString(), "--out", dir.resolve("o.csv").toString()))
                    .as(bad).isEqualTo(WorkbenchCli.BAD_INPUT);
            assertThat(err.toString()).contains("Step 1").contains("age").contains("export it again");
        }
        Path nullStep = Files.writeString(dir.resolve("null.json"), good.replaceFirst("\"steps\" : \\[", "\"steps\" : [ null,"));
        err.getBuffer().setLength(0);
        assertThat(run("clean", data.toString(), "--recipe", nullStep.toString(), "--out", dir.resolve("o.csv").toString()))
                .isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(err.toString()).contains("Step 1").doesNotContain("NullPointer");
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralisedUnlessRawIsAsked() throws Exception {
        Path data = csv("c.csv", "id,note,balance\n1,=HYPERLINK(\"http://x\"),-5\n2,@SUM(A1),3\n3,+call,-7.5\n4,-2,1\n");
        Path out = dir.resolve("o.csv");
        assertThat(run("import", data.toString(), "--out", out.toString())).as(err.toString()).isZero();
        String safe = Files.readString(out);
        assertThat(safe).contains("'=HYPERLINK").contains("'@SUM(A1)").contains("'+call")
                .contains(",-5").contains(",-7.5").doesNotContain("'-5").doesNotContain("'-2");
        assertThat(run("import", data.toString(), "--out", out.toString(), "--raw-cells")).as(err.toString()).isZero();
        assertThat(Files.readString(out)).contains(",\"=HYPERLINK").contains(",@SUM(A1)").doesNotContain("'=");
    }
}
