package org.marketingworkbench.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.marketingworkbench.core.env.LibraryVersions;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Stage;
import org.marketingworkbench.core.segment.SegmentationSettings;
import org.marketingworkbench.core.train.LearnerChoice;
import org.marketingworkbench.core.train.Learners;
import org.marketingworkbench.core.train.TrainingSettings;
import org.marketingworkbench.core.train.Validation;

/**
 * Where the figures come from: the project and its data file with its SHA-256 (as the project kept it and as read
 * for the report), the settings of each step, the versions of the software and when the report was made. Enough to
 * make the same figures again.
 */
final class ProvenanceSection implements ReportSection {

    static final String ID = "provenance";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stage stage() {
        return null;
    }

    @Override
    public UserMessage title() {
        return UserMessage.of("report.provenance.title");
    }

    @Override
    public void write(ReportContext ctx) {
        ProjectResults results = ctx.results();
        Provenance p = results.provenance();
        ctx.p("lead", UserMessage.of(p.replayed() ? "report.provenance.replayed" : "report.provenance.session"));
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {ctx.msg("report.provenance.project"), p.projectName()});
        facts.add(new String[] {ctx.msg("report.provenance.projectFile"), p.projectFile() == null
                ? ctx.msg("report.provenance.notSaved") : p.projectFile().getFileName().toString()});
        facts.add(new String[] {ctx.msg("report.provenance.created"), ctx.dateTime(p.created())});
        if (p.data() != null) {
            facts.add(new String[] {ctx.msg("report.provenance.dataFile"), p.data().fileName()});
            if (p.data().bytes() >= 0) {
                facts.add(new String[] {ctx.msg("report.provenance.dataSize"),
                        ctx.msg("report.provenance.bytes", p.data().bytes())});
            }
            facts.add(new String[] {ctx.msg("report.provenance.hashKept"), p.data().sha256() == null
                    ? ctx.msg("report.provenance.hashUnknown") : p.data().sha256()});
            String now = p.dataHashNow() == null ? ctx.msg("report.provenance.notRead")
                    : p.dataChanged().map(changed -> changed
                            ? ctx.msg("report.provenance.hashChanged", p.dataHashNow())
                            : ctx.msg("report.provenance.hashSame")).orElse(p.dataHashNow());
            facts.add(new String[] {ctx.msg("report.provenance.hashNow"), now});
        } else {
            facts.add(new String[] {ctx.msg("report.provenance.dataFile"), ctx.msg("report.provenance.noData")});
        }
        facts.add(new String[] {ctx.msg("report.provenance.generated"), ctx.dateTime(p.generatedAt())});
        ctx.facts(facts);
        if (p.dataChanged().orElse(false)) {
            ctx.notice(UserMessage.of("report.provenance.dataChangedNotice"));
        }

