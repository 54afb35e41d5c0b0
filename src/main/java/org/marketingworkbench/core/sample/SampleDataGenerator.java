package org.marketingworkbench.core.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.pipeline.Progress;

/**
 * Writes the synthetic sample data of a fictional retailer: {@code customers.csv} (one row per
 * customer, with deliberate mess and two targets) and {@code transactions.csv} (the purchase lines
 * the customer figures are derived from).
 *
 * <p>The same seed always gives byte-identical files: all randomness comes from one
 * {@link SplittableRandom}, all maths that feeds the output uses {@link StrictMath}, and numbers are
 * written without any locale. The generation model is documented in {@code sample-data/README.md}.
 */
public final class SampleDataGenerator {

    /** The seed of the committed files in {@code sample-data/}. */
    public static final long DEFAULT_SEED = 20260101L;
    public static final String CUSTOMERS_FILE = "customers.csv";
    public static final String TRANSACTIONS_FILE = "transactions.csv";
    /** The day the data was "extracted": recency is counted back from it. */
    public static final LocalDate SNAPSHOT_DATE = LocalDate.of(2026, 6, 30);

    static final int CUSTOMERS = 5_000;
    static final int DUPLICATE_ROWS = 12;
    static final int FIRST_CUSTOMER_NUMBER = 1001;
    static final double RESPONSE_RATE = 0.12;
    static final double CHURN_RATE = 0.22;

    static final String[] CUSTOMER_HEADER = {"customer_id", "email", "phone", "gender", "age", "city", "region",
        "signup_date", "channel", "income_band", "loyalty_tier", "n_orders", "total_spend", "avg_basket",
        "days_since_last_purchase", "web_visits_30d", "email_opens_90d", "complaints_12m", "responded", "churned"};
    static final String[] TRANSACTION_HEADER = {"customer_id", "invoice", "invoice_date", "product", "category",
        "quantity", "unit_price"};

    private static final LocalDate FIRST_SIGNUP = LocalDate.of(2018, 1, 1);
    private static final LocalDate LAST_SIGNUP = LocalDate.of(2026, 5, 31);

    private static final String[] CITIES = {"Shanghai", "Beijing", "Guangzhou", "Shenzhen", "Hangzhou",
        "Nanjing", "Chengdu", "Chongqing", "Wuhan", "Tianjin", "Xi'an", "Suzhou"};
    private static final String[] CITY_REGIONS = {"East", "North", "South", "South", "East",
        "East", "West", "West", "Central", "North", "West", "East"};
    private static final double[] CITY_WEIGHTS = {18, 15, 11, 11, 8, 6, 7, 6, 6, 5, 3, 4};
    /** Income advantage of each city (log scale, added to the income score). */
    private static final double[] CITY_INCOME = {0.5, 0.5, 0.3, 0.45, 0.3, 0.1, -0.1, -0.2, -0.1, 0.0, -0.2, 0.2};

    private static final String[] CHANNELS = {"Web", "Store", "App", "Referral"};
    private static final String[] INCOME_BANDS = {"<25k", "25-50k", "50-75k", "75-100k", ">100k"};
    private static final String[] TIERS = {"Bronze", "Silver", "Gold", "Platinum"};

