package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import tech.tablesaw.columns.strings.NullDictionaryMap;

/**
 * The assembler's key and category columns are the columns appending every kept row's value would
 * make, also where a column of mostly different values turns into plain text during the read.
 */
class TableAssemblerTest {

    private static final MissingMarkers MISSING = new MissingMarkers(List.of("NA", "N/A", "null", "-", "?"));

    /** Rows of (key, category); a row with a third, non-blank field is malformed and skipped. */
    private static StringColumn[] assemble(List<String[]> rows, List<String> keptKeys, List<String> keptCategories)
            throws ImportException {
        List<ColumnPlan> plans = List.of(
                new ColumnPlan("customer_id", ColumnType.IDENTIFIER, UserMessage.of("ingest.reason.allUnique"), null),
                new ColumnPlan("region", ColumnType.CATEGORY, UserMessage.of("ingest.reason.fewDistinct", 3), null));
        TableAssembler a = new TableAssembler(plans, MISSING, new NumberParser('.', (char) 0), BadRowPolicy.SKIP, 16);
        long line = 2;
        for (String[] row : rows) {
            a.beginRow(line++);
            for (int f = 0; f < row.length; f++) {
                char[] chars = ("##" + row[f]).toCharArray();
                a.field(f, chars, 2, row[f].length(), false);
            }
            a.endRow(() -> String.join(",", row));
            if (row.length == 2) {
                keptKeys.add(MISSING.isMissing(row[0]) ? "" : row[0]);
                keptCategories.add(MISSING.isMissing(row[1]) ? "" : row[1]);
            }
        }
        var t = a.build().table();
        return new StringColumn[] {t.stringColumn("customer_id"), t.stringColumn("region")};
    }

    private static void assertAsAppended(StringColumn made, List<String> values) {
        StringColumn expected = StringColumn.create(made.name());
        values.forEach(expected::append);
        assertThat(made.getDictionary().getClass()).isEqualTo(expected.getDictionary().getClass());
        assertThat(made.asList()).isEqualTo(expected.asList());
        assertThat(new ArrayList<>(made.getDictionary().asSet())).isEqualTo(new ArrayList<>(expected.getDictionary().asSet()));
        assertThat(made.countUnique()).isEqualTo(expected.countUnique());
    }

    @Test
    void aKeyOfAllDifferentValuesTurnsToPlainTextWhereAppendingWould() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            if (i == 65_534 || i == 65_535) {
                rows.add(new String[] {"X" + i, "north", "stray"}); // skipped at the very row of the switch
            }
            rows.add(new String[] {i % 1000 == 7 ? "" : "C" + i, i % 3 == 0 ? "north" : i % 3 == 1 ? "south" : "NA"});
        }
        List<String> keys = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        StringColumn[] made = assemble(rows, keys, categories);
        assertThat(made[0].getDictionary()).isInstanceOf(NullDictionaryMap.class);
        assertAsAppended(made[0], keys);
        assertAsAppended(made[1], categories);
        assertThat(made[0].asSet()).doesNotContain("X65534", "X65535");
    }

    @Test
    void aKeyThatRepeatsKeepsIntKeys() throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            rows.add(new String[] {"C" + (i / 3), "east"});
        }
        List<String> keys = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        StringColumn[] made = assemble(rows, keys, categories);
        assertThat(made[0].getDictionary()).isInstanceOf(IntDictionaryMap.class);
        assertAsAppended(made[0], keys);
        assertAsAppended(made[1], categories);
    }

    @Test
    void justOverHalfDifferentWhenTheShortKeysRunOut() throws Exception {
        // 65,534 values twice, then a missing value and a new one: the missing value tips it to text
        for (boolean withMissing : new boolean[] {false, true}) {
            List<String[]> rows = new ArrayList<>();
            for (int i = 0; i < 65_534; i++) {
                rows.add(new String[] {"K" + i, "west"});
                rows.add(new String[] {"K" + i, "west"});
            }
            if (withMissing) {
                rows.add(0, new String[] {"-", "west"});
                rows.add(1, new String[] {"first", "west"});
            }
            rows.add(new String[] {"last", "west"});
            List<String> keys = new ArrayList<>();
            StringColumn[] made = assemble(rows, keys, new ArrayList<>());
            assertAsAppended(made[0], keys);
            assertThat(made[0].getDictionary() instanceof NullDictionaryMap).isEqualTo(withMissing);
        }
    }
}
