package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.testsupport.SharedDatasets;
import tech.tablesaw.api.DoubleColumn;

/** The public reference files in ../shared/datasets; a missing file fails the test (see {@link SharedDatasets}). */
class RealDatasetsTest {

    private static Path dataset(String name) {
        return SharedDatasets.file(name);
    }

    @Test
    void readsBankFullWithNoSettings() throws Exception {
        ImportResult r = new DataImporter().read(dataset("bank-full.csv"), ImportSettings.auto(), Progress.none());
        assertThat(r.resolvedSettings().delimiter()).isEqualTo(';');
        assertThat(r.rowsRead()).isEqualTo(45_211);
        assertThat(r.rowsSkipped()).isZero();
        assertThat(r.dataset().table().columnCount()).isEqualTo(17);
        assertThat(r.dataset().table().columnNames()).startsWith("age", "job").endsWith("y");
        assertThat(r.dataset().spec("age").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(r.dataset().spec("y").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(r.dataset().table().stringColumn("y").countOccurrences("yes")).isEqualTo(5_289);
    }

    @Test
    void readsTelcoWithBlankTotalChargesAsMissingNumbers() throws Exception {
        ImportResult r = new DataImporter().read(dataset("WA_Fn-UseC_-Telco-Customer-Churn.csv"),
                ImportSettings.auto(), Progress.none());
        assertThat(r.rowsRead()).isEqualTo(7_043);
        assertThat(r.dataset().spec("customerID").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(r.dataset().spec("TotalCharges").orElseThrow().type()).isEqualTo(ColumnType.NUMBER);
        assertThat(((DoubleColumn) r.dataset().table().column("TotalCharges")).countMissing()).isEqualTo(11);
        assertThat(r.problems()).noneMatch(p -> p.kind() == ImportProblem.Kind.BAD_NUMBER);
        assertThat(r.dataset().table().stringColumn("Churn").countOccurrences("Yes")).isEqualTo(1_869);
    }

    @Test
    void readsMallCustomersWithoutFinalNewline() throws Exception {
        ImportResult r = new DataImporter().read(dataset("Mall_Customers.csv"), ImportSettings.auto(), Progress.none());
        assertThat(r.rowsRead()).isEqualTo(200);
        assertThat(r.dataset().table().columnCount()).isEqualTo(5);
        assertThat(r.dataset().spec("CustomerID").orElseThrow().type()).isEqualTo(ColumnType.IDENTIFIER);
    }
}
