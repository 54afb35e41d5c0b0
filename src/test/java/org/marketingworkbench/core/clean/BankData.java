package org.marketingworkbench.core.clean;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.testsupport.SharedDatasets;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Reads the public bank-marketing file from the shared datasets; a test that loads it fails when it is missing. */
final class BankData {

    private static final Set<String> NUMBERS = Set.of("age", "balance", "day", "duration", "campaign", "pdays", "previous");
    private static Dataset cached;

    static synchronized Dataset load() throws Exception {
        if (cached == null) {
            Path file = SharedDatasets.file("bank-full.csv");
            String[] header = Files.readAllLines(file).get(0).replace("\"", "").split(";");
            tech.tablesaw.api.ColumnType[] types = new tech.tablesaw.api.ColumnType[header.length];
            List<ColumnSpec> specs = new ArrayList<>();
            for (int i = 0; i < header.length; i++) {
                boolean num = NUMBERS.contains(header[i]);
                types[i] = num ? tech.tablesaw.api.ColumnType.DOUBLE : tech.tablesaw.api.ColumnType.STRING;
                specs.add(new ColumnSpec(header[i], num ? ColumnType.NUMBER : ColumnType.CATEGORY, UserMessage.of("test")));
            }
            Table t = Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).separator(';').columnTypes(types));
            cached = new Dataset(t, specs);
        }
        return cached;
    }
}
