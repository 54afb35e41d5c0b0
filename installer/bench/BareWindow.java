import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline for installer/linux/measure-startup.sh: the smallest JavaFX 21 window (one label), no
 * libraries, no CDS archive of its own. Only used for that measurement; it is not part of the app.
 */
public final class BareWindow extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Bare JavaFX window");
        stage.setScene(new Scene(new StackPane(new Label("Bare JavaFX window")), 640, 400));
        stage.show();
        if (getParameters().getRaw().contains("--exit")) {
            javafx.application.Platform.exit();
        }
    }

    public static void main(String[] args) {
        launch(args);
    }
}

/**
 * The main class for the class-path run: the JavaFX launcher refuses a main class that extends
 * Application when JavaFX is not on the module path ("JavaFX runtime components are missing").
 */
final class BareWindowLauncher {

    private BareWindowLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(BareWindow.class, args);
    }
}
