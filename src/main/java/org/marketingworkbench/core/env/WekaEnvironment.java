package org.marketingworkbench.core.env;

import java.nio.file.Path;

/**
 * Keeps Weka quiet and offline: its home goes into the workbench's own data folder instead of
 * {@code ~/wekafiles}, its package manager never loads packages or touches the network, and
 * linear algebra uses the pure-Java implementations instead of probing for native BLAS.
 *
 * <p>Must run before the first Weka class loads; both front doors (window and command line) call it
 * first thing in {@code main}.
 */
public final class WekaEnvironment {

    private WekaEnvironment() {
    }

    public static void configure(AppDirs dirs) {
        Path wekaHome = dirs.wekaHome();
        try {
            // Weka creates its home with mkdir (not mkdirs) and complains when the parent is missing
            java.nio.file.Files.createDirectories(wekaHome);
        } catch (java.io.IOException | SecurityException e) {
            // a read-only home: Weka still runs, it only cannot cache its settings
        }
        setIfAbsent("WEKA_HOME", wekaHome.toString());
        setIfAbsent("weka.packageManager.offline", "true");
        setIfAbsent("weka.packageManager.loadPackages", "false");
        setIfAbsent("weka.core.loadPackages", "false");
        // Weka resolves a class named in options (RandomForest's RandomTree) by scanning java.class.path for
        // "schemes"; started with java -jar, that path holds only our jar (Weka's is on the manifest's
        // Class-Path), the scan finds nothing and RandomForest refuses its own defaults. This switch makes
        // Weka load the named class directly, as its own Maven tests do.
        setIfAbsent("weka.test.maventest", "true");
        setIfAbsent("com.github.fommil.netlib.BLAS", "com.github.fommil.netlib.F2jBLAS");
        setIfAbsent("com.github.fommil.netlib.LAPACK", "com.github.fommil.netlib.F2jLAPACK");
        setIfAbsent("com.github.fommil.netlib.ARPACK", "com.github.fommil.netlib.F2jARPACK");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
