package org.marketingworkbench.core.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marketingworkbench.core.env.AppDirs;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.core.env.WekaEnvironment;
import org.marketingworkbench.core.project.ContentHash;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.classifiers.functions.Logistic;
import weka.classifiers.trees.J48;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

class SampleDataGeneratorTest {

    @TempDir
    static Path dir;

    static SampleDataGenerator.Result result;
    static List<String> customerLines;
    static List<String[]> customers;
    static List<String[]> transactions;
    static List<String> header;

    @BeforeAll
    static void generateOnce() throws Exception {
        AppDirs appDirs = AppDirs.forCurrentUser();
        Files.createDirectories(appDirs.wekaHome()); // Weka creates its home with mkdir, not mkdirs
        WekaEnvironment.configure(appDirs);
        result = new SampleDataGenerator().generate(dir.resolve("a"), SampleDataGenerator.DEFAULT_SEED);
        customerLines = Files.readAllLines(result.customersFile(), StandardCharsets.UTF_8);
        header = Arrays.asList(customerLines.get(0).split(","));
        customers = new ArrayList<>();
        for (String line : customerLines.subList(1, customerLines.size())) {
            customers.add(line.split(",", -1));
        }
        List<String> tx = Files.readAllLines(result.transactionsFile(), StandardCharsets.UTF_8);
        transactions = new ArrayList<>();
        for (String line : tx.subList(1, tx.size())) {
            transactions.add(line.split(",", -1));
        }
    }

    private static int col(String name) {
        int i = header.indexOf(name);
        assertThat(i).as("column " + name).isNotNegative();
        return i;
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        SampleDataGenerator.Result again = new SampleDataGenerator().generate(dir.resolve("b"),
                SampleDataGenerator.DEFAULT_SEED);
        assertThat(ContentHash.sha256(again.customersFile())).isEqualTo(ContentHash.sha256(result.customersFile()));
        assertThat(ContentHash.sha256(again.transactionsFile()))
                .isEqualTo(ContentHash.sha256(result.transactionsFile()));

        SampleDataGenerator.Result other = new SampleDataGenerator().generateCustomers(dir.resolve("c"), 7L);
        assertThat(ContentHash.sha256(other.customersFile())).isNotEqualTo(ContentHash.sha256(result.customersFile()));
        assertThat(other.transactionsFile()).isNull();
    }

    @Test
    void customersOnlyWritesTheSameCustomerBytes() throws Exception {
        SampleDataGenerator.Result only = new SampleDataGenerator().generateCustomers(dir.resolve("d"),
                SampleDataGenerator.DEFAULT_SEED);
        assertThat(ContentHash.sha256(only.customersFile())).isEqualTo(ContentHash.sha256(result.customersFile()));
        assertThat(Files.exists(dir.resolve("d").resolve(SampleDataGenerator.TRANSACTIONS_FILE))).isFalse();
    }

    @Test
    void customersFileHasTheDocumentedColumnsAndRowCounts() {
        assertThat(header).containsExactly(SampleDataGenerator.CUSTOMER_HEADER);
        assertThat(customers).hasSize(SampleDataGenerator.CUSTOMERS + SampleDataGenerator.DUPLICATE_ROWS);
        assertThat(result.customerRows()).isEqualTo(customers.size());
        assertThat(customers).allSatisfy(row -> assertThat(row).hasSize(header.size()));
        Set<String> ids = new HashSet<>();
        customers.forEach(r -> ids.add(r[col("customer_id")]));
        assertThat(ids).hasSize(SampleDataGenerator.CUSTOMERS);
    }

    @Test
    void containsExactlyTheDeclaredNumberOfDuplicateRows() {
        Set<String> distinct = new LinkedHashSet<>(customerLines.subList(1, customerLines.size()));
        assertThat(customerLines.size() - 1 - distinct.size()).isEqualTo(SampleDataGenerator.DUPLICATE_ROWS);
    }

