package org.marketingworkbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Runs the command line in-process, in English, and keeps what it printed. */
abstract class CliTest {

    protected final StringWriter out = new StringWriter();
    protected final StringWriter err = new StringWriter();
    private Locale saved;

    @BeforeEach
    void english() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(saved);
    }

    protected int run(String... args) {
        return WorkbenchCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }
}
