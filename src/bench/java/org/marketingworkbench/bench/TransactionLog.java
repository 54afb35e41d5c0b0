package org.marketingworkbench.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A seeded transaction log of the shape of the UCI Online Retail file (not a copy of it): one line
 * per item of an invoice, 8 columns.
 * <ul>
 *   <li>InvoiceNo: 6-digit numbers counting up, repeated over an invoice's lines; about 1.7% of the
 *       lines belong to cancellations, written with a 'C' prefix (C536379);</li>
 *   <li>StockCode: 5-digit codes, some with a letter suffix (85123A), a few words (POST, M, DOT);</li>
 *   <li>Description: about 4,000 different upper-case phrases of about 30 characters, one per stock
 *       code, a few quoted with a comma, a few blank;</li>
 *   <li>Quantity: whole numbers, negative on cancellations;</li>
 *   <li>InvoiceDate: {@code yyyy-MM-dd HH:mm:ss}, the same for an invoice's lines, counting up;</li>
 *   <li>UnitPrice: decimals;</li>
 *   <li>CustomerID: 5-digit whole numbers written like 17850.0, missing on a quarter of the lines;</li>
 *   <li>Country: 38 different, mostly United Kingdom.</li>
 * </ul>
 */
final class TransactionLog {

    static final int ROWS = 541_909;
    private static final long SEED = 20_101_201L;

    private static final String[] WORDS = {
        "WHITE", "HANGING", "HEART", "T-LIGHT", "HOLDER", "CREAM", "CUPID", "HEARTS", "COAT", "HANGER",
        "KNITTED", "UNION", "FLAG", "HOT", "WATER", "BOTTLE", "RED", "WOOLLY", "HOTTIE", "SET", "OF", "BABUSHKA",
        "NESTING", "BOXES", "GLASS", "STAR", "FROSTED", "LANTERN", "HAND", "WARMER", "BIRD", "ORNAMENT", "POPPY'S",
        "PLAYHOUSE", "BEDROOM", "KITCHEN", "FELTCRAFT", "PRINCESS", "CHARLIE", "LOLA", "DOLL", "IVORY", "BOX",
        "VINTAGE", "JIGSAW", "BLOCKS", "ALPHABET", "HOME", "BUILDING", "BLOCK", "WORD", "LOVE", "RECIPE", "DOORMAT",
        "JAM", "MAKING", "PRINTED", "BAKING", "CASES", "PACK", "RETROSPOT", "LUNCH", "BAG", "JUMBO", "SHOPPER",
        "PINK", "BLUE", "GREEN", "POLKADOT", "PAPER", "CHAIN", "KIT", "CHRISTMAS", "DECORATION", "TEA", "TOWEL",
        "LONDON", "REGENCY", "CAKESTAND", "TIER", "ROSES", "SPOTTY", "BUNTING", "ASSORTED", "COLOUR", "MINI",
        "TRINKET", "PAISLEY", "PARK", "ALARM", "CLOCK", "BAKELIKE", "CHOCOLATE", "GARDEN", "PARASOL", "WALL",
        "ART", "SIGN", "METAL", "ENAMEL", "JUG", "MUG", "CERAMIC", "STRAWBERRY", "CANDLE", "PLATE", "BOWL",
        "SMALL", "LARGE", "DOORSTOP", "CUSHION", "COVER", "NAPKINS", "SPACEBOY", "DOLLY", "GIRL", "WRAP"};

    private static final String[] COUNTRIES = {
        "United Kingdom", "Germany", "France", "EIRE", "Spain", "Netherlands", "Belgium", "Switzerland", "Portugal",
        "Australia", "Norway", "Italy", "Channel Islands", "Finland", "Cyprus", "Sweden", "Unspecified", "Austria",
        "Denmark", "Japan", "Poland", "Israel", "USA", "Hong Kong", "Singapore", "Iceland", "Canada", "Greece",
        "Malta", "United Arab Emirates", "European Community", "RSA", "Lebanon", "Lithuania", "Brazil",
        "Czech Republic", "Bahrain", "Saudi Arabia"};

    private static final String[] WORD_CODES = {"POST", "D", "M", "C2", "DOT", "BANK CHARGES", "AMAZONFEE", "PADS",
        "CRUK", "S", "B"};

    private static final double[] PRICES = {0.19, 0.29, 0.39, 0.42, 0.55, 0.65, 0.72, 0.83, 0.85, 1.25, 1.45, 1.65,
        1.69, 2.1, 2.46, 2.55, 2.95, 3.39, 3.75, 4.25, 4.95, 5.95, 6.75, 7.95, 8.5, 9.95, 12.75, 14.95, 18.0};

    private static final int[] QUANTITIES = {1, 1, 1, 2, 2, 3, 4, 4, 6, 6, 8, 10, 12, 12, 12, 24, 24, 36, 48, 72};

    private TransactionLog() {
    }

    private record Product(String code, String description, double price) {
    }

