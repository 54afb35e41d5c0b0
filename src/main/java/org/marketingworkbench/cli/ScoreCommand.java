package org.marketingworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.deploy.DeployException;
import org.marketingworkbench.core.deploy.LoadedBundle;
import org.marketingworkbench.core.deploy.ModelBundleReader;
import org.marketingworkbench.core.deploy.Scorer;
import org.marketingworkbench.core.deploy.ScoringRun;
import org.marketingworkbench.core.deploy.ScoringFile;
import org.marketingworkbench.core.deploy.SegmentAssigner;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.NormalisedCsvWriter;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.pipeline.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code score --model m.mwbmodel FILE --out scored.csv}: reads the model bundle (checked and filtered), reads FILE
 * with the import settings stored in the bundle ({@link ScoringFile}: a file with another delimiter or encoding is
 * named as such, or read as detected with {@code --detect-settings}), checks its columns by name against the
 * model's schema, and writes every row with {@code score}, {@code predicted}, {@code rank} and {@code decile}, and
 * {@code segment} and {@code segment_name} when the bundle carries a segmentation. The output is written through
 * {@link AtomicFile}: on any failure there is no output file (or the previous one is unchanged).
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score new customers with a saved model (.mwbmodel); writes the rows with score, predicted, rank, "
                + "decile (and segment, segment_name when the model carries segments).")
final class ScoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The customers to score, read with the import settings "
            + "the model's training file was read with (detected when the model does not have them).")
    Path file;

    @Option(names = "--detect-settings", description = "When FILE clearly does not fit the model's import settings "
            + "(another delimiter or encoding), read it with the settings detected in it instead of stopping.")
    boolean detectSettings;

    @Option(names = "--model", required = true, paramLabel = "MODEL.mwbmodel", description = "The model bundle.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "SCORED.csv", description = "Where to write the scored rows.")
    Path out;

    @Option(names = "--unseen", defaultValue = "missing", paramLabel = "missing|stop",
            description = "Category values the model never saw: treat as missing (default) or stop.")
    String unseen;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Scorer.UnseenCategories policy = switch (unseen.strip().toLowerCase(Locale.ROOT)) {
            case "missing" -> Scorer.UnseenCategories.MISSING;
            case "stop" -> Scorer.UnseenCategories.STOP;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--unseen must be missing or stop, not " + unseen);
        };
        if (Files.exists(file) && Files.exists(AtomicFile.destinationOf(out))
                && Files.isSameFile(file, AtomicFile.destinationOf(out))) {
            throw new DeployException(DeployException.Reason.SCORING_FAILED, UserMessage.of("deploy.cli.sameAsInput", out));
        }
        LoadedBundle bundle = ModelBundleReader.read(model);
        Locale locale = Locale.getDefault();
        PrintWriter err = spec.commandLine().getErr();
        bundle.notices().forEach(n -> err.println(n.format(locale)));
        ScoringFile.Read read;
        try {
            read = new ScoringFile().read(file, bundle, detectSettings ? ScoringFile.Mode.DETECT_WHEN_DIFFERENT
                    : ScoringFile.Mode.STORED_SETTINGS, Progress.none());
        } catch (DeployException e) {
            if (e.reason() == DeployException.Reason.OTHER_DELIMITER || e.reason() == DeployException.Reason.OTHER_ENCODING) {
                throw new DeployException(e.reason(), UserMessage.of("deploy.cli.detectHint", e.userMessage()), e);
            }
            throw e;
        }
        read.notices().forEach(n -> err.println(n.format(locale)));
        Dataset data = read.dataset();
        ScoringRun.Result run = ScoringRun.run(bundle, data, policy, Progress.none());
        Scorer.Check check = run.check();
        Dataset scored = run.scored();
        if (!check.unseen().isEmpty()) {
            err.println(UserMessage.of("deploy.cli.unseenAsMissing", Scorer.describe(check.unseen())).format(locale));
        }
        if (!check.extra().isEmpty()) {
            err.println(UserMessage.of("deploy.cli.extraColumns", String.join(", ", check.extra())).format(locale));
        }
        SegmentAssigner.Segments segments = run.segments();
        if (segments != null && segments.missing() + segments.unseen() > 0) {
            err.println(UserMessage.of("deploy.cli.noSegment", segments.missing() + segments.unseen(),
                    segments.missing(), segments.unseen(), Scorer.describe(segments.unseenValues())).format(locale));
        }
        NormalisedCsvWriter.write(scored, out);
        spec.commandLine().getOut().println(
                UserMessage.of("deploy.cli.scored", data.rowCount(), model.getFileName(), out).format(locale));
        return WorkbenchCli.OK;
    }
}
