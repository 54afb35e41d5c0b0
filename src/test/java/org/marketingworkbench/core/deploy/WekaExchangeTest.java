package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.evaluate.ModelInput;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainedModel;
import tech.tablesaw.api.Table;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.classifiers.trees.J48;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.converters.ArffSaver;
import weka.core.converters.ConverterUtils;

/** Models to and from plain Weka: Weka reads what the workbench exports, the workbench scores what Weka trained. */
class WekaExchangeTest {

    private static Dataset customers;
    private static TrainedModel logistic;

    @TempDir
    Path dir;

    @BeforeAll
    static void train() throws Exception {
        customers = DeployFixtures.customers();
        logistic = DeployFixtures.model(customers, "logistic");
    }

    @BeforeEach
    void resetFlag() {
        HostileObject.RAN.set(false);
    }

    @Test
    void anExportedModelOpensInWekaAndItsEvaluationOnTheTrainingArffPredictsAsTheWorkbench() throws Exception {
        Path model = dir.resolve("responded.model");
        WekaExchange.export(logistic, model);

        // Weka's own reader, as the Explorer's "Load model" uses
        Object[] read = SerializationHelper.readAll(model.toString());
        assertThat(read).hasSize(2);
        Classifier classifier = (Classifier) read[0];
        Instances header = (Instances) read[1];
        assertThat(header.classAttribute().name()).isEqualTo("responded");

        // the training data as an ARFF in the model's input (after the recipe), loaded as Weka loads a file
        Path arff = dir.resolve("train.arff");
        ArffSaver saver = new ArffSaver();
        saver.setInstances(ModelInput.instances(logistic, customers));
        saver.setFile(arff.toFile());
        saver.writeBatch();
        Instances train = new ConverterUtils.DataSource(arff.toString()).getDataSet();
        train.setClassIndex(train.numAttributes() - 1);
        Evaluation evaluation = new Evaluation(train);
        evaluation.evaluateModel(classifier, train);

        Table scored = Scorer.score(new LoadedBundle(1, logistic, 0.5, null), customers, Scorer.UnseenCategories.MISSING,
                Progress.none()).table();
        int yes = header.classAttribute().indexOfValue("yes");
        List<Prediction> predictions = evaluation.predictions();
        assertThat(predictions).hasSize(customers.rowCount());
        for (int r = 0; r < predictions.size(); r++) {
            double[] d = ((NominalPrediction) predictions.get(r)).distribution();
            assertThat(d[yes]).as("row " + r).isEqualTo(scored.doubleColumn("score").getDouble(r));
        }
    }

    /** 80 customers of a made-up shop: who bought, by age, plan and visits; rows 0–59 train, 60–79 are new. */
    private static String arff(boolean withData) {
        StringBuilder s = new StringBuilder("""
                @relation shop
                @attribute age numeric
                @attribute plan {basic,plus,pro}
                @attribute visits numeric
                @attribute bought {no,yes}
                @data
                """);
        if (withData) {
            Random rnd = new Random(3);
            String[] plans = {"basic", "plus", "pro"};
            for (int i = 0; i < 80; i++) {
                int age = 20 + rnd.nextInt(50);
                int plan = rnd.nextInt(3);
                int visits = rnd.nextInt(10);
                boolean yes = visits + 2 * plan + rnd.nextGaussian() * 2 > 6;
                s.append(age).append(',').append(plans[plan]).append(',').append(i % 11 == 0 ? "?" : visits).append(',')
                        .append(yes ? "yes" : "no").append('\n');
            }
        }
        return s.toString();
    }

