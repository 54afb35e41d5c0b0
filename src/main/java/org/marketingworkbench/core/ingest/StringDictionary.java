package org.marketingworkbench.core.ingest;

import it.unimi.dsi.fastutil.bytes.Byte2IntOpenHashMap;
import it.unimi.dsi.fastutil.bytes.Byte2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ByteOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2ShortOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2IntOpenHashMap;
import it.unimi.dsi.fastutil.shorts.Short2ObjectOpenHashMap;
import java.util.Arrays;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.strings.ByteDictionaryMap;
import tech.tablesaw.columns.strings.DictionaryMap;
import tech.tablesaw.columns.strings.IntDictionaryMap;
import tech.tablesaw.columns.strings.ShortDictionaryMap;

/**
 * The different values of one text column, each kept once, looked up straight from the parser's
 * character buffer: a cell costs one hash over its characters and no String unless the value is new.
 * The read keeps an {@code int} code per row; {@link #column} then makes the Tablesaw column from the
 * codes in one pass, instead of a String and two hash lookups per cell in
 * {@link StringColumn#append(String)}.
 *
 * <p>The column made is the one appending the rows' values one by one would make: the same
 * dictionary class (byte, short or int keys, or plain text for a column of mostly different values),
 * the same key for each value (keys are given in order of first appearance), and the same hash maps,
 * filled in the same order, so everything Tablesaw derives from them (iteration order of
 * {@code unique()}, counts) is unchanged. Not thread-safe.
 */
final class StringDictionary {

    /** The code of a missing cell (blank or a missing marker). */
    static final int MISSING = -1;

    /** Keys a {@link ByteDictionaryMap} and a {@link ShortDictionaryMap} have for values (the top key means missing). */
    private static final int BYTE_VALUES = Byte.MAX_VALUE - Byte.MIN_VALUE - 1;
    private static final int SHORT_VALUES = Short.MAX_VALUE - Short.MIN_VALUE - 1;

    private final MissingMarkers missing;
    private String[] values = new String[64];
    private int[] hashes = new int[64];
    private boolean[] isMissing = new boolean[64];
    /** Every value's characters, one after the other, to compare a cell with (faster than String.charAt). */
    private char[] pool = new char[1024];
    private int[] start = new int[65];
    private int size;
    /** Values a committed row holds, how many, and whether one was missing. */
    private boolean[] committed = new boolean[64];
    private int committedDistinct;
    private boolean committedMissing;
    /** Open addressing: code + 1 per slot, 0 for empty; at most half full. */
    private int[] table = new int[128];
    private int last = -1;

    StringDictionary(MissingMarkers missing) {
        this.missing = missing;
    }

    /** The code of the value in {@code buf[off, off+len)}, or {@link #MISSING}; adds the value if new. */
    int code(char[] buf, int off, int len) {
        // a log repeats a key over consecutive rows (an invoice's lines): try the previous value first
        int c = last;
        if (c >= 0 && same(c, buf, off, len)) {
            return isMissing[c] ? MISSING : c;
        }
        int h = hash(buf, off, len);
        int mask = table.length - 1;
        int slot = mix(h) & mask;
        while (true) {
            int e = table[slot];
            if (e == 0) {
                c = add(buf, off, len, h);
                table[slot] = c + 1;
                break;
            }
            c = e - 1;
            if (hashes[c] == h && same(c, buf, off, len)) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        last = c;
        return isMissing[c] ? MISSING : c;
    }

    /**
     * {@link String#hashCode()} of the characters, four at a time: the four products are independent,
     * so a 30-character description waits for 8 multiplications in a row instead of 30.
     */
    static int hash(char[] buf, int off, int len) {
        int h = 0;
        int k = off;
        int end = off + len;
        for (; k + 3 < end; k += 4) {
            h = 923_521 * h + 29_791 * buf[k] + 961 * buf[k + 1] + 31 * buf[k + 2] + buf[k + 3];
        }
        for (; k < end; k++) {
            h = 31 * h + buf[k];
        }
        return h;
    }

    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }

    private boolean same(int code, char[] buf, int off, int len) {
        int from = start[code];
        return start[code + 1] - from == len && Arrays.equals(pool, from, from + len, buf, off, off + len);
    }

