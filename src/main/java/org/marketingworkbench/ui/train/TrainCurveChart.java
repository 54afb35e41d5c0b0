package org.marketingworkbench.ui.train;

import javafx.collections.ListChangeListener;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.train.CurveKind;
import org.marketingworkbench.core.train.CurvePoint;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.ui.common.Localization;

/**
 * The live curve of one learner while it trains: loss per epoch (neural network), error per iteration
 * (boosting) or error against the number of trees (forest), on the training part and on the held-out part.
 * A learner that gives no such curve gets a sentence saying so, never a drawn line.
 */
final class TrainCurveChart extends VBox {

    private final Localization l10n;
    private final Label title = new Label();
    private final Label note = new Label();
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final XYChart.Series<Number, Number> training = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> heldOut = new XYChart.Series<>();
    private TrainViewModel.LearnerRun run;
    private final ListChangeListener<CurvePoint> onPoints = c -> {
        while (c.next()) {
            c.getAddedSubList().forEach(this::add);
            if (c.wasRemoved()) {
                redraw();
            }
        }
    };
    private final javafx.beans.value.ChangeListener<LearnerResult> onResult = (obs, old, now) -> texts();

    TrainCurveChart(Localization l10n) {
        this.l10n = l10n;
        getStyleClass().add("train-curve");
        title.getStyleClass().add("chart-title-label");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.getStyleClass().add("panel-hint");
        note.setWrapText(true);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getData().add(heldOut);   // the training series joins when a learner reports one (a forest does not)
        x.setForceZeroInRange(false);
        y.setForceZeroInRange(false);
        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(title, note, chart);
        setMinSize(200, 160);
        l10n.localeProperty().addListener((obs, o, n) -> texts());
        texts();
    }

    /** Shows {@code r}'s curve (and follows it as it grows); null shows nothing. */
    void show(TrainViewModel.LearnerRun r) {
        if (run != null) {
            run.curve().removeListener(onPoints);
            run.resultProperty().removeListener(onResult);
        }
        run = r;
        if (run != null) {
            run.curve().addListener(onPoints);
            run.resultProperty().addListener(onResult);
        }
        redraw();
    }

    private void redraw() {
        training.getData().clear();
        heldOut.getData().clear();
        chart.getData().remove(training);
        if (run != null) {
            run.curve().forEach(this::add);
        }
        texts();
    }

    private void add(CurvePoint p) {
        if (!Double.isNaN(p.training())) {
            if (!chart.getData().contains(training)) {
                chart.getData().add(0, training);
            }
            training.getData().add(new XYChart.Data<>(p.step(), p.training()));
        }
        if (!Double.isNaN(p.heldOut())) {
            heldOut.getData().add(new XYChart.Data<>(p.step(), p.heldOut()));
        }
    }

    private void texts() {
        CurveKind kind = run == null ? CurveKind.NONE : run.curveKind();
        String k = kind.name().toLowerCase(java.util.Locale.ROOT);
        training.setName(l10n.get("train.curve.training"));
        heldOut.setName(l10n.get("train.curve.heldOut"));
        if (run == null) {
            title.setText(l10n.get("train.curve.empty"));
        } else {
            title.setText(l10n.get("train.curve.title." + k, l10n.get(
                    org.marketingworkbench.core.train.Learners.get(run.learnerId()).labelKey())));
        }
        x.setLabel(l10n.get("train.curve.x." + k));
        y.setLabel(l10n.get("train.curve.y." + k));
        LearnerResult r = run == null ? null : run.resultProperty().get();
        UserMessage why = r == null ? null : r.curveNote();
        String noteText = why != null ? l10n.format(why)
                : kind == CurveKind.NONE && run != null ? l10n.get("train.ui.curve.none") : "";
        note.setText(noteText);
        note.setVisible(!noteText.isEmpty());
        note.setManaged(!noteText.isEmpty());
        chart.setVisible(kind != CurveKind.NONE);
        chart.setManaged(kind != CurveKind.NONE);
    }
}