    @Test
    void aJ48TrainedByPlainWekaScoresThroughTheWorkbenchAsWekaPredicts() throws Exception {
        Path arff = Files.writeString(dir.resolve("shop.arff"), arff(true));
        Instances all = new ConverterUtils.DataSource(arff.toString()).getDataSet();
        all.setClassIndex(all.numAttributes() - 1);
        Instances train = new Instances(all, 0, 60);
        J48 j48 = new J48();
        j48.setMinNumObj(3);
        j48.buildClassifier(train);
        // as Weka's Explorer saves a model: the classifier and its header
        Path model = dir.resolve("shop.model");
        SerializationHelper.writeAll(model.toString(), new Object[] {j48, new Instances(train, 0)});
        Path header = Files.writeString(dir.resolve("shop-header.arff"), arff(false));

        TrainedModel imported = WekaExchange.importModel(model, header, null, null);

        assertThat(imported.target().column()).isEqualTo("bought");
        assertThat(imported.target().task()).isEqualTo(Task.BINARY);
        assertThat(imported.settings().positiveClass()).isEqualTo("yes");
        assertThat(imported.settings().features()).containsExactly("age", "plan", "visits");
        assertThat(imported.learnerId()).isEqualTo(WekaExchange.IMPORTED_LEARNER);
        Path bundle = dir.resolve("shop.mwbmodel");
        ModelBundle.write(BundleContents.of(imported).withImportedFrom(
                new BundleContents.ImportedModel("shop.model", ModelBundle.sha256(model), "shop-header.arff")), bundle);
        LoadedBundle back = ModelBundleReader.read(bundle);
        assertThat(back.provenance().path("importedFrom").path("file").asText()).isEqualTo("shop.model");
        assertThat(back.provenance().path("wekaClass").asText()).isEqualTo(J48.class.getName());

        // the 20 new customers as a CSV file, without the outcome, read and scored as any file to score
        StringBuilder csv = new StringBuilder("age,plan,visits\n");
        for (int i = 60; i < 80; i++) {
            var row = all.instance(i);
            csv.append((int) row.value(0)).append(',').append(row.stringValue(1)).append(',')
                    .append(row.isMissing(2) ? "" : Integer.toString((int) row.value(2))).append('\n');
        }
        Path file = Files.writeString(dir.resolve("new-customers.csv"), csv.toString());
        Dataset data = new ScoringFile().read(file, back, ScoringFile.Mode.STORED_SETTINGS, Progress.none()).dataset();
        Table scored = Scorer.score(back, data, Scorer.UnseenCategories.STOP, Progress.none()).table();

        for (int i = 60; i < 80; i++) {
            double[] weka = j48.distributionForInstance(all.instance(i));
            assertThat(scored.doubleColumn("score").getDouble(i - 60)).as("customer " + i).isEqualTo(weka[1]);
            assertThat(scored.stringColumn("predicted").get(i - 60)).isEqualTo(weka[1] >= 0.5 ? "yes" : "no");
        }
    }