    private int add(char[] buf, int off, int len, int h) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
            isMissing = Arrays.copyOf(isMissing, size * 2);
            committed = Arrays.copyOf(committed, size * 2);
            start = Arrays.copyOf(start, size * 2 + 1);
        }
        int end = start[size];
        if (end + len > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, end + len));
        }
        System.arraycopy(buf, off, pool, end, len);
        start[size + 1] = end + len;
        int c = size++;
        values[c] = new String(buf, off, len);
        hashes[c] = h;
        isMissing[c] = missing.isMissing(buf, off, len);
        if (size * 2 > table.length) {
            rehash();
        }
        return c;
    }

    private void rehash() {
        int[] t = new int[table.length * 2];
        int mask = t.length - 1;
        for (int c = 0; c < size; c++) {
            int slot = mix(hashes[c]) & mask;
            while (t[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            t[slot] = c + 1;
        }
        table = t;
    }

    /**
     * Records the code of a row that is kept (row {@code rowsBefore}, counting from 0). Returns true
     * when appending it would make Tablesaw turn the column into plain text: its short keys run out
     * here and more than half of the rows so far held different values. Mostly different values (a
     * customer number on a customer table) are then cheaper as plain strings than in the dictionary.
     */
    boolean commit(int code, int rowsBefore) {
        if (code < 0) {
            committedMissing = true;
            return false;
        }
        if (committed[code]) {
            return false;
        }
        committed[code] = true;
        return ++committedDistinct == SHORT_VALUES + 1 && turnsToText(rowsBefore, committedMissing);
    }

    /**
     * Tablesaw's choice when a short dictionary has no key left for a new value: plain text when
     * more than half the rows so far were different values (missing counting as one), else int keys.
     */
    private static boolean turnsToText(int rowsBefore, boolean missingBefore) {
        return SHORT_VALUES + (missingBefore ? 1 : 0) > rowsBefore * 0.5;
    }

    /** The value of a code (not {@link #MISSING}). */
    String value(int code) {
        return values[code];
    }

    /**
     * The Tablesaw column of the first {@code rows} codes, equal to appending each row's value (""
     * for missing) to {@code StringColumn.create(name)}, and what those rows hold.
     */
    record Built(StringColumn column, int present, long chars, int distinct) {
    }

    /**
     * Makes the column of the first {@code rows} codes (see {@link Built}); overwrites the codes, which
     * must not be used afterwards.
     */
    Built column(String name, int[] codes, int rows) {
        // rank: the order in which the rows first show each value; Tablesaw gives keys in that order.
        // One pass: each row's code becomes its rank, counted.
        int[] rank = new int[size];
        Arrays.fill(rank, -1);
        int[] codeOfRank = new int[size];
        int[] rowOfRank = new int[size];
        int[] counts = new int[size];
        int distinct = 0;
        int firstMissing = -1;
        for (int r = 0; r < rows; r++) {
            int c = codes[r];
            if (c < 0) {
                if (firstMissing < 0) {
                    firstMissing = r;
                }
                continue;
            }
            int k = rank[c];
            if (k < 0) {
                k = distinct++;
                rank[c] = k;
                codeOfRank[k] = c;
                rowOfRank[k] = r;
            }
            counts[k]++;
            codes[r] = k;
        }
        int present = 0;
        long chars = 0;
        for (int k = 0; k < distinct; k++) {
            present += counts[k];
            chars += (long) counts[k] * (start[codeOfRank[k] + 1] - start[codeOfRank[k]]);
        }
        Keys keys;
        int built = rows; // rows given to the dictionary made here; Tablesaw appends the rest
        if (distinct <= BYTE_VALUES) {
            keys = new ByteKeys();
        } else if (distinct <= SHORT_VALUES) {
            keys = new ShortKeys();
        } else {
            int outOfShortKeys = rowOfRank[SHORT_VALUES]; // the row whose value has no short key left
            if (turnsToText(outOfShortKeys, firstMissing >= 0 && firstMissing < outOfShortKeys)) {
                keys = new ShortKeys();
                built = outOfShortKeys;
                Arrays.fill(counts, 0);
                for (int r = 0; r < built; r++) {
                    if (codes[r] >= 0) {
                        counts[codes[r]]++;
                    }
                }
            } else {
                keys = new IntKeys();
            }
        }
        int inDictionary = built == rows ? distinct : SHORT_VALUES;
        int missingCount = built - (built == rows ? present : sum(counts, inDictionary));
        keys.fill(codes, built);
        // the hash maps filled in the order the rows first show each key, missing included
        boolean missingPut = missingCount == 0;
        for (int k = 0; k < inDictionary; k++) {
            if (!missingPut && firstMissing < rowOfRank[k]) {
                keys.putMissing(missingCount);
                missingPut = true;
            }
            keys.put(k, values[codeOfRank[k]], counts[k]);
        }
        if (!missingPut) {
            keys.putMissing(missingCount);
        }
        StringColumn column = StringColumn.createInternal(name, keys.build(inDictionary));
        for (int r = built; r < rows; r++) {
            int k = codes[r];
            column.append(k < 0 ? "" : values[codeOfRank[k]]);
        }
        return new Built(column, present, chars, distinct);
    }

    private static int sum(int[] v, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s;
    }

    /**
     * One of Tablesaw's dictionaries, built from its parts: the key of rank k is the lowest key + 1 + k
     * (Tablesaw's first key), missing has the highest key.
     */
    private interface Keys {
        /** The key of each row from its rank (negative: missing). */
        void fill(int[] ranks, int rows);

        void put(int rank, String value, int count);

        void putMissing(int count);

        DictionaryMap build(int distinct);
    }

    private static final class ByteKeys implements Keys {
        private byte[] keys;
        private final Byte2ObjectOpenHashMap<String> keyToValue = new Byte2ObjectOpenHashMap<>();
        private final Object2ByteOpenHashMap<String> valueToKey = new Object2ByteOpenHashMap<>();
        private final Byte2IntOpenHashMap keyToCount = new Byte2IntOpenHashMap();

        ByteKeys() {
            valueToKey.defaultReturnValue(Byte.MIN_VALUE);
        }

        @Override
        public void fill(int[] ranks, int rows) {
            keys = new byte[rows];
            for (int r = 0; r < rows; r++) {
                int k = ranks[r];
                keys[r] = k < 0 ? Byte.MAX_VALUE : (byte) (Byte.MIN_VALUE + 1 + k);
            }
        }

        @Override
        public void put(int rank, String value, int count) {
            byte k = (byte) (Byte.MIN_VALUE + 1 + rank);
            keyToValue.put(k, value);
            valueToKey.put(value, k);
            keyToCount.put(k, count);
        }

        @Override
        public void putMissing(int count) {
            keyToValue.put(Byte.MAX_VALUE, "");
            valueToKey.put("", Byte.MAX_VALUE);
            keyToCount.put(Byte.MAX_VALUE, count);
        }

        @Override
        public DictionaryMap build(int distinct) {
            return new ByteDictionaryMap.ByteDictionaryBuilder().setNextIndex(Byte.MIN_VALUE + distinct)
                    .setKeyToValue(keyToValue).setValueToKey(valueToKey).setKeyToCount(keyToCount).setValues(keys)
                    .build();
        }
    }

    private static final class ShortKeys implements Keys {
        private short[] keys;
        private final Short2ObjectOpenHashMap<String> keyToValue = new Short2ObjectOpenHashMap<>();
        private final Object2ShortOpenHashMap<String> valueToKey = new Object2ShortOpenHashMap<>();
        private final Short2IntOpenHashMap keyToCount = new Short2IntOpenHashMap();

        ShortKeys() {
            valueToKey.defaultReturnValue(Short.MIN_VALUE);
        }

        @Override
        public void fill(int[] ranks, int rows) {
            keys = new short[rows];
            for (int r = 0; r < rows; r++) {
                int k = ranks[r];
                keys[r] = k < 0 ? Short.MAX_VALUE : (short) (Short.MIN_VALUE + 1 + k);
            }
        }

        @Override
        public void put(int rank, String value, int count) {
            short k = (short) (Short.MIN_VALUE + 1 + rank);
            keyToValue.put(k, value);
            valueToKey.put(value, k);
            keyToCount.put(k, count);
        }

        @Override
        public void putMissing(int count) {
            keyToValue.put(Short.MAX_VALUE, "");
            valueToKey.put("", Short.MAX_VALUE);
            keyToCount.put(Short.MAX_VALUE, count);
        }

        @Override
        public DictionaryMap build(int distinct) {
            // a column made by StringColumn.create may become plain text when its short keys run out
            return new ShortDictionaryMap.ShortDictionaryBuilder().setNextIndex(Short.MIN_VALUE + distinct)
                    .setCanPromoteToText(true).setKeyToValue(keyToValue).setValueToKey(valueToKey)
                    .setKeyToCount(keyToCount).setValues(keys).build();
        }
    }

    private static final class IntKeys implements Keys {
        private int[] keys;
        private final Int2ObjectOpenHashMap<String> keyToValue = new Int2ObjectOpenHashMap<>();
        private final Object2IntOpenHashMap<String> valueToKey = new Object2IntOpenHashMap<>();
        private final Int2IntOpenHashMap keyToCount = new Int2IntOpenHashMap();

        IntKeys() {
            valueToKey.defaultReturnValue(Integer.MIN_VALUE);
        }

        @Override
        public void fill(int[] ranks, int rows) {
            keys = new int[rows];
            for (int r = 0; r < rows; r++) {
                int k = ranks[r];
                keys[r] = k < 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE + 1 + k;
            }
        }

        @Override
        public void put(int rank, String value, int count) {
            int k = Integer.MIN_VALUE + 1 + rank;
            keyToValue.put(k, value);
            valueToKey.put(value, k);
            keyToCount.put(k, count);
        }

        @Override
        public void putMissing(int count) {
            keyToValue.put(Integer.MAX_VALUE, "");
            valueToKey.put("", Integer.MAX_VALUE);
            keyToCount.put(Integer.MAX_VALUE, count);
        }

        @Override
        public DictionaryMap build(int distinct) {
            return new IntDictionaryMap.IntDictionaryBuilder().setNextIndex(Integer.MIN_VALUE + distinct)
                    .setKeyToValue(keyToValue).setValueToKey(valueToKey).setKeyToCount(keyToCount).setValues(keys)
                    .build();
        }
    }
}
