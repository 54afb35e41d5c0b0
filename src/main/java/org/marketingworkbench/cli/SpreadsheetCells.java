package org.marketingworkbench.cli;

import org.marketingworkbench.core.ingest.NormalisedCsvWriter;
import picocli.CommandLine.Option;

/** The {@code --raw-cells} option of every command that writes CSV (a picocli mixin, declared once). */
final class SpreadsheetCells {

    @Option(names = "--raw-cells", description = "With --out: write text cells exactly as they are. By default a cell "
            + "that starts with = + - @ gets a leading ' so a spreadsheet shows it as text instead of running it.")
    boolean raw;

    NormalisedCsvWriter.Cells cells() {
        return raw ? NormalisedCsvWriter.Cells.RAW : NormalisedCsvWriter.Cells.FOR_SPREADSHEETS;
    }
}
