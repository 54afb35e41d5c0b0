package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;

class TrainCommandTest extends CliTest {

    @TempDir
    Path dir;

    private Path data;

    @BeforeAll
    static void quietWeka() throws Exception {
        AppDirs dirs = AppDirs.forCurrentUser();
        Files.createDirectories(dirs.wekaHome());
        WekaEnvironment.configure(dirs);
    }

    /** 300 customers; who bought depends on income and visits; call_minutes is only known after the call. */
    @BeforeEach
    void customers() throws Exception {
        StringBuilder csv = new StringBuilder("customer_id,income,visits,plan,call_minutes,bought\n");
        Random rnd = new Random(5);
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < 300; i++) {
            double income = 30 + rnd.nextGaussian() * 10;
            int visits = Math.max(0, (int) Math.round(3 + rnd.nextGaussian() * 2));
            int plan = rnd.nextInt(3);
            boolean yes = 0.08 * (income - 30) + 0.5 * (visits - 3) + 0.5 * (plan - 1) + rnd.nextGaussian() > 0.5;
            csv.append(String.format(java.util.Locale.ROOT, "K%04d,%.1f,%d,%s,%.1f,%s%n", i, income, visits, plans[plan],
                    yes ? 8 + rnd.nextDouble() * 4 : rnd.nextDouble() * 4, yes ? "yes" : "no"));
        }
        data = Files.writeString(dir.resolve("customers.csv"), csv.toString());
    }

    @Test
    void printsTheLeaderboardTheBestAucAndItsConfusionMatrixAndSavesTheModel() throws Exception {
        Path model = dir.resolve("m.mwbmodel");
        assertThat(run("train", data.toString(), "--target", "bought", "--positive", "yes", "--drop", "call_minutes",
                "--learners", "logistic,j48", "--cv", "5", "--seed", "1", "--save", model.toString()))
                .as(err.toString()).isZero();
        String text = out.toString();
        assertThat(text).contains("Leaderboard (300 customers, Cross-validation, 5 folds, seed 1):")
                .contains("1. ").contains("2. ").contains("Logistic regression").contains("Decision tree (J48)")
                .contains("AUC").contains("Best: ").contains("Confusion matrix").contains("Model saved to");
        assertThat(text.indexOf("Best: Logistic regression")).isPositive();
        try (ZipFile zip = new ZipFile(model.toFile())) {
            JsonNode meta = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("model.json")));
            assertThat(meta.path("learner").asText()).isEqualTo("logistic");
            assertThat(meta.path("settings").path("features").toString()).doesNotContain("call_minutes", "customer_id");
            assertThat(zip.getEntry("weka.model")).isNotNull();
        }
    }

    @Test
    void jsonNamesTheBestLearnerAndLeakageSuspectsAreNamedAndLeftOut() throws Exception {
        assertThat(run("train", data.toString(), "--target", "bought", "--learners", "naive_bayes", "--cv", "3",
                "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("best").asText()).isEqualTo("naive_bayes");
        assertThat(json.path("bestPooledAuc").asDouble()).isGreaterThan(0.7);
        assertThat(json.path("confusionMatrix")).hasSize(2);
        assertThat(json.path("settings").path("features").toString()).doesNotContain("call_minutes");
        assertThat(err.toString()).contains("call_minutes").contains("customer_id");
    }

    @Test
    void costAndValueAddTheConfusionMatrixAtHalfTheLiftByDecileAndTheBestCutOff() throws Exception {
        assertThat(run("train", data.toString(), "--target", "bought", "--positive", "yes", "--drop", "call_minutes",
                "--cv", "5", "--cost", "5", "--value", "50", "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode cm = json.path("confusionMatrix");
        assertThat(cm.get(0).get(0).asInt() + cm.get(0).get(1).asInt() + cm.get(1).get(0).asInt()
                + cm.get(1).get(1).asInt()).isEqualTo(300);
        assertThat(json.path("confusionLabels").toString()).isEqualTo("[\"no\",\"yes\"]");
        assertThat(json.path("liftByDecile")).hasSize(10);
        assertThat(json.path("liftByDecile").get(0).asDouble()).isGreaterThan(1.5);
        assertThat(json.path("liftByDecile").get(9).asDouble()).isEqualTo(1.0);
        JsonNode profit = json.path("profit");
        assertThat(profit.path("share").asDouble()).isBetween(0.0, 1.0);
        assertThat(profit.path("customers").asInt()).isBetween(1, 300);
        assertThat(profit.path("expectedProfit").asDouble()).isPositive();
        assertThat(profit.path("threshold").asDouble()).isBetween(0.0, 1.0);
        // the same in words
        out.getBuffer().setLength(0);
        assertThat(run("train", data.toString(), "--target", "bought", "--drop", "call_minutes", "--cv", "5",
                "--cost", "5", "--value", "50")).isZero();
        assertThat(out.toString()).contains("Contact the top ").contains("expected profit");
    }

    @Test
    void aNegativeCostOrACostWithoutAValueIsAClearError() {
        assertThat(run("train", data.toString(), "--target", "bought", "--cost", "-5", "--value", "50")).isEqualTo(1);
        assertThat(err.toString()).contains("cost of a contact must be a number of zero or more");
        assertThat(run("train", data.toString(), "--target", "bought", "--cost", "5")).isEqualTo(1);
        assertThat(err.toString()).contains("--cost and --value");
    }

    @Test
    void aNumberTargetWithAClassifierIsAClearError() {
        assertThat(run("train", data.toString(), "--target", "income", "--learners", "j48")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot predict a number");
        assertThat(run("train", data.toString(), "--target", "bought", "--learners", "nonsense")).isEqualTo(1);
        assertThat(err.toString()).contains("Unknown learner nonsense");
    }
}
