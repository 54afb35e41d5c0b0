package org.marketingworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest extends CliTest {

    @TempDir
    Path tmp;
    private static String fixture(String name) throws URISyntaxException {
        return Path.of(ImportCommandTest.class.getResource("/org/marketingworkbench/ingest/" + name).toURI()).toString();
    }

    @Test
    void printsDetectedSettingsSchemaAndCounts() throws Exception {
        assertThat(run("import", fixture("telco-style.csv"))).isZero();
        String text = out.toString();
        assertThat(text).contains("delimiter [,]").contains("header true");
        assertThat(text).containsPattern("customerID\\s+identifier\\s+0\\s+all values unique");
        assertThat(text).containsPattern("TotalCharges\\s+number\\s+2\\s+");
        assertThat(text).contains("30 rows read, 0 rows skipped, 0 problems");
    }

    @Test
    void jsonOutputHoldsSettingsColumnsAndProblems() throws Exception {
        assertThat(run("import", fixture("ragged.csv"), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("settings").path("delimiter").asText()).isEqualTo(",");
        assertThat(json.path("columns")).hasSize(3);
        assertThat(json.path("columns").get(0).path("type").asText()).isEqualTo("number");
        assertThat(json.path("rowsRead").asLong()).isEqualTo(3);
        assertThat(json.path("rowsSkipped").asLong()).isEqualTo(2);
        assertThat(json.path("problems").get(0).path("line").asLong()).isEqualTo(3);
        assertThat(json.path("problems").get(0).path("rawText").asText()).isEqualTo("4,5");
    }

    @Test
    void optionsOverrideDetectionAndOutWritesTheNormalisedTable() throws Exception {
        Path table = tmp.resolve("table.csv");
        assertThat(run("import", fixture("decimal-comma.csv"), "--delimiter", ";", "--decimal-comma",
                "--thousands", ".", "--missing", "unknown", "--type", "Kunde=identifier", "--out", table.toString()))
                .isZero();
        assertThat(Files.readAllLines(table)).containsExactly(
                "Kunde,Umsatz,Rabatt,Datum",
                "A,1234.56,0.5,2024-02-03 00:00:00",
                "B,987.1,1.25,2023-11-17 00:00:00",
                "C,12000,0.75,2024-01-01 00:00:00",
                "D,45,,2024-02-28 00:00:00");
        assertThat(out.toString()).contains("Kunde").contains("set by you");
    }

    @Test
    void outLeavesOutColumnsSetToIgnore() throws Exception {
        // trailing delimiters give two empty columns, column_3 and column_4, set to "ignore"
        Path table = tmp.resolve("table.csv");
        assertThat(run("import", fixture("trailing-delimiters.csv"), "--out", table.toString())).isZero();
        assertThat(out.toString()).containsPattern("column_3\\s+ignore");
        assertThat(Files.readAllLines(table)).containsExactly("name,amount", "A,1", "B,2", "C,3");
        // and a column the user sets to ignore
        Path chosen = tmp.resolve("chosen.csv");
        assertThat(run("import", fixture("trailing-delimiters.csv"), "--type", "name=ignore", "--out",
                chosen.toString())).isZero();
        assertThat(Files.readAllLines(chosen)).containsExactly("amount", "1", "2", "3");
    }

    @Test
    void badInputExitsWithOneAndAOneLineMessage() {
        assertThat(run("import", tmp.toString())).isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(err.toString().trim()).startsWith("error: ").contains("is a folder").doesNotContain("\n");
    }

    @Test
    void stopOnBadRowExitsWithOne() throws Exception {
        assertThat(run("import", fixture("ragged.csv"), "--on-bad-row", "stop")).isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(err.toString()).contains("line 3");
    }

    @Test
    void unknownTypeIsAUserError() throws Exception {
        assertThat(run("import", fixture("ragged.csv"), "--type", "a=colour")).isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(err.toString()).contains("colour");
    }

    @Test
    void refusesToWriteOverTheFileBeingImported() throws Exception {
        Path copy = tmp.resolve("in.csv");
        Files.copy(Path.of(fixture("ragged.csv")), copy);
        byte[] before = Files.readAllBytes(copy);
        assertThat(run("import", copy.toString(), "--out", copy.toString())).isEqualTo(WorkbenchCli.BAD_INPUT);
        assertThat(Files.readAllBytes(copy)).isEqualTo(before);
    }

    @Test
    void usageErrorExitsWithTwo() {
        assertThat(run("import")).isEqualTo(WorkbenchCli.USAGE);
    }
}
