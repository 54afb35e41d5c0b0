package org.marketingworkbench.app;

import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;
import org.marketingworkbench.ui.ingest.IngestViewModel;

/**
 * {@code --smoke-test}: the installed app proves it works end to end on this machine. It opens the
 * window, loads the sample data through the Import step, leaves the result on screen for a moment
 * (so a screenshot can be taken), and exits 0; any failure exits non-zero with the reason on stderr.
 */
final class SmokeTest {

    static final int FAILED = 1;
    static final int TIMED_OUT = 3;

    private SmokeTest() {
    }

    static void run(WorkbenchWindow window) {
        IngestViewModel ingest = window.ingest();
        ingest.resultProperty().addListener((obs, old, result) -> {
            if (result != null) {
                System.out.printf("smoke-test: ok, %d rows and %d columns of sample data shown%n",
                        result.rowsRead(), result.columns().size());
                // -Dmwb.smokeTest.show=clean leaves another step on screen, for screenshots
                org.marketingworkbench.core.pipeline.Stage.fromId(System.getProperty("mwb.smokeTest.show", ""))
                        .ifPresent(window.shell()::selectStage);
                exitAfter(Duration.seconds(Double.parseDouble(System.getProperty("mwb.smokeTest.linger", "2"))), 0);
            }
        });
        ingest.errorProperty().addListener((obs, old, error) -> {
            if (error != null) {
                System.err.println("smoke-test: failed: " + error.format(Locale.ENGLISH));
                exitAfter(Duration.ZERO, FAILED);
            }
        });
        PauseTransition timeout = new PauseTransition(Duration.seconds(60));
        timeout.setOnFinished(e -> {
            System.err.println("smoke-test: timed out waiting for the sample data");
            exit(TIMED_OUT);
        });
        timeout.play();
        ingest.trySampleData();
    }

    private static void exitAfter(Duration delay, int code) {
        PauseTransition pause = new PauseTransition(delay);
        pause.setOnFinished(e -> exit(code));
        pause.play();
    }

    private static void exit(int code) {
        Platform.exit();
        System.exit(code);
    }
}
