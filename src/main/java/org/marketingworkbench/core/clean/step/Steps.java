package org.marketingworkbench.core.clean.step;

import java.util.Collection;
import java.util.EnumSet;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.selection.BitmapBackedSelection;
import tech.tablesaw.selection.Selection;

/** Checks and small operations shared by the steps. */
final class Steps {

    private Steps() {
    }

    static void requireColumns(Dataset data, Collection<String> columns) throws CleanException {
        for (String c : columns) {
            if (data.spec(c).isEmpty()) {
                throw new CleanException(CleanException.Reason.COLUMN_MISSING,
                        UserMessage.of("clean.error.columnMissing", c));
            }
        }
    }

    static void requireType(Dataset data, String column, EnumSet<ColumnType> allowed, String op)
            throws CleanException {
        requireColumns(data, java.util.List.of(column));
        ColumnType t = data.spec(column).orElseThrow().type();
        if (!allowed.contains(t)) {
            throw new CleanException(CleanException.Reason.WRONG_COLUMN_TYPE,
                    UserMessage.of("clean.error.wrongType", column, UserMessage.of("clean.op." + op),
                            UserMessage.of("clean.type." + t.id())));
        }
    }

    static void requireNumbers(Dataset data, Collection<String> columns, String op) throws CleanException {
        for (String c : columns) {
            requireType(data, c, EnumSet.of(ColumnType.NUMBER), op);
        }
    }

    /**
     * A value typed by the user, in a column's own terms: a number for NUMBER, an ISO date-time for
     * DATETIME, the text itself otherwise; a value the column could never hold is refused.
     */
    static Object parseValue(String column, ColumnType type, String text) throws CleanException {
        try {
            return switch (type) {
                case NUMBER -> Double.parseDouble(text.trim());
                case DATETIME -> java.time.LocalDateTime.parse(text.trim());
                default -> text;
            };
        } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS,
                    UserMessage.of("clean.error.badConstant", text, column), e);
        }
    }

    static void requireFitted(RecipeStep step) throws CleanException {
        if (!step.isFitted()) {
            throw new CleanException(CleanException.Reason.NOT_FITTED,
                    UserMessage.of("clean.error.notFitted", UserMessage.of("clean.op." + step.op())));
        }
    }

    /** Keeps the selected rows; refuses to leave an empty table. */
    static Dataset keepRows(Dataset data, Selection keep, String op) throws CleanException {
        if (keep.size() == data.rowCount()) {
            return data;
        }
        if (keep.isEmpty() && data.rowCount() > 0) {
            throw new CleanException(CleanException.Reason.ALL_ROWS_REMOVED,
                    UserMessage.of("clean.error.allRowsRemoved", UserMessage.of("clean.op." + op), data.rowCount()));
        }
        return new Dataset(data.table().where(keep), data.columns());
    }

    static Selection allRows(int n) {
        Selection s = new BitmapBackedSelection();
        s.addRange(0, n);
        return s;
    }

    static DoubleColumn doubles(String name, double[] values) {
        return DoubleColumn.create(name, values);
    }
}
