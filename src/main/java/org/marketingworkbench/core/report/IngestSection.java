package org.marketingworkbench.core.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.ImportProblem;
import org.marketingworkbench.core.pipeline.Stage;

/** Step 1: what was read, the columns with their types and missing cells, and the problems found at import. */
final class IngestSection implements ReportSection {

    static final String ID = "ingest";
    /** Columns listed at most; the rest are counted. */
    static final int MAX_COLUMNS = 60;
    /** Problems listed at most; the rest are counted. */
    static final int MAX_PROBLEMS = 25;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return Stage.INGEST;
    }

    @Override
    public UserMessage title() {
        return UserMessage.of("report.ingest.title");
    }

    @Override
    public void write(ReportContext ctx) {
        IngestFindings f = ctx.results().ingest();
        long cells = f.rows() * f.columns().size();
        ctx.p("lead", UserMessage.of("report.ingest.lead", f.fileName(), f.rows(), f.columns().size()));
        Map<ColumnType, Integer> types = new EnumMap<>(ColumnType.class);
        f.columns().forEach(c -> types.merge(c.type(), 1, Integer::sum));
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {ctx.msg("report.ingest.file"), f.fileName()});
        facts.add(new String[] {ctx.msg("report.ingest.rows"), ctx.integer(f.rows())});
        facts.add(new String[] {ctx.msg("report.ingest.columns"), ctx.msg("report.ingest.columnTypes",
                f.columns().size(), types.getOrDefault(ColumnType.NUMBER, 0), types.getOrDefault(ColumnType.CATEGORY, 0),
                types.getOrDefault(ColumnType.DATETIME, 0), types.getOrDefault(ColumnType.IDENTIFIER, 0),
                types.getOrDefault(ColumnType.TEXT, 0) + types.getOrDefault(ColumnType.IGNORE, 0))});
        facts.add(new String[] {ctx.msg("report.ingest.missing"), ctx.msg("report.ingest.missingValue",
                f.missingCells(), cells == 0 ? 0.0 : (double) f.missingCells() / cells)});
        facts.add(new String[] {ctx.msg("report.ingest.skipped"), ctx.integer(f.rowsSkipped())});
        facts.add(new String[] {ctx.msg("report.ingest.problems"), ctx.integer(f.problemCount())});
        ctx.facts(facts);

        ctx.h3(UserMessage.of("report.ingest.columnsTitle"));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < f.columns().size() && i < MAX_COLUMNS; i++) {
            ColumnSpec c = f.columns().get(i);
            int missing = f.missing().get(i);
            rows.add(List.of(c.name(), ctx.msg("type." + c.type().id()),
                    missing == 0 ? "0" : ctx.msg("report.ingest.missingCell", missing,
                            f.rows() == 0 ? 0.0 : (double) missing / f.rows()),
                    c.reason() == null ? "" : ctx.msg(c.reason())));
        }
        ctx.table(List.of(ctx.msg("report.ingest.column"), ctx.msg("report.ingest.type"),
                        ctx.msg("report.ingest.missingHeader"), ctx.msg("report.ingest.why")),
                new boolean[] {false, false, true, false}, rows);
        if (f.columns().size() > MAX_COLUMNS) {
            ctx.p("muted", UserMessage.of("report.ingest.moreColumns", f.columns().size() - MAX_COLUMNS));
        }

        ctx.h3(UserMessage.of("report.ingest.problemsTitle"));
        if (f.problemCount() == 0) {
            ctx.p(UserMessage.of("ingest.problems.none"));
            return;
        }
        ctx.p(UserMessage.of("report.ingest.problemsLead", f.problemCount(), f.rowsSkipped()));
        List<List<String>> problems = new ArrayList<>();
        for (ImportProblem p : f.problems().subList(0, Math.min(MAX_PROBLEMS, f.problems().size()))) {
            problems.add(List.of(p.line() > 0 ? ctx.integer(p.line()) : "—", p.column() == null ? "" : p.column(),
                    ctx.msg(p.message()), p.rawText() == null ? "" : p.rawText()));
        }
        ctx.table(List.of(ctx.msg("ingest.problems.line"), ctx.msg("report.ingest.column"),
                ctx.msg("ingest.problems.what"), ctx.msg("ingest.problems.raw")),
                new boolean[] {true, false, false, false}, problems);
        if (f.problemCount() > problems.size()) {
            ctx.p("muted", UserMessage.of("report.ingest.moreProblems", f.problemCount() - problems.size(),
                    problems.size()));
        }
    }
}
