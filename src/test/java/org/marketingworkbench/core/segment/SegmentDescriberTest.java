package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.i18n.UserMessage;
import org.marketingworkbench.core.ingest.DataImporter;
import org.marketingworkbench.core.ingest.ImportSettings;
import org.marketingworkbench.core.pipeline.Progress;
import org.marketingworkbench.testsupport.SharedDatasets;

class SegmentDescriberTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static Dataset mall;
    private static SegmentationResult mallFive;

    @BeforeAll
    static void mallInFiveSegments() throws Exception {
        WekaForTests.configure();
        mall = new DataImporter().read(SharedDatasets.file("Mall_Customers.csv"), ImportSettings.auto(), Progress.none())
                .dataset();
        mallFive = new SegmentStep().run(mall, SegmentationSettings.kMeans(
                List.of("Annual Income (k$)", "Spending Score (1-100)"), 5).withScaling(Scaling.NONE), Progress.none());
    }

    @Test
    void theFiveMallSegmentsGetDistinctSensibleNamesInEnglishAndChinese() {
        List<SegmentCard> cards = SegmentDescriber.describe(mall, mallFive);

        assertThat(cards).extracting(SegmentCard::size).containsExactly(81, 39, 35, 23, 22);
        assertThat(cards).extracting(c -> c.proposedName().format(Locale.ENGLISH)).containsExactly(
                "Typical customers",
                "Big spenders, high earners",
                "Light spenders, high earners",
                "Low earners, light spenders",
                "Low earners, big spenders");
        assertThat(cards).extracting(c -> c.proposedName().format(ZH)).containsExactly(
                "典型客户",
                "高消费、高收入客户",
                "低消费、高收入客户",
                "低收入、低消费客户",
                "低收入、高消费客户");
    }

    @Test
    void traitsAreRankedByDistanceFromAverageAndSaidInWords() {
        SegmentCard richSpenders = SegmentDescriber.describe(mall, mallFive).get(1);

        assertThat(richSpenders.traits()).hasSize(2);
        assertThat(Math.abs(richSpenders.traits().get(0).z())).isGreaterThanOrEqualTo(Math.abs(richSpenders.traits().get(1).z()));
        assertThat(richSpenders.traits()).extracting(t -> t.words().format(Locale.ENGLISH)).containsExactly(
                "Spending Score (1-100): much higher than average (82.13 vs 50.2)",
                "Annual Income (k$): much higher than average (86.54 vs 60.56)");
        assertThat(richSpenders.traits().get(1).words().format(ZH))
                .isEqualTo("Annual Income (k$)：明显高于平均（86.54，平均 60.56）");
        assertThat(richSpenders.sizeWords().format(Locale.ENGLISH)).isEqualTo("39 customers (20%)");
        // the typical segment lies within half a standard deviation on both features
        assertThat(SegmentDescriber.describe(mall, mallFive).get(0).traits()).isEmpty();
    }

    @Test
    void theMallDataHasNoMoneyColumn() {
        // a spending score is a score, an income is not spend
        assertThat(SegmentDescriber.moneyColumn(mall)).isEmpty();
        assertThat(SegmentDescriber.describe(mall, mallFive)).allMatch(c -> c.spend().isEmpty());
    }

    @Test
    void moneyColumnsAreFoundByTheirNameButIncomeAndScoresAreNot() {
        assertThat(SegmentDescriber.moneyRank("total_spend")).isLessThan(Integer.MAX_VALUE);
        assertThat(SegmentDescriber.moneyRank("Revenue")).isLessThan(Integer.MAX_VALUE);
        assertThat(SegmentDescriber.moneyRank("order amount")).isLessThan(Integer.MAX_VALUE);
        assertThat(SegmentDescriber.moneyRank("消费金额")).isLessThan(Integer.MAX_VALUE);
        assertThat(SegmentDescriber.moneyRank("monetary")).isLessThan(Integer.MAX_VALUE);
        assertThat(SegmentDescriber.moneyRank("Annual Income (k$)")).isEqualTo(Integer.MAX_VALUE);
        assertThat(SegmentDescriber.moneyRank("income")).isEqualTo(Integer.MAX_VALUE);
        assertThat(SegmentDescriber.moneyRank("年收入")).isEqualTo(Integer.MAX_VALUE);
        assertThat(SegmentDescriber.moneyRank("Spending Score (1-100)")).isEqualTo(Integer.MAX_VALUE);
        assertThat(SegmentDescriber.moneyRank("age")).isEqualTo(Integer.MAX_VALUE);
        assertThat(SegmentDescriber.moneyRank("avg_basket")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void spendIsComputedFromTheMoneyColumnEvenWhenItWasNotAFeature() throws Exception {
        Dataset data = Tables.create()
                .number("income", 10, 11, 12, 90, 91, 92)
                .number("total_spend", 5, 5, 5, 50, 60, 70)
                .build();
        SegmentationResult r = new SegmentStep().run(data, SegmentationSettings.kMeans(List.of("income"), 2),
                Progress.none());
        List<SegmentCard> cards = SegmentDescriber.describe(data, r);

        assertThat(SegmentDescriber.moneyColumn(data)).contains("total_spend");
        SegmentCard.Spend high = cards.stream().filter(c -> c.traits().get(0).z() > 0).findFirst().orElseThrow()
                .spend().orElseThrow();
        assertThat(high.column()).isEqualTo("total_spend");
        assertThat(high.mean()).isCloseTo(60, within(1e-9));
        assertThat(high.total()).isCloseTo(180, within(1e-9));
        assertThat(high.shareOfTotal()).isCloseTo(180.0 / 195, within(1e-9));
        assertThat(high.overallMean()).isCloseTo(32.5, within(1e-9));
        assertThat(high.words().format(Locale.ENGLISH)).isEqualTo(
                "total_spend: 60 per customer on average (all customers 32.5), 180 in total, 92% of all spend");
        assertThat(high.words().format(ZH)).startsWith("total_spend：人均 60");
    }

    @Test
    void namesUseTheVocabularyOfTheSampleCustomerColumns() {
        assertThat(FeatureWord.of("age")).isEqualTo(FeatureWord.AGE);
        assertThat(FeatureWord.of("Age")).isEqualTo(FeatureWord.AGE);
        assertThat(FeatureWord.of("Annual Income (k$)")).isEqualTo(FeatureWord.INCOME);
        assertThat(FeatureWord.of("Spending Score (1-100)")).isEqualTo(FeatureWord.SPEND);
        assertThat(FeatureWord.of("total_spend")).isEqualTo(FeatureWord.SPEND);
        assertThat(FeatureWord.of("n_orders")).isEqualTo(FeatureWord.ORDERS);
        assertThat(FeatureWord.of("days_since_last_purchase")).isEqualTo(FeatureWord.RECENCY);
        assertThat(FeatureWord.of("web_visits_30d")).isEqualTo(FeatureWord.VISITS);
        assertThat(FeatureWord.of("email_opens_90d")).isEqualTo(FeatureWord.ENGAGEMENT);
        assertThat(FeatureWord.of("avg_basket")).isEqualTo(FeatureWord.GENERIC);
        assertThat(FeatureWord.of("page views")).isEqualTo(FeatureWord.GENERIC);
    }

    @Test
    void anAdjectiveLeadsANounInBothLanguages() {
        SegmentCard.Trait young = trait("age", -1.2);
        SegmentCard.Trait spender = trait("total_spend", 0.9);
        SegmentCard.Trait lapsed = trait("days_since_last_purchase", 1.5);
        SegmentCard.Trait basket = trait("avg_basket", -0.7);

        assertThat(SegmentDescriber.name(List.of(young, spender)).format(Locale.ENGLISH)).isEqualTo("Young big spenders");
        assertThat(SegmentDescriber.name(List.of(young, spender)).format(ZH)).isEqualTo("年轻高消费客户");
        assertThat(SegmentDescriber.name(List.of(spender, young)).format(Locale.ENGLISH)).isEqualTo("Young big spenders");
        assertThat(SegmentDescriber.name(List.of(lapsed)).format(Locale.ENGLISH)).isEqualTo("Lapsed customers");
        assertThat(SegmentDescriber.name(List.of(lapsed, young)).format(Locale.ENGLISH)).isEqualTo("Lapsed, young customers");
        assertThat(SegmentDescriber.name(List.of(basket)).format(Locale.ENGLISH)).isEqualTo("Low avg_basket");
        assertThat(SegmentDescriber.name(List.of(basket)).format(ZH)).isEqualTo("低avg_basket客户");
        assertThat(SegmentDescriber.name(List.of(trait("age", 1), trait("Annual Income (k$)", -0.8)))
                .format(Locale.ENGLISH)).isEqualTo("Older low earners");
        assertThat(SegmentDescriber.name(List.of()).format(ZH)).isEqualTo("典型客户");
    }

    @Test
    void aCategoryValueIsSaidAsItsShareAndNamesTheSegmentWhenMostCustomersHaveIt() {
        ProfileColumn female = new ProfileColumn("Gender", "Female", 0.56, Math.sqrt(0.56 * 0.44));
        double z = (0.85 - 0.56) / female.sd();
        List<SegmentCard.Trait> traits = SegmentDescriber.traits(List.of(female, trait("age", -1.1).column()),
                new Segment(1, 10, 0.1, new double[] {0.85, 30}, new double[] {z, -1.1}, 0.5));

        assertThat(traits).extracting(t -> t.words().format(Locale.ENGLISH)).containsExactly(
                "age: much lower than average (30 vs 40)",
                "Gender: mostly Female (85% vs 56% overall)");
        assertThat(traits.get(1).words().format(ZH)).isEqualTo("Gender：以Female为主（85%，整体 56%）");
        assertThat(SegmentDescriber.name(traits).format(Locale.ENGLISH)).isEqualTo("Young, Female customers");
    }

    @Test
    void twoSegmentsWithTheSameNameAreToldApartByTheirNumber() throws Exception {
        // two groups of typical customers: no trait passes the threshold on either
        Dataset data = Tables.create().number("x", 0, 0.1, 0.2, 0.3, 0.4, 0.5).build();
        Segment a = new Segment(1, 3, 0.5, new double[] {0.1}, new double[] {0.1}, 0.5);
        Segment b = new Segment(2, 3, 0.5, new double[] {0.4}, new double[] {-0.1}, 0.5);
        SegmentationResult r = new SegmentationResult(SegmentationSettings.kMeans(List.of("x"), 2), 2, List.of(a, b),
                List.of(new ProfileColumn("x", null, 0.25, 1)), new int[] {1, 1, 1, 2, 2, 2}, 1, null, 6, 0, 6, 1,
                null, List.of());
        List<SegmentCard> cards = SegmentDescriber.describe(data, r);

        assertThat(cards).extracting(c -> c.proposedName().format(Locale.ENGLISH))
                .containsExactly("Typical customers", "Typical customers (segment 2)");
        assertThat(cards.get(1).proposedName().format(ZH)).isEqualTo("典型客户（细分 2）");
    }

    @Test
    void theUsersOwnNameWinsOverTheProposedOne() {
        SegmentCard card = SegmentDescriber.describe(mall, mallFive).get(1);
        assertThat(card.displayName(Map.of(2, "VIPs "), Locale.ENGLISH)).isEqualTo("VIPs");
        assertThat(card.displayName(Map.of(2, "  "), Locale.ENGLISH)).isEqualTo("Big spenders, high earners");
        assertThat(card.displayName(Map.of(1, "Others"), ZH)).isEqualTo("高消费、高收入客户");
    }

    private static SegmentCard.Trait trait(String feature, double z) {
        ProfileColumn c = new ProfileColumn(feature, null, 40, 10);
        return new SegmentCard.Trait(c, z, 40 + 10 * z, 40, UserMessage.of("x"));
    }
}
