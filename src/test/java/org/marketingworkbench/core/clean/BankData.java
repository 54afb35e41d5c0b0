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
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Reads the public bank-marketing file when this machine has it (CI does not: tests skip). */
final class BankData {

    static final Path FILE = Path.of("/work/shared/datasets/bank-full.csv");
    private static final Set<String> NUMBERS = Set.of("age", "balance", "day", "duration", "campaign", "pdays", "previous");
    private static Dataset cached;

    static boolean available() {
        return Files.isReadable(FILE);
    }

    static synchronized Dataset load() throws Exception {
        if (cached == null) {
            String[] header = Files.readAllLines(FILE).get(0).replace("\"", "").split(";");
            tech.tablesaw.api.ColumnType[] types = new tech.tablesaw.api.ColumnType[header.length];
            List<ColumnSpec> specs = new ArrayList<>();
            for (int i = 0; i < header.length; i++) {
                boolean num = NUMBERS.contains(header[i]);
                types[i] = num ? tech.tablesaw.api.ColumnType.DOUBLE : tech.tablesaw.api.ColumnType.STRING;
                specs.add(new ColumnSpec(header[i], num ? ColumnType.NUMBER : ColumnType.CATEGORY, UserMessage.of("test")));
            }
            Table t = Table.read().usingOptions(CsvReadOptions.builder(FILE.toFile()).separator(';').columnTypes(types));
            cached = new Dataset(t, specs);
        }
        return cached;
    }
}
