package org.marketingworkbench.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.marketingworkbench.core.clean.profile.ColumnProfile;
import org.marketingworkbench.core.clean.profile.DatasetProfile;
import org.marketingworkbench.core.clean.profile.Distribution;
import org.marketingworkbench.core.clean.step.RecipeStep;
import org.marketingworkbench.core.clean.step.StepEffect;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Stage;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Step 2: the cleaning recipe and what each step did, the table before and after in figures, missing values
 * before and after, and the features that tell the target apart best.
 */
final class CleanSection implements ReportSection {

    static final String ID = "clean";
    static final String MISSING_CHART = "clean.missing";
    static final String FEATURE_CHART_PREFIX = "clean.feature.";
    /** Columns drawn at most on the missing-values chart (those with the most missing first). */
    static final int MAX_MISSING_COLUMNS = 12;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return Stage.CLEAN;
    }

    @Override
    public UserMessage title() {
        return UserMessage.of("report.clean.title");
    }

    @Override
    public void write(ReportContext ctx) {
        CleanFindings f = ctx.results().clean();
        DatasetProfile before = f.before();
        DatasetProfile after = f.after();
        ctx.p("lead", UserMessage.of("report.clean.lead", before.rowCount(), before.columns().size(), after.rowCount(),
                after.columns().size()));
        f.notice().ifPresent(ctx::notice);

        ctx.h3(UserMessage.of("report.clean.recipeTitle"));
        if (f.recipe().steps().isEmpty()) {
            ctx.p(UserMessage.of("report.clean.noSteps"));
        } else {
            List<List<String>> rows = new ArrayList<>();
            int effect = 0;
            for (int i = 0; i < f.recipe().steps().size(); i++) {
                RecipeStep step = f.recipe().steps().get(i);
                String did;
                if (!step.enabled()) {
                    did = ctx.msg("clean.recipe.disabled");
                } else if (effect < f.effects().size()) {
                    did = effect(ctx, f.effects().get(effect++));
                } else {
                    did = "";
                }
                rows.add(List.of(Integer.toString(i + 1), ctx.msg(step.title()),
                        String.join(", ", step.requiredColumns()), did));
            }
            ctx.table(List.of("#", ctx.msg("report.clean.step"), ctx.msg("report.clean.columns"),
                    ctx.msg("report.clean.effect")), new boolean[] {true, false, false, false}, rows);
        }

        ctx.h3(UserMessage.of("report.clean.beforeAfterTitle"));
        long missingBefore = before.columns().stream().mapToLong(ColumnProfile::missing).sum();
        long missingAfter = after.columns().stream().mapToLong(ColumnProfile::missing).sum();
        long flaggedBefore = before.columns().stream().filter(c -> !c.flags().isEmpty()).count();
        long flaggedAfter = after.columns().stream().filter(c -> !c.flags().isEmpty()).count();
        ctx.table(List.of(ctx.msg("report.clean.figure"), ctx.msg("report.clean.before"), ctx.msg("report.clean.after")),
                new boolean[] {false, true, true}, List.of(
                        List.of(ctx.msg("report.clean.rows"), ctx.integer(before.rowCount()), ctx.integer(after.rowCount())),
                        List.of(ctx.msg("report.clean.columnCount"), ctx.integer(before.columns().size()),
                                ctx.integer(after.columns().size())),
                        List.of(ctx.msg("report.clean.missingCells"), ctx.integer(missingBefore), ctx.integer(missingAfter)),
                        List.of(ctx.msg("report.clean.flagged"), ctx.integer(flaggedBefore), ctx.integer(flaggedAfter))));
        missingChart(ctx, before, after, missingBefore, missingAfter);

        ctx.h3(UserMessage.of("report.clean.featuresTitle"));
        if (f.target().isEmpty()) {
            ctx.p(UserMessage.of("report.clean.noTarget"));
            return;
        }
        if (f.keyFeatures().isEmpty()) {
            ctx.p(UserMessage.of("report.clean.noKeyFeatures", f.target().get()));
            return;
        }
        ctx.p(UserMessage.of("report.clean.featuresLead", f.target().get()));
        ctx.html("<div class=\"small-multiples\">\n");
        for (KeyFeature k : f.keyFeatures()) {
            ctx.chart(featureChart(ctx, k, f.target().get()));
        }
        ctx.html("</div>\n");
    }

    /** What a step did, only what it changed: "12 rows removed; removed customer_id". */
    private static String effect(ReportContext ctx, StepEffect e) {
        List<String> parts = new ArrayList<>();
        if (e.rowsRemoved() > 0) {
            parts.add(ctx.msg("report.clean.did.rowsRemoved", e.rowsRemoved()));
        }
        if (e.cellsChanged() > 0) {
            parts.add(ctx.msg("report.clean.did.cellsChanged", e.cellsChanged()));
        }
        if (!e.columnsAdded().isEmpty()) {
            parts.add(ctx.msg("report.clean.did.columnsAdded", String.join(", ", e.columnsAdded())));
        }
        if (!e.columnsRemoved().isEmpty()) {
            parts.add(ctx.msg("report.clean.did.columnsRemoved", String.join(", ", e.columnsRemoved())));
        }
        e.notes().forEach(n -> parts.add(ctx.msg(n)));
        return parts.isEmpty() ? ctx.msg("report.clean.did.nothing") : String.join("; ", parts);
    }

    private static void missingChart(ReportContext ctx, DatasetProfile before, DatasetProfile after,
                                     long missingBefore, long missingAfter) {
        if (missingBefore == 0) {
            ctx.p(UserMessage.of("report.clean.noMissing"));
            return;
        }
        List<ColumnProfile> cols = before.columns().stream().filter(c -> c.missing() > 0)
                .sorted(Comparator.comparingInt(ColumnProfile::missing).reversed().thenComparing(ColumnProfile::name))
                .limit(MAX_MISSING_COLUMNS).toList();
        int n = cols.size();
        Object[] names = new Object[n];
        double[] shareBefore = new double[n];
        double[] shareAfter = new double[n];
        ArrayNode textAfter = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < n; i++) {
            ColumnProfile c = cols.get(i);
            names[i] = PlotText.label(PlotText.shortened(c.name(), 24));
            shareBefore[i] = c.missingShare();
            Optional<ColumnProfile> a = after.column(c.name());
            shareAfter[i] = a.map(ColumnProfile::missingShare).orElse(0.0);
            textAfter.add(PlotText.label(a.isPresent() ? ctx.percent(shareAfter[i], 1)
                    : ctx.msg("report.clean.columnRemoved")));
        }
        String beforeName = ctx.msg("report.clean.before");
        String afterName = ctx.msg("report.clean.after");
        Trace tb = BarTrace.builder(names, shareBefore).orientation(BarTrace.Orientation.HORIZONTAL)
                .name(PlotText.templated(beforeName)).marker(Marker.builder().color(Charts.NEUTRAL_BAR).build()).build();
        Trace ta = BarTrace.builder(names, shareAfter).orientation(BarTrace.Orientation.HORIZONTAL)
                .name(PlotText.templated(afterName)).marker(Marker.builder().color(Charts.ACCENT).build()).build();
        int height = 110 + n * 34;
        ObjectNode extras = Charts.extras(ctx);
        Charts.layout(extras).put("barmode", "group").put("bargap", 0.25);
        Charts.axis(extras, "xaxis").put("tickformat", ".0%").put("rangemode", "tozero");
        Charts.axis(extras, "yaxis").put("autorange", "reversed");
        Charts.trace(extras, 0).put("hovertemplate", "%{y}: %{x:.1%}<extra>" + Charts.hoverText(beforeName) + "</extra>");
        Charts.trace(extras, 1).put("hovertemplate", "%{y}: %{text}<extra>" + Charts.hoverText(afterName) + "</extra>")
                .set("text", textAfter);
        Charts.trace(extras, 1).put("textposition", "none");
        UserMessage title = missingAfter == 0
                ? UserMessage.of("report.clean.missingChart.allFilled", missingBefore)
                : UserMessage.of("report.clean.missingChart.left", missingAfter, missingBefore);
        ctx.chart(new ReportChart(MISSING_CHART, title, new ReportChart.PlotFigure(Charts.layout(Charts.WIDTH, height,
                ctx.msg("report.clean.missingChart.x"), null, true, Charts.margin(40, 20, 50, 10)), tb, ta),
                Charts.WIDTH, height, extras, before.columns().stream().filter(c -> c.missing() > 0).count() > n
                        ? UserMessage.of("report.clean.missingChart.more", n) : null));
    }

    private static ReportChart featureChart(ReportContext ctx, KeyFeature k, String target) {
        Distribution d = k.distribution();
        int bins = d.binCount();
        // a histogram on a number axis (the bars at their bins, plotly's round ticks); categories as labels
        Object[] x = new Object[bins];
        double[] width = new double[bins];
        ArrayNode binNames = JsonNodeFactory.instance.arrayNode();
        for (int b = 0; b < bins; b++) {
            String label = d.binLabels().get(b);
            if (d.numeric()) {
                double lo = d.edges()[b];
                double hi = d.edges()[b + 1];
                x[b] = (lo + hi) / 2;
                width[b] = hi - lo;
            } else {
                x[b] = PlotText.label(PlotText.shortened(Distribution.OTHER.equals(label)
                        ? ctx.msg("report.clean.other") : label, 18));
            }
            binNames.add(PlotText.label(label));
        }
        List<Integer> groups = new ArrayList<>();
        for (int g = 0; g < d.groups().size(); g++) {
            long total = 0;
            for (long c : d.counts()[g]) {
                total += c;
            }
            if (total > 0) {
                groups.add(g);
            }
        }
        List<Trace> traces = new ArrayList<>();
        ObjectNode extras = Charts.extras(ctx);
        for (int i = 0; i < groups.size(); i++) {
            int g = groups.get(i);
            long total = java.util.Arrays.stream(d.counts()[g]).sum();
            double[] y = new double[bins];
            for (int b = 0; b < bins; b++) {
                y[b] = Math.round((double) d.counts()[g][b] / total * 10_000) / 10_000.0;
            }
            String group = groupName(ctx, target, d.groups().get(g));
            // the outcome in orange, everyone else in blue; several groups take the segment colours
            String colour = k.positive() != null ? (d.groups().get(g).equals(k.positive()) ? "#E69F00" : Charts.ACCENT)
                    : SegmentColours.hex(g + 1);
            traces.add(BarTrace.builder(x, y).name(PlotText.templated(group))
                    .marker(Marker.builder().color(colour).build()).build());
            ObjectNode t = Charts.trace(extras, i);
            t.set("customdata", binNames);
            t.put("hovertemplate", "%{customdata}: %{y:.1%}<extra>" + Charts.hoverText(group) + "</extra>");
            if (d.numeric()) {
                // side by side within each bin: the bars share the bin's width
                ArrayNode w = t.putArray("width");
                ArrayNode offset = t.putArray("offset");
                for (int b = 0; b < bins; b++) {
                    double each = width[b] * 0.9 / groups.size();
                    w.add(each);
                    offset.add(-width[b] * 0.45 + i * each);
                }
            }
        }
        Charts.layout(extras).put("barmode", d.numeric() ? "overlay" : "group").put("bargap", 0.15)
                .put("bargroupgap", 0.05);
        Charts.layout(extras).putObject("font").put("family", Charts.FONT).put("size", 11).put("color", Charts.INK);
        extras.putObject("config").put("displayModeBar", false);   // no room for it beside the legend
        Charts.axis(extras, "yaxis").put("tickformat", ".0%").put("rangemode", "tozero");
        if (!d.numeric()) {
            Charts.axis(extras, "xaxis").put("tickangle", bins > 4 ? -40 : 0);
        }
        int height = 300;
        return new ReportChart(FEATURE_CHART_PREFIX + k.column(), k.finding(), new ReportChart.PlotFigure(
                Charts.layout(Charts.HALF, height, k.column(), ctx.msg("report.clean.featureChart.y"), true,
                        Charts.margin(30, 10, 40, 10)), traces.toArray(new Trace[0])),
                Charts.HALF, height, extras, null);
    }

    /** "churned = yes"; the groups with no target value and beyond the largest keep their own words. */
    private static String groupName(ReportContext ctx, String target, String group) {
        if (Distribution.MISSING.equals(group)) {
            return ctx.msg("report.clean.groupMissing", target);
        }
        if (Distribution.OTHER.equals(group)) {
            return ctx.msg("report.clean.groupOther", target);
        }
        return target + " = " + group;
    }
}
