package org.marketingworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.deploy.BundleContents;
import org.marketingworkbench.core.deploy.DeployException;
import org.marketingworkbench.core.deploy.EvaluationSummary;
import org.marketingworkbench.core.deploy.LoadedBundle;
import org.marketingworkbench.core.deploy.ModelBundle;
import org.marketingworkbench.core.deploy.ModelBundleReader;
import org.marketingworkbench.core.deploy.ScoringFile;
import org.marketingworkbench.core.deploy.WekaExchange;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.Metric;
import org.marketingworkbench.core.train.MetricId;
import org.marketingworkbench.core.train.TrainedModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code model info|export-weka|import-weka}: what a model file holds, and models to and from plain Weka
 * ({@link WekaExchange}). Every model file read here goes through the same checks and allow-list filter as
 * {@code score}.
 */
@Command(name = "model", mixinStandardHelpOptions = true,
        description = "Model files (.mwbmodel): show what one holds, export it for Weka, or import a Weka model.",
        subcommands = {ModelCommand.Info.class, ModelCommand.ExportWeka.class, ModelCommand.ImportWeka.class})
final class ModelCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code model info M.mwbmodel}: version, learner, target, threshold, figures, settings, segments, provenance. */
    @Command(name = "info", mixinStandardHelpOptions = true,
            description = "Show what a model file holds: learner, target, threshold, validation figures, the settings "
                    + "its training file was read with, segments, and where it came from.")
    static final class Info implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "MODEL.mwbmodel", description = "The model file.")
        Path model;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LoadedBundle b = ModelBundleReader.read(model);
            Locale locale = Locale.getDefault();
            PrintWriter w = spec.commandLine().getOut();
            b.notices().forEach(n -> spec.commandLine().getErr().println(n.format(locale)));
            TrainedModel m = b.model();
            String learner = Learners.exists(m.learnerId())
                    ? UserMessage.of(Learners.get(m.learnerId()).labelKey()).format(locale)
                    : m.learnerId() + " (" + m.classifier().getClass().getName() + ")";
            w.println(UserMessage.of("deploy.cli.info.model", model.getFileName(), b.version(), learner,
                    m.target().column(), m.settings().features().size()).format(locale));
            if (!m.target().classes().isEmpty()) {
                w.println(UserMessage.of("deploy.cli.info.classes", String.join(", ", m.target().classes()),
                        m.settings().positiveClass().isBlank() ? "-" : m.settings().positiveClass(),
                        b.threshold()).format(locale));
            }
            if (b.evaluation() != null) {
                w.println(UserMessage.of("deploy.cli.info.evaluation", figures(b.evaluation(), locale),
                        b.evaluation().heldOutRows()).format(locale));
            }
            if (b.importSettings() != null && b.importSettings().delimiter() != null) {
                w.println(UserMessage.of("deploy.cli.info.read", ScoringFile.delimiter(b.importSettings().delimiter()),
                        String.valueOf(b.importSettings().encoding())).format(locale));
            }
            if (b.segmentation() != null) {
                List<String> names = new ArrayList<>();
                for (int s = 1; s <= b.segmentation().segmentation().k(); s++) {
                    String name = b.segmentation().name(s);
                    names.add(name.isEmpty() ? Integer.toString(s) : s + " " + name);
                }
                w.println(UserMessage.of("deploy.cli.info.segments", b.segmentation().segmentation().k(),
                        b.segmentation().segmentation().algorithm().label(),
                        String.join(", ", b.segmentation().segmentation().requiredColumns()),
                        String.join("; ", names)).format(locale));
            }
            w.println(UserMessage.of("deploy.cli.info.provenance", b.provenance().path("workbench").asText("-"),
                    b.provenance().path("weka").asText("-"), b.provenance().path("created").asText("-")).format(locale));
            return WorkbenchCli.OK;
        }

        private static String figures(EvaluationSummary e, Locale locale) {
            List<String> out = new ArrayList<>();
            for (MetricId id : MetricId.values()) {
                Metric x = e.metrics().get(id);
                if (x != null && Double.isFinite(x.mean())) {
                    out.add(String.format(locale, "%s %.3f ± %.3f", UserMessage.of(id.labelKey()).format(locale),
                            x.mean(), Double.isFinite(x.sd()) ? x.sd() : 0));
                }
            }
            return String.join(", ", out);
        }
    }

    /** {@code model export-weka M.mwbmodel --out M.model}. */
    @Command(name = "export-weka", mixinStandardHelpOptions = true,
            description = "Write the model as Weka's Explorer saves one (the classifier and its header), for Weka. "
                    + "The header is the model's input AFTER the cleaning recipe: data given to Weka must be cleaned "
                    + "the same way first (the recipe is not in the .model file; export it from the Clean step), and a "
                    + "date is a number there (days since 1970-01-01).")
    static final class ExportWeka implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "MODEL.mwbmodel", description = "The model file.")
        Path model;

        @Option(names = "--out", required = true, paramLabel = "MODEL.model", description = "The Weka model file to write.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            sameFile(model, out);
            LoadedBundle b = ModelBundleReader.read(model);
            Locale locale = Locale.getDefault();
            PrintWriter err = spec.commandLine().getErr();
            b.notices().forEach(n -> err.println(n.format(locale)));
            WekaExchange.export(b.model(), out);
            long steps = b.model().recipe().steps().stream().filter(s -> s.enabled()).count();
            if (steps > 0) {
                err.println(UserMessage.of("deploy.cli.exportRecipe", steps).format(locale));
            }
            if (b.segmentation() != null) {
                err.println(UserMessage.of("deploy.cli.exportNoSegments").format(locale));
            }
            spec.commandLine().getOut().println(UserMessage.of("deploy.cli.exported", out,
                    b.model().classifier().getClass().getSimpleName(), b.model().header().numAttributes()).format(locale));
            return WorkbenchCli.OK;
        }
    }

    /** {@code model import-weka M.model --header H.arff --out M.mwbmodel}. */
    @Command(name = "import-weka", mixinStandardHelpOptions = true,
            description = "Make a workbench model file of a Weka .model (a classifier, as Weka's Explorer saves it) and "
                    + "an ARFF header describing its input. The model file is checked like any model file: content "
                    + "that is not a Weka model is refused.")
    static final class ImportWeka implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "MODEL.model", description = "The Weka model file.")
        Path model;

        @Option(names = "--header", paramLabel = "HEADER.arff", description = "An ARFF file whose attributes are the "
                + "model's input (data rows are ignored). Optional when the .model file holds its header.")
        Path header;

        @Option(names = "--class", paramLabel = "NAME", description = "The class attribute (default: the last "
                + "attribute of the ARFF header).")
        String className;

        @Option(names = "--positive", paramLabel = "VALUE", description = "For two classes: the class that means yes "
                + "(default: the class's second value).")
        String positive;

        @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "P",
                description = "For two classes: the score from which a customer is predicted positive (default 0.5).")
        double threshold;

        @Option(names = "--out", required = true, paramLabel = "MODEL.mwbmodel", description = "The model file to write.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threshold must be between 0 and 1");
            }
            sameFile(model, out);
            if (header != null) {
                sameFile(header, out);
            }
            TrainedModel m = WekaExchange.importModel(model, header, className, positive);
            ModelBundle.write(BundleContents.of(m).withThreshold(threshold).withImportedFrom(
                    new BundleContents.ImportedModel(String.valueOf(model.getFileName()), ModelBundle.sha256(model),
                            header == null ? null : String.valueOf(header.getFileName()))), out);
            spec.commandLine().getOut().println(UserMessage.of("deploy.cli.imported", model.getFileName(),
                    m.classifier().getClass().getSimpleName(), m.target().column(), m.settings().features().size(), out)
                    .format(Locale.getDefault()));
            return WorkbenchCli.OK;
        }
    }

    /** Refuses to write over the file being read. */
    private static void sameFile(Path in, Path out) throws Exception {
        if (Files.exists(in) && Files.exists(AtomicFile.destinationOf(out))
                && Files.isSameFile(in, AtomicFile.destinationOf(out))) {
            throw new DeployException(DeployException.Reason.SCORING_FAILED, UserMessage.of("deploy.cli.sameAsInput", out));
        }
    }
}
