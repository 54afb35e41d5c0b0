package org.marketingworkbench.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reads the arguments the window accepts: a project or data file to open, and {@code --smoke-test}. */
record GuiArguments(Optional<Path> fileToOpen, boolean smokeTest) {

    static final String SMOKE_TEST = "--smoke-test";

    static boolean isGuiLaunch(String[] args) {
        if (args.length == 0) {
            return true;
        }
        for (String a : args) {
            if (!a.equals(SMOKE_TEST) && !isOpenableFile(a)) {
                return false;
            }
        }
        return true;
    }

    static GuiArguments parse(java.util.List<String> args) {
        Path file = null;
        boolean smoke = false;
        for (String a : args) {
            if (a.equals(SMOKE_TEST)) {
                smoke = true;
            } else if (isOpenableFile(a)) {
                file = Path.of(a);
            }
        }
        return new GuiArguments(Optional.ofNullable(file), smoke);
    }

    private static boolean isOpenableFile(String arg) {
        if (arg.startsWith("-")) {
            return false;
        }
        String lower = arg.toLowerCase(Locale.ROOT);
        return lower.endsWith(".mwb") && java.nio.file.Files.isRegularFile(Path.of(arg));
    }
}
