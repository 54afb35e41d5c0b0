package org.marketingworkbench.core.clean.step;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.clean.table.DatasetEdit;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

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
        long maxEpochDay = Long.MIN_VALUE;
        for (int r = 0; r < d.size(); r++) {
            if (!d.isMissing(r)) {
                maxEpochDay = Math.max(maxEpochDay, PackedLocalDate.toEpochDay(PackedLocalDateTime.date(d.getLongInternal(r))));
            }
        }
        if (maxEpochDay != Long.MIN_VALUE) {
            max = LocalDate.ofEpochDay(maxEpochDay);
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
        String[] months = new String[rows];
        String[] weekdays = new String[rows];
        String[] monthLabel = new String[13];
        String[] dayLabel = new String[8];
        for (int m = 1; m <= 12; m++) {
            monthLabel[m] = m < 10 ? "0" + m : Integer.toString(m);
        }
        for (int w = 1; w <= 7; w++) {
            dayLabel[w] = Integer.toString(w);
        }
        for (int r = 0; r < rows; r++) {
            if (d.isMissing(r)) {
                days[r] = Double.NaN;
                months[r] = "";
                weekdays[r] = "";
            } else {
                int date = PackedLocalDateTime.date(d.getLongInternal(r));
                days[r] = ref - PackedLocalDate.toEpochDay(date);
                months[r] = monthLabel[PackedLocalDate.getMonthValue(date)];
                weekdays[r] = dayLabel[PackedLocalDate.getDayOfWeek(date).getValue()];
            }
        }
        StringColumn monthCol = StringColumn.create(column + "_month", months);
        StringColumn weekdayCol = StringColumn.create(column + "_weekday", weekdays);
        DatasetEdit edit = new DatasetEdit(data);
        List<String> added = new ArrayList<>();
        UserMessage reason = UserMessage.of("clean.reason.fromDate", column);
        if (daysSince) {
            String name = column + "_days_since";
            edit.addAfter(column, DoubleColumn.create(name, days), DatasetEdit.derivedSpec(name, ColumnType.NUMBER, reason));
            added.add(name);
        }
        if (month) {
            edit.addAfter(column, monthCol, DatasetEdit.derivedSpec(monthCol.name(), ColumnType.CATEGORY, reason));
            added.add(monthCol.name());
        }
        if (weekday) {
            edit.addAfter(column, weekdayCol, DatasetEdit.derivedSpec(weekdayCol.name(), ColumnType.CATEGORY, reason));
            added.add(weekdayCol.name());
        }
        return new StepOutput(edit.build(), StepEffect.of(OP, rows, rows, 0, added, List.of()));
    }
}
