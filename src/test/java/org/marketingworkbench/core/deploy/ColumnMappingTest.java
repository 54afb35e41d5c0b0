package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class ColumnMappingTest {

    private static final List<SchemaColumn> REQUIRED = List.of(
            new SchemaColumn("MonthlyCharges", ColumnType.NUMBER), new SchemaColumn("tenure", ColumnType.NUMBER),
            new SchemaColumn("Contract", ColumnType.CATEGORY));

    private static Dataset file(String... names) {
        Table t = Table.create("f");
        for (int i = 0; i < names.length; i++) {
            t.addColumns(DoubleColumn.create(names[i], new double[] {i, i + 10}));
        }
        return new Dataset(t, List.of(names).stream()
                .map(n -> new ColumnSpec(n, ColumnType.NUMBER, UserMessage.of("test"))).toList());
    }

    @Test
    void namesMatchIgnoringCaseFirstThenSpacesAndPunctuation() {
        ColumnMapping m = ColumnMapping.suggest(REQUIRED, List.of("Monthly Charges", "TENURE", "Plan", "Contract_"));
        assertThat(m.modelToFile()).containsExactly(Map.entry("tenure", "TENURE"),
                Map.entry("MonthlyCharges", "Monthly Charges"), Map.entry("Contract", "Contract_"));
        assertThat(m.unmapped(REQUIRED)).isEmpty();
        assertThat(ColumnMapping.suggest(REQUIRED, List.of("Plan")).unmapped(REQUIRED))
                .containsExactly("MonthlyCharges", "tenure", "Contract");
    }

    @Test
    void eachFileColumnFeedsOneModelColumn() {
        ColumnMapping m = ColumnMapping.suggest(REQUIRED, List.of("tenure", "Plan"))
                .with("MonthlyCharges", "Plan").with("Contract", "Plan");
        assertThat(m.modelToFile()).containsOnly(Map.entry("tenure", "tenure"), Map.entry("Contract", "Plan"));
        assertThat(m.with("Contract", null).modelToFile()).containsOnly(Map.entry("tenure", "tenure"));
    }

    @Test
    void applyGivesTheModelsNamesAndRestoreGivesTheFilesNamesBack() {
        Dataset data = file("Monthly Charges", "tenure", "Plan");
        ColumnMapping m = ColumnMapping.suggest(REQUIRED, List.of("Monthly Charges", "tenure", "Plan"))
                .with("Contract", "Plan");
        Dataset applied = m.apply(data);
        assertThat(applied.table().columnNames()).containsExactly("MonthlyCharges", "tenure", "Contract");
        assertThat(applied.spec("Contract")).isPresent();
        assertThat(data.table().columnNames()).as("the input is not changed")
                .containsExactly("Monthly Charges", "tenure", "Plan");
        Table scored = applied.table().copy();
        scored.addColumns(DoubleColumn.create("score", new double[] {0.1, 0.9}));
        List<ColumnSpec> specs = new java.util.ArrayList<>(applied.columns());
        specs.add(new ColumnSpec("score", ColumnType.NUMBER, UserMessage.of("test")));
        Dataset back = m.restore(new Dataset(scored, specs), data);
        assertThat(back.table().columnNames()).containsExactly("Monthly Charges", "tenure", "Plan", "score");
    }

    @Test
    void aColumnThatBearsAModelNameButFeedsAnotherIsMovedAsideNotConfused() {
        // the file's "tenure" holds months since the last order; the real tenure is "months"
        Dataset data = file("tenure", "months", "MonthlyCharges");
        ColumnMapping m = new ColumnMapping(Map.of("MonthlyCharges", "MonthlyCharges", "tenure", "months"));
        Dataset applied = m.apply(data);
        assertThat(applied.table().columnNames()).containsExactly("tenure (not used)", "tenure", "MonthlyCharges");
        assertThat(applied.table().doubleColumn("tenure").get(0)).isEqualTo(1.0);   // the "months" values
        assertThat(m.restore(applied, data).table().columnNames()).containsExactly("tenure", "months", "MonthlyCharges");
    }

    @Test
    void swappedColumnsAreSwappedBack() {
        Dataset data = file("tenure", "Contract");
        ColumnMapping m = new ColumnMapping(Map.of("tenure", "Contract", "Contract", "tenure"));
        Dataset applied = m.apply(data);
        assertThat(applied.table().doubleColumn("tenure").get(0)).isEqualTo(1.0);
        assertThat(applied.table().doubleColumn("Contract").get(0)).isEqualTo(0.0);
        Dataset back = m.restore(applied, data);
        assertThat(back.table().columnNames()).containsExactly("tenure", "Contract");
        assertThat(back.table().doubleColumn("tenure").get(0)).isEqualTo(0.0);
    }

    @Test
    void sameNamesNeedNoRenaming() {
        Dataset data = file("monthlycharges", "tenure");
        ColumnMapping m = ColumnMapping.suggest(REQUIRED, List.of("monthlycharges", "tenure"));
        assertThat(m.isIdentity()).isTrue();
        assertThat(m.apply(data)).isSameAs(data);
    }
}
