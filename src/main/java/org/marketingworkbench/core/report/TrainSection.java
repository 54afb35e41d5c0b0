package org.marketingworkbench.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.train.LearnerResult;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.Metric;
import org.marketingworkbench.core.train.MetricId;
import org.marketingworkbench.core.train.TrainingResult;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.core.train.Validation;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.Trace;

/** Step 4: how the learners were compared, the leaderboard and the model chosen for Evaluate. */
final class TrainSection implements ReportSection {

    static final String ID = "train";
    static final String LEADERBOARD_CHART = "train.leaderboard";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return Stage.TRAIN;
    }

    @Override
    public UserMessage title() {
        return UserMessage.of("report.train.title");
    }

    static UserMessage learner(String id) {
        return UserMessage.of(Learners.exists(id) ? Learners.get(id).labelKey() : "train.learner.unknown");
    }

    @Override
    public void write(ReportContext ctx) {
        TrainFindings f = ctx.results().train();
        TrainingResult r = f.result();
        TrainingSettings s = r.settings();
        Validation v = s.validation();
        if (v.kind() == Validation.Kind.CROSS_VALIDATION) {
            ctx.p("lead", UserMessage.of("report.train.lead.cv", r.leaderboard().size(), s.target(), v.folds(),
                    s.features().size()));
        } else {
            ctx.p("lead", UserMessage.of("report.train.lead.split", r.leaderboard().size(), s.target(),
                    v.trainPercent(), v.validationPercent(), s.features().size()));
        }
        r.notes().forEach(ctx::p);             // the run's own remarks: the test part kept aside, rows without a target
        f.notices().forEach(ctx::notice);      // what differs from the run the user saw (the segment left out, …)

        ctx.chart(leaderboardChart(ctx, f));

        Set<MetricId> shown = EnumSet.noneOf(MetricId.class);
        for (LearnerResult lr : r.leaderboard()) {
            lr.metrics().forEach((id, m) -> {
                if (!Double.isNaN(m.mean())) {
                    shown.add(id);
                }
            });
        }
        List<String> headers = new ArrayList<>();
        headers.add(ctx.msg("train.leaderboard.learner"));
        shown.forEach(id -> headers.add(ctx.msg(id.labelKey())));
        headers.add(ctx.msg("train.leaderboard.time"));
        boolean[] numeric = new boolean[headers.size()];
        java.util.Arrays.fill(numeric, true);
        numeric[0] = false;
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (LearnerResult lr : r.leaderboard()) {
            List<String> row = new ArrayList<>();
            boolean chosen = lr.learnerId().equals(f.chosenLearnerId());
            row.add(ctx.msg(learner(lr.learnerId())) + (chosen ? " " + ctx.msg("report.train.chosenMark") : ""));
            for (MetricId id : shown) {
                Metric m = lr.metrics().get(id);
                row.add(m == null || Double.isNaN(m.mean()) ? "—"
                        : ctx.msg("train.leaderboard.meanSd", m.mean(), Double.isNaN(m.sd()) ? 0.0 : m.sd()));
            }
            row.add(ctx.msg("train.leaderboard.seconds", lr.trainSeconds()));
            rows.add(row);
            classes.add(chosen ? "chosen" : null);
        }
        ctx.table(headers, numeric, rows, classes);
        ctx.p("muted", UserMessage.of("report.train.tableNote", v.kind() == Validation.Kind.CROSS_VALIDATION
                ? v.folds() : 1));
    }

    private static ReportChart leaderboardChart(ReportContext ctx, TrainFindings f) {
        TrainingResult r = f.result();
        MetricId primary = r.primary();
        List<LearnerResult> board = r.leaderboard();
        int n = board.size();
        Object[] names = new Object[n];
        double[] means = new double[n];
        String[] colours = new String[n];
        ArrayNode sd = JsonNodeFactory.instance.arrayNode();
        ArrayNode text = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < n; i++) {
            LearnerResult lr = board.get(i);
            Metric m = lr.metric(primary).orElse(new Metric(Double.NaN, Double.NaN));
            names[i] = PlotText.label(ctx.msg(learner(lr.learnerId())));
            means[i] = m.mean();
            colours[i] = lr.learnerId().equals(f.chosenLearnerId()) ? Charts.ACCENT : Charts.NEUTRAL_BAR;
            sd.add(Double.isNaN(m.sd()) ? 0 : m.sd());
            text.add(PlotText.label(ctx.fixed(m.mean(), 3)));
        }
        Trace bars = BarTrace.builder(names, means).orientation(BarTrace.Orientation.HORIZONTAL)
                .marker(Marker.builder().color(colours).build()).build();
        ObjectNode extras = Charts.extras(ctx);
        ObjectNode t = Charts.trace(extras, 0);
        t.putObject("error_x").put("type", "data").put("visible", true).put("color", Charts.INK).put("thickness", 1.2)
                .put("width", 4).set("array", sd);
        t.set("text", text);
        t.put("textposition", "inside").put("insidetextanchor", "middle");
        t.putObject("textfont").put("color", "#ffffff");
        t.put("hovertemplate", "%{y}: %{x:.3f} ± %{error_x.array:.3f}<extra></extra>");
        Charts.axis(extras, "yaxis").put("autorange", "reversed");
        ObjectNode x = Charts.axis(extras, "xaxis");
        if (primary.higherIsBetter() && primary != MetricId.R2) {
            x.putArray("range").add(0).add(1);
        } else {
            x.put("rangemode", "tozero");
        }
        int height = 100 + n * 44;
        LearnerResult best = r.best();
        UserMessage title = UserMessage.of("report.train.leaderboard.title", learner(best.learnerId()),
                UserMessage.of(primary.labelKey()), best.metric(primary).map(Metric::mean).orElse(Double.NaN));
        UserMessage caption = best.learnerId().equals(f.chosenLearnerId())
                ? UserMessage.of("report.train.chosenBest", learner(best.learnerId()))
                : UserMessage.of("report.train.chosenOther", learner(f.chosenLearnerId()));
        return new ReportChart(LEADERBOARD_CHART, title, new ReportChart.PlotFigure(Charts.layout(Charts.WIDTH, height,
                ctx.msg("report.train.leaderboard.x", UserMessage.of(primary.labelKey()),
                        UserMessage.of("report.train.scale." + primary.name().toLowerCase(java.util.Locale.ROOT))),
                null, false, Charts.margin(34, 20, 50, 10)), bars), Charts.WIDTH, height, extras, caption);
    }
}
