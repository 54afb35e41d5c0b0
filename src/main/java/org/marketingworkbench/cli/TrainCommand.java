package org.marketingworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.deploy.BundleContents;
import org.marketingworkbench.core.deploy.EvaluationSummary;
import org.marketingworkbench.core.deploy.ModelBundle;
import org.marketingworkbench.core.evaluate.ConfusionMatrix;
import org.marketingworkbench.core.evaluate.Curves;
import org.marketingworkbench.core.evaluate.EvaluateException;
import org.marketingworkbench.core.evaluate.ProfitCurve;
import org.marketingworkbench.core.evaluate.ProfitPoint;
import org.marketingworkbench.core.evaluate.RankedPredictions;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.segment.Algorithm;
import org.marketingworkbench.core.segment.FastKMeans;
import org.marketingworkbench.core.segment.KChooser;
import org.marketingworkbench.core.segment.Scaling;
import org.marketingworkbench.core.segment.SegmentDescriber;
import org.marketingworkbench.core.segment.SegmentException;
import org.marketingworkbench.core.segment.SegmentExport;
import org.marketingworkbench.core.segment.SegmentStep;
import org.marketingworkbench.core.segment.SegmentationResult;
import org.marketingworkbench.core.segment.SegmentationSettings;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.FeatureCandidate;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.LearnerDefinition;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.Metric;
import org.marketingworkbench.core.train.MetricId;
import org.marketingworkbench.core.train.Metrics;
import org.marketingworkbench.core.train.Predictions;
import org.marketingworkbench.core.train.TrainException;
import org.marketingworkbench.core.train.TrainStep;
import org.marketingworkbench.core.train.TrainingData;
import org.marketingworkbench.core.train.TrainingListener;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.core.train.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code train FILE --target y --positive yes --learners logistic,rf --cv 10}: the Train step from the command line,
 * on the imported table with no cleaning recipe. Features are the columns the Train step uses by default
 * (identifiers and leakage suspects left out, each named on the error stream) minus {@code --drop}. Prints the
 * leaderboard (mean ± sd over folds) and, for the best learner, its pooled held-out AUC and confusion matrix;
 * {@code --save} trains the best learner on every row and writes it with the import settings the file was read
 * with and the learner's validation figures; with {@code --segment-on} the same file is segmented (as
 * {@code segment FILE --features ...} does) and the segments go into the model file, so that {@code score} gives
 * each customer a segment too.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train and compare learners (Weka) by stratified cross-validation; prints the leaderboard.")
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The customer file (read with detected settings).")
    Path file;

    @Option(names = "--target", required = true, description = "The column to predict.")
    String target;

    @Option(names = "--positive", description = "For two classes: the class that means yes (default: guessed).")
    String positive;

    @Option(names = "--drop", split = ",", paramLabel = "A,B", description = "Columns not to train on.")
    List<String> drop = new ArrayList<>();

    @Option(names = "--learners", split = ",", defaultValue = "logistic", paramLabel = "IDS",
            description = "Learners: logistic, naive_bayes, j48, rf, logitboost, smo, mlp, linear, m5p (default logistic).")
    List<String> learners;

    @Option(names = "--cv", defaultValue = "10", description = "Folds of cross-validation (default 10).")
    int folds;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed for folds and learners (default 1).")
    int seed;

    @Option(names = "--cost", paramLabel = "AMOUNT",
            description = "Cost of contacting one customer, for the profit view of the best model (needs --value).")
    Double cost;

    @Option(names = "--value", paramLabel = "AMOUNT",
            description = "Value of one conversion, for the profit view of the best model (needs --cost).")
    Double value;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--save", paramLabel = "MODEL.mwbmodel", description = "Train the best learner on all rows and save it "
            + "(with the settings FILE was read with and the learner's validation figures).")
    Path save;

    @Option(names = "--segment-on", split = ",", paramLabel = "A,B", description = "With --save: segment the customers of "
            + "FILE on these columns (as the segment command does, numbers standardised) and save the segments with the "
            + "model, so that score gives each customer a segment and its name.")
    List<String> segmentOn = new ArrayList<>();

    @Option(names = "--segments", paramLabel = "K", description = "With --segment-on: the number of segments (default: "
            + "k-means tries 2 to 10 and takes the recommended number; EM chooses its own).")
    Integer segments;

    @Option(names = "--segment-algorithm", defaultValue = "kmeans", paramLabel = "NAME",
            description = "With --segment-on: kmeans (default), em or hierarchical.")
    String segmentAlgorithm;

    @Spec
    CommandSpec spec;

    /** The threshold of the confusion matrix in the JSON. */
    private static final double THRESHOLD = 0.5;

    @Override
    public Integer call() throws Exception {
        List<LearnerChoice> choices = new ArrayList<>();
        for (String id : learners) {
            String l = id.strip();
            if (!Learners.exists(l)) {
                throw new TrainException(TrainException.Reason.INVALID_SETTINGS, UserMessage.of("cli.train.unknownLearner",
                        l, String.join(", ", Learners.all().stream().map(LearnerDefinition::id).toList())));
            }
            choices.add(LearnerChoice.defaults(l));
        }
        if ((cost == null) != (value == null)) {
            throw new EvaluateException(EvaluateException.Reason.INVALID_MONEY,
                    UserMessage.of("evaluate.cli.costAndValue"));
        }
        if (cost != null) {
            ProfitCurve.requireValidMoney(cost, value);
        }
        Algorithm segmentBy = null;
        if (!segmentOn.isEmpty()) {
            if (save == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--segment-on needs --save");
            }
            segmentBy = Algorithm.fromId(segmentAlgorithm).orElseThrow(() -> new SegmentException(
                    SegmentException.Reason.INVALID_SETTINGS, UserMessage.of("cli.segment.unknownAlgorithm",
                    segmentAlgorithm, String.join(", ", java.util.Arrays.stream(Algorithm.values()).map(Algorithm::id)
                            .toList()))));
        }
        ImportResult imported = new DataImporter().read(file, ImportSettings.auto(), Progress.none());
        Dataset data = imported.dataset();
        Locale locale = Locale.getDefault();
        List<FeatureCandidate> candidates = TrainingData.candidates(data, target, Progress.none());
        Set<String> dropped = new HashSet<>(drop.stream().map(String::strip).toList());
        PrintWriter err = spec.commandLine().getErr();
        for (FeatureCandidate c : candidates) {
            if (!c.includedByDefault() && !dropped.contains(c.name())) {
                err.println(c.name() + ": " + c.reason().format(locale));
            }
        }
        List<String> features = TrainingData.defaultFeatures(candidates).stream().filter(f -> !dropped.contains(f)).toList();
        TrainingSettings settings = TrainingSettings.of(target, positive == null ? "" : positive, features, choices)
                .withValidation(Validation.crossValidation(folds, 0)).withSeed(seed);
        TrainStep step = new TrainStep();
        TrainingResult result = step.run(data, Recipe.empty(), settings, TrainingListener.NONE, Progress.none());
        SegmentationResult segmented = null;
        if (save != null) {
            TrainedModel model = step.fitFinal(data, Recipe.empty(), settings, result.best().learnerId(), Progress.none());
            BundleContents contents = BundleContents.of(model).withSourceSha256(imported.sha256())
                    .withImportSettings(imported.resolvedSettings()).withEvaluation(EvaluationSummary.of(result));
            if (segmentBy != null) {
                segmented = segment(data, segmentBy);
                contents = contents.withSegmentation(segmented, null, SegmentExport.names(
                        SegmentDescriber.describe(data, segmented), java.util.Map.of(), locale));
            }
            ModelBundle.write(contents, save);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(result)));
        } else {
            printText(w, result, data.rowCount(), locale);
        }
        if (save != null) {
            w.println(UserMessage.of("cli.train.saved", save).format(locale));
        }
        if (segmented != null) {
            w.println(UserMessage.of("deploy.cli.segmentsSaved", segmented.k(), segmented.settings().algorithm().label(),
                    String.join(", ", segmented.settings().features()), segmented.rowsUsed()).format(locale));
        }
        return WorkbenchCli.OK;
    }

    /** The Segment step on the training file, as {@code segment FILE --features ... [--k K]} runs it. */
    private SegmentationResult segment(Dataset data, Algorithm algorithm) throws SegmentException {
        List<String> features = segmentOn.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
        SegmentationSettings s = new SegmentationSettings(SegmentationSettings.CURRENT_VERSION, features,
                segments == null ? SegmentationSettings.AUTOMATIC_K : segments, algorithm, seed, Scaling.STANDARDISE,
                FastKMeans.DEFAULT_RESTARTS);
        if (segments == null && !algorithm.choosesK()) {
            s = s.withK(new KChooser().choose(data, s.withK(2), KChooser.DEFAULT_FROM, KChooser.DEFAULT_TO,
                    Progress.none()).recommendedK());
        }
        return new SegmentStep().run(data, s, Progress.none());
    }

    private void printText(PrintWriter w, TrainingResult r, int rows, Locale locale) {
        w.println(UserMessage.of("cli.train.leaderboard", rows, UserMessage.of("cli.train.cv", folds), seed).format(locale));
        int rank = 1;
        for (LearnerResult lr : r.leaderboard()) {
            StringBuilder line = new StringBuilder(String.format(locale, "%-28s",
                    UserMessage.of(Learners.get(lr.learnerId()).labelKey()).format(locale)));
            for (MetricId id : MetricId.values()) {
                Metric m = lr.metrics().get(id);
                if (m != null && !Double.isNaN(m.mean())) {
                    line.append(String.format(locale, "  %s %.3f ± %.3f", UserMessage.of(id.labelKey()).format(locale),
                            m.mean(), m.sd()));
                }
            }
            line.append(String.format(locale, "  %.1f s", lr.trainSeconds()));
            w.println(UserMessage.of("cli.train.row", rank++, line.toString()).format(locale));
        }
        r.notes().forEach(n -> w.println(n.format(locale)));
        LearnerResult best = r.best();
        Predictions p = best.heldOut();
        if (!p.classes().isEmpty()) {
            double auc = p.positiveIndex() >= 0 ? Metrics.pooledAuc(p) : best.metrics().get(MetricId.AUC).mean();
            w.println(UserMessage.of("cli.train.best", UserMessage.of(Learners.get(best.learnerId()).labelKey()),
                    String.format(locale, "%.3f", auc)).format(locale));
            w.println(UserMessage.of("cli.train.confusion").format(locale));
            int[][] m = Metrics.confusion(p);
            StringBuilder head = new StringBuilder(String.format(locale, "%12s", ""));
            p.classes().forEach(c -> head.append(String.format(locale, "%12s", c)));
            w.println(head);
            for (int a = 0; a < m.length; a++) {
                StringBuilder row = new StringBuilder(String.format(locale, "%12s", p.classes().get(a)));
                for (int v : m[a]) {
                    row.append(String.format(locale, "%12d", v));
                }
                w.println(row);
            }
            if (p.positiveIndex() >= 0 && cost != null) {
                try {
                    ProfitPoint cut = ProfitCurve.of(p, cost, value).best();
                    w.println(UserMessage.of("evaluate.cli.profit", cut.share(), cut.customers(), cut.expectedProfit(),
                            cut.threshold()).format(locale));
                } catch (EvaluateException e) {
                    w.println(e.userMessage().format(locale));
                }
            }
        }
    }

    private ObjectNode toJson(TrainingResult r) throws EvaluateException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("settings", r.settings().toJson());
        o.put("task", r.target().task().name().toLowerCase(Locale.ROOT));
        o.put("primary", r.primary().name().toLowerCase(Locale.ROOT));
        ArrayNode board = o.putArray("leaderboard");
        for (LearnerResult lr : r.leaderboard()) {
            ObjectNode l = board.addObject();
            l.put("learner", lr.learnerId());
            ObjectNode ms = l.putObject("metrics");
            lr.metrics().forEach((id, m) -> {
                ObjectNode x = ms.putObject(id.name().toLowerCase(Locale.ROOT));
                x.put("mean", m.mean());
                x.put("sd", m.sd());
            });
            l.put("trainSeconds", lr.trainSeconds());
            l.put("curve", lr.curveKind().name().toLowerCase(Locale.ROOT));
        }
        LearnerResult best = r.best();
        o.put("best", best.learnerId());
        Predictions p = best.heldOut();
        if (p.positiveIndex() >= 0) {
            o.put("bestPooledAuc", Metrics.pooledAuc(p));
        }
        if (p.positiveIndex() >= 0) {
            addEvaluation(o, p);
        } else if (!p.classes().isEmpty()) {
            ArrayNode cm = o.putArray("confusionMatrix");
            for (int[] row : Metrics.confusion(p)) {
                ArrayNode a = cm.addArray();
                for (int v : row) {
                    a.add(v);
                }
            }
            ArrayNode labels = o.putArray("confusionLabels");
            p.classes().forEach(labels::add);
        }
        return o;
    }

    /**
     * The Evaluate step's figures for the best model's pooled held-out predictions: the confusion matrix at 0.5
     * as [[TN, FP], [FN, TP]] with its labels [negative, positive], the ten cumulative lifts by decile, and with
     * --cost and --value the best cut-off of the profit view.
     */
    private void addEvaluation(ObjectNode o, Predictions p) throws EvaluateException {
        RankedPredictions r = RankedPredictions.of(p);
        ConfusionMatrix m = r.confusionAt(THRESHOLD);
        ArrayNode cm = o.putArray("confusionMatrix");
        for (long[] row : m.counts()) {
            ArrayNode a = cm.addArray();
            for (long v : row) {
                a.add(v);
            }
        }
        ArrayNode labels = o.putArray("confusionLabels");
        m.labels().forEach(labels::add);
        o.put("threshold", THRESHOLD);
        ArrayNode lift = o.putArray("liftByDecile");
        for (double l : Curves.liftByDecile(r)) {
            lift.add(l);
        }
        if (cost != null) {
            ProfitPoint best = ProfitCurve.of(r, cost, value, r.size()).best();
            ObjectNode profit = o.putObject("profit");
            profit.put("costPerContact", cost);
            profit.put("valuePerConversion", value);
            profit.put("share", best.share());
            profit.put("customers", best.customers());
            profit.put("expectedProfit", best.expectedProfit());
            profit.put("threshold", best.threshold());
        }
    }
}
