package org.marketingworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.env.LibraryVersions;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.project.OpenedProject;
import org.marketingworkbench.core.project.ProjectStore;
import org.marketingworkbench.core.project.ProjectSummary;
import org.marketingworkbench.core.pipeline.StageStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code project FILE}: validates a project file and prints its summary. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = "Validate a .mwb project file and print its summary.")
final class ProjectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The project file (.mwb).")
    Path file;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OpenedProject opened = new ProjectStore(LibraryVersions.workbenchVersion()).open(file);
        ProjectSummary summary = ProjectSummary.of(opened);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(summary));
        } else {
            Locale locale = Locale.getDefault();
            out.println(UserMessage.of("cli.project.name", summary.name()).format(locale));
            out.println(UserMessage.of("cli.project.data",
                    summary.dataFile() == null ? "-" : summary.dataFile(), summary.dataStatus()).format(locale));
            if (summary.dataMatches() != null) {
                out.println(UserMessage.of(summary.dataMatches() ? "cli.project.dataSame" : "cli.project.dataChanged")
                        .format(locale));
            }
            for (Map.Entry<String, StageStatus> e : summary.steps().entrySet()) {
                out.println("  " + e.getKey() + ": " + e.getValue().name().toLowerCase(Locale.ROOT));
            }
        }
        if (opened.dataStatus() == OpenedProject.DataStatus.MISSING) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + UserMessage.of("cli.project.dataMissing", summary.dataFile()).format(Locale.getDefault()));
            err.flush();
            return WorkbenchCli.BAD_INPUT;
        }
        return WorkbenchCli.OK;
    }
}
