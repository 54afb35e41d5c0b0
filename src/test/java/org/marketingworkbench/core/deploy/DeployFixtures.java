package org.marketingworkbench.core.deploy;

import java.nio.file.Path;
import java.util.List;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingSettings;

/** The sample customers and a model trained on them (who responded), as the train command would. */
public final class DeployFixtures {

    public static final Path CUSTOMERS = Path.of("sample-data", "customers.csv");

    private DeployFixtures() {
    }

    public static Dataset customers() throws Exception {
        return new DataImporter().read(CUSTOMERS, ImportSettings.auto(), Progress.none()).dataset();
    }

    public static TrainedModel model(Dataset data, String learner) throws Exception {
        List<String> features = TrainingData.defaultFeatures(TrainingData.candidates(data, "responded", Progress.none()));
        TrainingSettings s = TrainingSettings.of("responded", "yes", features, List.of(LearnerChoice.defaults(learner)));
        return new TrainStep().fitFinal(data, Recipe.empty(), s, learner, Progress.none());
    }
}
