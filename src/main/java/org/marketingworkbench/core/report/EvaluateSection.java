package org.marketingworkbench.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.marketingworkbench.core.evaluate.ConfusionMatrix;
import org.marketingworkbench.core.evaluate.EvaluationMetric;
import org.marketingworkbench.core.evaluate.FeatureImportance;
import org.marketingworkbench.core.evaluate.GainsPoint;
import org.marketingworkbench.core.evaluate.NumberMetrics;
import org.marketingworkbench.core.evaluate.PermutationImportance;
import org.marketingworkbench.core.evaluate.ProfitCurve;
import org.marketingworkbench.core.evaluate.ProfitPoint;
import org.marketingworkbench.core.evaluate.RatePoint;
import org.marketingworkbench.core.evaluate.RocCurve;
import org.marketingworkbench.core.evaluate.ThresholdMetrics;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.train.Task;
import tech.tablesaw.plotly.components.Line;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Step 5: the chosen model on customers it did not learn from, at the threshold, cost and value the project keeps:
 * the confusion matrix and figures, ROC, gains and lift, the profit view and the features that matter most.
 */
final class EvaluateSection implements ReportSection {

    static final String ID = "evaluate";
    static final String CONFUSION = "evaluate.confusion";
    static final String ROC_CHART = "evaluate.roc";
    static final String GAINS_CHART = "evaluate.gains";
    static final String LIFT_CHART = "evaluate.lift";
    static final String PROFIT_CHART = "evaluate.profit";
    static final String IMPORTANCE_CHART = "evaluate.importance";
    /** Points drawn at most on a curve: the shape, without a point per customer. */
    static final int CURVE_POINTS = 200;
    /** Features drawn at most on the importance chart. */
    static final int MAX_FEATURES = 12;

