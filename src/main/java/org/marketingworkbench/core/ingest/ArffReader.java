package org.marketingworkbench.core.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/**
 * Reads a Weka ARFF file with Weka's own {@link ArffLoader}. The declared attribute types are kept:
 * numeric → NUMBER, nominal → CATEGORY, string → TEXT, date → DATETIME.
 */
final class ArffReader {

    static final String DATE_PATTERN = "yyyy-MM-dd HH:mm:ss";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(DATE_PATTERN);

    private ArffReader() {
    }

    static DataImporter.Records read(Path file) throws ImportException {
        Instances data;
        try {
            ArffLoader loader = new ArffLoader();
            loader.setFile(file.toFile());
            data = loader.getDataSet();
        } catch (IOException | RuntimeException e) {
            DataImporter.rethrowOutOfMemory(e); // a wrapped one is memory, not a broken file
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new ImportException(UserMessage.of("ingest.error.arff", file.getFileName().toString(),
                    detail.lines().findFirst().orElse(detail)), e);
        }
        int width = data.numAttributes();
        List<String[]> rows = new ArrayList<>(data.numInstances() + 1);
        String[] header = new String[width];
        Map<Integer, ColumnType> declared = new HashMap<>();
        for (int c = 0; c < width; c++) {
            Attribute a = data.attribute(c);
            header[c] = a.name();
            declared.put(c, switch (a.type()) {
                case Attribute.NUMERIC -> ColumnType.NUMBER;
                case Attribute.NOMINAL -> ColumnType.CATEGORY;
                case Attribute.DATE -> ColumnType.DATETIME;
                default -> ColumnType.TEXT;
            });
        }
        rows.add(header);
        for (Instance in : data) {
            String[] r = new String[width];
            for (int c = 0; c < width; c++) {
                Attribute a = data.attribute(c);
                if (in.isMissing(c)) {
                    r[c] = "";
                } else if (a.isNumeric() && !a.isDate()) {
                    r[c] = ExcelReader.number(in.value(c));
                } else if (a.isDate()) {
                    r[c] = LocalDateTime.ofInstant(Instant.ofEpochMilli((long) in.value(c)), ZoneId.systemDefault())
                            .format(DATE_TIME);
                } else {
                    r[c] = in.stringValue(c);
                }
            }
            rows.add(r);
        }
        long[] lines = new long[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i; // ARFF has no line numbers per instance after parsing: the instance number
        }
        return new DataImporter.Records(rows, lines, List.of(), true, declared, null);
    }
}
