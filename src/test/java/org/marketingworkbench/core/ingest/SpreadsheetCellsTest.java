package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text cells that a spreadsheet would run as a formula are kept as text (CSV injection). */
class SpreadsheetCellsTest {

    @Test
    void cellsStartingWithAFormulaCharacterGetAnApostrophe() {
        assertThat(NormalisedCsvWriter.neutralise("=cmd()")).isEqualTo("'=cmd()");
        assertThat(NormalisedCsvWriter.neutralise("+1+2")).isEqualTo("'+1+2");
        assertThat(NormalisedCsvWriter.neutralise("-1+2")).isEqualTo("'-1+2");
        assertThat(NormalisedCsvWriter.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(NormalisedCsvWriter.neutralise("\t=cmd()")).isEqualTo("'\t=cmd()");
        assertThat(NormalisedCsvWriter.neutralise("\r=cmd()")).isEqualTo("'\r=cmd()");
        assertThat(NormalisedCsvWriter.neutralise("+49 30 1234")).isEqualTo("'+49 30 1234");
    }

    @Test
    void plainNumbersAndOrdinaryTextStayAsTheyAre() {
        assertThat(NormalisedCsvWriter.neutralise("-5")).isEqualTo("-5");
        assertThat(NormalisedCsvWriter.neutralise("-5.25")).isEqualTo("-5.25");
        assertThat(NormalisedCsvWriter.neutralise("+3")).isEqualTo("+3");
        assertThat(NormalisedCsvWriter.neutralise("Young big spenders")).isEqualTo("Young big spenders");
        assertThat(NormalisedCsvWriter.neutralise("年轻高消费客户")).isEqualTo("年轻高消费客户");
        assertThat(NormalisedCsvWriter.neutralise("")).isEmpty();
    }
}
