package org.marketingworkbench.ui.evaluate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.TrainingSettings;

/** The sample customers and small models trained on them (churned = yes), made once per test JVM. */
final class WhyFixtures {

    static final List<String> FEATURES = List.of("age", "gender", "channel", "loyalty_tier", "n_orders", "total_spend",
            "days_since_last_purchase", "web_visits_30d", "complaints_12m");

    private static Dataset data;
    private static TrainedModel j48;
    private static TrainedModel logistic;

    private WhyFixtures() {
    }

    static synchronized Dataset data() throws Exception {
        if (data == null) {
            AppDirs dirs = AppDirs.forCurrentUser();
            Files.createDirectories(dirs.wekaHome());
            WekaEnvironment.configure(dirs);
            data = new DataImporter().read(Path.of("sample-data", "customers.csv"), ImportSettings.auto(),
                    Progress.none()).dataset();
        }
        return data;
    }

    static TrainingSettings settings(String learner) {
        return TrainingSettings.of("churned", "yes", FEATURES, List.of(LearnerChoice.defaults(learner)));
    }

    static synchronized TrainedModel j48() throws Exception {
        if (j48 == null) {
            j48 = new TrainStep().fitFinal(data(), Recipe.empty(), settings("j48"), "j48", Progress.none());
        }
        return j48;
    }

    static synchronized TrainedModel logistic() throws Exception {
        if (logistic == null) {
            logistic = new TrainStep().fitFinal(data(), Recipe.empty(), settings("logistic"), "logistic",
                    Progress.none());
        }
        return logistic;
    }
}
