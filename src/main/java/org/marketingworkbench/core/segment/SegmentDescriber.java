package org.marketingworkbench.core.segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.marketingworkbench.core.data.ColumnSpec;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import tech.tablesaw.api.NumericColumn;

/**
 * Segment cards in words: for each segment of a result, the features that set it apart (ranked by how many
 * standard deviations the segment lies from average), its spend when the data has a money column, and a proposed
 * name built from the strongest traits.
 *
 * <p><b>Traits.</b> A profile column counts when the segment's mean lies at least {@link #TRAIT_THRESHOLD}
 * standard deviations from the overall mean; the words grow with the distance: "slightly" below
 * {@link #MUCH}, "much" below {@link #FAR}, "far" beyond. A category contributes at most one trait, its value
 * that stands out most ("mostly Female (78% vs 56% overall)"). At most {@link #MAX_TRAITS} per card.
 *
 * <p><b>Names</b> are composed by one message pattern per shape and language ({@code segment.name.*}), from
 * words chosen by what a feature is about ({@link FeatureWord}: age → "Young"/"Older", income → "high/low
 * earners", …): "Young big spenders", 年轻高消费客户. The two strongest number traits are used (a category
 * value the segment mostly has, "Female", fills a place only when fewer number traits stand out); a segment
 * with none is "Typical customers". When two segments would get the same name, the later (smaller) ones have
 * their number added, so names are unique within a result.
 */
public final class SegmentDescriber {

    /** A trait counts from this many standard deviations from average. */
    public static final double TRAIT_THRESHOLD = 0.5;
    /** From here a difference is "much" higher or lower. */
    public static final double MUCH = 0.8;
    /** From here a difference is "far" higher or lower. */
    public static final double FAR = 1.5;
    public static final int MAX_TRAITS = 4;

    /** Words that mark a column as money spent, matched against the column name's words (not "income"). */
    private static final List<String> MONEY_WORDS = List.of("spend", "spending", "spent", "monetary", "revenue",
            "sales", "amount", "value");
    private static final List<String> MONEY_CHINESE = List.of("消费", "金额");
    /** A "spending score" or "value rating" is a score, not money. */
    private static final Set<String> NOT_MONEY = Set.of("score", "rating", "rank", "index", "income", "band", "tier");

    private SegmentDescriber() {
    }

    /** A card for each segment of {@code result}, in segment order; {@code data} is the table it was computed on. */
    public static List<SegmentCard> describe(Dataset data, SegmentationResult result) {
        if (data.rowCount() != result.segmentOfRow().length) {
            throw new IllegalArgumentException("the result has " + result.segmentOfRow().length + " rows, the table "
                    + data.rowCount());
        }
        List<SegmentCard.Spend> spend = moneyColumn(data).map(c -> spend(data, result, c)).orElse(null);
        List<SegmentCard> cards = new ArrayList<>();
        List<UserMessage> names = new ArrayList<>();
        for (Segment s : result.segments()) {
            List<SegmentCard.Trait> traits = traits(result.profileColumns(), s);
            UserMessage name = name(traits);
            if (names.contains(name)) {
                name = UserMessage.of("segment.name.numbered", name, s.number());
            }
            names.add(name);
            cards.add(new SegmentCard(s.number(), s.size(), s.share(), s.silhouette(), traits,
                    spend == null ? Optional.empty() : Optional.of(spend.get(s.number() - 1)), name));
        }
        return cards;
    }

    // ------------------------------------------------------------------ traits

