package org.marketingworkbench.core.env;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of the libraries the workbench runs on, for the About dialog and {@code --version}. */
public record LibraryVersions(String workbench, String wekaVersion, String tablesawVersion, String java) {

    /** The workbench's own version, without loading Weka or Tablesaw (used at start-up). */
    public static String workbenchVersion() {
        return mavenVersion("org.marketingworkbench", "marketing-workbench", LibraryVersions.class);
    }

    public static LibraryVersions detect() {
        return new LibraryVersions(
                mavenVersion("org.marketingworkbench", "marketing-workbench", LibraryVersions.class),
                detectWekaVersion(),
                mavenVersion("tech.tablesaw", "tablesaw-core", tech.tablesaw.api.Table.class),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    }

    private static String detectWekaVersion() {
        return weka.core.Version.VERSION;
    }

    private static String mavenVersion(String group, String artifact, Class<?> anchor) {
        String implementation = anchor.getPackage() == null ? null : anchor.getPackage().getImplementationVersion();
        if (implementation != null) {
            return implementation;
        }
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "?");
            }
        } catch (IOException e) {
            // fall through: an unknown version is not worth failing for
        }
        return "dev";
    }
}
