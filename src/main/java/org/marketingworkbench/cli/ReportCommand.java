package org.marketingworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.env.LibraryVersions;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.project.OpenedProject;
import org.marketingworkbench.core.project.ProjectStore;
import org.marketingworkbench.core.report.HtmlReport;
import org.marketingworkbench.core.report.ProjectReplay;
import org.marketingworkbench.core.report.ProjectResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code report PROJECT.mwb --out report.html [--lang en|zh] [--force]}: re-runs the project's steps from the
 * project file and its data (as the window does on opening it) and writes the report as one HTML file that works
 * offline. An existing file is replaced only with {@code --force} (nothing is asked: a script may be running this);
 * the target is checked before the steps run, and written through {@code AtomicFile}, so a failure leaves no
 * half-written report.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a project's report as one HTML file that works offline (every step re-run from the project file).")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PROJECT.mwb", description = "The project file.")
    Path project;

    @Option(names = "--out", required = true, paramLabel = "REPORT.html", description = "Where to write the report.")
    Path out;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|zh", description = "The report's language (default en).")
    String lang;

    @Option(names = "--force", description = "Replace the report file if it exists.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Locale locale = switch (lang.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "en" -> Locale.ENGLISH;
            case "zh", "zh-cn" -> Locale.SIMPLIFIED_CHINESE;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    UserMessage.of("report.cli.lang", lang).format(Locale.getDefault()));
        };
        HtmlReport.checkTarget(out, force);
        OpenedProject opened = new ProjectStore(LibraryVersions.workbenchVersion()).open(project);
        PrintWriter err = spec.commandLine().getErr();
        Locale console = Locale.getDefault();
        err.println(UserMessage.of("report.cli.replaying").format(console));
        err.flush();
        ProjectResults results = ProjectReplay.run(opened, Progress.none());
        for (Map.Entry<Stage, UserMessage> e : results.notReplayed().entrySet()) {
            err.println(UserMessage.of("report.cli.notReplayed", UserMessage.of("report.stage." + e.getKey().id()),
                    e.getValue()).format(console));
        }
        HtmlReport.write(results, locale, out, force);
        spec.commandLine().getOut().println(UserMessage.of("report.cli.written", results.provenance().projectName(),
                out, Files.size(out) / 1_048_576.0).format(console));
        return WorkbenchCli.OK;
    }
}
