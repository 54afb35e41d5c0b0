package org.marketingworkbench.core.evaluate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.adapter.weka.TableToInstances;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.TrainedModel;
import org.marketingworkbench.core.train.Task;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import weka.core.Instances;

/**
 * Customers as a trained model sees them: imported rows put through the model's fitted cleaning recipe and
 * converted to Weka data in the shape of the model's header, as new customers are scored. The target need not
 * be present (a customer whose outcome is unknown).
 */
public final class ModelInput {

    /** The Train step's row-number column, which is in the recipe's schema but never a feature. */
    private static final String ROW_ID = "__mwb_row";

    private ModelInput() {
    }

    /** The rows of {@code raw} (imported, before cleaning) as the model's Weka data. */
    public static Instances instances(TrainedModel model, Dataset raw) throws EvaluateException {
        Dataset clean;
        try {
            clean = model.recipe().apply(withTarget(model, raw), Progress.none()).dataset();
        } catch (CleanException e) {
            throw new EvaluateException(EvaluateException.Reason.MODEL_FAILED,
                    UserMessage.of("evaluate.error.recipe", e.userMessage()), e);
        }
        try {
            return TableToInstances.convertLike(model.header(), withTarget(model, clean));
        } catch (IllegalArgumentException e) {
            throw new EvaluateException(EvaluateException.Reason.UNKNOWN_COLUMN,
                    UserMessage.of("evaluate.error.columnsDoNotMatch", String.valueOf(e.getMessage())), e);
        }
    }

    private static Dataset withTarget(TrainedModel model, Dataset d) {
        String target = model.target().column();
        if (d.spec(target).isPresent()) {
            return d;
        }
        Table t = d.table().copy();
        List<ColumnSpec> specs = new ArrayList<>(d.columns());
        if (model.target().task() == Task.NUMBER) {
            DoubleColumn c = DoubleColumn.create(target, d.rowCount());
            for (int i = 0; i < d.rowCount(); i++) {
                c.setMissing(i);
            }
            t.addColumns(c);
            specs.add(new ColumnSpec(target, ColumnType.NUMBER, UserMessage.of("evaluate.reason.unknownOutcome")));
        } else {
            t.addColumns(StringColumn.create(target, d.rowCount()));
            specs.add(new ColumnSpec(target, ColumnType.CATEGORY, UserMessage.of("evaluate.reason.unknownOutcome")));
        }
        return new Dataset(t, specs);
    }

    /** The columns the model's recipe was fitted on (without the Train step's row numbers). */
    public static List<SchemaColumn> schema(TrainedModel model) {
        return model.recipe().inputSchema().stream().filter(c -> !c.name().equals(ROW_ID)).toList();
    }

    /**
     * One customer given as text per column (as typed in a form) as an imported row: numbers and dates are read,
     * a column not given is missing.
     *
     * @throws EvaluateException WRONG_TYPE when a value cannot be read as its column's type
     */
    public static Dataset row(TrainedModel model, Map<String, String> values) throws EvaluateException {
        List<Column<?>> columns = new ArrayList<>();
        List<ColumnSpec> specs = new ArrayList<>();
        for (SchemaColumn s : schema(model)) {
            String v = values.get(s.name());
            boolean missing = v == null || v.isBlank();
            Column<?> c = switch (s.type()) {
                case NUMBER -> {
                    DoubleColumn d = DoubleColumn.create(s.name(), 1);
                    if (missing) {
                        d.setMissing(0);
                    } else {
                        d.set(0, number(s.name(), v));
                    }
                    yield d;
                }
                case DATETIME -> {
                    DateTimeColumn d = DateTimeColumn.create(s.name(), 1);
                    if (!missing) {
                        d.set(0, date(s.name(), v));
                    }
                    yield d;
                }
                default -> StringColumn.create(s.name(), new String[] {missing ? "" : v.strip()});
            };
            columns.add(c);
            specs.add(new ColumnSpec(s.name(), s.type(), UserMessage.of("evaluate.reason.typed")));
        }
        return Dataset.of("customer", columns, specs);
    }

    static double number(String column, String text) throws EvaluateException {
        try {
            double d = Double.parseDouble(text.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new EvaluateException(EvaluateException.Reason.WRONG_TYPE,
                UserMessage.of("evaluate.error.notANumber", column, text));
    }

    private static LocalDateTime date(String column, String text) throws EvaluateException {
        String t = text.strip();
        try {
            return t.length() <= 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
        } catch (DateTimeParseException e) {
            throw new EvaluateException(EvaluateException.Reason.WRONG_TYPE,
                    UserMessage.of("evaluate.error.notADate", column, text), e);
        }
    }

    /** The index of the positive class in the model's classes, -1 when it has none (several classes, a number). */
    public static int positiveIndex(TrainedModel model) {
        if (model.target().task() != Task.BINARY) {
            return -1;
        }
        String p = model.settings().positiveClass().isBlank()
                ? model.target().suggestedPositive().orElse(model.target().classes().get(1))
                : model.settings().positiveClass();
        return model.target().classes().indexOf(p);
    }

    /**
     * The model's score of a distribution: P(positive) for two classes, the predicted number for a number
     * target, the largest class probability otherwise.
     */
    static double score(double[] distribution, int positiveIndex, boolean number) {
        if (number) {
            return distribution[0];
        }
        if (positiveIndex >= 0) {
            return distribution[positiveIndex];
        }
        double max = 0;
        for (double d : distribution) {
            max = Math.max(max, d);
        }
        return max;
    }
}
