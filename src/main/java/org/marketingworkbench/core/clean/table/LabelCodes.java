package org.marketingworkbench.core.clean.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.strings.DictionaryMap;

/**
 * A text column as dense integer codes: {@code codes[row]} in [0, labels.size()) or −1 for missing.
 * Tablesaw already stores a {@link StringColumn} as dictionary keys, so this reads the keys instead of
 * hashing a million strings; other columns fall back to hashing their text.
 */
public record LabelCodes(int[] codes, List<String> labels) {

    public int levels() {
        return labels.size();
    }

    /** Rows per label. */
    public int[] counts() {
        int[] c = new int[labels.size()];
        for (int code : codes) {
            if (code >= 0) {
                c[code]++;
            }
        }
        return c;
    }

    public static LabelCodes of(Column<?> column) {
        if (column instanceof StringColumn s) {
            try {
                return fromDictionary(s);
            } catch (UnsupportedOperationException e) {
                // a dictionary without keys (promoted text column): hash the values instead
            }
        }
        return byHashing(column);
    }

    private static LabelCodes fromDictionary(StringColumn s) {
        DictionaryMap dict = s.getDictionary();
        int rows = s.size();
        int[] keys = new int[rows];
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int r = 0; r < rows; r++) {
            int k = dict.getKeyForIndex(r);
            keys[r] = k;
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        if (rows == 0) {
            return new LabelCodes(keys, List.of());
        }
        int[] remap = new int[max - min + 1];
        java.util.Arrays.fill(remap, Integer.MIN_VALUE);
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int slot = keys[r] - min;
            int code = remap[slot];
            if (code == Integer.MIN_VALUE) {
                String v = dict.getValueForKey(keys[r]);
                if (v == null || v.isEmpty()) {
                    code = -1;
                } else {
                    code = labels.size();
                    labels.add(v);
                }
                remap[slot] = code;
            }
            keys[r] = code;
        }
        return new LabelCodes(keys, labels);
    }

    private static LabelCodes byHashing(Column<?> column) {
        int rows = column.size();
        int[] codes = new int[rows];
        Map<String, Integer> index = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String v = column.isMissing(r) ? "" : column.getString(r);
            if (v == null || v.isEmpty()) {
                codes[r] = -1;
                continue;
            }
            Integer c = index.get(v);
            if (c == null) {
                c = labels.size();
                index.put(v, c);
                labels.add(v);
            }
            codes[r] = c;
        }
        return new LabelCodes(codes, labels);
    }

    /** A new string column named {@code name} with {@code newLabel[code]} per row ("" for missing). */
    public StringColumn relabel(String name, String[] newLabel) {
        String[] values = new String[codes.length];
        for (int r = 0; r < codes.length; r++) {
            values[r] = codes[r] < 0 ? "" : newLabel[codes[r]];
        }
        return StringColumn.create(name, values);
    }
}
