package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.evaluate.ModelInput;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.train.TrainedModel;
import weka.core.Instances;

class ModelBundleRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "rf", "j48"})
    void aBundleReadBackGivesTheSamePredictionsOnTheTrainingRows(String learner) throws Exception {
        Dataset data = DeployFixtures.customers();
        TrainedModel model = DeployFixtures.model(data, learner);
        Path file = dir.resolve("m.mwbmodel");
        ModelBundle.write(model, file, 0.3, ModelBundle.sha256(DeployFixtures.CUSTOMERS));

        LoadedBundle back = ModelBundleReader.read(file);

        assertThat(back.version()).isEqualTo(ModelBundle.VERSION_WITHOUT_SEGMENTS);
        assertThat(back.integrityChecked()).isTrue();
        assertThat(back.notices()).isEmpty();
        assertThat(back.threshold()).isEqualTo(0.3);
        assertThat(back.model().settings()).isEqualTo(model.settings());
        assertThat(back.model().target()).isEqualTo(model.target());
        assertThat(back.model().learnerId()).isEqualTo(learner);
        assertThat(back.provenance().path("sourceSha256").asText()).hasSize(64);
        assertThat(back.provenance().path("weka").asText()).isNotBlank();
        assertThat(back.provenance().path("seed").asInt()).isEqualTo(model.settings().seed());
        Instances before = ModelInput.instances(model, data);
        Instances after = ModelInput.instances(back.model(), data);
        assertThat(after.numInstances()).isEqualTo(data.rowCount());
        for (int r = 0; r < before.numInstances(); r++) {
            assertThat(back.model().classifier().distributionForInstance(after.instance(r)))
                    .containsExactly(model.classifier().distributionForInstance(before.instance(r)));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(AtomicFile.TEMP_SUFFIX));
        }
    }
}