    /** Writes {@code rows} lines (plus a header) to {@code csv}, atomically. */
    static void generate(Path csv, int rows) throws IOException {
        Files.createDirectories(csv.getParent());
        Random rnd = new Random(SEED);
        List<Product> products = products(rnd, 4_000);
        // a few products sell far more than others: popularity falls off like 1/rank
        double[] cumulative = new double[products.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += 1.0 / (i + 10);
            cumulative[i] = sum;
        }
        int[] customers = new int[4_372];
        String[] customerCountry = new String[customers.length];
        for (int i = 0; i < customers.length; i++) {
            customers[i] = 12_346 + i * (18_287 - 12_346) / customers.length;
            customerCountry[i] = rnd.nextDouble() < 0.9 ? COUNTRIES[0] : COUNTRIES[1 + rnd.nextInt(COUNTRIES.length - 1)];
        }
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        LocalDateTime time = LocalDateTime.of(2010, 12, 1, 8, 26);
        int invoice = 536_365;
        Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
            StringBuilder sb = new StringBuilder(128);
            int written = 0;
            while (written < rows) {
                boolean cancel = rnd.nextDouble() < 0.14;
                int lines = cancel ? 1 + geometric(rnd, 1.5) : 1 + geometric(rnd, 22);
                String invoiceNo = (cancel ? "C" : "") + invoice++;
                time = time.plusMinutes(1 + geometric(rnd, 19));
                if (time.getHour() >= 20) {
                    time = time.plusDays(1).withHour(7).withMinute(rnd.nextInt(60));
                }
                String date = time.format(f);
                int c = rnd.nextInt(customers.length);
                boolean guest = rnd.nextDouble() < 0.25;
                String customer = guest ? "" : customers[c] + ".0";
                String country = guest ? (rnd.nextDouble() < 0.95 ? COUNTRIES[0] : COUNTRIES[1 + rnd.nextInt(10)])
                        : customerCountry[c];
                for (int l = 0; l < lines && written < rows; l++, written++) {
                    Product p = products.get(pick(cumulative, rnd.nextDouble() * sum));
                    boolean noDescription = rnd.nextInt(400) == 0;
                    int q = QUANTITIES[rnd.nextInt(QUANTITIES.length)];
                    if (rnd.nextInt(200) == 0) {
                        q *= 10;
                    }
                    sb.setLength(0);
                    sb.append(invoiceNo).append(',').append(p.code()).append(',');
                    if (!noDescription) {
                        String d = p.description();
                        if (d.indexOf(',') >= 0) {
                            sb.append('"').append(d).append('"');
                        } else {
                            sb.append(d);
                        }
                    }
                    sb.append(',').append(cancel ? -q : q).append(',').append(date).append(',')
                            .append(noDescription ? 0.0 : p.price()).append(',')
                            .append(noDescription ? "" : customer).append(',').append(country).append('\n');
                    w.append(sb);
                }
            }
        }
        Files.move(tmp, csv, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Product> products(Random rnd, int n) {
        List<Product> out = new ArrayList<>(n);
        Set<String> codes = new HashSet<>();
        Set<String> descriptions = new HashSet<>();
        for (String w : WORD_CODES) {
            codes.add(w);
            String d = w.length() <= 3 ? w + " POSTAGE" : w.replace('_', ' ');
            descriptions.add(d);
            out.add(new Product(w, d, PRICES[rnd.nextInt(PRICES.length)] * 10));
        }
        while (out.size() < n) {
            int base = 10_002 + rnd.nextInt(80_000);
            String code = rnd.nextInt(8) == 0 ? base + String.valueOf((char) ('A' + rnd.nextInt(12)))
                    : String.valueOf(base);
            String d = description(rnd);
            if (!codes.add(code) || !descriptions.add(d)) {
                continue;
            }
            out.add(new Product(code, d, PRICES[rnd.nextInt(PRICES.length)]));
        }
        // shuffle, so popularity (by position) does not follow the word codes
        java.util.Collections.shuffle(out, rnd);
        return out;
    }

    private static String description(Random rnd) {
        StringBuilder sb = new StringBuilder(40);
        int target = 22 + rnd.nextInt(14);
        while (sb.length() < target) {
            if (sb.length() > 0) {
                sb.append(rnd.nextInt(100) == 0 ? ", " : " ");
            }
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /** A geometric number of extra items with the given mean. */
    private static int geometric(Random rnd, double mean) {
        double p = 1 / (mean + 1);
        return (int) Math.floor(Math.log(1 - rnd.nextDouble()) / Math.log(1 - p));
    }

    private static int pick(double[] cumulative, double x) {
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }

    /** Writes the log to the path given (default target/bench-retail-541909.csv). */
    public static void main(String[] args) throws IOException {
        Path csv = Path.of(args.length > 0 ? args[0] : "target/bench-retail-" + ROWS + ".csv");
        generate(csv, args.length > 1 ? Integer.parseInt(args[1]) : ROWS);
    }
}
