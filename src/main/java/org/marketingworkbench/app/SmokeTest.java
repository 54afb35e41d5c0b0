package org.marketingworkbench.app;

import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
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
                // -Dmwb.smokeTest.show=clean leaves another step on screen, for screenshots
                org.marketingworkbench.core.pipeline.Stage.fromId(System.getProperty("mwb.smokeTest.show", ""))
                        .ifPresent(window.shell()::selectStage);
                afterNextFrame(window.scene(), () -> {
                    System.out.printf("smoke-test: ok, %d rows and %d columns of sample data shown%n",
                            result.rowsRead(), result.columns().size());
                    exitAfter(Duration.seconds(Double.parseDouble(System.getProperty("mwb.smokeTest.linger", "2"))), 0);
                });
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

    /**
     * Runs {@code action} once the scene has drawn a frame with the current state: at the layout of the
     * second pulse from now, the first one has been rendered. "Shown" then means on screen, so the
     * installer's smoke test screenshots the data, not the moment before it appears.
     */
    private static void afterNextFrame(Scene scene, Runnable action) {
        Runnable listener = new Runnable() {
            private int pulses;

            @Override
            public void run() {
                if (++pulses == 2) {
                    scene.removePostLayoutPulseListener(this);
                    action.run();
                } else {
                    Platform.requestNextPulse();
                }
            }
        };
        scene.addPostLayoutPulseListener(listener);
        Platform.requestNextPulse();
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