    /** The shop's catalogue: category, product name, list price. */
    private static final Product[] CATALOGUE = {
        new Product("Grocery", "Jasmine rice 5kg", 8.90),
        new Product("Grocery", "Olive oil 1L", 9.50),
        new Product("Grocery", "Pasta 500g", 1.60),
        new Product("Grocery", "Oat flakes 1kg", 3.20),
        new Product("Grocery", "Honey 500g", 6.80),
        new Product("Grocery", "Coffee beans 1kg", 15.90),
        new Product("Grocery", "Dark chocolate", 2.40),
        new Product("Grocery", "Soy sauce 500ml", 2.10),
        new Product("Beverages", "Green tea 100g", 4.50),
        new Product("Beverages", "Mineral water 6x1.5L", 3.30),
        new Product("Beverages", "Orange juice 1L", 2.70),
        new Product("Beverages", "Red wine", 12.50),
        new Product("Beverages", "Sparkling water", 0.90),
        new Product("Beverages", "Oat milk 1L", 2.20),
        new Product("Household", "Laundry liquid 2L", 7.90),
        new Product("Household", "Dish soap", 2.30),
        new Product("Household", "Paper towels 6pk", 4.60),
        new Product("Household", "Trash bags 30pk", 3.40),
        new Product("Household", "Toilet paper 12pk", 6.20),
        new Product("Household", "Sponges 5pk", 1.90),
        new Product("Personal care", "Shampoo 400ml", 4.90),
        new Product("Personal care", "Toothpaste", 2.60),
        new Product("Personal care", "Face cream", 18.50),
        new Product("Personal care", "Electric toothbrush", 39.00),
        new Product("Personal care", "Sunscreen SPF50", 11.90),
        new Product("Personal care", "Hand soap", 1.80),
        new Product("Baby", "Diapers size 3", 12.90),
        new Product("Baby", "Baby wipes", 2.90),
        new Product("Baby", "Infant formula", 24.50),
        new Product("Baby", "Baby bottle", 8.40),
        new Product("Electronics", "USB-C cable", 9.90),
        new Product("Electronics", "Wireless earbuds", 59.00),
        new Product("Electronics", "Power bank", 29.90),
        new Product("Electronics", "Bluetooth speaker", 45.00),
        new Product("Electronics", "AA batteries 8pk", 6.50),
        new Product("Electronics", "Smart watch", 149.00),
        new Product("Home & Kitchen", "Frying pan 28cm", 34.90),
        new Product("Home & Kitchen", "Knife set", 49.90),
        new Product("Home & Kitchen", "Bath towel", 14.90),
        new Product("Home & Kitchen", "Storage boxes 3pk", 12.90),
        new Product("Home & Kitchen", "Desk lamp", 27.50),
        new Product("Home & Kitchen", "Scented candle", 8.90),
        new Product("Home & Kitchen", "Coffee machine", 129.00),
        new Product("Apparel", "Cotton T-shirt", 12.90),
        new Product("Apparel", "Running socks 3pk", 9.90),
        new Product("Apparel", "Rain jacket", 59.90),
        new Product("Apparel", "Jeans", 39.90),
        new Product("Apparel", "Sneakers", 69.00),
        new Product("Apparel", "Wool scarf", 24.90),
        new Product("Apparel", "Baseball cap", 14.90),
    };
    private static final String[] CATEGORIES = {"Grocery", "Beverages", "Household", "Personal care", "Baby",
        "Electronics", "Home & Kitchen", "Apparel"};
    /** How often each category is chosen on average. */
    private static final double[] CATEGORY_WEIGHTS = {30, 18, 16, 12, 4, 6, 7, 7};

    private record Product(String category, String name, double price) { }

    /** The files written and what they hold. */
    public record Result(Path customersFile, int customerRows, Path transactionsFile, int transactionRows,
                         double responseRate, double churnRate) { }

    /** Writes both files into {@code outDir} (created if needed). */
    public Result generate(Path outDir, long seed) throws SampleDataException {
        return generate(outDir, seed, Progress.none());
    }

    public Result generate(Path outDir, long seed, Progress progress) throws SampleDataException {
        return write(outDir, seed, true, progress);
    }

    /** Writes only {@code customers.csv}: the same bytes {@link #generate} writes for this seed. */
    public Result generateCustomers(Path outDir, long seed) throws SampleDataException {
        return write(outDir, seed, false, Progress.none());
    }

