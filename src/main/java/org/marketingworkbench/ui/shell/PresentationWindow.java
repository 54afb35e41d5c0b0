package org.marketingworkbench.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.marketingworkbench.ui.common.Localization;
import org.marketingworkbench.ui.common.Slide;

/**
 * Presentation mode: the key charts one at a time, full screen, in large type, with no editing controls. Arrow
 * keys, Page Up/Down and Space move between charts, Home/End jump, N edits the chart's note, Esc leaves. Each chart is the live chart of its
 * screen (values still show on hover), lent for as long as it is shown and put back where it was, with the
 * stylesheets and screen style it is drawn with.
 */
public final class PresentationWindow {

    private static final String CSS = Objects.requireNonNull(
            PresentationWindow.class.getResource("PresentationWindow.css")).toExternalForm();

    private final List<Slide> slides;
    private final Localization l10n;
    private final Function<String, String> notes;
    private final java.util.function.BiConsumer<Window, String> editNote;
    private final Stage stage = new Stage();
    private final Label title = new Label();
    private final Label note = new Label();
    private final Label counter = new Label();
    private final StackPane context = new StackPane();
    /** Holds the chart on show, drawn at a smaller size and scaled up, so its text reads from the back of a room. */
    private final javafx.scene.Group zoomed = new javafx.scene.Group();
    private final javafx.scene.transform.Scale zoom = new javafx.scene.transform.Scale(1, 1, 0, 0);
    private int index = -1;
    private Node lent;
    private Pane lender;
    private int lenderIndex;

