package org.marketingworkbench.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.FileFormat;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.train.TrainedModel;

/** A file to score is read as the model's training file was, and one that clearly is not like it is caught. */
class ScoringFileTest {

    @TempDir
    Path dir;

    @Test
    void theUsersColumnTypeFromTrainingAppliesToTheFileToScore() throws Exception {
        // in training the user said web visits are a category (a code, not a count)
        ImportResult imported = new DataImporter().read(DeployFixtures.CUSTOMERS,
                ImportSettings.auto().withColumnType("web_visits_30d", ColumnType.CATEGORY), Progress.none());
        TrainedModel model = DeployFixtures.model(imported.dataset(), "logistic");
        assertThat(model.header().attribute("web_visits_30d").isNominal()).isTrue();
        LoadedBundle bundle = new LoadedBundle(1, model, 0.5, null, imported.resolvedSettings(), null, null, List.of());

        ScoringFile.Read read = new ScoringFile().read(DeployFixtures.CUSTOMERS, bundle,
                ScoringFile.Mode.STORED_SETTINGS, Progress.none());

        assertThat(read.dataset().spec("web_visits_30d").orElseThrow().type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(read.notices()).isEmpty();
        assertThat(Scorer.check(model, read.dataset()).typeMismatches()).isEmpty();
        // read with detected settings, the same column is a number: the model would refuse it
        Dataset detected = new DataImporter().read(DeployFixtures.CUSTOMERS, ImportSettings.auto(), Progress.none())
                .dataset();
        assertThat(Scorer.check(model, detected).typeMismatches()).containsKey("web_visits_30d");
    }

    @Test
    void anotherDelimiterStopsOrIsReadAsDetectedWithANotice() throws Exception {
        ImportResult imported = new DataImporter().read(DeployFixtures.CUSTOMERS, ImportSettings.auto(), Progress.none());
        TrainedModel model = DeployFixtures.model(imported.dataset(), "logistic");
        LoadedBundle bundle = new LoadedBundle(1, model, 0.5, null, imported.resolvedSettings(), null, null, List.of());
        Path tabs = Files.writeString(dir.resolve("next.tsv"),
                Files.readString(DeployFixtures.CUSTOMERS).replace(',', '\t'));

        assertThatThrownBy(() -> new ScoringFile().read(tabs, bundle, ScoringFile.Mode.STORED_SETTINGS, Progress.none()))
                .isInstanceOfSatisfying(DeployException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DeployException.Reason.OTHER_DELIMITER);
                    assertThat(e.userMessage().format(Locale.ENGLISH)).isEqualTo("next.tsv looks separated by tabs, but "
                            + "the model was trained on a file separated by commas (,).");
                    assertThat(e.userMessage().format(Locale.SIMPLIFIED_CHINESE)).contains("制表符").contains("逗号");
                });
        ScoringFile.Read read = new ScoringFile().read(tabs, bundle, ScoringFile.Mode.DETECT_WHEN_DIFFERENT,
                Progress.none());
        assertThat(read.used().delimiter()).isEqualTo('\t');
        assertThat(read.notices()).hasSize(1);
        assertThat(read.dataset().rowCount()).isEqualTo(imported.dataset().rowCount());
    }

    @Test
    void aModelWithoutImportSettingsReadsTheFileAsDetected() throws Exception {
        TrainedModel model = DeployFixtures.model(DeployFixtures.customers(), "logistic");
        Path semicolons = Files.writeString(dir.resolve("next.csv"),
                Files.readString(DeployFixtures.CUSTOMERS).replace(',', ';'));
        ScoringFile.Read read = new ScoringFile().read(semicolons, new LoadedBundle(0, model, 0.5, null),
                ScoringFile.Mode.STORED_SETTINGS, Progress.none());
        assertThat(read.used().delimiter()).isEqualTo(';');
        assertThat(read.notices()).isEmpty();
    }

    @Test
    void settingsOfAnotherKindOfFileKeepOnlyWhatDoesNotDependOnIt() {
        ImportSettings excel = ImportSettings.auto().withFormat(FileFormat.EXCEL).withSheet("Q3").withHeader(true)
                .withMissingMarkers(List.of("unknown")).withColumnType("code", ColumnType.CATEGORY);
        ImportSettings forCsv = ScoringFile.settingsFor(FileFormat.CSV, excel);
        assertThat(forCsv.format()).isNull();
        assertThat(forCsv.sheet()).isNull();
        assertThat(forCsv.hasHeader()).isNull();
        assertThat(forCsv.missingMarkers()).containsExactly("unknown");
        assertThat(forCsv.columnTypeOverrides()).containsEntry("code", ColumnType.CATEGORY);
        assertThat(ScoringFile.settingsFor(FileFormat.EXCEL, excel).sheet()).as("another workbook's sheet").isNull();
        assertThat(ScoringFile.settingsFor(FileFormat.EXCEL, excel).hasHeader()).isTrue();
    }

    @Test
    void anEncodingFitsWhenTheTextReadsTheSameInIt() throws Exception {
        Path ascii = Files.writeString(dir.resolve("a.csv"), "id,city\n1,Paris\n", StandardCharsets.US_ASCII);
        assertThat(ScoringFile.fits(ascii, "UTF-8", "windows-1252")).isTrue();
        Path latin = Files.write(dir.resolve("l.csv"), "id,city\n1,Zürich\n".getBytes(Charset.forName("windows-1252")));
        assertThat(ScoringFile.fits(latin, "windows-1252", "ISO-8859-1")).as("two single-byte guesses").isTrue();
        assertThat(ScoringFile.fits(latin, "UTF-8", "windows-1252")).as("not valid UTF-8").isFalse();
        Path utf8 = Files.writeString(dir.resolve("u.csv"), "id,city\n1,Zürich\n", StandardCharsets.UTF_8);
        assertThat(ScoringFile.fits(utf8, "windows-1252", "UTF-8")).as("plainly UTF-8").isFalse();
        assertThat(ScoringFile.fits(utf8, "UTF-16LE", "UTF-8")).isFalse();
        // a character cut at the end of the sample is not an error
        assertThat(ScoringFile.decodes(StandardCharsets.UTF_8, java.util.Arrays.copyOf("é".getBytes(
                StandardCharsets.UTF_8), 1), true)).isTrue();
        assertThat(ScoringFile.decodes(StandardCharsets.UTF_8, java.util.Arrays.copyOf("é".getBytes(
                StandardCharsets.UTF_8), 1), false)).isFalse();
    }
}
