package org.marketingworkbench.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.marketingworkbench.cli.WorkbenchCli;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.env.WekaEnvironment;

/**
 * The jar's entry point. With no arguments (or a project file, as the desktop passes on double-click,
 * or GUI options) it opens the window; with a subcommand it runs headless and never loads JavaFX.
 * It deliberately does not extend {@code Application}, so the jar runs from a plain classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        WekaEnvironment.configure(AppDirs.forCurrentUser());
        if (GuiArguments.isGuiLaunch(args)) {
            GuiEntry.launch(args);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(WorkbenchCli.run(args, out, err));
    }
}
