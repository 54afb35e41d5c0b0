package org.marketingworkbench.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;

/**
 * How to read a file. Every setting that can be detected is nullable: null means "detect it".
 * {@link DataImporter#detect} returns the settings with every detected value filled in (the
 * resolved settings); reading again with those reproduces the same table. The project stores them
 * as JSON ({@link #toJson()}, {@link #fromJson(JsonNode)}).
 *
 * @param version            format version of these settings, for migration of stored projects
 * @param format             CSV, EXCEL or ARFF; null: by file name and content
 * @param encoding           a Java charset name; null: detect
 * @param delimiter          field separator; null: detect among {@code , ; TAB |}
 * @param quote              quote character; null: detect ({@code "} or {@code '})
 * @param hasHeader          whether the first row holds column names; null: detect
 * @param decimalComma       whether numbers are written {@code 1,5}; null: detect
 * @param thousandsSeparator the digit-group separator; null: detect, "" none
 * @param dateFormats        date patterns (numeric fields only, e.g. {@code dd.MM.yyyy}) tried in
 *                           order; null: detect from common ones, empty: no dates
 * @param missingMarkers     values that mean "missing" (compared after trimming spaces; a blank
 *                           value is always missing); null: {@link #DEFAULT_MISSING_MARKERS}
 * @param sheet              Excel sheet name; null: the first sheet
 * @param onBadRow           skip malformed rows or stop; never null
 * @param columnTypeOverrides the user's type for a column, by column name; never null
 */
