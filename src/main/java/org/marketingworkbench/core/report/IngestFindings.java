package org.marketingworkbench.core.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.ingest.ImportProblem;
import org.marketingworkbench.core.ingest.ImportResult;
import org.marketingworkbench.core.ingest.ImportSettings;

/**
 * What the Import step read: the file, the settings it was read with, the columns with their types and missing
 * cells, and the problems found.
 *
 * @param missing      missing cells per column, in the order of {@code columns}
 * @param problems     the first problems found, in file order (at most what the importer keeps)
 * @param problemCount how many problems there were in all
 */
public record IngestFindings(String fileName, ImportSettings settings, long rows, List<ColumnSpec> columns,
                             List<Integer> missing, List<ImportProblem> problems, long problemCount, long rowsSkipped) {

    public IngestFindings {
        columns = List.copyOf(columns);
        missing = List.copyOf(missing);
        problems = List.copyOf(problems);
        if (missing.size() != columns.size()) {
            throw new IllegalArgumentException(columns.size() + " columns but " + missing.size() + " missing counts");
        }
    }

    /** The findings of a finished import of {@code file}: reads every cell once to count the missing ones. */
    public static IngestFindings of(Path file, ImportResult r) {
        List<Integer> missing = new ArrayList<>(r.columns().size());
        for (int i = 0; i < r.columns().size(); i++) {
            missing.add(r.dataset().table().column(i).countMissing());
        }
        return new IngestFindings(file.getFileName().toString(), r.resolvedSettings(), r.rowsRead(), r.columns(),
                missing, r.problems(), r.problemCount(), r.rowsSkipped());
    }

    /** All missing cells. */
    public long missingCells() {
        return missing.stream().mapToLong(Integer::longValue).sum();
    }
}
