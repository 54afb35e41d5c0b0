package org.marketingworkbench.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import org.marketingworkbench.core.adapter.weka.TableToInstances;
import org.marketingworkbench.core.clean.profile.ColumnProfile;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.profile.DatasetProfile;
import org.marketingworkbench.core.clean.profile.FlagKind;
import org.marketingworkbench.core.clean.profile.QualityFlag;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.columns.Column;

/** What a table offers for training: which columns can be the target, what the target is, which features. */
public final class TrainingData {

    /** More classes than this and the target is refused: nobody reads a 60-class leaderboard. */
    public static final int MAX_CLASSES = 50;

    /** Labels that usually mean "yes, it happened" (lower case), tried in this order. */
    private static final List<String> POSITIVE_WORDS = List.of("yes", "y", "true", "1", "churn", "churned",
            "bought", "purchased", "responded", "converted", "positive", "left", "active");

    private TrainingData() {
    }

    /**
     * The target's task, classes (sorted) and counts. A category is a class target; a number column with
     * exactly two values (0/1) too; any other number column is a number target. Rows with no target value
     * are not counted.
     *
     * @throws TrainException an unknown or unusable column, no values, one class, more than {@link #MAX_CLASSES}
     */
    public static TargetInfo analyse(Dataset data, String target) throws TrainException {
        ColumnSpec spec = data.spec(target == null ? "" : target).orElseThrow(() -> new TrainException(
                TrainException.Reason.UNKNOWN_TARGET, UserMessage.of("train.error.unknownTarget", target)));
        if (spec.type() != ColumnType.NUMBER && spec.type() != ColumnType.CATEGORY) {
            throw new TrainException(TrainException.Reason.UNUSABLE_TARGET,
                    UserMessage.of("train.error.unusableTarget", target, UserMessage.of("type." + spec.type().id())));
        }
        Column<?> c = data.table().column(target);
        TreeMap<String, Integer> counts = new TreeMap<>();
        int present = 0;
        for (int r = 0; r < c.size(); r++) {
            if (c.isMissing(r)) {
                continue;
            }
            present++;
            if (counts.size() <= MAX_CLASSES || spec.type() == ColumnType.NUMBER) {
                counts.merge(TableToInstances.label(c, r), 1, Integer::sum);
            }
        }
        if (present == 0) {
            throw new TrainException(TrainException.Reason.EMPTY_TARGET, UserMessage.of("train.error.emptyTarget", target));
        }
        if (counts.size() == 1) {
            throw new TrainException(TrainException.Reason.ONE_CLASS,
                    UserMessage.of("train.error.oneClass", target, counts.firstKey(), present));
        }
        if (spec.type() == ColumnType.NUMBER && counts.size() > 2) {
            return new TargetInfo(target, Task.NUMBER, List.of(), new int[0], Optional.empty());
        }
        if (counts.size() > MAX_CLASSES) {
            throw new TrainException(TrainException.Reason.TOO_MANY_CLASSES,
                    UserMessage.of("train.error.tooManyClasses", target, MAX_CLASSES));
        }
        List<String> classes = new ArrayList<>(counts.keySet());
        int[] n = classes.stream().mapToInt(counts::get).toArray();
        Task task = classes.size() == 2 ? Task.BINARY : Task.MULTICLASS;
        return new TargetInfo(target, task, classes, n,
                task == Task.BINARY ? Optional.of(suggestPositive(classes, n)) : Optional.empty());
    }

    private static String suggestPositive(List<String> classes, int[] counts) {
        for (String word : POSITIVE_WORDS) {
            for (String c : classes) {
                if (c.strip().toLowerCase(Locale.ROOT).equals(word)) {
                    return c;
                }
            }
        }
        return counts[0] <= counts[1] ? classes.get(0) : classes.get(1);
    }

    /** The columns that can be a target: categories with 2..{@link #MAX_CLASSES} values, numbers with 2 or more. */
    public static List<String> targetCandidates(Dataset data) {
        List<String> out = new ArrayList<>();
        for (ColumnSpec s : data.columns()) {
            if (s.type() != ColumnType.NUMBER && s.type() != ColumnType.CATEGORY) {
                continue;
            }
            try {
                analyse(data, s.name());
                out.add(s.name());
            } catch (TrainException e) {
                // not a target: one value, empty, or too many classes
            }
        }
        return out;
    }

