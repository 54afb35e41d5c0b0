package org.marketingworkbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.Recipe;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.step.DateFeaturesStep;
import org.marketingworkbench.core.clean.step.DropColumnsStep;
import org.marketingworkbench.core.clean.step.MissingValuesStep;
import org.marketingworkbench.core.clean.step.NormaliseCategoriesStep;
import org.marketingworkbench.core.clean.step.OutliersStep;
import org.marketingworkbench.core.clean.step.ScaleStep;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Profiles a generated 1,000,000 × 20 customer table and fits + applies a 6-step recipe, then runs the
 * same work in pandas ({@code describe(include='all')} and the same six operations) on the same data in
 * the same run, alternating Java and pandas runs so that both meet the same machine load, and prints
 * medians and ratios. Run with {@code mvn -o -Pbench test -Dtest=CleanBenchmark}.
 * Rows can be changed with {@code -Dbench.rows=...}.
 */
class CleanBenchmark {

    private static final int REPEATS = 5;
    private static final String PYTHON = System.getProperty("bench.python", "/usr/bin/python3");

    @Test
    void profileAndRecipeAgainstPandas() throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        Dataset data = generate(rows, 20240601L);
        System.out.printf("CleanBenchmark: %,d rows x %d columns, %d cores%n", rows, data.columns().size(),
                Runtime.getRuntime().availableProcessors());
        Recipe recipe = Recipe.of(
                new DropColumnsStep(List.of("id")),
                MissingValuesStep.of(List.of("n00", "n01", "n02", "n03"), MissingValuesStep.Strategy.MEDIAN, true),
                NormaliseCategoriesStep.of(List.of("c0", "c1"), true, NormaliseCategoriesStep.CaseChange.LOWER, Map.of(), 0.01),
                OutliersStep.of(List.of("n04", "n05", "n06"), OutliersStep.Rule.IQR, OutliersStep.Action.CAP),
                ScaleStep.of(List.of("n07", "n08", "n09", "n10"), ScaleStep.Method.Z_SCORE),
                DateFeaturesStep.of("signup", true, true, true));

        Path csv = Files.createTempFile("clean-bench", ".csv");
        try {
            writeCsv(data, csv);
            Pandas pandas = Pandas.start(csv);
            ColumnProfiler.profile(data, Optional.empty(), Progress.none()); // warm-up (JIT), pandas warms up too
            recipe.fitAndApply(data, Progress.none());
            double[] javaProfile = new double[REPEATS];
            double[] javaRecipe = new double[REPEATS];
            double[] pandasProfile = new double[REPEATS];
            double[] pandasRecipe = new double[REPEATS];
            for (int i = 0; i < REPEATS; i++) { // alternate Java and pandas so both meet the same load
                long t = System.nanoTime();
                ColumnProfiler.profile(data, Optional.empty(), Progress.none());
                javaProfile[i] = (System.nanoTime() - t) / 1e9;
                pandasProfile[i] = pandas == null ? Double.NaN : pandas.time("profile");
                t = System.nanoTime();
                recipe.fitAndApply(data, Progress.none());
                javaRecipe[i] = (System.nanoTime() - t) / 1e9;
                pandasRecipe[i] = pandas == null ? Double.NaN : pandas.time("recipe");
            }
            if (pandas != null) {
                pandas.close();
            }
            report("profile (Java: full profile with flags; pandas: describe(include='all'))", javaProfile,
                    pandas == null ? null : pandasProfile);
            report("6-step recipe, fit + apply", javaRecipe, pandas == null ? null : pandasRecipe);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** The pandas side, a python3 process that times one run per request. */
    private static final class Pandas {
        private final Process process;
        private final java.io.BufferedReader out;
        private final java.io.PrintWriter in;

        private Pandas(Process process) {
            this.process = process;
            this.out = process.inputReader();
            this.in = new java.io.PrintWriter(process.outputWriter(), true);
        }

        static Pandas start(Path csv) throws IOException {
            Path script = Path.of("src/bench/python/clean_benchmark.py");
            if (!Files.isExecutable(Path.of(PYTHON)) || !Files.exists(script)) {
                System.out.println("pandas baseline skipped: no " + PYTHON + " or " + script);
                return null;
            }
            Pandas p = new Pandas(new ProcessBuilder(PYTHON, script.toString(), csv.toString())
                    .redirectErrorStream(true).start());
            for (String line = p.out.readLine(); line != null; line = p.out.readLine()) {
                if (line.equals("ready")) {
                    return p;
                }
                System.out.println("  pandas: " + line);
            }
            System.out.println("pandas baseline failed to start");
            return null;
        }

        double time(String what) throws IOException {
            in.println(what);
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 3 && parts[0].equals("pandas") && parts[1].equals(what)) {
                    return Double.parseDouble(parts[2]);
                }
                System.out.println("  pandas: " + line);
            }
            throw new IOException("pandas stopped");
        }