public record ImportSettings(
        int version,
        FileFormat format,
        String encoding,
        Character delimiter,
        Character quote,
        Boolean hasHeader,
        Boolean decimalComma,
        String thousandsSeparator,
        List<String> dateFormats,
        List<String> missingMarkers,
        String sheet,
        BadRowPolicy onBadRow,
        Map<String, ColumnType> columnTypeOverrides) {

    /** The settings format this code writes. */
    public static final int CURRENT_VERSION = 1;

    /** Missing-value markers used when none are given. A blank cell is always missing. */
    public static final List<String> DEFAULT_MISSING_MARKERS =
            List.of("NA", "N/A", "n/a", "#N/A", "null", "NULL", "NaN", "-", "?");

    public ImportSettings {
        if (thousandsSeparator != null && thousandsSeparator.length() > 1) {
            throw new IllegalArgumentException("thousands separator must be one character or empty");
        }
        dateFormats = dateFormats == null ? null : List.copyOf(dateFormats);
        missingMarkers = missingMarkers == null ? null : List.copyOf(missingMarkers);
        onBadRow = onBadRow == null ? BadRowPolicy.SKIP : onBadRow;
        columnTypeOverrides = columnTypeOverrides == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnTypeOverrides));
    }

    /** Detect everything; skip malformed rows. */
    public static ImportSettings auto() {
        return new ImportSettings(CURRENT_VERSION, null, null, null, null, null, null, null, null, null,
                null, BadRowPolicy.SKIP, Map.of());
    }

    /** The missing markers in force: the given ones or the defaults. */
    public List<String> effectiveMissingMarkers() {
        return missingMarkers == null ? DEFAULT_MISSING_MARKERS : missingMarkers;
    }

    public ImportSettings withFormat(FileFormat v) {
        return new ImportSettings(version, v, encoding, delimiter, quote, hasHeader, decimalComma,
                thousandsSeparator, dateFormats, missingMarkers, sheet, onBadRow, columnTypeOverrides);
    }

    public ImportSettings withEncoding(String v) {
        return new ImportSettings(version, format, v, delimiter, quote, hasHeader, decimalComma,
                thousandsSeparator, dateFormats, missingMarkers, sheet, onBadRow, columnTypeOverrides);
    }

    public ImportSettings withDelimiter(Character v) {
        return new ImportSettings(version, format, encoding, v, quote, hasHeader, decimalComma,
                thousandsSeparator, dateFormats, missingMarkers, sheet, onBadRow, columnTypeOverrides);
    }

    public ImportSettings withQuote(Character v) {
        return new ImportSettings(version, format, encoding, delimiter, v, hasHeader, decimalComma,
                thousandsSeparator, dateFormats, missingMarkers, sheet, onBadRow, columnTypeOverrides);
    }

    public ImportSettings withHeader(Boolean v) {
        return new ImportSettings(version, format, encoding, delimiter, quote, v, decimalComma,
                thousandsSeparator, dateFormats, missingMarkers, sheet, onBadRow, columnTypeOverrides);
    }

    public ImportSettings withDecimalComma(Boolean v) {
        return new ImportSettings(version, format, encoding, delimiter, quote, hasHeader, v,
                thousandsSeparator, dateFormats, missingMarkers, sheet, onBadRow, columnTypeOverrides);
    }

    public ImportSettings withThousandsSeparator(String v) {
        return new ImportSettings(version, format, encoding, delimiter, quote, hasHeader, decimalComma,
                v, dateFormats, missingMarkers, sheet, onBadRow, columnTypeOverrides);
    }

    public ImportSettings withDateFormats(List<String> v) {
        return new ImportSettings(version, format, encoding, delimiter, quote, hasHeader, decimalComma,
                thousandsSeparator, v, missingMarkers, sheet, onBadRow, columnTypeOverrides);
    }

    public ImportSettings withMissingMarkers(List<String> v) {
        return new ImportSettings(version, format, encoding, delimiter, quote, hasHeader, decimalComma,
                thousandsSeparator, dateFormats, v, sheet, onBadRow, columnTypeOverrides);
    }

    public ImportSettings withSheet(String v) {
        return new ImportSettings(version, format, encoding, delimiter, quote, hasHeader, decimalComma,
                thousandsSeparator, dateFormats, missingMarkers, v, onBadRow, columnTypeOverrides);
    }

    public ImportSettings withOnBadRow(BadRowPolicy v) {
        return new ImportSettings(version, format, encoding, delimiter, quote, hasHeader, decimalComma,
                thousandsSeparator, dateFormats, missingMarkers, sheet, v, columnTypeOverrides);
    }

    public ImportSettings withColumnTypeOverrides(Map<String, ColumnType> v) {
        return new ImportSettings(version, format, encoding, delimiter, quote, hasHeader, decimalComma,
                thousandsSeparator, dateFormats, missingMarkers, sheet, onBadRow, v);
    }

    /** These settings with one more (or a changed) column type chosen by the user; null removes it. */
    public ImportSettings withColumnType(String column, ColumnType type) {
        Map<String, ColumnType> m = new LinkedHashMap<>(columnTypeOverrides);
        if (type == null) {
            m.remove(column);
        } else {
            m.put(column, type);
        }
        return withColumnTypeOverrides(m);
    }

    // ---------------------------------------------------------------- JSON

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("version", CURRENT_VERSION);
        o.put("format", format == null ? null : format.name());
        o.put("encoding", encoding);
        o.put("delimiter", delimiter == null ? null : delimiter.toString());
        o.put("quote", quote == null ? null : quote.toString());
        o.put("hasHeader", hasHeader);
        o.put("decimalComma", decimalComma);
        o.put("thousandsSeparator", thousandsSeparator);
        putList(o, "dateFormats", dateFormats);
        putList(o, "missingMarkers", missingMarkers);
        o.put("sheet", sheet);
        o.put("onBadRow", onBadRow.name());
        ObjectNode types = o.putObject("columnTypeOverrides");
        columnTypeOverrides.forEach((k, v) -> types.put(k, v.name()));
        return o;
    }

    private static void putList(ObjectNode o, String name, List<String> list) {
        if (list == null) {
            o.putNull(name);
        } else {
            ArrayNode a = o.putArray(name);
            list.forEach(a::add);
        }
    }

    /**
     * Reads settings stored by any version of the workbench. Version 1 is the first; settings
     * without a version are read as version 1. Settings from a newer workbench are refused.
     */
    public static ImportSettings fromJson(JsonNode json) throws ImportException {
        if (json == null || !json.isObject()) {
            throw new ImportException(UserMessage.of("ingest.error.settingsInvalid", "not an object"));
        }
        int v = json.path("version").asInt(1);
        if (v > CURRENT_VERSION) {
            throw new ImportException(UserMessage.of("ingest.error.settingsNewer", v, CURRENT_VERSION));
        }
        ObjectNode o = migrate(((ObjectNode) json).deepCopy(), v);
        try {
            Map<String, ColumnType> types = new LinkedHashMap<>();
            JsonNode t = o.path("columnTypeOverrides");
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                types.put(e.getKey(), ColumnType.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT)));
            }
            String fmt = text(o, "format");
            String bad = text(o, "onBadRow");
            return new ImportSettings(CURRENT_VERSION,
                    fmt == null ? null : FileFormat.valueOf(fmt.toUpperCase(Locale.ROOT)),
                    text(o, "encoding"),
                    character(o, "delimiter"),
                    character(o, "quote"),
                    bool(o, "hasHeader"),
                    bool(o, "decimalComma"),
                    text(o, "thousandsSeparator"),
                    list(o, "dateFormats"),
                    list(o, "missingMarkers"),
                    text(o, "sheet"),
                    bad == null ? BadRowPolicy.SKIP : BadRowPolicy.valueOf(bad.toUpperCase(Locale.ROOT)),
                    types);
        } catch (IllegalArgumentException e) {
            throw new ImportException(UserMessage.of("ingest.error.settingsInvalid", e.getMessage()), e);
        }
    }

    /** Brings stored settings of version {@code from} up to the current version. */
    private static ObjectNode migrate(ObjectNode o, int from) {
        // Version 1 is the first stored version: nothing to migrate yet. A later version adds a step
        // here (if (from < 2) { ...rename or convert fields... }) so that old projects keep opening.
        return o;
    }

    private static String text(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Character character(JsonNode o, String name) {
        String s = text(o, name);
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.length() != 1) {
            throw new IllegalArgumentException(name + " must be one character: " + s);
        }
        return s.charAt(0);
    }

    private static Boolean bool(JsonNode o, String name) {
        JsonNode n = o.get(name);
        return n == null || n.isNull() ? null : n.asBoolean();
    }

    private static List<String> list(JsonNode o, String name) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(name + " must be a list");
        }
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
