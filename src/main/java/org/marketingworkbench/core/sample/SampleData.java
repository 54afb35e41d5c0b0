package org.marketingworkbench.core.sample;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the sample customer file for "Try with sample data": the committed or installed
 * {@code sample-data/} folder when there is one, otherwise a copy generated on the spot (the same
 * bytes, from {@link SampleDataGenerator#DEFAULT_SEED}) in the user's application-data folder.
 */
public final class SampleData {

    public static final String FOLDER = "sample-data";

    /**
     * The German credit data set (1,000 loan applicants, class good/bad) as Weka's own jar ships it,
     * a classpath resource: offer it with {@code ClassLoader.getResourceAsStream}.
     */
    public static final String WEKA_GERMAN_CREDIT_RESOURCE = "weka/gui/knowledgeflow/templates/credit-g.arff";

    private SampleData() {
    }

    /**
     * Returns the path of {@code customers.csv}: {@code sample-data/customers.csv} in the working
     * directory or next to the application's jar (or in its parent folder) if present, else the copy in
     * {@code appDataDir/sample-data/}, generated if it is not there yet (about 0.3 s; the transactions
     * are not written, see {@link #ensureTransactionsAvailable(Path)}).
     */
    public static Path ensureAvailable(Path appDataDir) throws SampleDataException {
        return ensure(appDataDir, defaultCandidates(), SampleDataGenerator.CUSTOMERS_FILE);
    }

    /** As {@link #ensureAvailable(Path)} for {@code transactions.csv} (generating both files if needed). */
    public static Path ensureTransactionsAvailable(Path appDataDir) throws SampleDataException {
        return ensure(appDataDir, defaultCandidates(), SampleDataGenerator.TRANSACTIONS_FILE);
    }

    /** The finished sample project: every step run on the sample customers, with a consultant's notes. */
    public static final String PROJECT_FILE = "sample.mwb";

    /**
     * Returns the path of the finished sample project, next to the sample customers it reads: the shipped
     * {@code sample-data/sample.mwb} when there is one, else a copy (from the jar) in
     * {@code appDataDir/sample-data/}, beside the customers written there. An existing copy is left as it is (the
     * user may have changed and saved it).
     */
    public static Path ensureProjectAvailable(Path appDataDir) throws SampleDataException {
        return ensureProject(appDataDir, defaultCandidates());
    }

    static Path ensureProject(Path appDataDir, List<Path> candidateDirs) throws SampleDataException {
        for (Path dir : candidateDirs) {
            Path shipped = dir.resolve(FOLDER).resolve(PROJECT_FILE);
            if (Files.isRegularFile(shipped) && Files.isRegularFile(dir.resolve(FOLDER).resolve(SampleDataGenerator.CUSTOMERS_FILE))) {
                return shipped;
            }
        }
        Path customers = ensure(appDataDir, List.of(), SampleDataGenerator.CUSTOMERS_FILE);
        Path project = customers.resolveSibling(PROJECT_FILE);
        if (Files.isRegularFile(project)) {
            return project;
        }
        try (java.io.InputStream in = SampleData.class.getResourceAsStream(PROJECT_FILE)) {
            if (in == null) {
                throw new java.io.IOException(PROJECT_FILE + " is not in the application");
            }
            byte[] bytes = in.readAllBytes();
            org.marketingworkbench.core.io.AtomicFile.write(project, out -> out.write(bytes));
        } catch (java.io.IOException e) {
            throw new SampleDataException(org.marketingworkbench.core.i18n.UserMessage.of("sample.error.project",
                    project, String.valueOf(e.getMessage())), e);
        }
        return project;
    }

    /** Looks for a shipped {@code sample-data/<fileName>} in the given folders, else uses or makes the copy. */
    static Path ensure(Path appDataDir, List<Path> candidateDirs, String fileName) throws SampleDataException {
        for (Path dir : candidateDirs) {
            Path shipped = dir.resolve(FOLDER).resolve(fileName);
            if (Files.isRegularFile(shipped) && Files.isReadable(shipped)) {
                return shipped;
            }
        }
        Path folder = appDataDir.resolve(FOLDER);
        Path file = folder.resolve(fileName);
        if (Files.isRegularFile(file)) {
            return file; // the generator writes atomically, so an existing file is complete
        }
        SampleDataGenerator generator = new SampleDataGenerator();
        if (fileName.equals(SampleDataGenerator.CUSTOMERS_FILE)) {
            return generator.generateCustomers(folder, SampleDataGenerator.DEFAULT_SEED).customersFile();
        }
        return generator.generate(folder, SampleDataGenerator.DEFAULT_SEED).transactionsFile();
    }

    /** The working directory, then the folder of the application's jar and its parent. */
    static List<Path> defaultCandidates() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(Path.of("").toAbsolutePath());
        try {
            CodeSource source = SampleData.class.getProtectionDomain().getCodeSource();
            if (source != null && source.getLocation() != null) {
                Path location = Path.of(source.getLocation().toURI()).toAbsolutePath();
                Path dir = Files.isDirectory(location) ? location : location.getParent();
                if (dir != null) {
                    dirs.add(dir);
                    if (dir.getParent() != null) {
                        dirs.add(dir.getParent());
                    }
                }
            }
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            // no usable code location (unusual class loader): the working directory is still searched
        }
        return dirs;
    }
}