    @Test
    void containsTheDeliberateMess() {
        long blankAges = customers.stream().filter(r -> r[col("age")].isEmpty()).count();
        long naIncome = customers.stream().filter(r -> r[col("income_band")].equals("NA")).count();
        long naOpens = customers.stream().filter(r -> r[col("email_opens_90d")].equals("NA")).count();
        assertThat(blankAges).isBetween(50L, 300L);
        assertThat(naIncome).isPositive();
        assertThat(naOpens).isPositive();
        assertThat(customers).anySatisfy(r -> assertThat(r[col("age")]).isEqualTo("150"));
        assertThat(customers).anySatisfy(r -> assertThat(r[col("total_spend")]).isEqualTo("999999.99"));

        Set<String> shanghai = new HashSet<>();
        Set<String> tiers = new HashSet<>();
        for (String[] r : customers) {
            if (r[col("city")].trim().equalsIgnoreCase("shanghai")) {
                shanghai.add(r[col("city")]);
            }
            tiers.add(r[col("loyalty_tier")]);
        }
        assertThat(shanghai).contains("Shanghai", "shanghai", "SHANGHAI", "Shanghai ");
        assertThat(tiers).contains("Gold", "gold", "Bronze", "Silver", "Platinum");
    }

    @Test
    void personalDataIsObviouslySyntheticAndDatesAreIso() {
        for (String[] r : customers) {
            assertThat(r[col("email")]).matches("c\\d{4}@example\\.com");
            assertThat(r[col("phone")]).matches("|555-\\d{3}-\\d{4}");
            LocalDate signup = LocalDate.parse(r[col("signup_date")]);
            assertThat(signup).isBefore(SampleDataGenerator.SNAPSHOT_DATE);
        }
    }

    @Test
    void targetRatesAreRealistic() {
        double responded = customers.stream().filter(r -> r[col("responded")].equals("yes")).count()
                / (double) customers.size();
        double churned = customers.stream().filter(r -> r[col("churned")].equals("yes")).count()
                / (double) customers.size();
        assertThat(responded).isBetween(0.10, 0.15);
        assertThat(churned).isBetween(0.20, 0.25);
        assertThat(customers).allSatisfy(r -> {
            assertThat(r[col("responded")]).isIn("yes", "no");
            assertThat(r[col("churned")]).isIn("yes", "no");
        });
    }

    @Test
    void churnIsMoreLikelyForCustomersWhoStoppedBuying() {
        int recency = col("days_since_last_purchase");
        double recent = churnRate(r -> Integer.parseInt(r[recency]) <= 30);
        double lapsed = churnRate(r -> Integer.parseInt(r[recency]) > 180);
        assertThat(lapsed).isGreaterThan(2 * recent);
    }

    private double churnRate(java.util.function.Predicate<String[]> filter) {
        List<String[]> group = customers.stream().filter(filter).toList();
        assertThat(group).hasSizeGreaterThan(100);
        return group.stream().filter(r -> r[col("churned")].equals("yes")).count() / (double) group.size();
    }

