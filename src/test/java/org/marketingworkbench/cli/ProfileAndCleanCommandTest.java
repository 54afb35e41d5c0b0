package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.RecipeJson;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;

class ProfileAndCleanCommandTest extends CliTest {

    @TempDir
    Path dir;

    private Path data;
    @BeforeEach
    void copyFixture() throws Exception {
        data = dir.resolve("customers.csv");
        try (InputStream in = getClass().getResourceAsStream("/org/marketingworkbench/cli/small-customers.csv")) {
            Files.copy(in, data, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void profileJsonListsEveryColumnWithItsMissingCount() throws Exception {
        assertThat(run("profile", data.toString(), "--target", "bought", "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("rows").asInt()).isEqualTo(8);
        assertThat(json.get("target").asText()).isEqualTo("bought");
        assertThat(json.get("columns")).hasSize(5);
        JsonNode age = json.get("columns").get(1);
        assertThat(age.get("name").asText()).isEqualTo("age");
        assertThat(age.get("missing").asInt()).isEqualTo(1);
        assertThat(age.get("numeric").get("max").asDouble()).isEqualTo(62.0);
    }

    @Test
    void profileWithAnUnknownTargetSaysWhichColumnsExist() {
        assertThat(run("profile", data.toString(), "--target", "churn")).isEqualTo(1);
        assertThat(err.toString()).contains("churn").contains("customer_id, age");
    }

    @Test
    void cleanReplaysTheStoredStatisticsOnNewData() throws Exception {
        Dataset training = new DataImporter().read(data, ImportSettings.auto(), Progress.none()).dataset();
        var fitted = Recipe.of(MissingValuesStep.of(List.of("age", "spend"), MissingValuesStep.Strategy.MEDIAN, false))
                .fit(training, Progress.none());
        Path recipe = Files.writeString(dir.resolve("recipe.json"), RecipeJson.write(fitted));
        // new customers whose own median differs: the stored median (38 for age) must be used
        Path fresh = Files.writeString(dir.resolve("new.csv"),
                "customer_id,age,spend,city,bought\nN1,,10,Rome,no\nN2,90,,Paris,yes\nN3,91,20,Paris,no\n");
        Path cleaned = dir.resolve("clean.csv");

        assertThat(run("clean", fresh.toString(), "--recipe", recipe.toString(), "--out", cleaned.toString()))
                .as(err.toString()).isZero();
        Dataset result = new DataImporter().read(cleaned, ImportSettings.auto(), Progress.none()).dataset();
        double storedAgeMedian = ((tech.tablesaw.api.NumericColumn<?>) training.table().column("age")).median();
        assertThat(result.table().numberColumn("age").getDouble(0)).isEqualTo(storedAgeMedian);
        assertThat(out.toString()).contains("Missing values").contains("Wrote 3 rows");
        assertThat(Files.readString(fresh)).as("the input file is never modified").contains("N1,,10");
    }

    @Test
    void cleanRefusesToOverwriteItsInputAndExplainsAMissingRecipe() {
        assertThat(run("clean", data.toString(), "--recipe", dir.resolve("none.json").toString(), "--out",
                data.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("never overwritten");
        err.getBuffer().setLength(0);
        assertThat(run("clean", data.toString(), "--recipe", dir.resolve("none.json").toString(), "--out",
                dir.resolve("o.csv").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("does not exist").contains("Export recipe");
    }

    @Test
    void cleanWithoutTheOptionsIsAUsageError() {
        assertThat(run("clean", data.toString())).isEqualTo(2);
        assertThat(Optional.of(err.toString())).get().asString().contains("--recipe");
    }
}
