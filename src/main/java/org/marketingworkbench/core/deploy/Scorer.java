package org.marketingworkbench.core.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.evaluate.EvaluateException;
import org.marketingworkbench.core.evaluate.ModelInput;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.Task;
import org.marketingworkbench.core.train.TrainedModel;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import weka.core.Instances;

/**
 * Scores new customers with a loaded bundle: checks the file's columns by name against the model's schema
 * (missing columns, type mismatches, unseen category values), puts the rows through the stored recipe, and returns
 * every input row with {@code score}, {@code predicted}, {@code rank} (1 = highest score) and {@code decile}
 * (1 = top tenth). The input is not changed.
 */
public final class Scorer {

    /** What to do with a category value the model never saw. */
    public enum UnseenCategories {
        /** Treat it as missing (the model's usual handling of a missing value). */
        MISSING,
        /** Refuse to score. */
        STOP
    }

    /**
     * How a file differs from what the model was trained on.
     *
     * @param missing        columns the model needs that the file lacks
     * @param typeMismatches per column: the type the model expects and the type the file has
     * @param unseen         per category column: values the model never saw
     * @param extra          columns the model does not use (ignored, carried to the output)
     */
    public record Check(List<String> missing, Map<String, ColumnType[]> typeMismatches, Map<String, List<String>> unseen,
                        List<String> extra) {
    }

    private Scorer() {
    }

    /** The columns of the raw file the model needs: its features and whatever its recipe reads. */
    public static List<SchemaColumn> required(TrainedModel model) {
        Set<String> needed = new HashSet<>(model.recipe().requiredColumns());
        for (int i = 0; i < model.header().numAttributes(); i++) {
            needed.add(model.header().attribute(i).name());
        }
        needed.remove(model.target().column());
        return ModelInput.schema(model).stream().filter(c -> needed.contains(c.name())).toList();
    }

    public static Check check(TrainedModel model, Dataset data) {
        List<String> missing = new ArrayList<>();
        Map<String, ColumnType[]> mismatches = new LinkedHashMap<>();
        Map<String, List<String>> unseen = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (SchemaColumn s : required(model)) {
            used.add(Dataset.foldCase(s.name()));
            var spec = data.spec(s.name());
            if (spec.isEmpty()) {
                missing.add(s.name());
                continue;
            }
            ColumnType found = spec.get().type();
            if (kind(found) != kind(s.type())) {
                mismatches.put(s.name(), new ColumnType[] {s.type(), found});
                continue;
            }
            List<String> known = model.recipe().knownCategories().get(s.name());
            if (known != null && kind(s.type()) == 0) {
                Set<String> k = new HashSet<>(known);
                Column<?> c = data.table().column(spec.get().name());
                Set<String> fresh = new TreeSet<>();
                for (int r = 0; r < c.size(); r++) {
                    if (!c.isMissing(r) && !k.contains(c.getString(r))) {
                        fresh.add(c.getString(r));
                    }
                }
                if (!fresh.isEmpty()) {
                    unseen.put(s.name(), List.copyOf(fresh));
                }
            }
        }
        List<String> extra = data.columns().stream().map(ColumnSpec::name)
                .filter(n -> !used.contains(Dataset.foldCase(n))).toList();
        return new Check(missing, mismatches, unseen, extra);
    }

    /** 0 text-like (category, text, identifier), 1 number, 2 date: types within a kind convert. */
    private static int kind(ColumnType t) {
        return switch (t) {
            case NUMBER -> 1;
            case DATETIME -> 2;
            default -> 0;
        };
    }

