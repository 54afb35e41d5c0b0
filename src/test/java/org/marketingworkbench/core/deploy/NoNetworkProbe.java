package org.marketingworkbench.core.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.FeatureCandidate;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingSettings;

/**
 * Run in a JVM of its own by {@link NoNetworkTest}: a security manager that refuses and counts every
 * attempt to connect, listen, accept or join a multicast group (plain sockets, NIO channels, HTTP and DNS
 * lookups for a connection all pass through these checks), then the whole path of a model: import, train,
 * save the bundle, read it back, score. Prints the number of attempts; exits 0 when the path ran.
 */
public final class NoNetworkProbe {

    private NoNetworkProbe() {
    }

    @SuppressWarnings("removal")
    public static void main(String[] args) throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        System.setSecurityManager(new SecurityManager() {
            @Override
            public void checkPermission(Permission perm) {
                // everything else is allowed: only the network is watched
            }

            @Override
            public void checkPermission(Permission perm, Object context) {
            }

            @Override
            public void checkConnect(String host, int port) {
                refuse(host + ":" + port);
            }

            @Override
            public void checkConnect(String host, int port, Object context) {
                refuse(host + ":" + port);
            }

            @Override
            public void checkListen(int port) {
                refuse("listen " + port);
            }

            @Override
            public void checkAccept(String host, int port) {
                refuse("accept " + host + ":" + port);
            }

            @Override
            public void checkMulticast(java.net.InetAddress maddr) {
                refuse("multicast " + maddr);
            }

            private void refuse(String what) {
                attempts.incrementAndGet();
                System.out.println("network attempt: " + what);
                throw new SecurityException("no network: " + what);
            }
        });
        WekaEnvironment.configure(AppDirs.forCurrentUser());
        Dataset data = new DataImporter().read(Path.of(args[0]), ImportSettings.auto(), Progress.none()).dataset();
        List<String> features = TrainingData.candidates(data, "churned", Progress.none()).stream()
                .filter(FeatureCandidate::includedByDefault).map(FeatureCandidate::name).toList();
        TrainingSettings s = TrainingSettings.of("churned", "yes", features,
                List.of(new LearnerChoice("rf", Learners.get("rf").defaults(), "")));
        var model = new TrainStep().fitFinal(data, Recipe.empty(), s, "rf", Progress.none());
        Path bundle = Files.createTempFile("probe", ".mwbmodel");
        ModelBundle.write(model, bundle);
        LoadedBundle loaded = ModelBundleReader.read(bundle);
        Dataset scored = Scorer.score(loaded, data, Scorer.UnseenCategories.MISSING, Progress.none());
        Files.delete(bundle);
        System.out.println("scored rows: " + scored.rowCount());
        System.out.println("network attempts: " + attempts.get());
    }
}