    private Result write(Path outDir, long seed, boolean withTransactions, Progress progress)
            throws SampleDataException {
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new SampleDataException(UserMessage.of("sample.error.notFolder", outDir), null);
        }
        Data data = build(seed, withTransactions, progress.slice(0, 0.7));
        try {
            Files.createDirectories(outDir);
            Path customers = outDir.resolve(CUSTOMERS_FILE);
            writeAtomically(customers, data.customerLines);
            progress.report(0.8);
            Path transactions = null;
            if (withTransactions) {
                transactions = outDir.resolve(TRANSACTIONS_FILE);
                writeAtomically(transactions, data.transactionLines);
            }
            progress.report(1.0);
            return new Result(customers, data.customerLines.size() - 1, transactions,
                    data.transactionLines.size() - 1, data.responseRate, data.churnRate);
        } catch (IOException e) {
            throw new SampleDataException(UserMessage.of("sample.error.cannotWrite", outDir,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static void writeAtomically(Path file, List<String> lines) throws IOException {
        org.marketingworkbench.core.io.AtomicFile.write(file, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
            w.flush();
        });
    }

    // ---------------------------------------------------------------------------------------------
    // The model

    /** The generated lines (header first) and the realised target rates. */
    static final class Data {
        final List<String> customerLines;
        final List<String> transactionLines;
        final double responseRate;
        final double churnRate;

        Data(List<String> customerLines, List<String> transactionLines, double responseRate, double churnRate) {
            this.customerLines = customerLines;
            this.transactionLines = transactionLines;
            this.responseRate = responseRate;
            this.churnRate = churnRate;
        }
    }

    private static final class Customer {
        int number;
        String id;
        int age;
        String gender;
        int city;
        LocalDate signup;
        int channel;
        int income;
        double engagement;
        double emailAffinity;
        double[] categoryWeights;
        double priceLevel;
        // derived from the transactions
        int orders;
        long spendCents;
        int recencyDays;
        int tier;
        int webVisits;
        int emailOpens;
        int complaints;
        boolean churned;
        boolean responded;
    }

    private static final class Invoice {
        final Customer customer;
        final LocalDateTime time;
        final boolean isReturn;
        final List<long[]> lines = new ArrayList<>(); // product index, quantity, unit price in cents
        final int order; // creation order, to break ties deterministically

        Invoice(Customer customer, LocalDateTime time, boolean isReturn, int order) {
            this.customer = customer;
            this.time = time;
            this.isReturn = isReturn;
            this.order = order;
        }
    }

    static Data build(long seed, boolean withTransactions, Progress progress) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom people = root.split();
        SplittableRandom shopping = root.split();
        SplittableRandom targets = root.split();
        SplittableRandom mess = root.split();

        List<Customer> customers = new ArrayList<>(CUSTOMERS);
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(newCustomer(people, FIRST_CUSTOMER_NUMBER + i));
        }
        progress.throwIfCancelled();
        progress.report(0.1);

        List<Invoice> invoices = new ArrayList<>(CUSTOMERS * 8);
        int[] counter = {0};
        for (int i = 0; i < customers.size(); i++) {
            shop(customers.get(i), shopping, invoices, counter);
            if (i % 500 == 0) {
                progress.throwIfCancelled();
                progress.report(0.1 + 0.5 * i / customers.size());
            }
        }
        for (Customer c : customers) {
            behaviour(c, people);
        }
        assignTiers(customers, people);
        double churnRate = drawChurn(customers, targets);
        double responseRate = drawResponse(customers, targets);
        progress.report(0.7);

        List<String> transactionLines = withTransactions ? transactionLines(invoices) : List.of();
        progress.throwIfCancelled();
        progress.report(0.85);
        List<String> customerLines = customerLines(customers, mess);
        progress.report(1.0);
        return new Data(customerLines, transactionLines, responseRate, churnRate);
    }

    private static Customer newCustomer(SplittableRandom r, int number) {
        Customer c = new Customer();
        c.number = number;
        c.id = "C" + number;
        c.age = (int) StrictMath.round(clamp(41 + 13 * gaussian(r) + 4 * gaussian(r) * gaussian(r), 18, 84));
        c.gender = r.nextDouble() < 0.54 ? "F" : "M";
        c.city = pick(r, CITY_WEIGHTS);
        long signupSpan = ChronoUnit.DAYS.between(FIRST_SIGNUP, LAST_SIGNUP);
        // more sign-ups in later years: the shop grew
        c.signup = FIRST_SIGNUP.plusDays((long) (signupSpan * StrictMath.sqrt(r.nextDouble())));
        double[] channelWeights = c.age < 35 ? new double[] {40, 15, 35, 10}
                : c.age < 55 ? new double[] {35, 35, 18, 12} : new double[] {18, 62, 8, 12};
        c.channel = pick(r, channelWeights);
        double ageIncome = -StrictMath.pow((c.age - 48) / 18.0, 2);
        double incomeScore = 0.8 * ageIncome + CITY_INCOME[c.city] + 0.9 * gaussian(r);
        c.income = incomeScore < -1.1 ? 0 : incomeScore < -0.3 ? 1 : incomeScore < 0.4 ? 2 : incomeScore < 1.0 ? 3 : 4;
        c.engagement = gaussian(r);
        c.emailAffinity = 0.8 * gaussian(r);
        c.categoryWeights = new double[CATEGORIES.length];
        for (int k = 0; k < CATEGORIES.length; k++) {
            c.categoryWeights[k] = CATEGORY_WEIGHTS[k] * StrictMath.exp(0.8 * gaussian(r));
        }
        if (c.age > 45 || r.nextDouble() < 0.6) {
            c.categoryWeights[4] *= 0.1; // baby products: mostly young families
        }
        c.priceLevel = 0.15 * (c.income - 2) + 0.1 * gaussian(r);
        return c;
    }