    /**
     * Every column but the target, with whether it is a feature by default and why not: identifiers (declared
     * or looking like one), the profile's leakage suspects (measured with the target), constant columns and
     * columns of a type no model takes (free text, ignored columns) are left out by default, each with the
     * profile's reason.
     */
    public static List<FeatureCandidate> candidates(Dataset data, String target, Progress progress)
            throws TrainException {
        analyse(data, target);
        DatasetProfile profile;
        try {
            profile = ColumnProfiler.profile(data, Optional.of(target), progress);
        } catch (CleanException e) {
            throw new TrainException(TrainException.Reason.UNKNOWN_TARGET, e.userMessage(), e);
        }
        List<FeatureCandidate> out = new ArrayList<>();
        for (ColumnSpec s : data.columns()) {
            if (s.name().equals(target)) {
                continue;
            }
            ColumnProfile p = profile.column(s.name()).orElse(null);
            out.add(candidate(s, p));
        }
        return out;
    }

    private static FeatureCandidate candidate(ColumnSpec s, ColumnProfile p) {
        if (s.type() == ColumnType.IDENTIFIER) {
            return excluded(s, Exclusion.IDENTIFIER, flagReason(p, FlagKind.IDENTIFIER_LIKE)
                    .orElse(UserMessage.of("train.reason.identifier")));
        }
        if (!s.type().isFeature()) {
            return excluded(s, Exclusion.UNUSABLE_TYPE,
                    UserMessage.of("train.reason.unusableType", UserMessage.of("type." + s.type().id())));
        }
        if (p != null) {
            Optional<UserMessage> id = flagReason(p, FlagKind.IDENTIFIER_LIKE);
            if (id.isPresent()) {
                return excluded(s, Exclusion.IDENTIFIER, id.get());
            }
            Optional<UserMessage> leak = flagReason(p, FlagKind.TARGET_LEAKAGE);
            if (leak.isPresent()) {
                return excluded(s, Exclusion.LEAKAGE_SUSPECT, leak.get());
            }
            Optional<UserMessage> constant = flagReason(p, FlagKind.CONSTANT);
            if (constant.isPresent()) {
                return excluded(s, Exclusion.CONSTANT, constant.get());
            }
        }
        return new FeatureCandidate(s.name(), s.type(), true, Exclusion.NONE, UserMessage.of("train.reason.included"));
    }

    private static Optional<UserMessage> flagReason(ColumnProfile p, FlagKind kind) {
        return p == null ? Optional.empty() : p.flag(kind).map(QualityFlag::reason);
    }

    private static FeatureCandidate excluded(ColumnSpec s, Exclusion why, UserMessage reason) {
        return new FeatureCandidate(s.name(), s.type(), false, why, reason);
    }

    /**
     * The table training reads, and why the segment is not in it when it is not.
     *
     * @param data   the imported table, plus the segment column when it could be lined up with its rows
     * @param notice why the segment column was left out, if the project has segments and it was
     */
    public record Table(Dataset data, Optional<UserMessage> notice) {
    }

    /**
     * The table training works on: the imported one (the recipe is applied inside each fold), plus the segment
     * column when the project has segments ({@code segmented}: the cleaned table with the column the Segment step
     * added as its last column, or null) and cleaning kept every row. A segment belongs to a cleaned row; when
     * cleaning drops rows the two cannot be lined up, and the segment is left out with a notice.
     */
    public static Table withSegment(Dataset imported, Dataset segmented) {
        if (segmented == null) {
            return new Table(imported, Optional.empty());
        }
        if (segmented.rowCount() != imported.rowCount()) {
            return new Table(imported, Optional.of(UserMessage.of("train.notice.segmentRowsDiffer",
                    imported.rowCount(), segmented.rowCount())));
        }
        String col = segmented.columns().get(segmented.columns().size() - 1).name();
        if (!col.startsWith(org.marketingworkbench.core.segment.SegmentationResult.SEGMENT_COLUMN)
                || imported.spec(col).isPresent()) {
            return new Table(imported, Optional.empty());
        }
        List<Column<?>> cols = new ArrayList<>(imported.table().columns());
        cols.add(segmented.table().column(col).copy());
        List<ColumnSpec> specs = new ArrayList<>(imported.columns());
        specs.add(segmented.spec(col).orElseThrow());
        return new Table(new Dataset(tech.tablesaw.api.Table.create(imported.table().name(),
                cols.toArray(new Column<?>[0])), specs), Optional.empty());
    }

    /** The names of the candidates used by default, in table order. */
    public static List<String> defaultFeatures(List<FeatureCandidate> candidates) {
        return candidates.stream().filter(FeatureCandidate::includedByDefault).map(FeatureCandidate::name).toList();
    }
}
