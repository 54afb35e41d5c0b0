package org.marketingworkbench.app;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marketingworkbench.core.env.AppDirs;

/** Finds the shipped {@code sample-data/customers.csv}: beside the working folder or the installed jar. */
final class SampleDataLocator {

    private SampleDataLocator() {
    }

    static Path customersFile(AppDirs dirs) throws NoSuchFileException {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("sample-data", "customers.csv"));
        try {
            Path jar = Path.of(SampleDataLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                candidates.add(p.resolve("sample-data").resolve("customers.csv"));
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: only the working folder is searched
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c.toAbsolutePath().normalize();
            }
        }
        throw new NoSuchFileException("sample-data/customers.csv");
    }
}
