package org.marketingworkbench.core.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.project.ContentHash;

class SampleDataTest {

    @TempDir
    Path tmp;

    @Test
    void prefersTheShippedSampleFolder() throws Exception {
        Path install = tmp.resolve("install");
        Path shipped = install.resolve(SampleData.FOLDER).resolve(SampleDataGenerator.CUSTOMERS_FILE);
        Files.createDirectories(shipped.getParent());
        Files.writeString(shipped, "customer_id\nC1\n");
        Path appData = tmp.resolve("appdata");

        Path found = SampleData.ensure(appData, List.of(tmp.resolve("elsewhere"), install),
                SampleDataGenerator.CUSTOMERS_FILE);

        assertThat(found).isEqualTo(shipped);
        assertThat(appData).doesNotExist();
    }

    @Test
    void generatesTheDefaultSampleIntoAppDataWhenNothingIsShipped() throws Exception {
        Path appData = tmp.resolve("appdata");

        Path found = SampleData.ensure(appData, List.of(tmp.resolve("nowhere")), SampleDataGenerator.CUSTOMERS_FILE);

        assertThat(found).isEqualTo(appData.resolve("sample-data").resolve("customers.csv"));
        Path reference = new SampleDataGenerator()
                .generateCustomers(tmp.resolve("reference"), SampleDataGenerator.DEFAULT_SEED).customersFile();
        assertThat(ContentHash.sha256(found)).isEqualTo(ContentHash.sha256(reference));
    }

    @Test
    void reusesAnEarlierGeneratedCopy() throws Exception {
        Path appData = tmp.resolve("appdata");
        Path earlier = appData.resolve("sample-data").resolve("customers.csv");
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "kept");

        Path found = SampleData.ensure(appData, List.of(), SampleDataGenerator.CUSTOMERS_FILE);

        assertThat(found).isEqualTo(earlier);
        assertThat(Files.readString(found)).isEqualTo("kept");
    }

    @Test
    void generatesTransactionsOnRequest() throws Exception {
        Path appData = tmp.resolve("appdata");

        Path found = SampleData.ensure(appData, List.of(), SampleDataGenerator.TRANSACTIONS_FILE);

        assertThat(found.getFileName().toString()).isEqualTo("transactions.csv");
        assertThat(Files.readAllLines(found).get(0)).startsWith("customer_id,invoice,invoice_date");
        assertThat(appData.resolve("sample-data").resolve("customers.csv")).exists();
    }

    @Test
    void searchesTheWorkingDirectoryAndTheApplicationFolder() {
        List<Path> candidates = SampleData.defaultCandidates();
        assertThat(candidates).first().isEqualTo(Path.of("").toAbsolutePath());
        assertThat(candidates).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void wekasJarShipsTheGermanCreditData() throws Exception {
        try (var in = SampleData.class.getClassLoader().getResourceAsStream(SampleData.WEKA_GERMAN_CREDIT_RESOURCE)) {
            assertThat(in).isNotNull();
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).contains("@relation german_credit").contains("@attribute class { good, bad}");
        }
    }

    @Test
    void theFinishedSampleProjectIsWrittenBesideTheGeneratedCustomersAndOpensWithEveryStepDone() throws Exception {
        Path appData = tmp.resolve("appdata-project");
        Path project = SampleData.ensureProject(appData, java.util.List.of());
        assertThat(project).isEqualTo(appData.resolve(SampleData.FOLDER).resolve(SampleData.PROJECT_FILE));
        var opened = new org.marketingworkbench.core.project.ProjectStore("test").open(project);
        assertThat(opened.dataStatus()).isEqualTo(org.marketingworkbench.core.project.OpenedProject.DataStatus.PRESENT);
        // the generated customers are the bytes the project was made on
        assertThat(org.marketingworkbench.core.deploy.ModelBundle.sha256(opened.project().dataSource().path()))
                .isEqualTo(opened.project().dataSource().sha256());
        for (var stage : java.util.EnumSet.range(org.marketingworkbench.core.pipeline.Stage.INGEST,
                org.marketingworkbench.core.pipeline.Stage.EVALUATE)) {
            assertThat(opened.project().pipelineState().status(stage))
                    .isEqualTo(org.marketingworkbench.core.pipeline.StageStatus.DONE);
        }
        assertThat(opened.project().notes()).isNotEmpty();
        // a copy the user changed and saved is theirs: not overwritten
        java.nio.file.Files.writeString(project, "{}");
        assertThat(SampleData.ensureProject(appData, java.util.List.of())).isEqualTo(project);
        assertThat(java.nio.file.Files.readString(project)).isEqualTo("{}");
    }
}
