package org.marketingworkbench.core.ingest;

import java.util.List;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.Dataset;

/**
 * A finished import.
 *
 * @param dataset          the typed table
 * @param resolvedSettings the settings used, every detected value filled in (store these in the project)
 * @param columns          the columns' specs (same as {@code dataset.columns()})
 * @param problems         the first {@link TableAssembler#MAX_PROBLEMS} problems in file order
 * @param problemCount     how many problems there were in all
 * @param rowsRead         data rows in the table
 * @param rowsSkipped      malformed rows left out (each one is among the problems, up to the limit)
 * @param estimatedBytes   memory the table takes, estimated
 * @param sha256           SHA-256 of the file's bytes, so the project can tell if the file changed
 */
public record ImportResult(Dataset dataset, ImportSettings resolvedSettings, List<ColumnSpec> columns,
        List<ImportProblem> problems, long problemCount, long rowsRead, long rowsSkipped, long estimatedBytes,
        String sha256) {

    public ImportResult {
        columns = List.copyOf(columns);
        problems = List.copyOf(problems);
    }
}
