package org.marketingworkbench.core.deploy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.marketingworkbench.core.clean.SchemaColumn;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.Dataset;
import tech.tablesaw.api.Table;

/**
 * Which column of a file to score feeds which column the model needs, when the names differ ("Monthly Charges"
 * in this month's export, {@code MonthlyCharges} in training). {@link #suggest} matches by name: exactly (ignoring
 * case) first, then with spaces, punctuation and accents ignored; the user corrects the rest in the mapping dialog.
 * {@link #apply} gives the file the model's names for scoring, and {@link #restore} gives the scored rows the
 * file's own names back, so the output reads like the file the user chose.
 *
 * @param modelToFile model column → file column; a model column absent from the map is not in the file
 */
public record ColumnMapping(Map<String, String> modelToFile) {

    public ColumnMapping {
        modelToFile = Collections.unmodifiableMap(new LinkedHashMap<>(modelToFile));
    }

    /** Matches every required column to a file column by name, where one fits; each file column is used once. */
    public static ColumnMapping suggest(List<SchemaColumn> required, List<String> fileColumns) {
        Map<String, String> map = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (SchemaColumn c : required) {
            fileColumns.stream().filter(f -> !used.contains(f) && Dataset.foldCase(f).equals(Dataset.foldCase(c.name())))
                    .findFirst().ifPresent(f -> {
                        map.put(c.name(), f);
                        used.add(f);
                    });
        }
        for (SchemaColumn c : required) {
            if (map.containsKey(c.name())) {
                continue;
            }
            String key = loose(c.name());
            fileColumns.stream().filter(f -> !used.contains(f) && loose(f).equals(key)).findFirst().ifPresent(f -> {
                map.put(c.name(), f);
                used.add(f);
            });
        }
        return new ColumnMapping(map);
    }

    /** A name with case, accents, spaces and punctuation ignored: "Monthly_Charges" and "monthly charges" meet. */
    static String loose(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /** The required columns this mapping leaves without a file column. */
    public List<String> unmapped(List<SchemaColumn> required) {
        return required.stream().map(SchemaColumn::name).filter(n -> !modelToFile.containsKey(n)).toList();
    }

    /** True when every mapped column already has the model's name (nothing to rename). */
    public boolean isIdentity() {
        return modelToFile.entrySet().stream().allMatch(e -> Dataset.foldCase(e.getKey()).equals(Dataset.foldCase(e.getValue())));
    }

    public ColumnMapping with(String modelColumn, String fileColumn) {
        Map<String, String> copy = new LinkedHashMap<>(modelToFile);
        if (fileColumn == null) {
            copy.remove(modelColumn);
        } else {
            copy.values().removeIf(fileColumn::equals);   // a file column feeds one model column
            copy.put(modelColumn, fileColumn);
        }
        return new ColumnMapping(copy);
    }

    /**
     * {@code data} with each mapped file column renamed to its model column. A file column that already bears a
     * model column's name but is not mapped to it is first moved aside (renamed with a suffix), so it cannot be
     * taken for the model's column. The input is not changed.
     */
    public Dataset apply(Dataset data) {
        return rename(data, renames(data));
    }

    /** The inverse of {@link #apply} on a table that has gained columns since (the scores): file names come back. */
    public Dataset restore(Dataset applied, Dataset original) {
        List<String[]> forward = renames(original);
        List<String[]> back = new ArrayList<>();
        for (int i = forward.size() - 1; i >= 0; i--) {
            back.add(new String[] {forward.get(i)[1], forward.get(i)[0]});
        }
        return rename(applied, back);
    }

    /** The renames, in order, as {from, to} pairs. */
    private List<String[]> renames(Dataset data) {
        List<String[]> steps = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        Map<String, String> where = new LinkedHashMap<>();   // a file column (folded, as in the file) → its name now
        data.columns().forEach(c -> {
            taken.add(Dataset.foldCase(c.name()));
            where.put(Dataset.foldCase(c.name()), c.name());
        });
        for (Map.Entry<String, String> e : modelToFile.entrySet()) {
            String model = e.getKey();
            String key = Dataset.foldCase(e.getValue());
            String file = where.get(key);
            if (file == null || Dataset.foldCase(file).equals(Dataset.foldCase(model))) {
                continue;   // not in the file, or the same name (names are matched ignoring case)
            }
            String occupant = where.entrySet().stream()
                    .filter(x -> !x.getKey().equals(key) && Dataset.foldCase(x.getValue()).equals(Dataset.foldCase(model)))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (occupant != null) {
                String aside = free(where.get(occupant) + " (not used)", taken);
                steps.add(new String[] {where.get(occupant), aside});
                where.put(occupant, aside);
            }
            steps.add(new String[] {file, model});
            where.put(key, model);
            taken.add(Dataset.foldCase(model));
        }
        return steps;
    }

    private static String free(String base, Set<String> taken) {
        String name = base;
        for (int i = 2; taken.contains(Dataset.foldCase(name)); i++) {
            name = base + " " + i;
        }
        taken.add(Dataset.foldCase(name));
        return name;
    }

    private static Dataset rename(Dataset data, List<String[]> steps) {
        if (steps.isEmpty()) {
            return data;
        }
        Table table = data.table().copy();
        List<ColumnSpec> specs = new ArrayList<>(data.columns());
        for (String[] step : steps) {
            table.column(step[0]).setName(step[1]);
            for (int i = 0; i < specs.size(); i++) {
                ColumnSpec s = specs.get(i);
                if (s.name().equals(step[0])) {
                    specs.set(i, new ColumnSpec(step[1], s.type(), s.reason()));
                }
            }
        }
        return new Dataset(table, specs);
    }
}
