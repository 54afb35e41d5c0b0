package org.marketingworkbench.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.pipeline.Stage;

/**
 * The report as one self-contained HTML file: the sections of the steps in order, each chart a Tablesaw plotly
 * figure drawn by plotly.js, which is inlined from its webjar so the file works offline and can be mailed as it
 * is. The page follows the given locale; a print stylesheet lays it out for A4.
 */
public final class HtmlReport {

    /** The plotly.js inlined in every report (plotly.js 3 drops Tablesaw's titles, see TOOLCHAIN.md). */
    public static final String PLOTLY_VERSION = "2.35.3";
    static final String PLOTLY_RESOURCE = "/META-INF/resources/webjars/plotly.js-dist/" + PLOTLY_VERSION + "/plotly.js";
    private static final String CSS = "/org/marketingworkbench/core/report/report.css";
    private static final String JS = "/org/marketingworkbench/core/report/report.js";
    private static final Pattern CLOSES_SCRIPT = Pattern.compile("</script", Pattern.CASE_INSENSITIVE);

    /** The sections, one per step, in pipeline order, then provenance. */
    static final List<ReportSection> SECTIONS = List.of(new IngestSection(), new CleanSection(), new SegmentSection(),
            new TrainSection(), new EvaluateSection(), new ProvenanceSection());

    private HtmlReport() {
    }

    /**
     * Writes the report of {@code results} in {@code locale} to {@code target} through {@link AtomicFile}: a failure
     * leaves no half-written report (and an older one as it was).
     *
     * @param overwrite whether an existing file may be replaced (the window asks first; the command line needs
     *                  {@code --force})
     * @throws ReportException EXISTS, NO_FOLDER, TARGET_IS_FOLDER, READ_ONLY, DISK_FULL, WRITE_FAILED, PLOTLY_MISSING
     */
    public static void write(ProjectResults results, Locale locale, Path target, boolean overwrite)
            throws ReportException {
        write(results, locale, target, overwrite, AtomicFile::write);
    }

    /** How the finished report reaches the disk (tests: a disk that refuses, whoever runs them). */
    interface FileWriter {
        void write(Path file, AtomicFile.Content content) throws IOException;
    }