        void close() throws InterruptedException {
            in.println("quit");
            process.waitFor();
        }
    }

    private static void report(String what, double[] java, double[] pandas) {
        double j = median(java);
        System.out.printf("%s%n  Java   median %.3f s  runs %s%n", what, j, Arrays.toString(java));
        if (pandas == null) {
            System.out.println("  pandas not available: no baseline measured");
            return;
        }
        double p = median(pandas);
        System.out.printf("  pandas median %.3f s  runs %s%n  ratio Java / pandas = %.2f (%s)%n", p, Arrays.toString(pandas),
                j / p, j <= p ? "no slower than pandas" : "SLOWER than pandas");
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** id, 12 numbers (3 % blank, some heavy-tailed), 6 categories (messy labels, 2 % blank), 1 date. */
    static Dataset generate(int rows, long seed) {
        Random rnd = new Random(seed);
        Table t = Table.create("customers");
        List<ColumnSpec> specs = new ArrayList<>();
        UserMessage why = UserMessage.of("bench");
        StringColumn id = StringColumn.create("id");
        for (int r = 0; r < rows; r++) {
            id.append(String.format("C%07d", r));
        }
        t.addColumns(id);
        specs.add(new ColumnSpec("id", ColumnType.IDENTIFIER, why));
        for (int c = 0; c < 12; c++) {
            double[] v = new double[rows];
            for (int r = 0; r < rows; r++) {
                double g = rnd.nextGaussian();
                v[r] = rnd.nextDouble() < 0.03 ? Double.NaN
                        : c % 3 == 0 ? Math.round(Math.exp(3 + g)) : c % 3 == 1 ? Math.round(40 + 12 * g) : 1000 * g;
            }
            String name = String.format("n%02d", c);
            t.addColumns(DoubleColumn.create(name, v));
            specs.add(new ColumnSpec(name, ColumnType.NUMBER, why));
        }
        String[][] labels = {
            {"North", "north ", "South", "East", "West", " west", "Centre"},
            {"gold", "Silver", "silver", "bronze", "platinum", "tin"},
            {"email", "phone", "letter"},
            {"yes", "no"},
            {"A", "B", "C", "D", "E", "F", "G", "H", "I", "J"},
            {"web", "store", "app", "partner"}};
        for (int c = 0; c < 6; c++) {
            String[] l = labels[c];
            StringColumn s = StringColumn.create("c" + c);
            for (int r = 0; r < rows; r++) {
                s.append(rnd.nextDouble() < 0.02 ? "" : l[Math.min(l.length - 1, (int) Math.abs(rnd.nextGaussian() * l.length / 2.5))]);
            }
            t.addColumns(s);
            specs.add(new ColumnSpec(s.name(), ColumnType.CATEGORY, why));
        }
        DateTimeColumn d = DateTimeColumn.create("signup");
        LocalDate start = LocalDate.of(2015, 1, 1);
        for (int r = 0; r < rows; r++) {
            if (rnd.nextDouble() < 0.01) {
                d.appendMissing();
            } else {
                d.append(LocalDateTime.of(start.plusDays(rnd.nextInt(3650)), java.time.LocalTime.NOON));
            }
        }
        t.addColumns(d);
        specs.add(new ColumnSpec("signup", ColumnType.DATETIME, why));
        return new Dataset(t, specs);
    }

    private static void writeCsv(Dataset data, Path file) throws IOException {
        Table t = data.table();
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write(String.join(",", t.columnNames()));
            w.newLine();
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < t.rowCount(); r++) {
                line.setLength(0);
                for (int c = 0; c < t.columnCount(); c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    if (t.column(c) instanceof DoubleColumn dc) {
                        double v = dc.getDouble(r);
                        if (!Double.isNaN(v)) {
                            line.append(v);
                        }
                    } else if (!t.column(c).isMissing(r)) {
                        line.append(t.column(c).getString(r));
                    }
                }
                w.write(line.toString());
                w.newLine();
            }
        }
    }
}