    @Test
    void aModelFileWithoutItsHeaderTakesTheArffAndOneWithItNeedsNone() throws Exception {
        Path arff = Files.writeString(dir.resolve("shop.arff"), arff(true));
        Instances train = new ConverterUtils.DataSource(arff.toString()).getDataSet();
        train.setClassIndex(train.numAttributes() - 1);
        J48 j48 = new J48();
        j48.buildClassifier(train);
        Path bare = dir.resolve("bare.model");
        SerializationHelper.write(bare.toString(), j48);
        Path header = Files.writeString(dir.resolve("h.arff"), arff(false));

        assertThat(WekaExchange.importModel(bare, header, "bought", "no").settings().positiveClass()).isEqualTo("no");
        assertThatThrownBy(() -> WekaExchange.importModel(bare, null, null, null))
                .isInstanceOfSatisfying(DeployException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeployException.Reason.UNSUPPORTED_HEADER);
                    assertThat(e.userMessage().format(Locale.ENGLISH)).contains("holds no header");
                });

        Path full = dir.resolve("full.model");
        SerializationHelper.writeAll(full.toString(), new Object[] {j48, new Instances(train, 0)});
        assertThat(WekaExchange.importModel(full, null, null, null).target().column()).isEqualTo("bought");
    }

    @Test
    void aHeaderThatDoesNotMatchTheModelOrHasDatesIsNamed() throws Exception {
        Path arff = Files.writeString(dir.resolve("shop.arff"), arff(true));
        Instances train = new ConverterUtils.DataSource(arff.toString()).getDataSet();
        train.setClassIndex(train.numAttributes() - 1);
        J48 j48 = new J48();
        j48.buildClassifier(train);
        Path model = dir.resolve("shop.model");
        SerializationHelper.writeAll(model.toString(), new Object[] {j48, new Instances(train, 0)});

        Path other = Files.writeString(dir.resolve("other.arff"), arff(false).replace("{basic,plus,pro}", "{basic,pro}"));
        assertThatThrownBy(() -> WekaExchange.importModel(model, other, null, null))
                .isInstanceOfSatisfying(DeployException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeployException.Reason.UNSUPPORTED_HEADER);
                    assertThat(e.userMessage().format(Locale.ENGLISH)).contains("does not match other.arff");
                });
        assertThatThrownBy(() -> WekaExchange.importModel(model, dir.resolve("shop.arff"), "plans", null))
                .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.userMessage().format(Locale.ENGLISH))
                        .contains("There is no attribute \"plans\"").contains("age, plan, visits, bought"));

        Path dated = Files.writeString(dir.resolve("dated.arff"), """
                @relation d
                @attribute since date yyyy-MM-dd
                @attribute bought {no,yes}
                @data
                """);
        Path bare = dir.resolve("bare.model");
        SerializationHelper.write(bare.toString(), j48);
        assertThatThrownBy(() -> WekaExchange.importModel(bare, dated, null, null))
                .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.userMessage().format(Locale.ENGLISH))
                        .contains("cannot score: since (date)"));
    }

    @Test
    void aHostileWekaModelFileIsRefusedAndItsCodeNeverRuns() throws Exception {
        Path header = Files.writeString(dir.resolve("h.arff"), arff(false));
        for (List<Object> objects : List.<List<Object>>of(List.of(new HostileObject()),
                List.of(new J48(), new HostileObject()), List.of(listWith(new HostileObject())))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
                for (Object o : objects) {
                    oos.writeObject(o);
                }
            }
            Path model = Files.write(dir.resolve("hostile.model"), bytes.toByteArray());
            assertThatThrownBy(() -> WekaExchange.importModel(model, header, null, null))
                    .isInstanceOfSatisfying(DeployException.class, e -> {
                        assertThat(e.reason()).isEqualTo(DeployException.Reason.UNSAFE_CONTENT);
                        assertThat(e.userMessage().format(Locale.ENGLISH)).contains(HostileObject.class.getName())
                                .contains("could run code");
                    });
            assertThat(HostileObject.RAN).isFalse();
        }
    }

    private static ArrayList<Object> listWith(Object o) {
        ArrayList<Object> list = new ArrayList<>();
        list.add(o);
        return list;
    }

    @Test
    void aTruncatedOrForeignFileIsNotAModel() throws Exception {
        Path header = Files.writeString(dir.resolve("h.arff"), arff(false));
        Path model = dir.resolve("m.model");
        WekaExchange.export(logistic, model);
        byte[] bytes = Files.readAllBytes(model);
        Path cut = Files.write(dir.resolve("cut.model"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> WekaExchange.importModel(cut, null, null, null))
                .isInstanceOfSatisfying(DeployException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeployException.Reason.TRUNCATED));
        Path text = Files.writeString(dir.resolve("notes.model"), "not a model", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> WekaExchange.importModel(text, header, null, null))
                .isInstanceOfSatisfying(DeployException.class,
                        e -> assertThat(e.reason()).isEqualTo(DeployException.Reason.NOT_A_MODEL));
        Path headerAsModel = Files.write(dir.resolve("instances.model"),
                ModelBundle.serialise(new Instances(logistic.header(), 0)));
        assertThatThrownBy(() -> WekaExchange.importModel(headerAsModel, header, null, null))
                .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.userMessage().format(Locale.ENGLISH))
                        .contains("not a classifier"));
    }
}