    private PresentationWindow(Window owner, Localization l10n, List<Slide> slides, Function<String, String> notes,
                               java.util.function.BiConsumer<Window, String> editNote) {
        this.editNote = editNote;
        this.slides = List.copyOf(slides);
        this.l10n = l10n;
        this.notes = notes;
        stage.initOwner(owner);
        title.getStyleClass().add("presentation-title");
        title.setWrapText(true);
        note.getStyleClass().add("presentation-note");
        note.setWrapText(true);
        counter.getStyleClass().add("presentation-counter");
        Label hint = new Label();
        hint.textProperty().bind(l10n.text("presentation.hint"));
        hint.getStyleClass().add("presentation-hint");
        Region gap = new Region();
        HBox.setHgrow(gap, javafx.scene.layout.Priority.ALWAYS);
        HBox foot = new HBox(16, note, gap, hint, counter);
        foot.getStyleClass().add("presentation-foot");
        HBox.setHgrow(note, javafx.scene.layout.Priority.SOMETIMES);
        context.getStyleClass().add("presentation-chart");
        zoomed.setAutoSizeChildren(false);
        context.getChildren().setAll(zoomed);
        context.setMinSize(0, 0);
        context.widthProperty().addListener((obs, o, n) -> fit());
        context.heightProperty().addListener((obs, o, n) -> fit());
        BorderPane root = new BorderPane(context, new VBox(title), null, foot, null);
        root.getStyleClass().add("presentation");
        root.setId("presentation");
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(CSS);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        stage.setScene(scene);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> l10n.get("presentation.title"), l10n.localeProperty()));
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);   // Esc is ours: it gives the charts back
        stage.setOnHidden(e -> giveBack());
    }

    /** Opens presentation mode on the first slide; {@code notes} gives a chart's consultant note (or null). */
    public static PresentationWindow show(Window owner, Localization l10n, List<Slide> slides,
                                          Function<String, String> notes,
                                          java.util.function.BiConsumer<Window, String> editNote) {
        PresentationWindow w = new PresentationWindow(owner, l10n, slides, notes, editNote);
        // full screen where the desktop allows it; the whole screen in any case
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(),
                owner.getWidth(), owner.getHeight()).stream().findFirst().orElse(javafx.stage.Screen.getPrimary()).getBounds();
        w.stage.setX(screen.getMinX());
        w.stage.setY(screen.getMinY());
        w.stage.setWidth(screen.getWidth());
        w.stage.setHeight(screen.getHeight());
        w.stage.setFullScreen(true);
        w.stage.show();
        w.go(0);
        return w;
    }

    public Stage stage() {
        return stage;
    }

    public int index() {
        return index;
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        switch (k) {
            case RIGHT, DOWN, PAGE_DOWN, SPACE, ENTER -> go(index + 1);
            case LEFT, UP, PAGE_UP, BACK_SPACE -> go(index - 1);
            case HOME -> go(0);
            case END -> go(slides.size() - 1);
            case ESCAPE -> stage.hide();
            case N -> {
                // the consultant's note on this chart, shown under it here and in the report
                editNote.accept(stage, slides.get(index).id());
                String n = notes.apply(slides.get(index).id());
                note.setText(n == null ? "" : n);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Shows slide {@code i} (clamped), giving the previous chart back first. */
    public void go(int i) {
        int target = Math.max(0, Math.min(slides.size() - 1, i));
        if (target == index && lent != null) {
            return;
        }
        giveBack();
        index = target;
        Slide s = slides.get(index);
        borrow(s.chart(), s.screen());
        title.textProperty().unbind();
        if (s.caption() != null) {
            title.textProperty().bind(s.caption());
        } else {
            title.setText("");
        }
        title.setVisible(s.caption() != null);
        title.setManaged(s.caption() != null);
        String n = notes.apply(s.id());
        note.setText(n == null ? "" : n);
        counter.setText(l10n.get("presentation.counter", index + 1, slides.size()));
    }

    private void borrow(Node chart, Parent screen) {
        if (!(chart.getParent() instanceof Pane pane)) {
            return;
        }
        // the chart is drawn as on its screen: the stylesheets and style classes of its screen and of the roots
        // around it (a screen never shown yet is not attached to the window, so its own are taken first)
        List<String> sheets = new ArrayList<>();
        List<String> classes = new ArrayList<>(List.of("presentation-chart"));
        java.util.LinkedHashSet<Parent> roots = new java.util.LinkedHashSet<>();
        if (screen != null) {
            roots.add(screen);
        }
        for (Parent a = pane; a != null; a = a.getParent()) {
            roots.add(a);
        }
        for (Parent a : roots) {
            if (!a.getStylesheets().isEmpty()) {
                a.getStylesheets().stream().filter(x -> !sheets.contains(x)).forEach(x -> sheets.add(0, x));
                a.getStyleClass().stream().filter(x -> !classes.contains(x)).forEach(classes::add);
            }
        }
        lender = pane;
        lenderIndex = pane.getChildren().indexOf(chart);
        pane.getChildren().remove(chart);
        context.getStylesheets().setAll(sheets);
        context.getStyleClass().setAll(classes);
        chart.getTransforms().add(zoom);
        zoomed.getChildren().setAll(chart);
        lent = chart;
        fit();
    }

    /** Draws the chart at the room it has divided by the zoom, then scales it up to fill that room. */
    private void fit() {
        if (lent == null) {
            return;
        }
        javafx.geometry.Insets pad = context.getInsets();
        double w = Math.max(1, context.getWidth() - pad.getLeft() - pad.getRight());
        double h = Math.max(1, context.getHeight() - pad.getTop() - pad.getBottom());
        double z = Math.max(1, Math.min(2.4, Math.min(w / 900, h / 560)));
        zoom.setX(z);
        zoom.setY(z);
        lent.resize(w / z, h / z);
    }

    /** Puts the chart on show back where it came from, at the same place among its siblings. */
    private void giveBack() {
        if (lent == null) {
            return;
        }
        zoomed.getChildren().remove(lent);
        lent.getTransforms().remove(zoom);
        lender.getChildren().add(Math.min(lenderIndex, lender.getChildren().size()), lent);
        lent = null;
        lender = null;
    }
}