    /**
     * Every row of {@code data} with its score, predicted class (or number), rank and decile.
     *
     * @throws DeployException MISSING_COLUMNS, TYPE_MISMATCH, UNSEEN_CATEGORIES (with {@code STOP}), or
     *                         SCORING_FAILED when the model fails on the data
     */
    public static Dataset score(LoadedBundle bundle, Dataset data, UnseenCategories unseen, Progress progress)
            throws DeployException {
        TrainedModel model = bundle.model();
        Check check = check(model, data);
        if (!check.missing().isEmpty()) {
            throw new DeployException(DeployException.Reason.MISSING_COLUMNS,
                    UserMessage.of("deploy.score.missingColumns", check.missing().size(), String.join(", ", check.missing())));
        }
        if (!check.typeMismatches().isEmpty()) {
            List<String> words = new ArrayList<>();
            check.typeMismatches().forEach((c, t) -> words.add(c + " (" + t[0].id() + " → " + t[1].id() + ")"));
            throw new DeployException(DeployException.Reason.TYPE_MISMATCH,
                    UserMessage.of("deploy.score.typeMismatch", String.join(", ", words)));
        }
        if (!check.unseen().isEmpty() && unseen == UnseenCategories.STOP) {
            throw new DeployException(DeployException.Reason.UNSEEN_CATEGORIES,
                    UserMessage.of("deploy.score.unseen", describe(check.unseen())));
        }
        Dataset input = retyped(model, data);
        Instances rows;
        try {
            rows = ModelInput.instances(model, input);
        } catch (EvaluateException e) {
            throw new DeployException(DeployException.Reason.SCORING_FAILED,
                    UserMessage.of("deploy.score.failed", e.userMessage()), e);
        }
        if (rows.numInstances() != data.rowCount()) {
            throw new DeployException(DeployException.Reason.SCORING_FAILED,
                    UserMessage.of("deploy.score.rowsRemoved", data.rowCount(), rows.numInstances()));
        }
        int n = rows.numInstances();
        boolean number = model.target().task() == Task.NUMBER;
        int positive = ModelInput.positiveIndex(model);
        List<String> classes = model.target().classes();
        // the distribution follows the header's class values; find the positive class there by name
        int positiveInHeader = positive < 0 ? -1 : rows.classAttribute().indexOfValue(classes.get(positive));
        String negative = positive < 0 ? null : classes.get(1 - positive);
        double[] score = new double[n];
        String[] predicted = new String[n];
        try {
            for (int r = 0; r < n; r++) {
                if ((r & 1023) == 0) {
                    progress.throwIfCancelled();
                    progress.report((double) r / Math.max(1, n));
                }
                double[] d = model.classifier().distributionForInstance(rows.instance(r));
                if (number) {
                    score[r] = d[0];
                    predicted[r] = null;
                } else if (positiveInHeader >= 0) {
                    score[r] = d[positiveInHeader];
                    predicted[r] = score[r] >= bundle.threshold() ? classes.get(positive) : negative;
                } else {
                    int best = 0;
                    for (int k = 1; k < d.length; k++) {
                        best = d[k] > d[best] ? k : best;
                    }
                    score[r] = d[best];
                    predicted[r] = rows.classAttribute().value(best);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DeployException(DeployException.Reason.SCORING_FAILED,
                    UserMessage.of("deploy.score.failed", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        // rank 1 is the highest score; ties keep file order, so the ranking is the same on every run
        Integer[] order = IntStream.range(0, n).boxed().sorted(Comparator.comparingDouble((Integer r) -> -score[r])
                .thenComparingInt(r -> r)).toArray(Integer[]::new);
        double[] rank = new double[n];
        double[] decile = new double[n];
        for (int i = 0; i < n; i++) {
            rank[order[i]] = i + 1;
            decile[order[i]] = (int) ((long) i * 10 / n) + 1;
        }
        Table out = data.table().copy();
        List<ColumnSpec> specs = new ArrayList<>(data.columns());
        UserMessage why = UserMessage.of("deploy.reason.scored");
        out.addColumns(DoubleColumn.create(unique(out, "score"), score));
        specs.add(new ColumnSpec(out.column(out.columnCount() - 1).name(), ColumnType.NUMBER, why));
        if (number) {
            out.addColumns(DoubleColumn.create(unique(out, "predicted"), score));
            specs.add(new ColumnSpec(out.column(out.columnCount() - 1).name(), ColumnType.NUMBER, why));
        } else {
            out.addColumns(StringColumn.create(unique(out, "predicted"), predicted));
            specs.add(new ColumnSpec(out.column(out.columnCount() - 1).name(), ColumnType.CATEGORY, why));
        }
        out.addColumns(DoubleColumn.create(unique(out, "rank"), rank));
        specs.add(new ColumnSpec(out.column(out.columnCount() - 1).name(), ColumnType.NUMBER, why));
        out.addColumns(DoubleColumn.create(unique(out, "decile"), decile));
        specs.add(new ColumnSpec(out.column(out.columnCount() - 1).name(), ColumnType.NUMBER, why));
        progress.report(1);
        return new Dataset(out, specs);
    }

    /** Text-like columns take the model's type (a category detected as text in a small file still scores). */
    private static Dataset retyped(TrainedModel model, Dataset data) {
        Map<String, ColumnType> expected = new LinkedHashMap<>();
        required(model).forEach(s -> expected.put(Dataset.foldCase(s.name()), s.type()));
        List<ColumnSpec> specs = data.columns().stream().map(c -> {
            ColumnType t = expected.get(Dataset.foldCase(c.name()));
            return t == null || t == c.type() ? c : new ColumnSpec(c.name(), t, c.reason());
        }).toList();
        return new Dataset(data.table(), specs);
    }

    public static String describe(Map<String, List<String>> unseen) {
        List<String> words = new ArrayList<>();
        unseen.forEach((c, v) -> words.add(c + ": " + String.join(", ", v.size() > 5 ? v.subList(0, 5) : v)
                + (v.size() > 5 ? " (+" + (v.size() - 5) + ")" : "")));
        return String.join("; ", words);
    }

    private static String unique(Table t, String name) {
        String n = name;
        for (int i = 2; t.containsColumn(n); i++) {
            n = name + "_" + i;
        }
        return n;
    }
}
