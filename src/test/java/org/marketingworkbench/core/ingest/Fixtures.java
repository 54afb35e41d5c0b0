package org.marketingworkbench.core.ingest;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.marketingworkbench.core.pipeline.Progress;

/** The small files under src/test/resources/org/marketingworkbench/ingest/. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource("/org/marketingworkbench/ingest/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ImportResult read(String name) throws ImportException {
        return new DataImporter().read(path(name), ImportSettings.auto(), Progress.none());
    }

    static ImportResult read(String name, ImportSettings settings) throws ImportException {
        return new DataImporter().read(path(name), settings, Progress.none());
    }

    static ImportPreview detect(String name) throws ImportException {
        return new DataImporter().detect(path(name), ImportSettings.auto());
    }
}