    static List<SegmentCard.Trait> traits(List<ProfileColumn> columns, Segment s) {
        double[] z = s.meanZ();
        double[] centroid = s.centroid();
        List<SegmentCard.Trait> all = new ArrayList<>();
        Set<String> categoriesTaken = new HashSet<>();
        Integer[] order = new Integer[z.length];
        for (int p = 0; p < order.length; p++) {
            order[p] = p;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer p) -> -Math.abs(z[p])).thenComparing(p -> p));
        for (int p : order) {
            if (!(Math.abs(z[p]) >= TRAIT_THRESHOLD) || all.size() == MAX_TRAITS) {
                continue;
            }
            ProfileColumn c = columns.get(p);
            if (c.isLevel() && !categoriesTaken.add(c.feature())) {
                continue;   // one trait per category: its other values mirror the strongest one
            }
            all.add(new SegmentCard.Trait(c, z[p], centroid[p], c.mean(), words(c, z[p], centroid[p])));
        }
        return all;
    }

    private static UserMessage words(ProfileColumn c, double z, double value) {
        if (c.isLevel()) {
            String key = z < 0 ? "segment.trait.lessOften" : value >= 0.5 ? "segment.trait.mostly"
                    : "segment.trait.moreOften";
            return UserMessage.of(key, c.feature(), c.level(), value, c.mean());
        }
        double a = Math.abs(z);
        String strength = a >= FAR ? "far" : a >= MUCH ? "much" : "slightly";
        return UserMessage.of("segment.trait." + (z > 0 ? "higher." : "lower.") + strength, c.feature(), value,
                c.mean());
    }

    // ------------------------------------------------------------------ names

    /** A name from the two strongest traits that have a word; "Typical customers" when there is none. */
    static UserMessage name(List<SegmentCard.Trait> traits) {
        List<Part> parts = new ArrayList<>();
        List<Part> values = new ArrayList<>();
        for (SegmentCard.Trait t : traits) {
            ProfileColumn c = t.column();
            if (c.isLevel()) {
                if (t.z() > 0 && t.segmentValue() >= 0.5) {   // "mostly Female": the value describes them
                    values.add(new Part(true, c.level(), c.level()));
                }
            } else if (parts.size() < 2) {
                FeatureWord w = FeatureWord.of(c.feature());
                boolean high = t.z() > 0;
                if (parts.stream().noneMatch(p -> p.word == w && w != FeatureWord.GENERIC)) {
                    parts.add(new Part(w.isAdjective(), w.part(high, true, c.feature()), w.part(high, false, c.feature()),
                            w));
                }
            }
        }
        // a category value ("Berlin") says less than a number word ("young"): it only fills a free place
        for (int i = 0; parts.size() < 2 && i < values.size(); i++) {
            parts.add(values.get(i));
        }
        if (parts.isEmpty()) {
            return UserMessage.of("segment.name.typical");
        }
        if (parts.size() == 1) {
            Part p = parts.get(0);
            return UserMessage.of(p.adjective ? "segment.name.adjective" : "segment.name.noun", p.leading);
        }
        Part a = parts.get(0);
        Part b = parts.get(1);
        if (a.adjective != b.adjective) {
            Part adjective = a.adjective ? a : b;
            Part noun = a.adjective ? b : a;
            return UserMessage.of("segment.name.adjectiveNoun", adjective.leading, noun.inner);
        }
        return UserMessage.of(a.adjective ? "segment.name.adjectiveAdjective" : "segment.name.nounNoun", a.leading,
                b.inner);
    }

    /** One word of a name: its form leading the name and inside it (a UserMessage, or a category value as is). */
    private record Part(boolean adjective, Object leading, Object inner, FeatureWord word) {
        Part(boolean adjective, Object leading, Object inner) {
            this(adjective, leading, inner, null);
        }
    }

    // ------------------------------------------------------------------ money

    /**
     * The column that holds money spent, if the data has one: a number column whose name has a word such as
     * spend, total_spend, amount, revenue, sales, monetary or value (消费, 金额), and none of score, rating,
     * income (a "Spending Score (1-100)" is not money, nor is an income). Of several, the one with the
     * earliest of those words in that list, then the first in the table.
     */
    public static Optional<String> moneyColumn(Dataset data) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (ColumnSpec spec : data.columns()) {
            if (spec.type() != ColumnType.NUMBER || !(data.table().column(spec.name()) instanceof NumericColumn<?>)) {
                continue;
            }
            int rank = moneyRank(spec.name());
            if (rank < bestRank) {
                bestRank = rank;
                best = spec.name();
            }
        }
        return Optional.ofNullable(best);
    }

    /** How surely a column name says money spent (lower is surer), or MAX_VALUE when it does not. */
    static int moneyRank(String columnName) {
        String n = columnName.toLowerCase(Locale.ROOT);
        List<String> tokens = List.of(n.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" "));
        if (tokens.stream().anyMatch(NOT_MONEY::contains) || n.contains("收入") || n.contains("评分")
                || n.contains("分数")) {
            return Integer.MAX_VALUE;
        }
        for (int i = 0; i < MONEY_WORDS.size(); i++) {
            if (tokens.contains(MONEY_WORDS.get(i))) {
                return i;
            }
        }
        for (int i = 0; i < MONEY_CHINESE.size(); i++) {
            if (n.contains(MONEY_CHINESE.get(i))) {
                return MONEY_WORDS.size() + i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** Each segment's spend (index = number − 1), over its customers with a value in {@code column}. */
    static List<SegmentCard.Spend> spend(Dataset data, SegmentationResult result, String column) {
        NumericColumn<?> money = (NumericColumn<?>) data.table().column(column);
        int k = result.k();
        double[] total = new double[k];
        int[] count = new int[k];
        int[] segmentOfRow = result.segmentOfRow();
        for (int r = 0; r < segmentOfRow.length; r++) {
            if (segmentOfRow[r] == 0 || money.isMissing(r)) {
                continue;
            }
            double v = money.getDouble(r);
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            total[segmentOfRow[r] - 1] += v;
            count[segmentOfRow[r] - 1]++;
        }
        double all = java.util.Arrays.stream(total).sum();
        int allCount = java.util.Arrays.stream(count).sum();
        double overallMean = allCount == 0 ? Double.NaN : all / allCount;
        List<SegmentCard.Spend> out = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            double mean = count[s] == 0 ? Double.NaN : total[s] / count[s];
            double share = all == 0 ? Double.NaN : total[s] / all;
            out.add(new SegmentCard.Spend(column, mean, total[s], share, overallMean,
                    UserMessage.of("segment.card.spend", column, mean, overallMean, total[s], share)));
        }
        return out;
    }
}
