package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;
import org.marketingworkbench.testsupport.SharedDatasets;

class SegmentCommandTest extends CliTest {

    @TempDir
    Path dir;

    private Path data;

    @BeforeAll
    static void quietWeka() throws Exception {
        AppDirs dirs = AppDirs.forCurrentUser();
        Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
    }

    /** 90 customers in three clear groups of 45, 30 and 15; one name would run as a formula in a spreadsheet. */
    @BeforeEach
    void customers() throws Exception {
        StringBuilder csv = new StringBuilder("customer_id,name,income,age,city\n");
        Random rnd = new Random(3);
        int[] sizes = {45, 30, 15};
        String[] cities = {"Berlin", "Paris", "Rome"};
        int id = 0;
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < sizes[g]; i++) {
                String name = id == 0 ? "=HYPERLINK(\"x\")" : "Customer " + id;
                csv.append(String.format(java.util.Locale.ROOT, "K%03d,%s,%.1f,%.1f,%s%n", id++,
                        name.contains("\"") ? "\"" + name.replace("\"", "\"\"") + "\"" : name,
                        20 + 40 * g + rnd.nextGaussian() * 3, 25 + 20 * g + rnd.nextGaussian() * 2, cities[g]));
            }
        }
        data = Files.writeString(dir.resolve("customers.csv"), csv.toString());
    }

    @Test
    void segmentsAndWritesEveryRowWithItsSegment() throws Exception {
        Path out = dir.resolve("seg.csv");
        assertThat(run("segment", data.toString(), "--features", "income,age,city", "--k", "3", "--out", out.toString()))
                .as(err.toString()).isZero();
        assertThat(out.toString()).isNotEmpty();
        assertThat(this.out.toString())
                .contains("Segmented 90 of 90 customers into 3 segments with k-means (seed 1).")
                .contains("Segment 1: 45 customers (50%)")
                .contains("Segment 3: 15 customers (17%)")
                .contains("Within-cluster sum of squares")
                .contains("Numbers are rescaled to mean 0 and standard deviation 1")
                .contains("Wrote 90 rows with their segment to");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(91);
        assertThat(lines.get(0)).isEqualTo("customer_id,name,income,age,city,segment,segment_name");
        assertThat(lines.get(1)).startsWith("K000,\"'=HYPERLINK(\"\"x\"\")\",").endsWith(",1,Young low earners");
        assertThat(lines.get(90)).startsWith("K089,").endsWith(",3,Older high earners");
        assertThat(this.out.toString()).contains("    Young low earners").contains("    - income: much lower than average");
    }

    @Test
    void jsonHasEachSegmentsSizeCentreAndSilhouetteAndTheSumOfSquares() throws Exception {
        assertThat(run("segment", data.toString(), "--features", "income,age", "--k", "3", "--json"))
                .as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("k").asInt()).isEqualTo(3);
        assertThat(json.get("withinClusterSumOfSquares").asDouble()).isPositive();
        assertThat(json.get("averageSilhouette").asDouble()).isGreaterThan(0.7);
        assertThat(json.get("silhouetteSample").get("exact").asBoolean()).isTrue();
        JsonNode first = json.get("segments").get(0);
        assertThat(first.get("size").asInt()).isEqualTo(45);
        assertThat(first.get("centroid").get("income").asDouble()).isCloseTo(20, within(2.0));
        assertThat(first.get("silhouette").asDouble()).isPositive();
        assertThat(json.get("settings").get("algorithm").asText()).isEqualTo("kmeans");
        assertThat(json.get("segments").findValuesAsText("name")).containsExactly("Young low earners",
                "Typical customers", "Older high earners");
        assertThat(first.get("traits").get(0).get("words").asText()).matches("(income|age): much lower than average .*");
        assertThat(first.has("spend")).isFalse();
    }

    @Test
    void jsonHasEachSegmentsSpendWhenTheDataHasAMoneyColumn() throws Exception {
        Path sample = Path.of("sample-data", "customers.csv");
        assertThat(run("segment", sample.toString(), "--features", "age,n_orders,days_since_last_purchase", "--k", "3",
                "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        double shares = 0;
        for (JsonNode seg : json.get("segments")) {
            assertThat(seg.get("spend").get("column").asText()).isEqualTo("total_spend");
            shares += seg.get("spend").get("shareOfTotal").asDouble();
        }
        assertThat(shares).isCloseTo(1, within(1e-9));
        assertThat(json.get("segments").findValuesAsText("name")).doesNotHaveDuplicates();
    }

    @Test
    void withoutKTheRecommendedNumberIsTakenAndItsReasonPrinted() {
        assertThat(run("segment", data.toString(), "--features", "income,age")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("Number of segments: 3 segments: the best average silhouette")
                .contains("into 3 segments");
    }

    @Test
    void emRunsBehindTheSameOutput() throws Exception {
        assertThat(run("segment", data.toString(), "--features", "income,age,city", "--k", "3", "--algorithm", "em",
                "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("segments").findValuesAsText("size")).containsExactly("45", "30", "15");
    }

    @Test
    void badInputIsOneLineWithWhatToDo() {
        assertThat(run("segment", data.toString(), "--features", "Income", "--k", "3")).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo("error: The data has no column \"Income\". Its columns are: "
                + "customer_id, name, income, age, city.");
        err.getBuffer().setLength(0);
        assertThat(run("segment", data.toString(), "--features", "customer_id", "--k", "3")).isEqualTo(1);
        assertThat(err.toString()).contains("\"customer_id\" is an identifier").doesNotContain("Exception");
        err.getBuffer().setLength(0);
        assertThat(run("segment", data.toString(), "--features", "income", "--k", "3", "--algorithm", "dbscan"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("Unknown algorithm \"dbscan\": use one of kmeans, em, hierarchical.");
        err.getBuffer().setLength(0);
        assertThat(run("segment", data.toString(), "--features", "income", "--k", "100")).isEqualTo(1);
        assertThat(err.toString()).contains("Only 90 customers can be segmented");
    }

    @Test
    void theMallReferenceFromTheCommandLine() throws Exception {
        Path mall = SharedDatasets.file("Mall_Customers.csv");
        assertThat(run("segment", mall.toString(), "--features", "Annual Income (k$),Spending Score (1-100)", "--k", "5",
                "--scaling", "none", "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("segments").findValuesAsText("size")).containsExactly("81", "39", "35", "23", "22");
        assertThat(json.get("withinClusterSumOfSquares").asDouble()).isCloseTo(44_448.46, within(0.01));
        assertThat(json.get("averageSilhouette").asDouble()).isCloseTo(0.554, within(0.001));
    }
}