    private static final List<EvaluationMetric> FIGURES = List.of(EvaluationMetric.ACCURACY,
            EvaluationMetric.BASELINE_ACCURACY, EvaluationMetric.PRECISION, EvaluationMetric.RECALL,
            EvaluationMetric.SPECIFICITY, EvaluationMetric.F1, EvaluationMetric.MCC, EvaluationMetric.AUC,
            EvaluationMetric.LOG_LOSS);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return Stage.EVALUATE;
    }

    @Override
    public UserMessage title() {
        return UserMessage.of("report.evaluate.title");
    }

    @Override
    public void write(ReportContext ctx) {
        EvaluateFindings f = ctx.results().evaluate();
        ctx.p("lead", UserMessage.of(f.crossValidated() ? "report.evaluate.lead.cv" : "report.evaluate.lead.split",
                TrainSection.learner(f.learnerId()), f.customers()));
        if (f.problem() != null) {
            ctx.notice(f.problem());
        } else if (f.task() == Task.NUMBER) {
            numbers(ctx, f.numbers());
        } else {
            binary(ctx, f);
        }
        importance(ctx, f.importance());
    }

    private static void numbers(ReportContext ctx, NumberMetrics m) {
        ctx.table(List.of(ctx.msg("evaluate.ui.metrics.name"), ctx.msg("evaluate.ui.metrics.value"),
                        ctx.msg("evaluate.ui.metrics.meaning")), new boolean[] {false, true, false},
                List.of(EvaluationMetric.RMSE, EvaluationMetric.MAE, EvaluationMetric.R2).stream()
                        .map(metric -> List.of(ctx.msg(metric.labelKey()), ctx.fixed(m.value(metric), 3),
                                ctx.msg(metric.meaningKey()))).toList());
    }

    private static void binary(ReportContext ctx, EvaluateFindings f) {
        ThresholdMetrics m = f.atThreshold();
        ConfusionMatrix c = m.confusion();
        String target = ctx.results().train() == null ? "" : ctx.results().train().result().settings().target();
        String positive = c.positiveLabel();
        String negative = c.negativeLabel();
        double threshold = f.settings().threshold();
        long flagged = c.tp() + c.fp();

        ctx.html("<h3 id=\"item-").html(ReportContext.anchor(CONFUSION)).html("\">")
                .text(ctx.msg("report.evaluate.confusion.title", m.recall(), target, positive, m.precision()))
                .html("</h3>\n");
        ctx.p(UserMessage.of("report.evaluate.threshold", threshold, flagged, c.total(),
                c.total() == 0 ? 0.0 : (double) flagged / c.total(), target, positive));
        confusionTable(ctx, c, target);
        ctx.note(CONFUSION);
        ctx.table(List.of(ctx.msg("evaluate.ui.metrics.name"), ctx.msg("evaluate.ui.metrics.value"),
                        ctx.msg("evaluate.ui.metrics.meaning")), new boolean[] {false, true, false},
                FIGURES.stream().map(metric -> List.of(ctx.msg(metric.labelKey()), ctx.fixed(m.value(metric), 3),
                        ctx.msg(metric.meaningKey()))).toList());

        ctx.chart(roc(ctx, f, target, positive));
        ctx.chart(gains(ctx, f, target, positive));
        ctx.chart(lift(ctx, f, target, positive));
        if (f.profit() != null) {
            ctx.chart(profit(ctx, f));
        } else {
            ctx.h3(UserMessage.of("report.evaluate.profit.none"));
            ctx.notice(f.profitProblem());
        }
    }

    private static void confusionTable(ReportContext ctx, ConfusionMatrix c, String target) {
        String neg = c.negativeLabel();
        String pos = c.positiveLabel();
        double[][] shares = c.rowShares();
        ctx.html("<table class=\"confusion\"><thead><tr><th class=\"corner\"></th><th scope=\"col\">")
                .text(ctx.msg("report.evaluate.predicted", target, neg)).html("</th><th scope=\"col\">")
                .text(ctx.msg("report.evaluate.predicted", target, pos)).html("</th></tr></thead><tbody>\n");
        cmRow(ctx, ctx.msg("report.evaluate.actual", target, neg), c.tn(), shares[0][0], "evaluate.ui.confusion.tn", true,
                c.fp(), shares[0][1], "evaluate.ui.confusion.fp", false);
        cmRow(ctx, ctx.msg("report.evaluate.actual", target, pos), c.fn(), shares[1][0], "evaluate.ui.confusion.fn", false,
                c.tp(), shares[1][1], "evaluate.ui.confusion.tp", true);
        ctx.html("</tbody></table>\n");
    }

    private static void cmRow(ReportContext ctx, String heading, long a, double shareA, String whatA, boolean aGood,
                              long b, double shareB, String whatB, boolean bGood) {
        ctx.html("<tr><th scope=\"row\">").text(heading).html("</th>");
        cell(ctx, a, shareA, whatA, aGood);
        cell(ctx, b, shareB, whatB, bGood);
        ctx.html("</tr>\n");
    }

    private static void cell(ReportContext ctx, long count, double share, String what, boolean good) {
        ctx.html("<td class=\"").html(good ? "good" : "bad").html("\"><span class=\"count\">").text(ctx.integer(count))
                .html("</span><span class=\"what\">").text(ctx.msg("report.evaluate.cell", share, UserMessage.of(what)))
                .html("</span></td>");
    }

    /** At most {@code max} of {@code points}, evenly spread, always the first and the last. */
    static <T> List<T> thin(List<T> points, int max) {
        if (points.size() <= max) {
            return points;
        }
        List<T> out = new ArrayList<>(max);
        double step = (double) (points.size() - 1) / (max - 1);
        int last = -1;
        for (int i = 0; i < max; i++) {
            int index = (int) Math.round(i * step);
            if (index != last) {
                out.add(points.get(index));
                last = index;
            }
        }
        return out;
    }

    private static double r4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static ReportChart roc(ReportContext ctx, EvaluateFindings f, String target, String positive) {
        RocCurve roc = f.roc();
        List<RatePoint> pts = thin(roc.points(), CURVE_POINTS);
        double[] x = pts.stream().mapToDouble(p -> r4(p.x())).toArray();
        double[] y = pts.stream().mapToDouble(p -> r4(p.y())).toArray();
        String model = ctx.msg("evaluate.ui.curve.model");
        String chance = ctx.msg("evaluate.ui.curve.chance");
        RatePoint at = roc.operatingPoint(f.settings().threshold());
        String atName = ctx.msg("evaluate.ui.curve.threshold", f.settings().threshold());
        Trace curve = ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(PlotText.templated(model))
                .line(Line.builder().color(Charts.ACCENT).width(2.5).build()).build();
        Trace diagonal = ScatterTrace.builder(new double[] {0, 1}, new double[] {0, 1}).mode(ScatterTrace.Mode.LINE)
                .name(PlotText.templated(chance)).line(Line.builder().color(Charts.NEUTRAL_BAR).width(1)
                        .dash(Line.Dash.DASH).build()).build();
        Trace point = ScatterTrace.builder(new double[] {r4(at.x())}, new double[] {r4(at.y())})
                .mode(ScatterTrace.Mode.MARKERS).name(PlotText.templated(atName))
                .marker(Marker.builder().color(Charts.MARK).size(11).build()).build();
        ObjectNode extras = Charts.extras(ctx);
        Charts.trace(extras, 0).put("hovertemplate", Charts.template(ctx.msg("report.evaluate.roc.hover"))
                + "<extra></extra>");
        Charts.trace(extras, 1).put("hoverinfo", "skip");
        Charts.trace(extras, 2).put("hovertemplate", Charts.template(ctx.msg("report.evaluate.roc.hover"))
                + "<extra>" + Charts.hoverText(atName) + "</extra>");
        Charts.axis(extras, "xaxis").put("tickformat", ".0%").putArray("range").add(0).add(1);
        Charts.axis(extras, "yaxis").put("tickformat", ".0%").putArray("range").add(0).add(1.02);
        int height = 460;
        return new ReportChart(ROC_CHART, UserMessage.of("report.evaluate.roc.title", roc.auc(), target, positive,
                c(f).negativeLabel()),
                new ReportChart.PlotFigure(Charts.layout(Charts.WIDTH, height,
                        ctx.msg("report.evaluate.roc.x", target, c(f).negativeLabel()),
                        ctx.msg("report.evaluate.roc.y", target, positive), true, Charts.margin(40, 20, 50, 10)),
                        curve, diagonal, point), Charts.WIDTH, height, extras, null);
    }

    private static ConfusionMatrix c(EvaluateFindings f) {
        return f.atThreshold().confusion();
    }

    private static ReportChart gains(ReportContext ctx, EvaluateFindings f, String target, String positive) {
        List<GainsPoint> g = f.gains();
        double[] x = new double[g.size() + 1];
        double[] y = new double[g.size() + 1];
        for (int i = 0; i < g.size(); i++) {
            x[i + 1] = r4(g.get(i).share());
            y[i + 1] = r4(g.get(i).gain());
        }
        String model = ctx.msg("evaluate.ui.curve.model");
        String chance = ctx.msg("evaluate.ui.curve.chance");
        Trace curve = ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(PlotText.templated(model))
                .line(Line.builder().color(Charts.ACCENT).width(2.5).build())
                .marker(Marker.builder().color(Charts.ACCENT).size(6).build()).build();
        Trace diagonal = ScatterTrace.builder(new double[] {0, 1}, new double[] {0, 1}).mode(ScatterTrace.Mode.LINE)
                .name(PlotText.templated(chance)).line(Line.builder().color(Charts.NEUTRAL_BAR).width(1)
                        .dash(Line.Dash.DASH).build()).build();
        ObjectNode extras = Charts.extras(ctx);
        Charts.trace(extras, 0).put("hovertemplate", Charts.template(ctx.msg("report.evaluate.gains.hover")) + "<extra></extra>");
        Charts.trace(extras, 1).put("hoverinfo", "skip");
        Charts.axis(extras, "xaxis").put("tickformat", ".0%").put("dtick", 0.1).putArray("range").add(0).add(1.01);
        Charts.axis(extras, "yaxis").put("tickformat", ".0%").putArray("range").add(0).add(1.02);
        GainsPoint top = g.get(0);
        int height = 420;
        return new ReportChart(GAINS_CHART, UserMessage.of("report.evaluate.gains.title", top.share(), top.gain(), target,
                positive), new ReportChart.PlotFigure(Charts.layout(Charts.WIDTH, height,
                ctx.msg("report.evaluate.gains.x"), ctx.msg("report.evaluate.gains.y", target, positive), true,
                Charts.margin(40, 20, 50, 10)), curve, diagonal), Charts.WIDTH, height, extras, null);
    }

    private static ReportChart lift(ReportContext ctx, EvaluateFindings f, String target, String positive) {
        List<GainsPoint> g = f.gains();
        Object[] x = new Object[g.size()];
        double[] y = new double[g.size()];
        String[] colours = new String[g.size()];
        ArrayNode text = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < g.size(); i++) {
            x[i] = PlotText.label(ctx.msg("report.evaluate.lift.decile", g.get(i).share()));
            y[i] = Math.round(g.get(i).lift() * 100) / 100.0;
            colours[i] = y[i] >= 1 ? Charts.ACCENT : Charts.NEUTRAL_BAR;
            text.add(PlotText.label(ctx.fixed(g.get(i).lift(), 1)));
        }
        Trace bars = BarTrace.builder(x, y).marker(Marker.builder().color(colours).build()).build();
        ObjectNode extras = Charts.extras(ctx);
        ObjectNode t = Charts.trace(extras, 0);
        t.set("text", text);
        t.put("textposition", "outside").put("cliponaxis", false)
                .put("hovertemplate", "%{x}: %{y:.2f}<extra></extra>");
        Charts.axis(extras, "yaxis").put("rangemode", "tozero");
        Charts.axis(extras, "xaxis").put("type", "category");
        ObjectNode line = Charts.layout(extras).putArray("shapes").addObject();
        line.put("type", "line").put("xref", "paper").put("x0", 0).put("x1", 1).put("yref", "y").put("y0", 1)
                .put("y1", 1);
        line.putObject("line").put("color", Charts.INK).put("width", 1).put("dash", "dot");
        int height = 380;
        return new ReportChart(LIFT_CHART, UserMessage.of("report.evaluate.lift.title", g.get(0).lift(), target, positive),
                new ReportChart.PlotFigure(Charts.layout(Charts.WIDTH, height, ctx.msg("evaluate.ui.lift.x"),
                        ctx.msg("report.evaluate.lift.y"), false, Charts.margin(30, 20, 50, 10)), bars),
                Charts.WIDTH, height, extras, UserMessage.of("report.evaluate.lift.caption"));
    }

    private static ReportChart profit(ReportContext ctx, EvaluateFindings f) {
        ProfitCurve p = f.profit();
        List<ProfitPoint> pts = p.points(CURVE_POINTS);
        double[] x = pts.stream().mapToDouble(q -> r4(q.share())).toArray();
        double[] y = pts.stream().mapToDouble(q -> Math.round(q.expectedProfit() * 100) / 100.0).toArray();
        ProfitPoint best = p.best();
        ProfitPoint at = p.atThreshold(f.settings().threshold());
        String line = ctx.msg("evaluate.ui.profit.line");
        String bestName = ctx.msg("evaluate.ui.profit.bestLine");
        String atName = ctx.msg("evaluate.ui.curve.threshold", f.settings().threshold());
        Trace curve = ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(PlotText.templated(line))
                .line(Line.builder().color(Charts.ACCENT).width(2.5).build()).build();
        Trace bestPoint = ScatterTrace.builder(new double[] {r4(best.share())}, new double[] {best.expectedProfit()})
                .mode(ScatterTrace.Mode.MARKERS).name(PlotText.templated(bestName))
                .marker(Marker.builder().color(Charts.GOOD).size(12).build()).build();
        Trace atPoint = ScatterTrace.builder(new double[] {r4(at.share())}, new double[] {at.expectedProfit()})
                .mode(ScatterTrace.Mode.MARKERS).name(PlotText.templated(atName))
                .marker(Marker.builder().color(Charts.MARK).size(11).build()).build();
        ObjectNode extras = Charts.extras(ctx);
        String hover = Charts.template(ctx.msg("report.evaluate.profit.hover"));
        Charts.trace(extras, 0).put("hovertemplate", hover + "<extra></extra>");
        Charts.trace(extras, 1).put("hovertemplate", hover + "<extra>" + Charts.hoverText(bestName) + "</extra>");
        Charts.trace(extras, 2).put("hovertemplate", hover + "<extra>" + Charts.hoverText(atName) + "</extra>");
        Charts.axis(extras, "xaxis").put("tickformat", ".0%").put("dtick", 0.1).putArray("range").add(0).add(1.01);
        Charts.axis(extras, "yaxis").put("tickformat", ",.0f").put("zeroline", true).put("zerolinewidth", 1.5);
        int height = 420;
        return new ReportChart(PROFIT_CHART, UserMessage.of("report.evaluate.profit.title", best.share(),
                best.customers(), best.expectedProfit()),
                new ReportChart.PlotFigure(Charts.layout(Charts.WIDTH, height, ctx.msg("evaluate.ui.profit.x"),
                        ctx.msg("report.evaluate.profit.y"), true, Charts.margin(40, 20, 50, 10)),
                        curve, bestPoint, atPoint), Charts.WIDTH, height, extras,
                UserMessage.of("report.evaluate.profit.caption", p.costPerContact(), p.valuePerConversion(),
                        at.share(), at.customers(), at.expectedProfit(), f.settings().threshold()));
    }

    private static void importance(ReportContext ctx, ImportanceFindings imp) {
        if (imp == null) {
            return;
        }
        if (imp.result() == null) {
            ctx.h3(UserMessage.of("why.importance.title"));
            ctx.notice(imp.problem());
            return;
        }
        PermutationImportance.Result r = imp.result();
        List<FeatureImportance> top = r.features().subList(0, Math.min(MAX_FEATURES, r.features().size()));
        int n = top.size();
        Object[] names = new Object[n];
        double[] drops = new double[n];
        ArrayNode sd = JsonNodeFactory.instance.arrayNode();
        String[] colours = new String[n];
        for (int i = 0; i < n; i++) {
            FeatureImportance fi = top.get(i);
            names[i] = PlotText.label(PlotText.shortened(fi.feature(), 28));
            drops[i] = Math.round(fi.meanDrop() * 10_000) / 10_000.0;
            sd.add(Math.round(fi.sd() * 10_000) / 10_000.0);
            colours[i] = fi.meanDrop() > 0 ? Charts.ACCENT : Charts.NEUTRAL_BAR;
        }
        Trace bars = BarTrace.builder(names, drops).orientation(BarTrace.Orientation.HORIZONTAL)
                .marker(Marker.builder().color(colours).build()).build();
        ObjectNode extras = Charts.extras(ctx);
        ObjectNode t = Charts.trace(extras, 0);
        t.putObject("error_x").put("type", "data").put("visible", true).put("color", Charts.INK).put("thickness", 1.2)
                .put("width", 3).set("array", sd);
        t.put("hovertemplate", "%{y}: %{x:.4f} ± %{error_x.array:.4f}<extra></extra>");
        Charts.axis(extras, "yaxis").put("autorange", "reversed");
        Charts.axis(extras, "xaxis").put("zeroline", true);
        String metric = ctx.msg(r.metric().labelKey());
        FeatureImportance first = r.features().isEmpty() ? null : r.features().get(0);
        UserMessage title = first == null || first.meanDrop() <= 0
                ? UserMessage.of("why.importance.findingNone", metric)
                : UserMessage.of(r.metric() == EvaluationMetric.RMSE ? "why.importance.findingRmse"
                        : "why.importance.finding", first.feature(), metric, first.meanDrop());
        int height = 100 + n * 30;
        ctx.chart(new ReportChart(IMPORTANCE_CHART, title, new ReportChart.PlotFigure(Charts.layout(Charts.WIDTH, height,
                ctx.msg(r.metric() == EvaluationMetric.RMSE ? "why.importance.axisRmse" : "why.importance.axis",
                        metric, r.repeats(), r.baseline()), null, false, Charts.margin(34, 20, 50, 10)), bars),
                Charts.WIDTH, height, extras, imp.rows()));
    }
}