    /** Simulates the customer's purchases from sign-up to the snapshot date. */
    private static void shop(Customer c, SplittableRandom r, List<Invoice> invoices, int[] counter) {
        long tenureDays = ChronoUnit.DAYS.between(c.signup, SNAPSHOT_DATE);
        double tenureYears = tenureDays / 365.25;
        double channelBonus = c.channel == 1 ? 0.15 : c.channel == 2 ? 0.1 : 0;
        double lambda = StrictMath.exp(1.10 + 0.55 * c.engagement + 0.35 * StrictMath.log1p(tenureYears)
                + channelBonus);
        int orders = 1 + poisson(r, StrictMath.min(lambda, 100));

        // recency: active customers buy regularly; some have lapsed
        boolean lapsed = r.nextDouble() < sigmoid(-1.3 - 0.9 * c.engagement);
        double recency = lapsed ? 100 + r.nextDouble() * 600
                : -StrictMath.log(1 - r.nextDouble()) * 40 * StrictMath.exp(-0.4 * c.engagement);
        long firstDelay = (long) (r.nextDouble() * StrictMath.min(30, tenureDays));
        long lastDay = StrictMath.max(firstDelay, tenureDays - (long) recency); // days after sign-up
        long[] days = new long[orders];
        days[0] = lastDay;
        if (orders > 1) {
            days[1] = firstDelay;
            for (int k = 2; k < orders; k++) {
                days[k] = firstDelay + (long) (r.nextDouble() * (lastDay - firstDelay + 1));
            }
        }
        Arrays.sort(days);
        List<Invoice> mine = new ArrayList<>(orders);
        for (long day : days) {
            LocalDate date = c.signup.plusDays(StrictMath.min(day, tenureDays));
            if (date.isAfter(SNAPSHOT_DATE)) {
                date = SNAPSHOT_DATE;
            }
            Invoice inv = new Invoice(c, date.atTime(hour(r), r.nextInt(60)), false, counter[0]++);
            int lines = 1 + poisson(r, 1.9);
            boolean[] used = new boolean[CATALOGUE.length];
            for (int l = 0; l < lines; l++) {
                int category = pick(r, c.categoryWeights);
                int product = productIn(r, category);
                if (used[product]) {
                    continue;
                }
                used[product] = true;
                Product p = CATALOGUE[product];
                int quantity = quantity(r, category);
                double price = p.price * StrictMath.exp(c.priceLevel * 0.3);
                price = r.nextDouble() < 0.12 ? price * 0.8 : price; // promotion
                inv.lines.add(new long[] {product, quantity, StrictMath.round(price * 100)});
            }
            mine.add(inv);
        }
        // a few returns, some days after the purchase
        List<Invoice> returns = new ArrayList<>();
        for (Invoice inv : mine) {
            if (r.nextDouble() < 0.025) {
                LocalDateTime when = inv.time.plusDays(1 + r.nextInt(20)).withHour(hour(r)).withMinute(r.nextInt(60));
                if (!when.toLocalDate().isAfter(SNAPSHOT_DATE)) {
                    long[] line = inv.lines.get(r.nextInt(inv.lines.size()));
                    Invoice ret = new Invoice(c, when, true, counter[0]++);
                    int qty = (int) line[1];
                    int back = qty == 1 || r.nextBoolean() ? qty : 1 + r.nextInt(qty);
                    ret.lines.add(new long[] {line[0], -back, line[2]});
                    returns.add(ret);
                }
            }
        }
        c.orders = mine.size();
        long spend = 0;
        for (Invoice inv : mine) {
            spend += invoiceTotal(inv);
        }
        for (Invoice inv : returns) {
            spend += invoiceTotal(inv);
        }
        c.spendCents = spend;
        c.recencyDays = (int) ChronoUnit.DAYS.between(mine.get(mine.size() - 1).time.toLocalDate(), SNAPSHOT_DATE);
        invoices.addAll(mine);
        invoices.addAll(returns);
    }

