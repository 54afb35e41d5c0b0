package org.marketingworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.marketingworkbench.core.env.LibraryVersions;
import org.marketingworkbench.core.i18n.WorkbenchException;
import org.marketingworkbench.core.ingest.HeapBudget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The headless front door: the same core services as the window, run from a terminal or a script.
 * Exit codes: 0 success, 1 bad input (one line on stderr), 2 usage error.
 */
@Command(name = "marketing-workbench", mixinStandardHelpOptions = true,
        versionProvider = WorkbenchCli.Versions.class,
        description = "Marketing Workbench: customer data to segments and prediction models.%n"
                + "Run without arguments to open the window.",
        subcommands = {ProjectCommand.class, ImportCommand.class, ProfileCommand.class, CleanCommand.class, SegmentCommand.class,
            RfmCommand.class, SampleDataCommand.class, TrainCommand.class, ScoreCommand.class, ModelCommand.class,
            ReportCommand.class})
public final class WorkbenchCli implements Runnable {

    public static final int OK = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the full stack trace when something fails.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        WorkbenchCli root = new WorkbenchCli();
        return execute(new CommandLine(root), root, args, out, err);
    }

    /** Test seam: runs {@code cli}, whose top command is {@code root}, turning every failure into one line. */
    static int execute(CommandLine cli, WorkbenchCli root, String[] args, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (root.debug) {
                e.printStackTrace(err);
            }
            if (e instanceof WorkbenchException we) {
                err.println("error: " + we.userMessage().format(Locale.getDefault()));
            } else if (causedByOutOfMemory(e)) {
                err.println("error: " + HeapBudget.outOfMemory().format(Locale.getDefault()));
            } else {
                err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            err.flush();
            return BAD_INPUT;
        });
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes only Exceptions to the handler: an Error would reach the terminal as a stack
            // trace. Here the command's frames are gone, and what it had read with them.
            if (root.debug) {
                e.printStackTrace(err);
            }
            err.println("error: " + HeapBudget.outOfMemory().format(Locale.getDefault()));
            code = BAD_INPUT;
        }
        out.flush();
        err.flush();
        return code;
    }

    private static boolean causedByOutOfMemory(Throwable e) {
        for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** Versions for {@code --version}. */
    static final class Versions implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            LibraryVersions v = LibraryVersions.detect();
            return new String[] {
                "Marketing Workbench " + v.workbench(),
                "Weka " + v.wekaVersion() + ", Tablesaw " + v.tablesawVersion(),
                "Java " + v.java()
            };
        }
    }
}
