package org.marketingworkbench.core.ingest;

import java.util.List;
import org.marketingworkbench.core.data.ColumnSpec;

/**
 * What {@link DataImporter#detect} found from a sample of the file, for the settings panel and a
 * first preview.
 *
 * @param resolvedSettings every detected setting filled in; reading with them gives the same table
 * @param columns          the columns with their inferred (or overridden) types and reasons
 * @param sampleRows       the first data rows as written (at most {@link #SAMPLE_ROWS}), one list per row
 * @param sheets           the workbook's sheet names (Excel only, otherwise empty)
 * @param problems         what the sample already shows: renamed columns, empty or mixed columns
 * @param fileSize         bytes on disk
 * @param estimatedRows    rows expected in the whole file (exact for Excel and ARFF)
 * @param estimatedBytes   memory the typed table is expected to take
 */
public record ImportPreview(ImportSettings resolvedSettings, List<ColumnSpec> columns, List<List<String>> sampleRows,
        List<String> sheets, List<ImportProblem> problems, long fileSize, long estimatedRows, long estimatedBytes) {

    public static final int SAMPLE_ROWS = 100;

    public ImportPreview {
        columns = List.copyOf(columns);
        sampleRows = List.copyOf(sampleRows);
        sheets = List.copyOf(sheets);
        problems = List.copyOf(problems);
    }
}
