package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import tech.tablesaw.columns.strings.ShortDictionaryMap;

/**
 * The column made from a dictionary's codes is the column appending each value would make: the same
 * dictionary class, keys, values, counts and iteration orders, on both sides of the points where
 * Tablesaw changes its dictionary (254 and 65,534 different values, text or int keys).
 */
class StringDictionaryTest {

    private static final MissingMarkers MISSING = new MissingMarkers(List.of("NA", "N/A", "null", "-", "?"));

    @Test
    void smallColumnsWithMissingValuesAnywhere() {
        assertSameAsAppending(List.of("b", "a", "b", "c"));
        assertSameAsAppending(List.of("", "a", "NA", "b", "a"));
        assertSameAsAppending(List.of("a", "b", "", "a", " ", "c"));
        assertSameAsAppending(List.of("a", "b", "c", ""));
        assertSameAsAppending(List.of("", "", "NA"));
        assertSameAsAppending(List.of("x"));
        assertSameAsAppending(List.of());
    }

    @Test
    void valuesAreKeptAsWrittenAndOnlyMarkersAreMissing() {
        List<String> values = List.of(" a", "a", "a ", "NA", " NA ", "na", "-", "--", "?");
        assertThat(assertSameAsAppending(values).values()).containsExactly(" a", "a", "a ", "", "", "na", "", "--", "");
    }

    @Test
    void aroundTheEndOfByteKeys() {
        for (int distinct : new int[] {253, 254, 255, 256, 300}) {
            assertSameAsAppending(cycle(distinct, distinct * 3, 0, 1));
            assertSameAsAppending(cycle(distinct, distinct * 3, 7, 2));
        }
    }

    @Test
    void aroundTheEndOfShortKeysAllDifferentBecomesText() {
        for (int distinct : new int[] {65_533, 65_534, 65_535, 70_000}) {
            assertSameAsAppending(cycle(distinct, distinct, 0, 3));
            assertSameAsAppending(cycle(distinct, distinct + 20, 1000, 4));
        }
    }