    private static long invoiceTotal(Invoice inv) {
        long total = 0;
        for (long[] line : inv.lines) {
            total += line[1] * line[2];
        }
        return total;
    }

    /** Web visits, e-mail opens and complaints, which depend on engagement and shopping. */
    private static void behaviour(Customer c, SplittableRandom r) {
        double channelBonus = c.channel == 0 ? 0.5 : c.channel == 2 ? 0.7 : 0;
        double young = c.age < 35 ? 0.3 : c.age > 60 ? -0.4 : 0;
        c.webVisits = poisson(r, StrictMath.exp(0.6 + 0.5 * c.engagement + channelBonus + young
                - StrictMath.min(c.recencyDays, 365) / 250.0));
        double openRate = sigmoid(-1.2 + 0.6 * c.engagement + c.emailAffinity);
        int opens = 0;
        for (int k = 0; k < 12; k++) {
            if (r.nextDouble() < openRate) {
                opens++;
            }
        }
        c.emailOpens = opens;
        c.complaints = poisson(r, 0.1 * (1 + c.orders / 8.0) * StrictMath.exp(0.5 * gaussian(r)));
    }

    /** Tier follows spend (with some noise: tiers are reviewed once a year). */
    private static void assignTiers(List<Customer> customers, SplittableRandom r) {
        double[] score = new double[customers.size()];
        Integer[] order = new Integer[customers.size()];
        for (int i = 0; i < score.length; i++) {
            score[i] = StrictMath.log(StrictMath.max(customers.get(i).spendCents / 100.0, 1)) + 0.35 * gaussian(r);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> score[i]).thenComparingInt(i -> i));
        for (int rank = 0; rank < order.length; rank++) {
            double q = (double) rank / order.length;
            customers.get(order[rank]).tier = q < 0.5 ? 0 : q < 0.8 ? 1 : q < 0.95 ? 2 : 3;
        }
    }

    /** Churned: made no purchase in the six months after the snapshot. */
    private static double drawChurn(List<Customer> customers, SplittableRandom r) {
        double[] z = new double[customers.size()];
        for (int i = 0; i < z.length; i++) {
            Customer c = customers.get(i);
            double tenureYears = ChronoUnit.DAYS.between(c.signup, SNAPSHOT_DATE) / 365.25;
            z[i] = 0.012 * StrictMath.min(c.recencyDays, 365)
                    - 0.45 * StrictMath.log1p(c.orders)
                    + 0.6 * c.complaints
                    - 0.12 * c.emailOpens
                    - (c.tier >= 2 ? 0.5 : 0)
                    + (c.channel == 1 ? 0.3 : 0)
                    - 0.15 * StrictMath.log1p(tenureYears)
                    + 0.4 * gaussian(r);
        }
        boolean[] drawn = draw(z, CHURN_RATE, r);
        int count = 0;
        for (int i = 0; i < z.length; i++) {
            customers.get(i).churned = drawn[i];
            count += drawn[i] ? 1 : 0;
        }
        return (double) count / z.length;
    }

    /** Responded: redeemed the coupon of the spring 2026 e-mail campaign. */
    private static double drawResponse(List<Customer> customers, SplittableRandom r) {
        double[] z = new double[customers.size()];
        for (int i = 0; i < z.length; i++) {
            Customer c = customers.get(i);
            z[i] = 0.42 * c.emailOpens
                    + 0.08 * StrictMath.min(c.webVisits, 20)
                    - 0.004 * StrictMath.min(c.recencyDays, 365)
                    + (c.income >= 3 ? 0.35 : 0)
                    + 0.3 * c.tier
                    + (c.channel == 0 || c.channel == 2 ? 0.35 : 0)
                    - 0.5 * c.complaints
                    - 0.015 * StrictMath.abs(c.age - 38)
                    + 0.3 * gaussian(r);
        }
        boolean[] drawn = draw(z, RESPONSE_RATE, r);
        int count = 0;
        for (int i = 0; i < z.length; i++) {
            customers.get(i).responded = drawn[i];
            count += drawn[i] ? 1 : 0;
        }
        return (double) count / z.length;
    }

    /** Draws yes/no from a logistic model whose intercept is chosen so that the expected rate is {@code rate}. */
    private static boolean[] draw(double[] z, double rate, SplittableRandom r) {
        double lo = -20;
        double hi = 20;
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            double mean = 0;
            for (double v : z) {
                mean += sigmoid(mid + v);
            }
            if (mean / z.length < rate) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double intercept = (lo + hi) / 2;
        boolean[] out = new boolean[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = r.nextDouble() < sigmoid(intercept + z[i]);
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------
    // Writing, with the deliberate mess

    private static List<String> transactionLines(List<Invoice> invoices) {
        List<Invoice> sorted = new ArrayList<>(invoices);
        sorted.sort(Comparator.comparing((Invoice i) -> i.time).thenComparingInt(i -> i.order));
        List<String> out = new ArrayList<>(110_000);
        out.add(String.join(",", TRANSACTION_HEADER));
        int number = 500_001;
        StringBuilder sb = new StringBuilder(80);
        for (Invoice inv : sorted) {
            String invoice = (inv.isReturn ? "R" : "") + number++;
            String time = inv.time.toLocalDate() + " " + two(inv.time.getHour()) + ":" + two(inv.time.getMinute());
            for (long[] line : inv.lines) {
                Product p = CATALOGUE[(int) line[0]];
                sb.setLength(0);
                sb.append(inv.customer.id).append(',').append(invoice).append(',').append(time).append(',')
                        .append(p.name).append(',').append(p.category).append(',').append(line[1]).append(',')
                        .append(cents(line[2]));
                out.add(sb.toString());
            }
        }
        return out;
    }

    private static List<String> customerLines(List<Customer> customers, SplittableRandom r) {
        List<String[]> rows = new ArrayList<>(customers.size());
        for (Customer c : customers) {
            rows.add(new String[] {
                c.id,
                "c" + c.number + "@example.com",
                "555-" + (100 + r.nextInt(900)) + "-" + (1000 + r.nextInt(9000)),
                c.gender,
                Integer.toString(c.age),
                CITIES[c.city],
                CITY_REGIONS[c.city],
                c.signup.toString(),
                CHANNELS[c.channel],
                INCOME_BANDS[c.income],
                TIERS[c.tier],
                Integer.toString(c.orders),
                cents(c.spendCents),
                cents(StrictMath.round((double) c.spendCents / c.orders)),
                Integer.toString(c.recencyDays),
                Integer.toString(c.webVisits),
                Integer.toString(c.emailOpens),
                Integer.toString(c.complaints),
                c.responded ? "yes" : "no",
                c.churned ? "yes" : "no"});
        }
        int phone = 2;
        int gender = 3;
        int age = 4;
        int city = 5;
        int income = 9;
        int tier = 10;
        int spend = 12;
        int visits = 15;
        int opens = 16;
        for (String[] row : rows) {
            blankSometimes(r, row, age, 0.03);
            blankSometimes(r, row, gender, 0.03);
            blankSometimes(r, row, phone, 0.08);
            blankSometimes(r, row, visits, 0.02);
            double u = r.nextDouble();
            if (u < 0.05) {
                row[income] = "";
            } else if (u < 0.06) {
                row[income] = "NA";
            }
            if (r.nextDouble() < 0.01) {
                row[opens] = "NA";
            }
            double v = r.nextDouble();
            if (v < 0.01) {
                row[city] = "";
            } else if (v < 0.03) {
                row[city] = row[city].toLowerCase(Locale.ROOT);
            } else if (v < 0.05) {
                row[city] = row[city].toUpperCase(Locale.ROOT);
            } else if (v < 0.07) {
                row[city] = row[city] + " ";
            }
            double w = r.nextDouble();
            if (w < 0.04) {
                row[tier] = row[tier].toLowerCase(Locale.ROOT);
            } else if (w < 0.05) {
                row[tier] = row[tier].toUpperCase(Locale.ROOT);
            }
            if (r.nextDouble() < 0.01 && !row[gender].isEmpty()) {
                row[gender] = row[gender].equals("F") ? "female" : "Male";
            }
        }
        // outliers: impossible ages, an absurd spend (a test account), a bot's web visits
        rows.get(r.nextInt(rows.size()))[age] = "150";
        rows.get(r.nextInt(rows.size()))[age] = "150";
        rows.get(r.nextInt(rows.size()))[age] = "0";
        rows.get(r.nextInt(rows.size()))[spend] = "999999.99";
        rows.get(r.nextInt(rows.size()))[visits] = "4000";

        // exact duplicate rows (a double export), from distinct customers
        List<String> lines = new ArrayList<>(rows.size() + DUPLICATE_ROWS + 1);
        for (String[] row : rows) {
            lines.add(String.join(",", row));
        }
        boolean[] copied = new boolean[rows.size()];
        int made = 0;
        while (made < DUPLICATE_ROWS) {
            int source = r.nextInt(rows.size());
            if (copied[source]) {
                continue;
            }
            copied[source] = true;
            String line = String.join(",", rows.get(source));
            lines.add(r.nextInt(lines.size() + 1), line);
            made++;
        }
        lines.add(0, String.join(",", CUSTOMER_HEADER));
        return lines;
    }

    private static void blankSometimes(SplittableRandom r, String[] row, int column, double p) {
        if (r.nextDouble() < p) {
            row[column] = "";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Small deterministic helpers

    private static final int[] HOURS = {8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21};
    /** Shops open 8-22, busiest around lunch and after work. */
    private static final double[] HOUR_WEIGHTS = {2, 4, 6, 8, 10, 9, 6, 6, 7, 10, 12, 11, 7, 3};
    /** For each category, the catalogue indexes of its products. */
    private static final int[][] PRODUCTS_BY_CATEGORY = new int[CATEGORIES.length][];
    /** Within a category, earlier products sell more (a long tail). */
    private static final double[][] PRODUCT_WEIGHTS = new double[CATEGORIES.length][];

    static {
        for (int k = 0; k < CATEGORIES.length; k++) {
            List<Integer> members = new ArrayList<>();
            for (int p = 0; p < CATALOGUE.length; p++) {
                if (CATALOGUE[p].category.equals(CATEGORIES[k])) {
                    members.add(p);
                }
            }
            PRODUCTS_BY_CATEGORY[k] = members.stream().mapToInt(Integer::intValue).toArray();
            PRODUCT_WEIGHTS[k] = new double[members.size()];
            for (int j = 0; j < members.size(); j++) {
                PRODUCT_WEIGHTS[k][j] = 1.0 / (1 + 0.5 * j);
            }
        }
    }

    private static int hour(SplittableRandom r) {
        return HOURS[pick(r, HOUR_WEIGHTS)];
    }

    private static int productIn(SplittableRandom r, int category) {
        return PRODUCTS_BY_CATEGORY[category][pick(r, PRODUCT_WEIGHTS[category])];
    }

    private static int quantity(SplittableRandom r, int category) {
        boolean consumable = category <= 3;
        double u = r.nextDouble();
        if (u < (consumable ? 0.6 : 0.88)) {
            return 1;
        }
        return 2 + r.nextInt(consumable ? 5 : 2);
    }

    /** An amount of cents as a decimal with a point and two digits, whatever the locale. */
    static String cents(long cents) {
        String sign = cents < 0 ? "-" : "";
        cents = StrictMath.abs(cents);
        return sign + (cents / 100) + "." + two((int) (cents % 100));
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static int pick(SplittableRandom r, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = r.nextDouble() * total;
        for (int k = 0; k < weights.length; k++) {
            u -= weights[k];
            if (u < 0) {
                return k;
            }
        }
        return weights.length - 1;
    }

    /** Box-Muller, written out so the stream does not depend on the JDK's Gaussian algorithm. */
    private static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    }

    private static int poisson(SplittableRandom r, double lambda) {
        if (lambda > 30) {
            return (int) StrictMath.max(0, StrictMath.round(lambda + StrictMath.sqrt(lambda) * gaussian(r)));
        }
        double limit = StrictMath.exp(-lambda);
        double p = r.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    private static double clamp(double v, double lo, double hi) {
        return StrictMath.max(lo, StrictMath.min(hi, v));
    }
}
