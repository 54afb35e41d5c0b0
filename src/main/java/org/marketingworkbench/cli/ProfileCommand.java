package org.marketingworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.clean.profile.ColumnProfile;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.profile.DatasetProfile;
import org.marketingworkbench.core.clean.profile.ProfileJson;
import org.marketingworkbench.core.clean.profile.QualityFlag;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code profile FILE}: the Clean step's column profile and quality flags, leakage included with a target. */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Profile a customer file: per column its type, missing values, distinct values, summary "
                + "statistics and quality flags (with --target, possible target leakage too).")
final class ProfileCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The data file (read with detected settings).")
    Path file;

    @Option(names = "--target", paramLabel = "COLUMN", description = "The column a model will predict.")
    String target;

    @Option(names = "--json", description = "Print the profile as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Dataset data = new DataImporter().read(file, ImportSettings.auto(), Progress.none()).dataset();
        if (target != null && data.spec(target).isEmpty()) {
            throw new CleanException(CleanException.Reason.COLUMN_MISSING,
                    UserMessage.of("cli.profile.noTarget", target, String.join(", ", data.table().columnNames())));
        }
        DatasetProfile profile = ColumnProfiler.profile(data, Optional.ofNullable(target), Progress.none());
        PrintWriter out = spec.commandLine().getOut();
        Locale locale = Locale.getDefault();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ProfileJson.toJson(profile, locale)));
            return WorkbenchCli.OK;
        }
        out.println(UserMessage.of("cli.profile.header", file.getFileName().toString(), profile.rowCount(),
                profile.columns().size()).format(locale));
        for (ColumnProfile c : profile.columns()) {
            out.printf("%-28s %-10s missing %6d  distinct %7d%s%n", c.name(), c.type().id(), c.missing(), c.distinct(),
                    c.targetAuc().isPresent() ? String.format(Locale.ROOT, "  AUC %.3f", c.targetAuc().getAsDouble()) : "");
            for (QualityFlag f : c.flags()) {
                out.println("    ! " + UserMessage.of(f.kind().labelKey()).format(locale) + ": " + f.reason().format(locale));
            }
        }
        return WorkbenchCli.OK;
    }
}
