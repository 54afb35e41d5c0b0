package org.marketingworkbench.core.clean.step;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.marketingworkbench.core.clean.CleanException;
import org.marketingworkbench.core.clean.DatasetEdit;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;

/**
 * Derives model-ready features from a date column: {@code <column>_days_since} (days from the date to
 * the reference date, a number), {@code <column>_month} ("01".."12") and {@code <column>_weekday}
 * ("1" = Monday .. "7" = Sunday, ISO), both categories. The reference date is a setting or, when not
 * given, learned at fit time as the latest date in the data; either way it is stored (ISO text) so new
 * data is measured against the same day.
 */
public record DateFeaturesStep(boolean enabled, String column, boolean daysSince, boolean month, boolean weekday,
        String referenceDate) implements RecipeStep {

    public static final String OP = "dateFeatures";

    public static DateFeaturesStep of(String column, boolean daysSince, boolean month, boolean weekday) {
        return new DateFeaturesStep(true, column, daysSince, month, weekday, null);
    }

    @Override
    public RecipeStep withEnabled(boolean e) {
        return new DateFeaturesStep(e, column, daysSince, month, weekday, referenceDate);
    }

    @Override
    public String op() {
        return OP;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of(column);
    }

    @Override
    public boolean isFitted() {
        return !daysSince || referenceDate != null;
    }

    @Override
    public RecipeStep fit(Dataset data) throws CleanException {
        Steps.requireType(data, column, EnumSet.of(ColumnType.DATETIME), OP);
        if (!daysSince && !month && !weekday) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS, UserMessage.of("clean.error.noDateFeature", column));
        }
        if (referenceDate != null) {
            reference();
            return this;
        }
        DateTimeColumn d = DatasetEdit.dates(data, column);
        LocalDate max = null;
        for (int r = 0; r < d.size(); r++) {
            if (!d.isMissing(r)) {
                LocalDate x = d.get(r).toLocalDate();
                max = max == null || x.isAfter(max) ? x : max;
            }
        }
        if (max == null) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS, UserMessage.of("clean.error.noValues", column));
        }
        return new DateFeaturesStep(enabled, column, daysSince, month, weekday, max.toString());
    }

    private LocalDate reference() throws CleanException {
        try {
            return LocalDate.parse(referenceDate);
        } catch (DateTimeParseException e) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS,
                    UserMessage.of("clean.error.badConstant", referenceDate, column), e);
        }
    }

    @Override
    public StepOutput apply(Dataset data) throws CleanException {
        Steps.requireFitted(this);
        Steps.requireType(data, column, EnumSet.of(ColumnType.DATETIME), OP);
        DateTimeColumn d = DatasetEdit.dates(data, column);
        int rows = d.size();
        long ref = daysSince ? reference().toEpochDay() : 0;
        double[] days = new double[rows];
        StringColumn months = StringColumn.create(column + "_month");
        StringColumn weekdays = StringColumn.create(column + "_weekday");
        for (int r = 0; r < rows; r++) {
            if (d.isMissing(r)) {
                days[r] = Double.NaN;
                months.appendMissing();
                weekdays.appendMissing();
            } else {
                LocalDate x = d.get(r).toLocalDate();
                days[r] = ref - x.toEpochDay();
                months.append(x.getMonthValue() < 10 ? "0" + x.getMonthValue() : Integer.toString(x.getMonthValue()));
                weekdays.append(Integer.toString(x.getDayOfWeek().getValue()));
            }
        }
        DatasetEdit edit = new DatasetEdit(data);
        List<String> added = new ArrayList<>();
        UserMessage reason = UserMessage.of("clean.reason.fromDate", column);
        if (daysSince) {
            String name = column + "_days_since";
            edit.addAfter(column, DoubleColumn.create(name, days), DatasetEdit.derivedSpec(name, ColumnType.NUMBER, reason));
            added.add(name);
        }
        if (month) {
            edit.addAfter(column, months, DatasetEdit.derivedSpec(months.name(), ColumnType.CATEGORY, reason));
            added.add(months.name());
        }
        if (weekday) {
            edit.addAfter(column, weekdays, DatasetEdit.derivedSpec(weekdays.name(), ColumnType.CATEGORY, reason));
            added.add(weekdays.name());
        }
        return new StepOutput(edit.build(), StepEffect.of(OP, rows, rows, 0, added, List.of()));
    }
}
