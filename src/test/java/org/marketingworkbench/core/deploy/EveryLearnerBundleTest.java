package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.evaluate.ModelInput;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.Imbalance;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.LearnerDefinition;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingSettings;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * Every learner the workbench offers, for every kind of target it takes, saves into a bundle and reads back through
 * the allow-list filter with the same predictions (and the wrappers for a rare class too): the filter lets through
 * what the workbench's own models need and nothing was added to it beyond that. Each model exported for Weka opens
 * with Weka's own reader, holds nothing but Weka and JDK classes, and predicts the same.
 */
class EveryLearnerBundleTest {

    /** A target per kind: two classes, several, a number. */
    private static final String BINARY = "responded";
    private static final String MULTICLASS = "channel";
    private static final String NUMBER = "total_spend";

    private static Dataset data;

    @TempDir
    Path dir;

    @BeforeAll
    static void customers() throws Exception {
        Dataset all = DeployFixtures.customers();
        // 400 customers: enough for every learner, small enough for the perceptron
        data = new Dataset(all.table().first(400), all.columns());
    }

    static Stream<Arguments> learnersAndTargets() {
        List<Arguments> out = new ArrayList<>();
        for (LearnerDefinition d : Learners.all()) {
            for (Task task : d.tasks()) {
                String target = switch (task) {
                    case BINARY -> BINARY;
                    case MULTICLASS -> MULTICLASS;
                    case NUMBER -> NUMBER;
                };
                out.add(Arguments.of(d.id(), target, Imbalance.NONE));
            }
        }
        // the wrappers for a rare class hold the learner inside them
        out.add(Arguments.of(Learners.RANDOM_FOREST, BINARY, Imbalance.BALANCE_CLASSES));
        out.add(Arguments.of(Learners.LOGISTIC, BINARY, Imbalance.COST_SENSITIVE));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} predicting {1}, {2}")
    @MethodSource("learnersAndTargets")
    void savedAndReadBackThroughTheFilterItPredictsTheSame(String learner, String target, Imbalance imbalance)
            throws Exception {
        List<String> features = TrainingData.defaultFeatures(TrainingData.candidates(data, target, Progress.none()))
                .stream().filter(f -> !f.equals(BINARY) && !f.equals(MULTICLASS) && !f.equals(NUMBER)).toList();
        TrainingSettings s = TrainingSettings.of(target, target.equals(BINARY) ? "yes" : "", features,
                List.of(LearnerChoice.defaults(learner))).withImbalance(imbalance);
        TrainedModel model = new TrainStep().fitFinal(data, Recipe.empty(), s, learner, Progress.none());
        Path file = dir.resolve("m.mwbmodel");
        ModelBundle.write(model, file);

        LoadedBundle back = ModelBundleReader.read(file);

        assertThat(back.model().target().task()).isEqualTo(model.target().task());
        Instances rows = ModelInput.instances(model, data);
        Instances again = ModelInput.instances(back.model(), data);
        for (int r = 0; r < rows.numInstances(); r++) {
            assertThat(back.model().classifier().distributionForInstance(again.instance(r))).as("row " + r)
                    .containsExactly(model.classifier().distributionForInstance(rows.instance(r)));
        }

        // exported for Weka: Weka's own reader opens it, and only Weka and JDK classes are in it
        Path weka = dir.resolve("m.model");
        WekaExchange.export(back.model(), weka);
        assertThat(classesIn(Files.readAllBytes(weka))).allMatch(c -> c.startsWith("weka.") || c.startsWith("java.")
                || c.startsWith("[") || c.startsWith("sun.util."));
        Object[] read = SerializationHelper.readAll(weka.toString());
        Classifier plain = (Classifier) read[0];
        assertThat(((Instances) read[1]).equalHeaders(model.header())).isTrue();
        for (int r = 0; r < rows.numInstances(); r += 7) {
            assertThat(plain.distributionForInstance(rows.instance(r))).as("Weka, row " + r)
                    .containsExactly(model.classifier().distributionForInstance(rows.instance(r)));
        }
    }

    /** The classes a serialised stream names, collected by a filter that allows everything (our own bytes). */
    static Set<String> classesIn(byte[] bytes) throws Exception {
        Set<String> seen = new TreeSet<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(info -> {
                if (info.serialClass() != null) {
                    seen.add(info.serialClass().getName());
                }
                return ObjectInputFilter.Status.ALLOWED;
            });
            in.readObject();
            in.readObject();
        }
        return seen;
    }
}
