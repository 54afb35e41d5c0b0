package org.marketingworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.marketingworkbench.core.clean.CleanResult;
import org.marketingworkbench.core.clean.FittedRecipe;
import org.marketingworkbench.core.clean.RecipeJson;
import org.marketingworkbench.core.clean.ReplayReport;
import org.marketingworkbench.core.clean.step.StepEffect;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.io.AtomicFile;
import org.marketingworkbench.core.io.RegularFile;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.ingest.NormalisedCsvWriter;
import org.marketingworkbench.core.pipeline.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clean FILE --recipe R --out O}: applies a recipe exported from the app, with its stored statistics. */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = "Apply a cleaning recipe exported from the app (Export recipe…) to a customer file with the "
                + "same columns. Statistics stored in the recipe are reused, never re-learned.")
final class CleanCommand implements Callable<Integer> {

    /** A recipe is a few kilobytes; anything past this is not one (and is never read whole). */
    static final long MAX_RECIPE_BYTES = 16L * 1024 * 1024;

    @Parameters(index = "0", paramLabel = "FILE", description = "The data file (read with detected settings).")
    Path file;

    @Option(names = "--recipe", required = true, paramLabel = "RECIPE", description = "The fitted recipe (.json).")
    Path recipeFile;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "Where to write the cleaned table (CSV).")
    Path out;

    @Mixin
    SpreadsheetCells spreadsheetCells;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (AtomicFile.destinationOf(out).equals(AtomicFile.destinationOf(file))) {
            throw new CleanException(CleanException.Reason.INVALID_SETTINGS, UserMessage.of("cli.clean.sameFile"));
        }
        FittedRecipe recipe = RecipeJson.readFitted(readRecipe());
        Dataset data = new DataImporter().read(file, ImportSettings.auto(), Progress.none()).dataset();
        CleanResult result = recipe.apply(data, Progress.none());
        NormalisedCsvWriter.write(result.dataset(), out,
                spreadsheetCells.cells());
        Locale locale = Locale.getDefault();
        PrintWriter w = spec.commandLine().getOut();
        for (StepEffect e : result.effects()) {
            w.println(UserMessage.of("cli.clean.effect", UserMessage.of("clean.op." + e.op()), e.rowsRemoved(),
                    e.cellsChanged(), e.columnsAdded().size(), e.columnsRemoved().size()).format(locale));
        }
        ReplayReport replay = result.replay();
        if (!replay.extraColumns().isEmpty()) {
            w.println(UserMessage.of("cli.clean.extra", String.join(", ", replay.extraColumns())).format(locale));
        }
        if (!replay.missingColumns().isEmpty()) {
            w.println(UserMessage.of("cli.clean.missing", String.join(", ", replay.missingColumns())).format(locale));
        }
        for (Map.Entry<String, java.util.List<String>> e : replay.unseenCategories().entrySet()) {
            w.println(UserMessage.of("cli.clean.unseen", e.getKey(), String.join(", ", e.getValue())).format(locale));
        }
        for (String change : replay.typeChanges()) {
            w.println(UserMessage.of("cli.clean.typeChange", change).format(locale));
        }
        w.println(UserMessage.of("cli.clean.written", result.dataset().rowCount(), result.dataset().columns().size(),
                out.toString()).format(locale));
        return WorkbenchCli.OK;
    }

    private String readRecipe() throws CleanException {
        try {
            return new String(RegularFile.read(recipeFile, MAX_RECIPE_BYTES), StandardCharsets.UTF_8);
        } catch (RegularFile.RefusedException e) {
            throw new CleanException(CleanException.Reason.CORRUPT_RECIPE,
                    UserMessage.of("cli.clean.notRecipeFile", recipeFile.toString()));
        } catch (NoSuchFileException e) {
            throw new CleanException(CleanException.Reason.CORRUPT_RECIPE,
                    UserMessage.of("cli.clean.noRecipe", recipeFile.toString()));
        } catch (IOException e) {
            throw new CleanException(CleanException.Reason.CORRUPT_RECIPE,
                    UserMessage.of("cli.clean.unreadableRecipe", recipeFile.toString(), String.valueOf(e.getMessage())));
        }
    }
}
