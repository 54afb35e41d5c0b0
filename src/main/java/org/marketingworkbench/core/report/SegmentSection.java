package org.marketingworkbench.core.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.segment.ProfileColumn;
import org.marketingworkbench.core.segment.Segment;
import org.marketingworkbench.core.segment.SegmentCard;
import org.marketingworkbench.core.segment.SegmentMap;
import org.marketingworkbench.core.segment.SegmentationResult;
import tech.tablesaw.plotly.components.Marker;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/** Step 3: the segments' sizes, their cards with names, the map of the customers and the profile heatmap. */
final class SegmentSection implements ReportSection {

    static final String ID = "segment";
    static final String SIZES_CHART = "segment.sizes";
    static final String CARDS = "segment.cards";
    static final String MAP_CHART = "segment.map";
    static final String PROFILE_CHART = "segment.profile";
    /** Customers drawn on the map at most: enough for the shapes, few enough for a small page. */
    static final int MAP_POINTS = 2_500;
    /** Profile columns on the heatmap at most: those where the segments differ most. */
    static final int MAX_PROFILE_COLUMNS = 24;
    /** A category value on the heatmap is held by at least this share of the customers. */
    static final double MIN_LEVEL_SHARE = 0.02;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return Stage.SEGMENT;
    }

    @Override
    public UserMessage title() {
        return UserMessage.of("report.segment.title");
    }

    @Override
    public void write(ReportContext ctx) {
        SegmentFindings f = ctx.results().segment();
        SegmentationResult r = f.segmentation().result();
        ctx.p("lead", UserMessage.of("report.segment.lead", r.rowsUsed(), r.k(), r.settings().algorithm().label(),
                r.settings().features().size(), String.join(", ", r.settings().features())));
        if (r.rowsLeftOut() > 0) {
            ctx.p(UserMessage.of("report.segment.leftOut", r.rowsLeftOut()));
        }
        f.notice().ifPresent(ctx::notice);
        ctx.chart(sizes(ctx, f));
        cards(ctx, f);
        ctx.chart(map(ctx, f));
        ctx.chart(profile(ctx, f));
    }

    private static String label(ReportContext ctx, SegmentFindings f, int number) {
        return number + " · " + f.name(number, ctx.locale());
    }

    private static ReportChart sizes(ReportContext ctx, SegmentFindings f) {
        List<Segment> segments = f.segmentation().result().segments();
        int k = segments.size();
        Object[] names = new Object[k];
        double[] sizes = new double[k];
        String[] colours = new String[k];
        ArrayNode text = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < k; i++) {
            Segment s = segments.get(i);
            names[i] = PlotText.label(PlotText.shortened(label(ctx, f, s.number()), 34));
            sizes[i] = s.size();
            colours[i] = SegmentColours.hex(s.number());
            text.add(PlotText.label(ctx.msg("report.segment.sizeLabel", s.size(), s.share())));
        }
        Trace bars = BarTrace.builder(names, sizes).orientation(BarTrace.Orientation.HORIZONTAL)
                .marker(Marker.builder().color(colours).build()).build();
        ObjectNode extras = Charts.extras(ctx);
        Charts.axis(extras, "yaxis").put("autorange", "reversed");
        Charts.axis(extras, "xaxis").put("rangemode", "tozero");
        Charts.trace(extras, 0).set("text", text);
        Charts.trace(extras, 0).put("textposition", "outside").put("cliponaxis", false)
                .put("hovertemplate", "%{y}: %{text}<extra></extra>");
        int height = 90 + k * 42;
        Segment largest = segments.get(0);
        return new ReportChart(SIZES_CHART, UserMessage.of("report.segment.sizes.title",
                f.name(largest.number(), ctx.locale()), largest.share()),
                new ReportChart.PlotFigure(Charts.layout(Charts.WIDTH, height, ctx.msg("report.segment.sizes.x"), null,
                        false, Charts.margin(34, 90, 50, 10)), bars), Charts.WIDTH, height, extras, null);
    }

    private static void cards(ReportContext ctx, SegmentFindings f) {
        ctx.html("<h3 id=\"item-").html(ReportContext.anchor(CARDS)).html("\">")
                .text(ctx.msg("report.segment.cardsTitle")).html("</h3>\n<div class=\"cards\">\n");
        Locale locale = ctx.locale();
        for (SegmentCard c : f.segmentation().cards()) {
            boolean typed = f.names().containsKey(c.number());
            ctx.html("<div class=\"card\" style=\"--segment:").html(SegmentColours.hex(c.number())).html("\">\n<h4>")
                    .text(c.number() + " · " + f.name(c.number(), locale)).html("</h4>\n");
            if (typed) {
                ctx.html("<div class=\"proposed\">").text(ctx.msg("report.segment.proposed", c.proposedName()))
                        .html("</div>\n");
            }
            ctx.html("<div class=\"size\">").text(ctx.msg(c.sizeWords())).html("</div>\n");
            if (c.traits().isEmpty()) {
                ctx.html("<p>").text(ctx.msg("segment.card.noTraits")).html("</p>\n");
            } else {
                ctx.html("<ul>\n");
                for (SegmentCard.Trait t : c.traits()) {
                    ctx.html("<li>").text(ctx.msg(t.words())).html("</li>\n");
                }
                ctx.html("</ul>\n");
            }
            c.spend().ifPresent(s -> ctx.html("<p class=\"muted\">").text(ctx.msg(s.words())).html("</p>\n"));
            ctx.html("</div>\n");
        }
        ctx.html("</div>\n");
        ctx.note(CARDS);
    }

    private static ReportChart map(ReportContext ctx, SegmentFindings f) {
        SegmentMap m = f.segmentation().map();
        SegmentationResult r = f.segmentation().result();
        double[] x = m.x();
        double[] y = m.y();
        int[] seg = m.segment();
        int step = Math.max(1, (int) Math.ceil((double) m.points() / MAP_POINTS));
        List<Trace> traces = new ArrayList<>();
        ObjectNode extras = Charts.extras(ctx);
        int drawn = 0;
        for (Segment s : r.segments()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int i = 0; i < x.length; i += step) {
                if (seg[i] == s.number()) {
                    xs.add(round(x[i]));
                    ys.add(round(y[i]));
                }
            }
            drawn += xs.size();
            String name = label(ctx, f, s.number());
            traces.add(ScatterTrace.builder(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                            ys.stream().mapToDouble(Double::doubleValue).toArray())
                    .mode(ScatterTrace.Mode.MARKERS).name(PlotText.templated(PlotText.shortened(name, 30)))
                    .marker(Marker.builder().color(SegmentColours.hex(s.number())).size(5).opacity(0.55).build()).build());
            Charts.trace(extras, traces.size() - 1).put("hovertemplate", Charts.hoverText(name) + "<extra></extra>");
        }
        double[] cx = m.centroidX();
        double[] cy = m.centroidY();
        String[] colours = new String[cx.length];
        ArrayNode numbers = JsonNodeFactory.instance.arrayNode();
        ArrayNode hover = JsonNodeFactory.instance.arrayNode();
        for (int s = 0; s < cx.length; s++) {
            colours[s] = SegmentColours.hex(s + 1);
            numbers.add(Integer.toString(s + 1));
            hover.add(PlotText.label(ctx.msg("report.segment.map.centre", label(ctx, f, s + 1))));
        }
        traces.add(ScatterTrace.builder(cx, cy).mode(ScatterTrace.Mode.TEXT_AND_MARKERS)
                .name(PlotText.templated(ctx.msg("report.segment.map.centres")))
                .marker(Marker.builder().color(colours).size(22).build()).build());
        ObjectNode centres = Charts.trace(extras, traces.size() - 1);
        centres.set("text", numbers);
        centres.set("hovertext", hover);
        centres.put("textposition", "middle center").put("hoverinfo", "text").put("showlegend", false);
        centres.putObject("textfont").put("color", "#ffffff").put("size", 12);
        centres.putObject("marker").putObject("line").put("color", "#ffffff").put("width", 2);
        double[] explained = m.varianceExplained();
        int height = 480;
        UserMessage caption = m.sampled() || drawn < m.customers()
                ? UserMessage.of("report.segment.map.sampled", drawn, m.customers()) : null;
        return new ReportChart(MAP_CHART, UserMessage.of("report.segment.map.title", explained[0] + explained[1]),
                new ReportChart.PlotFigure(Charts.layout(Charts.WIDTH, height,
                        ctx.msg("report.segment.map.x", explained[0]), ctx.msg("report.segment.map.y", explained[1]),
                        true, Charts.margin(40, 20, 50, 10)), traces.toArray(new Trace[0])),
                Charts.WIDTH, height, extras, caption);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static ReportChart profile(ReportContext ctx, SegmentFindings f) {
        SegmentationResult r = f.segmentation().result();
        List<ProfileColumn> columns = r.profileColumns();
        List<Segment> segments = r.segments();
        // the columns where some segment lies furthest from average, kept in their own order
        // a category value held by under 2% of all customers is left out: its share moves a lot in standard
        // deviations while meaning little (a stray spelling of a label)
        List<Integer> picked = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (!columns.get(j).isLevel() || columns.get(j).mean() >= MIN_LEVEL_SHARE) {
                picked.add(j);
            }
        }
        if (picked.size() > MAX_PROFILE_COLUMNS) {
            picked.sort(Comparator.comparingDouble((Integer j) -> -maxAbsZ(segments, j)).thenComparing(j -> j));
            picked = new ArrayList<>(picked.subList(0, MAX_PROFILE_COLUMNS));
            picked.sort(Comparator.naturalOrder());
        }
        int n = picked.size();
        int k = segments.size();
        // one row per profile column, one column per segment: the labels read across, the cells are wide enough
        // for their figures
        Object[] x = new Object[k];
        for (int s = 0; s < k; s++) {
            int number = segments.get(s).number();
            x[s] = number + "<br>" + wrapped(f.name(number, ctx.locale()), 16);
        }
        Object[] y = new Object[n];
        double[][] z = new double[n][k];
        ArrayNode text = JsonNodeFactory.instance.arrayNode();
        ArrayNode full = JsonNodeFactory.instance.arrayNode();
        for (int c = 0; c < n; c++) {
            int j = picked.get(c);
            ProfileColumn col = columns.get(j);
            y[c] = PlotText.label(PlotText.shortened(col.label(), 30));
            ArrayNode textRow = text.addArray();
            ArrayNode fullRow = full.addArray();
            for (int s = 0; s < k; s++) {
                Segment seg = segments.get(s);
                double meanZ = seg.meanZ()[j];
                double centroid = seg.centroid()[j];
                z[c][s] = Double.isNaN(meanZ) ? Double.NaN : Math.round(meanZ * 100) / 100.0;  // colours stop at ±2
                textRow.add(col.isLevel() ? ctx.percent(centroid, 0) : ctx.decimal(centroid, 1));
                fullRow.add(PlotText.label(label(ctx, f, seg.number()) + " · " + col.label()));
            }
        }
        Trace heat = HeatmapTrace.builder(x, y, z).build();
        ObjectNode extras = Charts.extras(ctx);
        ObjectNode t = Charts.trace(extras, 0);
        t.put("zmin", -SegmentColours.DIVERGING_LIMIT).put("zmax", SegmentColours.DIVERGING_LIMIT).put("zmid", 0);
        ArrayNode scale = t.putArray("colorscale");
        scale.addArray().add(0).add(SegmentColours.BELOW);
        scale.addArray().add(0.5).add(SegmentColours.NEUTRAL);
        scale.addArray().add(1).add(SegmentColours.ABOVE);
        t.set("text", text);
        t.set("customdata", full);
        t.put("texttemplate", "%{text}").put("xgap", 2).put("ygap", 2);
        t.putObject("textfont").put("size", 11);
        t.put("hovertemplate", "%{customdata}: %{text}<br>"
                + Charts.hoverText(ctx.msg("report.segment.profile.hoverZ")) + " %{z:+.2f}<extra></extra>");
        ObjectNode colourbar = t.putObject("colorbar");
        colourbar.put("thickness", 12).put("len", Math.min(1, 260.0 / (n * 24 + 40))).put("outlinewidth", 0)
                .put("y", 1).put("yanchor", "top");
        colourbar.putObject("title").put("text", PlotText.label(ctx.msg("report.segment.profile.scale")))
                .put("side", "right").putObject("font").put("size", 11);
        ObjectNode xaxis = Charts.axis(extras, "xaxis");
        xaxis.put("side", "top").put("showgrid", false).put("tickangle", 0);
        ObjectNode yaxis = Charts.axis(extras, "yaxis");
        yaxis.put("autorange", "reversed").put("showgrid", false);
        int height = 90 + n * 26;
        return new ReportChart(PROFILE_CHART, profileTitle(ctx, f),
                new ReportChart.PlotFigure(Charts.layout(Charts.WIDTH, height, null, null, false,
                        Charts.margin(70, 10, 10, 10)), heat), Charts.WIDTH, height, extras,
                UserMessage.of(columns.size() > n ? "report.segment.profile.captionSome" : "report.segment.profile.caption",
                        n, columns.size()));
    }

    /** A name broken into at most two lines about {@code width} wide, escaped, for a column heading. */
    static String wrapped(String name, int width) {
        String text = PlotText.oneLine(name).strip();
        if (PlotText.width(text) <= width) {
            return PlotText.label(text);
        }
        int end = PlotText.fit(text, 0, width);
        int space = text.lastIndexOf(' ', end);
        int cut = space > 0 ? space : end;
        return PlotText.label(text.substring(0, cut).strip()) + "<br>"
                + PlotText.label(PlotText.shortened(text.substring(cut).strip(), width));
    }

    private static double maxAbsZ(List<Segment> segments, int j) {
        double m = 0;
        for (Segment s : segments) {
            double z = Math.abs(s.meanZ()[j]);
            if (!Double.isNaN(z)) {
                m = Math.max(m, z);
            }
        }
        return m;
    }

    /** "Lapsed rare visitors stand out most: days since last purchase far higher than average (…)". */
    private static UserMessage profileTitle(ReportContext ctx, SegmentFindings f) {
        SegmentCard best = null;
        double bestZ = 0;
        for (SegmentCard c : f.segmentation().cards()) {
            if (!c.traits().isEmpty() && Math.abs(c.traits().get(0).z()) > bestZ) {
                best = c;
                bestZ = Math.abs(c.traits().get(0).z());
            }
        }
        if (best == null) {
            return UserMessage.of("report.segment.profile.titleNone");
        }
        return UserMessage.of("report.segment.profile.title", f.name(best.number(), ctx.locale()),
                best.traits().get(0).words());
    }
}