    @Test
    void manyValuesThatRepeatGetIntKeys() {
        // each value three times: out of short keys after ~196,000 rows, far fewer different values than rows
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            for (int k = 0; k < 3; k++) {
                values.add(i % 97 == 0 && k == 1 ? "" : "v" + i);
            }
        }
        assertThat(assertSameAsAppending(values).dictionary()).isEqualTo(IntDictionaryMap.class);
    }

    @Test
    void exactlyHalfDifferentAtTheEndOfShortKeys() {
        // 65,534 different values in 131,068 rows: not more than half, so int keys
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 65_534; i++) {
            values.add("v" + i);
            values.add("v" + i);
        }
        values.add("new");
        assertThat(assertSameAsAppending(values).dictionary()).isEqualTo(IntDictionaryMap.class);
        values.add(0, "");
        values.add(0, "first");
        assertThat(assertSameAsAppending(values).dictionary()).isNotEqualTo(IntDictionaryMap.class);
    }

    @Property(tries = 500)
    void theHashIsStringsHashCode(@ForAll String value) {
        char[] buf = ("xy" + value + "z").toCharArray();
        assertThat(StringDictionary.hash(buf, 2, value.length())).isEqualTo(value.hashCode());
    }

    @Provide
    Arbitrary<List<String>> columns() {
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.strings().withChars("abcAB 1-").ofMaxLength(3),
                Arbitraries.of("", "NA", "?", " "));
        return value.list().ofMaxSize(600);
    }

    @Property(tries = 300)
    void anyColumnIsTheSameAsAppending(@ForAll("columns") List<String> values) {
        assertSameAsAppending(values);
    }

    /** {@code rows} values cycling through {@code distinct} values, every {@code missingEvery}-th blank. */
    private static List<String> cycle(int distinct, int rows, int missingEvery, long seed) {
        Random rnd = new Random(seed);
        List<String> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            if (missingEvery > 0 && rnd.nextInt(missingEvery) == 0) {
                out.add(rnd.nextBoolean() ? "" : "NA");
            } else {
                out.add("value " + (r % distinct));
            }
        }
        return out;
    }

    /** The column made, before the checks appended to it. */
    private record Made(List<String> values, Class<?> dictionary) {
    }

    private static Made assertSameAsAppending(List<String> values) {
        StringDictionary dictionary = new StringDictionary(MISSING);
        int[] codes = new int[values.size()];
        StringColumn expected = StringColumn.create("c");
        // a value from a row that is dropped later must leave no trace
        char[] junk = "never committed".toCharArray();
        dictionary.code(junk, 0, junk.length);
        for (int r = 0; r < values.size(); r++) {
            char[] chars = values.get(r).toCharArray();
            codes[r] = dictionary.code(chars, 0, chars.length);
            expected.append(MISSING.isMissing(values.get(r)) ? "" : values.get(r));
        }
        StringDictionary.Built built = dictionary.column("c", codes, codes.length);
        List<String> present = values.stream().filter(v -> !MISSING.isMissing(v)).toList();
        assertThat(built.present()).isEqualTo(present.size());
        assertThat(built.distinct()).isEqualTo(new java.util.HashSet<>(present).size());
        assertThat(built.chars()).isEqualTo(present.stream().mapToLong(String::length).sum());
        StringColumn made = built.column();
        Made result = new Made(List.copyOf(made.asList()), made.getDictionary().getClass());
        assertSame(made, expected);
        return result;
    }

    private static void assertSame(StringColumn made, StringColumn expected) {
        DictionaryMap m = made.getDictionary();
        DictionaryMap e = expected.getDictionary();
        assertThat(m.getClass()).isEqualTo(e.getClass());
        assertThat(made.size()).isEqualTo(expected.size());
        assertThat(made.asList()).isEqualTo(expected.asList());
        assertThat(made.countUnique()).isEqualTo(expected.countUnique());
        assertThat(made.countMissing()).isEqualTo(expected.countMissing());
        assertThat(new ArrayList<>(m.asSet())).isEqualTo(new ArrayList<>(e.asSet()));
        assertThat(made.unique().asList()).isEqualTo(expected.unique().asList());
        assertThat(outcome(() -> made.countByCategory().print()))
                .isEqualTo(outcome(() -> expected.countByCategory().print()));
        if (m instanceof ByteDictionaryMap || m instanceof ShortDictionaryMap || m instanceof IntDictionaryMap) {
            for (int r = 0; r < made.size(); r++) {
                assertThat(m.getKeyForIndex(r)).isEqualTo(e.getKeyForIndex(r));
            }
            assertThat(entries(m)).isEqualTo(entries(e));
            assertThat(m.nextKeyWithoutIncrementing()).isEqualTo(e.nextKeyWithoutIncrementing());
        }
        // the column goes on the same way: a new value, a missing one, a known one
        made.append("after");
        expected.append("after");
        made.append("");
        expected.append("");
        if (expected.size() > 2) {
            made.append(expected.get(0));
            expected.append(expected.get(0));
        }
        assertThat(made.getDictionary().getClass()).isEqualTo(expected.getDictionary().getClass());
        assertThat(made.asList()).isEqualTo(expected.asList());
        assertThat(new ArrayList<>(made.getDictionary().asSet())).isEqualTo(new ArrayList<>(expected.getDictionary().asSet()));
    }

    /** What a call returns, or the class of what it throws (some dictionaries do not count by category). */
    private static String outcome(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return e.getClass().getName();
        }
    }

    /** Keys to values and keys to counts, in the maps' iteration order. */
    private static List<String> entries(DictionaryMap d) {
        List<String> out = new ArrayList<>();
        if (d instanceof ByteDictionaryMap b) {
            b.getKeyValueEntries().forEach(x -> out.add(x.getByteKey() + "=" + x.getValue()));
            b.getKeyCountEntries().forEach(x -> out.add(x.getByteKey() + "#" + x.getIntValue()));
        } else if (d instanceof ShortDictionaryMap s) {
            s.getKeyValueEntries().forEach(x -> out.add(x.getShortKey() + "=" + x.getValue()));
            s.getKeyCountEntries().forEach(x -> out.add(x.getShortKey() + "#" + x.getIntValue()));
        } else if (d instanceof IntDictionaryMap i) {
            i.getKeyValueEntries().forEach(x -> out.add(x.getIntKey() + "=" + x.getValue()));
            i.getKeyCountEntries().forEach(x -> out.add(x.getIntKey() + "#" + x.getIntValue()));
        }
        return out;
    }
}