    static void write(ProjectResults results, Locale locale, Path target, boolean overwrite, FileWriter writer)
            throws ReportException {
        checkTarget(target, overwrite);
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        String plotly = plotlyJs();
        try {
            writer.write(file, out -> render(results, locale, ZoneId.systemDefault(), plotly, out));
        } catch (AccessDeniedException e) {
            throw new ReportException(ReportException.Reason.READ_ONLY,
                    UserMessage.of("report.error.readOnly", dir.toString()), e);
        } catch (IOException e) {
            if (isDiskFull(e)) {
                throw new ReportException(ReportException.Reason.DISK_FULL,
                        UserMessage.of("report.error.diskFull", dir.toString()), e);
            }
            if (!Files.isWritable(dir)) {
                throw new ReportException(ReportException.Reason.READ_ONLY,
                        UserMessage.of("report.error.readOnly", dir.toString()), e);
            }
            throw new ReportException(ReportException.Reason.WRITE_FAILED,
                    UserMessage.of("report.error.writeFailed", file.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    /**
     * Whether a report can be written to {@code target}, checked before the long work of making it: the folder
     * exists and can be written to, the target is not a folder, and an existing file is replaced only when
     * {@code overwrite}. (A folder that refuses the file only when it is written is still reported by
     * {@link #write}.)
     *
     * @throws ReportException EXISTS, NO_FOLDER, TARGET_IS_FOLDER, READ_ONLY
     */
    public static void checkTarget(Path target, boolean overwrite) throws ReportException {
        Path file = target.toAbsolutePath().normalize();
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new ReportException(ReportException.Reason.TARGET_IS_FOLDER,
                    UserMessage.of("report.error.targetIsFolder", file.toString()), null);
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ReportException(ReportException.Reason.NO_FOLDER,
                    UserMessage.of("report.error.noFolder", String.valueOf(dir)), null);
        }
        if (!overwrite && Files.exists(file)) {
            throw new ReportException(ReportException.Reason.EXISTS,
                    UserMessage.of("report.error.exists", file.toString()), null);
        }
        if (!Files.isWritable(dir)) {
            throw new ReportException(ReportException.Reason.READ_ONLY,
                    UserMessage.of("report.error.readOnly", dir.toString()), null);
        }
    }

    /** The whole page as a string (tests; the window's preview). */
    public static String render(ProjectResults results, Locale locale) throws ReportException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(16 << 20);
        try {
            render(results, locale, ZoneId.systemDefault(), plotlyJs(), out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the page to {@code out}, dates in {@code zone}, with {@code plotly} as the charting library. */
    static void render(ProjectResults results, Locale locale, ZoneId zone, String plotly, OutputStream out)
            throws IOException {
        StringBuilder body = new StringBuilder(1 << 18);
        ReportContext ctx = new ReportContext(body, locale, results, zone);
        body(ctx);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        String lang = locale.toLanguageTag();
        w.write("<!DOCTYPE html>\n<html lang=\"" + Html.escape(lang.isEmpty() ? "en" : lang) + "\">\n<head>\n"
                + "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"Marketing Workbench "
                + Html.escape(results.provenance().versions().workbench()) + "\">\n<title>");
        w.write(Html.escape(ctx.msg("report.pageTitle", results.provenance().projectName())));
        w.write("</title>\n<style>\n");
        w.write(resource(CSS));
        w.write("</style>\n<script>\n");
        w.write(resource(JS));
        w.write("</script>\n<script>\n/* plotly.js " + PLOTLY_VERSION + " (MIT licence), inlined so the report works offline */\n");
        w.write(plotly);
        w.write("\n</script>\n</head>\n<body>\n");
        w.write(body.toString());
        w.write("</body>\n</html>\n");
        w.flush();
    }

    private static void body(ReportContext ctx) {
        ProjectResults r = ctx.results();
        Provenance p = r.provenance();
        ctx.html("<div class=\"page\">\n<header class=\"cover\">\n<p class=\"kicker\">").text(ctx.msg("report.kicker"))
                .html("</p>\n<h1>").text(p.projectName()).html("</h1>\n<p class=\"meta\">");
        if (p.data() != null) {
            ctx.text(r.ingest() != null ? ctx.msg("report.cover.data", p.data().fileName(), r.ingest().rows())
                    : ctx.msg("report.cover.dataOnly", p.data().fileName())).html(" · ");
        }
        ctx.text(ctx.msg("report.cover.made", ctx.date(p.generatedAt()))).html("</p>\n</header>\n");
        glance(ctx);
        ctx.note(ReportItems.SUMMARY);
        contents(ctx);
        ctx.html("<main>\n");
        int number = 0;
        for (ReportSection s : SECTIONS) {
            number++;
            ctx.html("<section class=\"report-section\" id=\"section-").html(s.id()).html("\">\n<h2><span class=\"step\">")
                    .html(Integer.toString(number)).html("</span>").text(ctx.msg(s.title())).html("</h2>\n");
            ctx.note(s.id());
            if (s.stage() == null || r.has(s.stage())) {
                s.write(ctx);
            } else {
                UserMessage why = r.notReplayed().get(s.stage());
                ctx.html("<p class=\"not-run\">").text(ctx.msg(why != null ? why
                        : UserMessage.of("report." + s.id() + ".notRun"))).html("</p>\n");
            }
            ctx.html("</section>\n");
        }
        ctx.html("</main>\n<footer class=\"report-footer\">").text(ctx.msg("report.footer", p.versions().workbench(),
                ctx.dateTime(p.generatedAt()), PLOTLY_VERSION)).html("</footer>\n</div>\n");
    }

    /** The figures a client asks for first, when the steps that give them were run. */
    private static void glance(ReportContext ctx) {
        ProjectResults r = ctx.results();
        StringBuilder tiles = new StringBuilder();
        if (r.ingest() != null) {
            tile(ctx, tiles, ctx.integer(r.clean() != null ? r.clean().after().rowCount() : r.ingest().rows()),
                    ctx.msg("report.glance.customers"));
        }
        if (r.segment() != null) {
            tile(ctx, tiles, ctx.integer(r.segment().segmentation().result().k()), ctx.msg("report.glance.segments"));
        }
        if (r.train() != null) {
            var best = r.train().chosen();
            var primary = r.train().result().primary();
            tile(ctx, tiles, best.metric(primary).map(m -> ctx.fixed(m.mean(), 3)).orElse("—"),
                    ctx.msg("report.glance.model", UserMessage.of(primary.labelKey()), TrainSection.learner(best.learnerId())));
        }
        if (r.evaluate() != null && r.evaluate().profit() != null) {
            var best = r.evaluate().profit().best();
            tile(ctx, tiles, ctx.decimal(best.expectedProfit(), 0), ctx.msg("report.glance.profit", best.share()));
        }
        if (tiles.length() > 0) {
            ctx.html("<div class=\"glance\" id=\"item-summary\">\n").html(tiles.toString()).html("</div>\n");
        }
    }

    private static void tile(ReportContext ctx, StringBuilder tiles, String value, String label) {
        tiles.append("<div class=\"tile\"><div class=\"value\">").append(Html.escape(value))
                .append("</div><div class=\"label\">").append(Html.escape(label)).append("</div></div>\n");
    }

    private static void contents(ReportContext ctx) {
        ctx.html("<nav class=\"contents\" aria-label=\"").text(ctx.msg("report.contents")).html("\">\n<h2>")
                .text(ctx.msg("report.contents")).html("</h2>\n<ol>\n");
        for (ReportSection s : SECTIONS) {
            boolean ran = s.stage() == null || ctx.results().has(s.stage());
            ctx.html("<li").html(ran ? "" : " class=\"not-run\"").html("><a href=\"#section-").html(s.id()).html("\">")
                    .text(ctx.msg(s.title())).html("</a>");
            if (!ran) {
                ctx.html(" ").text(ctx.msg("report.contents.notRun"));
            }
            ctx.html("</li>\n");
        }
        ctx.html("</ol>\n</nav>\n");
    }

    /** plotly.js from its webjar, checked to be safe inside an inline script element. */
    static String plotlyJs() throws ReportException {
        String js;
        try {
            js = resource(PLOTLY_RESOURCE);
        } catch (IOException e) {
            throw new ReportException(ReportException.Reason.PLOTLY_MISSING,
                    UserMessage.of("report.error.plotlyMissing", PLOTLY_VERSION), e);
        }
        return CLOSES_SCRIPT.matcher(js).find() ? PlotText.inlineScript(js) : js;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean isDiskFull(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left") || lower.contains("disk full") || lower.contains("not enough space")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The stages in the order their sections appear (for tests and the window). */
    static List<Stage> stages() {
        return SECTIONS.stream().map(ReportSection::stage).filter(java.util.Objects::nonNull).toList();
    }
}
