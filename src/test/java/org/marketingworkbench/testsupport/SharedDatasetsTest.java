package org.marketingworkbench.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDatasetsTest {

    private String optionalBefore;

    @BeforeEach
    void rememberOptional() {
        optionalBefore = System.getProperty(SharedDatasets.OPTIONAL);
    }

    @AfterEach
    void restoreOptional() {
        if (optionalBefore == null) {
            System.clearProperty(SharedDatasets.OPTIONAL);
        } else {
            System.setProperty(SharedDatasets.OPTIONAL, optionalBefore);
        }
    }

    @Test
    void theDatasetsAreInSharedNextToTheProjectRoot() {
        Path root = Path.of(System.getProperty(SharedDatasets.PROJECT_DIR, System.getProperty("user.dir")));
        assertThat(SharedDatasets.directory()).isEqualTo(root.getParent().resolve("shared").resolve("datasets"));
    }

    @Test
    void theReferenceFilesAreFoundThere() {
        assertThat(SharedDatasets.file("bank-full.csv")).isRegularFile().isReadable();
    }

    @Test
    void aMissingDatasetFailsTheTestAndSaysWhereItWasLookedFor() {
        System.clearProperty(SharedDatasets.OPTIONAL);
        assertThatThrownBy(() -> SharedDatasets.file("no-such-file.csv"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(SharedDatasets.directory().resolve("no-such-file.csv").toString())
                .hasMessageContaining("-Dmwb.datasets.optional=true");
    }

    @Test
    void aMissingDatasetSkipsTheTestOnlyWhenDeclaredOptional() {
        System.setProperty(SharedDatasets.OPTIONAL, "true");
        assertThatThrownBy(() -> SharedDatasets.file("no-such-file.csv"))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no-such-file.csv");
    }
}