        ctx.h3(UserMessage.of("report.provenance.settingsTitle"));
        List<List<String>> rows = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (stage == Stage.DEPLOY) {
                continue;   // scoring happens on other files, after the report's steps
            }
            rows.add(List.of(ctx.msg("report.stage." + stage.id()), settings(ctx, stage)));
        }
        ctx.table(List.of(ctx.msg("report.provenance.step"), ctx.msg("report.provenance.settings")),
                new boolean[] {false, false}, rows);

        ctx.h3(UserMessage.of("report.provenance.versionsTitle"));
        LibraryVersions v = p.versions();
        ctx.facts(List.of(
                new String[] {"Marketing Workbench", v.workbench()},
                new String[] {"Weka", v.wekaVersion()},
                new String[] {"Tablesaw", v.tablesawVersion()},
                new String[] {"plotly.js", HtmlReport.PLOTLY_VERSION},
                new String[] {"Java", v.java()}));
    }

    private static String settings(ReportContext ctx, Stage stage) {
        ProjectResults r = ctx.results();
        if (!r.has(stage)) {
            return ctx.msg("report.provenance.notRun");
        }
        return switch (stage) {
            case INGEST -> ingest(ctx, r.ingest().settings());
            case CLEAN -> ctx.msg("report.provenance.clean", r.clean().target().orElse("—"),
                    r.clean().recipe().steps().size());
            case SEGMENT -> segment(ctx, r.segment().segmentation().result().settings(),
                    r.segment().segmentation().result().k());
            case TRAIN -> train(ctx, r.train().result().settings(), r.train().result().target().task());
            case EVALUATE -> ctx.msg("report.provenance.evaluate", r.evaluate().settings().threshold(),
                    r.evaluate().settings().cost(), r.evaluate().settings().value(), ImportanceFindings.REPEATS,
                    ImportanceFindings.SEED);
            case DEPLOY -> "";
        };
    }

    private static String ingest(ReportContext ctx, ImportSettings s) {
        String delimiter = s.delimiter() == null ? "—" : switch (s.delimiter()) {
            case ',' -> ctx.msg("ingest.delimiter.comma");
            case ';' -> ctx.msg("ingest.delimiter.semicolon");
            case '\t' -> ctx.msg("ingest.delimiter.tab");
            case '|' -> ctx.msg("ingest.delimiter.pipe");
            default -> ctx.msg("ingest.delimiter.other", String.valueOf(s.delimiter()));
        };
        String overrides = s.columnTypeOverrides().isEmpty() ? "—" : s.columnTypeOverrides().entrySet().stream()
                .map(e -> e.getKey() + " → " + ctx.msg("type." + e.getValue().id())).collect(Collectors.joining(", "));
        return ctx.msg("report.provenance.ingest", s.format() == null ? "—" : s.format().name(),
                s.encoding() == null ? "—" : s.encoding(), delimiter,
                ctx.msg(Boolean.TRUE.equals(s.hasHeader()) ? "report.yes" : "report.no"),
                ctx.msg(Boolean.TRUE.equals(s.decimalComma()) ? "report.yes" : "report.no"),
                String.join(" ", s.effectiveMissingMarkers()), overrides,
                s.onBadRow().name().toLowerCase(Locale.ROOT));
    }

    private static String segment(ReportContext ctx, SegmentationSettings s, int k) {
        return ctx.msg("report.provenance.segment", s.algorithm().label(), k,
                s.automaticK() ? ctx.msg("report.provenance.kChosen") : "", s.seed(),
                UserMessage.of("segment.scaling." + s.scaling().id()), s.restarts(), String.join(", ", s.features()));
    }

    private static String train(ReportContext ctx, TrainingSettings s, org.marketingworkbench.core.train.Task task) {
        Validation v = s.validation();
        String validation = v.kind() == Validation.Kind.CROSS_VALIDATION
                ? ctx.msg("report.provenance.cv", v.folds(), v.testPercent())
                : ctx.msg("report.provenance.split", v.trainPercent(), v.validationPercent(), v.testPercent());
        String learners = s.learners().stream().map(c -> learner(ctx, c, task)).collect(Collectors.joining("; "));
        return ctx.msg("report.provenance.train", s.target(), s.positiveClass() == null ? "—" : s.positiveClass(),
                s.features().size(), String.join(", ", s.features()), validation, s.seed(),
                UserMessage.of("train.imbalance." + s.imbalance().name().toLowerCase(Locale.ROOT)), learners);
    }

    private static String learner(ReportContext ctx, LearnerChoice c, org.marketingworkbench.core.train.Task task) {
        String name = ctx.msg(TrainSection.learner(c.learnerId()));
        String options = !c.advancedWekaOptions().isBlank() ? c.advancedWekaOptions()
                : Learners.exists(c.learnerId()) ? Learners.get(c.learnerId()).wekaOptions(c.options(), task) : "";
        return options.isBlank() ? name : name + " (" + options + ")";
    }

}