    @Test
    void transactionsAgreeWithTheCustomerFigures() {
        assertThat(transactions.size()).isBetween(90_000, 105_000);
        Map<String, Long> netCents = new HashMap<>();
        Map<String, Set<String>> purchaseInvoices = new HashMap<>();
        int returns = 0;
        for (String[] t : transactions) {
            assertThat(t).hasSize(SampleDataGenerator.TRANSACTION_HEADER.length);
            int quantity = Integer.parseInt(t[5]);
            long cents = Math.round(Double.parseDouble(t[6]) * 100);
            netCents.merge(t[0], quantity * cents, Long::sum);
            if (quantity < 0) {
                returns++;
                assertThat(t[1]).startsWith("R");
            } else {
                purchaseInvoices.computeIfAbsent(t[0], k -> new HashSet<>()).add(t[1]);
            }
        }
        assertThat(returns).isBetween(100, 2_000);
        int checked = 0;
        for (String[] c : customers) {
            String id = c[col("customer_id")];
            assertThat(purchaseInvoices.get(id)).as(id).hasSize(Integer.parseInt(c[col("n_orders")]));
            if (!c[col("total_spend")].equals("999999.99")) {
                assertThat(Math.round(Double.parseDouble(c[col("total_spend")]) * 100)).as(id)
                        .isEqualTo(netCents.get(id));
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(SampleDataGenerator.CUSTOMERS);
        assertThat(transactions.get(0)[2]).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
    }

    @Test
    void wekaLearnsWhoRespondedWellAboveChance() throws Exception {
        assertWekaLearns("responded");
    }

    @Test
    void wekaLearnsWhoChurnedWellAboveChance() throws Exception {
        assertWekaLearns("churned");
    }

    /** Logistic regression and J48, 3-fold cross-validated, reach an AUC above 0.7 (chance is 0.5). */
    private static void assertWekaLearns(String target) throws Exception {
        {
            for (Classifier classifier : List.of(new Logistic(), new J48())) {
                Instances data = toInstances(target);
                Evaluation eval = new Evaluation(data);
                eval.crossValidateModel(classifier, data, 3, new Random(1));
                double auc = eval.areaUnderROC(data.classAttribute().indexOfValue("yes"));
                assertThat(auc).as(target + " " + classifier.getClass().getSimpleName()).isGreaterThan(0.7);
            }
        }
    }

    @Test
    void refusesAFileAsTheOutputFolder() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> new SampleDataGenerator().generate(file, 1L))
                .isInstanceOf(SampleDataException.class)
                .satisfies(e -> assertThat(((SampleDataException) e).userMessage().key())
                        .isEqualTo("sample.error.notFolder"));
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void reportsProgressAndStopsWhenCancelledWithoutWritingAnything() {
        List<Double> seen = new ArrayList<>();
        Progress progress = Progress.to((fraction, message) -> seen.add(fraction));
        progress.cancel();
        Path out = dir.resolve("cancelled");

        assertThatThrownBy(() -> new SampleDataGenerator().generate(out, 1L, progress))
                .isInstanceOf(CancelledException.class);
        assertThat(out.resolve(SampleDataGenerator.CUSTOMERS_FILE)).doesNotExist();
        assertThat(seen).doesNotContain(1.0);
    }

    @Test
    void progressRisesToOne() throws Exception {
        List<Double> seen = new ArrayList<>();
        new SampleDataGenerator().generate(dir.resolve("progress"), 3L, Progress.to((f, m) -> seen.add(f)));
        assertThat(seen).isSorted().last().isEqualTo(1.0);
        assertThat(seen.size()).isGreaterThan(5);
    }

    @Test
    void amountsAreWrittenWithAPointWhateverTheLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(SampleDataGenerator.cents(123456)).isEqualTo("1234.56");
            assertThat(SampleDataGenerator.cents(-5)).isEqualTo("-0.05");
        } finally {
            Locale.setDefault(before);
        }
    }

    /** The customer table as Weka sees it after the obvious clean-up (trim, lower case, NA = missing). */
    private static Instances toInstances(String target) {
        String[] numeric = {"age", "n_orders", "total_spend", "avg_basket", "days_since_last_purchase",
            "web_visits_30d", "email_opens_90d", "complaints_12m"};
        String[] nominal = {"gender", "region", "channel", "income_band", "loyalty_tier"};
        ArrayList<Attribute> attributes = new ArrayList<>();
        List<Map<String, Integer>> levels = new ArrayList<>();
        for (String name : numeric) {
            attributes.add(new Attribute(name));
        }
        for (String name : nominal) {
            Set<String> values = new LinkedHashSet<>();
            for (String[] r : customers) {
                String v = clean(r[col(name)]);
                if (v != null) {
                    values.add(v);
                }
            }
            Map<String, Integer> index = new HashMap<>();
            for (String v : values) {
                index.put(v, index.size());
            }
            levels.add(index);
            attributes.add(new Attribute(name, new ArrayList<>(values)));
        }
        attributes.add(new Attribute(target, List.of("no", "yes")));
        Instances data = new Instances("customers", attributes, customers.size());
        data.setClassIndex(attributes.size() - 1);
        for (String[] r : customers) {
            double[] v = new double[attributes.size()];
            for (int i = 0; i < numeric.length; i++) {
                String s = clean(r[col(numeric[i])]);
                v[i] = s == null ? Utils.missingValue() : Double.parseDouble(s);
            }
            for (int j = 0; j < nominal.length; j++) {
                String s = clean(r[col(nominal[j])]);
                v[numeric.length + j] = s == null ? Utils.missingValue() : levels.get(j).get(s);
            }
            v[v.length - 1] = r[col(target)].equals("yes") ? 1 : 0;
            data.add(new DenseInstance(1.0, v));
        }
        return data;
    }

    private static String clean(String raw) {
        String v = raw.trim().toLowerCase(Locale.ROOT);
        return v.isEmpty() || v.equals("na") ? null : v;
    }
}
