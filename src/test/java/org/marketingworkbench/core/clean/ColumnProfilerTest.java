package org.marketingworkbench.core.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.clean.profile.ColumnProfile;
import org.marketingworkbench.core.clean.profile.ColumnProfiler;
import org.marketingworkbench.core.clean.profile.DatasetProfile;
import org.marketingworkbench.core.clean.profile.Distribution;
import org.marketingworkbench.core.clean.profile.Distributions;
import org.marketingworkbench.core.clean.profile.FlagKind;
import org.marketingworkbench.core.clean.profile.NumericSummary;
import org.marketingworkbench.core.clean.profile.ProfileRules;
import org.marketingworkbench.core.clean.profile.QualityFlag;
import org.marketingworkbench.core.clean.profile.SingleFeatureAuc;
import org.marketingworkbench.core.clean.table.CleanException;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.CancelledException;
import org.marketingworkbench.core.pipeline.Progress;
import weka.classifiers.evaluation.NominalPrediction;
import weka.classifiers.evaluation.Prediction;
import weka.classifiers.evaluation.ThresholdCurve;

class ColumnProfilerTest {

    private static ColumnProfile profileOf(Dataset d, String column) throws CleanException {
        return ColumnProfiler.profile(d, Optional.empty(), Progress.none()).column(column).orElseThrow();
    }

    @Test
    void numberSummaryMatchesHandComputedFigures() throws Exception {
        Dataset d = Fixtures.table().num("x", 1, 2, 3, 4, Double.NaN, 100).build();
        ColumnProfile p = profileOf(d, "x");
        NumericSummary s = p.numeric().orElseThrow();
        assertThat(p.missing()).isEqualTo(1);
        assertThat(p.missingShare()).isCloseTo(1 / 6.0, within(1e-12));
        assertThat(p.distinct()).isEqualTo(5);
        assertThat(s.min()).isEqualTo(1);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.mean()).isCloseTo(22.0, within(1e-12));
        assertThat(s.median()).isEqualTo(3);
        // pandas 1.5.3: Series([1,2,3,4,100.0]).std() = 43.617656975128774, .skew() = 2.2323959
        assertThat(s.std()).isCloseTo(43.617656975128774, within(1e-9));
        assertThat(s.skewness()).isCloseTo(2.2323959116364573, within(1e-9));
        assertThat(s.q1()).isEqualTo(2);
        assertThat(s.q3()).isEqualTo(4);
        assertThat(s.outliers()).isEqualTo(1);
        assertThat(p.flags()).extracting(f -> f.kind()).contains(FlagKind.SKEWED, FlagKind.OUTLIERS);
    }

    @Test
    void topCategoriesAreCountedMostFrequentFirst() throws Exception {
        Dataset d = Fixtures.table().cat("c", "b", "a", "b", "", "c", "b", "a").build();
        ColumnProfile p = profileOf(d, "c");
        assertThat(p.topCategories()).extracting(c -> c.value() + "=" + c.count()).containsExactly("b=3", "a=2", "c=1");
        assertThat(p.missing()).isEqualTo(1);
        assertThat(p.distinct()).isEqualTo(3);
    }

    @Test
    void aCustomerNumberWithAFewDuplicatedRowsIsStillIdentifierLikeButFreeTextIsNot() throws Exception {
        Dataset d = Fixtures.table()
                .text("customer_id", Fixtures.strs(40, i -> "C" + (1000 + Math.min(i, 38))))
                .text("comment", Fixtures.strs(40, i -> "great shop number " + Math.min(i, 38)))
                .text("city", Fixtures.strs(40, i -> "City" + (i % 20))).build();
        DatasetProfile p = ColumnProfiler.profile(d, Optional.empty(), Progress.none());
        assertThat(p.flagged(FlagKind.IDENTIFIER_LIKE)).extracting(ColumnProfile::name).containsExactly("customer_id");
        assertThat(p.column("customer_id").orElseThrow().flag(FlagKind.IDENTIFIER_LIKE).orElseThrow().reason()
                .format(Locale.ENGLISH)).contains("39 different values among 40 rows");
    }

    @Test
    void flagsIdentifierLikeColumnsButNotRepeatedValues() throws Exception {
        Dataset d = Fixtures.table()
                .cat("customer", Fixtures.strs(30, i -> "C" + (1000 + i)))
                .num("number", Fixtures.seq(30, i -> 5000 + i))
                .cat("segment", Fixtures.strs(30, i -> "S" + (i % 3)))
                .num("visits", Fixtures.seq(30, i -> i % 7)).build();
        DatasetProfile p = ColumnProfiler.profile(d, Optional.empty(), Progress.none());
        assertThat(p.flagged(FlagKind.IDENTIFIER_LIKE)).extracting(ColumnProfile::name).containsExactly("customer", "number");
        assertThat(p.column("customer").orElseThrow().flag(FlagKind.IDENTIFIER_LIKE).orElseThrow().reason().format(Locale.ENGLISH))
                .contains("30");
    }

    @Test
    void flagsConstantAndNearConstantColumns() throws Exception {
        Dataset d = Fixtures.table()
                .num("same", Fixtures.seq(200, i -> 7))
                .cat("almost", Fixtures.strs(200, i -> i == 0 ? "b" : "a"))
                .cat("varied", Fixtures.strs(200, i -> i % 10 == 0 ? "b" : "a")).build();
        DatasetProfile p = ColumnProfiler.profile(d, Optional.empty(), Progress.none());
        assertThat(p.column("same").orElseThrow().has(FlagKind.CONSTANT)).isTrue();
        assertThat(p.column("almost").orElseThrow().has(FlagKind.NEAR_CONSTANT)).isTrue();
        assertThat(p.column("varied").orElseThrow().flags()).isEmpty();
    }

    @Test
    void flagsMostlyMissingOnlyFromHalfTheRows() throws Exception {
        Dataset d = Fixtures.table()
                .num("sparse", Fixtures.seq(10, i -> i < 6 ? Double.NaN : i))
                .num("gappy", Fixtures.seq(10, i -> i < 4 ? Double.NaN : i)).build();
        assertThat(profileOf(d, "sparse").has(FlagKind.MOSTLY_MISSING)).isTrue();
        assertThat(profileOf(d, "gappy").has(FlagKind.MOSTLY_MISSING)).isFalse();
    }

    @Test
    void flagsHighCardinalityCategories() throws Exception {
        Dataset d = Fixtures.table()
                .cat("city", Fixtures.strs(300, i -> "city" + (i % 60)))
                .cat("region", Fixtures.strs(300, i -> "r" + (i % 5))).build();
        assertThat(profileOf(d, "city").has(FlagKind.HIGH_CARDINALITY)).isTrue();
        assertThat(profileOf(d, "region").has(FlagKind.HIGH_CARDINALITY)).isFalse();
    }

    @Test
    void flagsSkewAndOutliersOnlyWhereTheyAre() throws Exception {
        Random rnd = new Random(42);
        Dataset d = Fixtures.table()
                .num("income", Fixtures.seq(1000, i -> Math.exp(rnd.nextGaussian() * 1.2)))
                .num("uniform", Fixtures.seq(1000, i -> i % 100)).build();
        ColumnProfile income = profileOf(d, "income");
        ColumnProfile uniform = profileOf(d, "uniform");
        assertThat(income.has(FlagKind.SKEWED)).isTrue();
        assertThat(income.has(FlagKind.OUTLIERS)).isTrue();
        assertThat(uniform.has(FlagKind.SKEWED)).isFalse();
        assertThat(uniform.has(FlagKind.OUTLIERS)).isFalse();
    }

    @Test
    void flagsPersonalDataByValuesAndByColumnName() throws Exception {
        Dataset d = Fixtures.table()
                .text("contact", Fixtures.strs(40, i -> "user" + i + "@example.com"))
                .text("tel", Fixtures.strs(40, i -> "+44 20 7946 " + (1000 + i)))
                .text("who", Fixtures.strs(40, i -> (i % 2 == 0 ? "Anna " : "Li ") + (i % 3 == 0 ? "Schmidt" : "Wang")))
                .num("mobile", Fixtures.seq(40, i -> i % 4))
                .cat("job", Fixtures.strs(40, i -> i % 2 == 0 ? "blue-collar" : "admin."))
                .cat("campaign_name", Fixtures.strs(40, i -> "spring"))
                .num("email_opens_90d", Fixtures.seq(40, i -> i % 7))          // behaviour, not a contact
                .num("phone_calls", Fixtures.seq(40, i -> i % 3)).build();
        DatasetProfile p = ColumnProfiler.profile(d, Optional.empty(), Progress.none());
        assertThat(p.flagged(FlagKind.PERSONAL_DATA)).extracting(ColumnProfile::name)
                .containsExactly("contact", "tel", "who", "mobile");
        assertThat(p.column("contact").orElseThrow().flag(FlagKind.PERSONAL_DATA).orElseThrow().reason().key())
                .isEqualTo("clean.reason.personal.email");
        assertThat(p.column("who").orElseThrow().flag(FlagKind.PERSONAL_DATA).orElseThrow().reason().key())
                .isEqualTo("clean.reason.personal.name");
    }

    @Test
    void placesAreNotPersonalDataOnTheirOwn() throws Exception {
        String[] countries = Fixtures.strs(60, i -> List.of("United Kingdom", "United Kingdom", "France", "Germany",
                "Saudi Arabia", "United States", "Channel Islands").get(i % 7));
        String[] cities = Fixtures.strs(60, i -> List.of("New York", "San Francisco", "Los Angeles", "Hong Kong",
                "London").get(i % 5));
        String[] zh = Fixtures.strs(60, i -> List.of("中国", "北京", "广东省", "上海").get(i % 4));
        Dataset d = Fixtures.table()
                .cat("Country", countries).cat("customer_country", countries).cat("Nation", countries)
                .cat("City", cities).cat("Region", Fixtures.strs(60, i -> i % 2 == 0 ? "North West" : "East Midlands"))
                .cat("State", Fixtures.strs(60, i -> i % 2 == 0 ? "New South Wales" : "South Australia"))
                .cat("Province", Fixtures.strs(60, i -> i % 2 == 0 ? "British Columbia" : "Nova Scotia"))
                .cat("billing_address_country", countries)
                .cat("国家", zh).cat("城市", zh).cat("地区", zh).cat("省", zh).cat("所在省份", zh).build();
        DatasetProfile p = ColumnProfiler.profile(d, Optional.empty(), Progress.none());
        assertThat(p.flagged(FlagKind.PERSONAL_DATA)).extracting(ColumnProfile::name).isEmpty();
    }

    @Test
    void namesContactsStreetAddressesNationalIdsAndBirthDatesArePersonalData() throws Exception {
        String[] codes = Fixtures.strs(30, i -> "v" + (i % 3));
        Dataset d = Fixtures.table()
                .cat("customer_name", codes).cat("Email Address", codes).cat("phone_number", codes)
                .cat("street_address", codes).cat("national_id", codes).cat("Social Security Number", codes)
                .cat("nationalInsuranceNumber", codes).cat("姓名", codes).cat("身份证号", codes).cat("手机号", codes)
                .cat("详细地址", codes).cat("电子邮箱", codes)
                .date("date_of_birth", Fixtures.strs(30, i -> "1980-01-" + (10 + i % 9)))
                .date("birthday", Fixtures.strs(30, i -> "1990-02-" + (10 + i % 9)))
                .date("出生日期", Fixtures.strs(30, i -> "1970-03-" + (10 + i % 9)))
                .num("birth_year", Fixtures.seq(30, i -> 1960 + i))
                .num("age", Fixtures.seq(30, i -> 20 + i))
                .cat("product_name_length", codes).build();
        DatasetProfile p = ColumnProfiler.profile(d, Optional.empty(), Progress.none());
        assertThat(p.flagged(FlagKind.PERSONAL_DATA)).extracting(ColumnProfile::name).containsExactly(
                "customer_name", "Email Address", "phone_number", "street_address", "national_id",
                "Social Security Number", "nationalInsuranceNumber", "姓名", "身份证号", "手机号", "详细地址", "电子邮箱",
                "date_of_birth", "birthday", "出生日期");
    }

    @Test
    void aShareFromTheFirstValuesSaysHowManyWereChecked() throws Exception {
        int n = ProfileRules.PERSONAL_SAMPLE + 1000;
        Dataset d = Fixtures.table().text("contact", Fixtures.strs(n, i -> "user" + i + "@example.com")).build();
        QualityFlag f = profileOf(d, "contact").flag(FlagKind.PERSONAL_DATA).orElseThrow();
        assertThat(f.reason().key()).isEqualTo("clean.reason.personal.email.sample");
        assertThat(f.reason().args()).containsExactly(1.0, ProfileRules.PERSONAL_SAMPLE);
        assertThat(f.reason().format(Locale.ENGLISH)).isEqualTo(
                "100% of the first 2,000 values look like e-mail addresses.");
    }

    @Test
    void flagsAPerfectPredictorAsLeakageButNotAWeakOne() throws Exception {
        Random rnd = new Random(7);
        int n = 400;
        String[] y = Fixtures.strs(n, i -> i % 4 == 0 ? "yes" : "no");
        Dataset d = Fixtures.table()
                .cat("y", y)
                .num("after", Fixtures.seq(n, i -> y[i].equals("yes") ? 10 + rnd.nextDouble() : rnd.nextDouble()))
                .num("weak", Fixtures.seq(n, i -> rnd.nextGaussian() + (y[i].equals("yes") ? 0.3 : 0))).build();
        DatasetProfile p = ColumnProfiler.profile(d, Optional.of("y"), Progress.none());
        assertThat(p.flagged(FlagKind.TARGET_LEAKAGE)).extracting(ColumnProfile::name).containsExactly("after");
        assertThat(p.column("after").orElseThrow().targetAuc().getAsDouble()).isEqualTo(1.0);
        assertThat(p.column("y").orElseThrow().targetAuc()).isEmpty();
    }

    @Test
    void aucOfANumberColumnMatchesWekaThresholdCurve() {
        Random rnd = new Random(3);
        int n = 500;
        double[] x = new double[n];
        byte[] label = new byte[n];
        ArrayList<Prediction> preds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean pos = rnd.nextDouble() < 0.3;
            label[i] = pos ? SingleFeatureAuc.POSITIVE : SingleFeatureAuc.NEGATIVE;
            x[i] = Math.round((rnd.nextGaussian() + (pos ? 0.8 : 0)) * 4) / 4.0; // coarse: many ties
            double score = 1 / (1 + Math.exp(-x[i]));
            preds.add(new NominalPrediction(pos ? 1 : 0, new double[] {1 - score, score}));
        }
        double weka = ThresholdCurve.getROCArea(new ThresholdCurve().getCurve(preds, 1));
        assertThat(SingleFeatureAuc.numeric(x, label)).isCloseTo(weka, within(1e-9));
    }

    @Test
    void aucOfACategoryColumnMatchesWekaOnItsPositiveRates() {
        Random rnd = new Random(5);
        int n = 600;
        int[] codes = new int[n];
        byte[] label = new byte[n];
        double[] rate = {0.1, 0.5, 0.3, 0.5};
        int[] pos = new int[4];
        int[] all = new int[4];
        for (int i = 0; i < n; i++) {
            codes[i] = rnd.nextInt(4);
            boolean p = rnd.nextDouble() < rate[codes[i]];
            label[i] = p ? SingleFeatureAuc.POSITIVE : SingleFeatureAuc.NEGATIVE;
            all[codes[i]]++;
            pos[codes[i]] += p ? 1 : 0;
        }
        ArrayList<Prediction> preds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double s = (double) pos[codes[i]] / all[codes[i]];
            preds.add(new NominalPrediction(label[i] == SingleFeatureAuc.POSITIVE ? 1 : 0, new double[] {1 - s, s}));
        }
        double weka = ThresholdCurve.getROCArea(new ThresholdCurve().getCurve(preds, 1));
        assertThat(SingleFeatureAuc.categorical(codes, 4, label)).isCloseTo(weka, within(1e-9));
    }

    @Test
    void flagsAPlaceholderCodeApartFromTheRealValues() throws Exception {
        Dataset d = Fixtures.table()
                .num("pdays", Fixtures.seq(100, i -> i < 80 ? -1 : 90 + i))          // -1 = never contacted
                .num("days_since_order", Fixtures.seq(100, i -> i < 10 ? 999 : i))  // 999 = no order yet
                .num("balance", Fixtures.seq(100, i -> i < 80 ? -1 : i - 90))       // -1 among other negatives
                .num("previous", Fixtures.seq(100, i -> i < 80 ? 0 : i % 5))        // 0 is a real count
                .num("age", Fixtures.seq(100, i -> i < 5 ? 99 : 18 + i % 70)).build(); // 99 is close to real ages
        QualityFlag pdays = profileOf(d, "pdays").flag(FlagKind.PLACEHOLDER_VALUE).orElseThrow();
        assertThat(pdays.reason().key()).isEqualTo("clean.reason.placeholder");
        assertThat(pdays.reason().args()).containsExactly("-1", 0.8, 170.0, 189.0);
        assertThat(profileOf(d, "days_since_order").flag(FlagKind.PLACEHOLDER_VALUE).orElseThrow().reason().args())
                .containsExactly("999", 0.1, 10.0, 99.0);
        for (String notAPlaceholder : new String[] {"balance", "previous", "age"}) {
            assertThat(profileOf(d, notAPlaceholder).has(FlagKind.PLACEHOLDER_VALUE)).as(notAPlaceholder).isFalse();
        }
    }

    @Test
    void aPlaceholderRarerThanOnePercentIsNotFlagged() throws Exception {
        Dataset d = Fixtures.table().num("pdays", Fixtures.seq(200, i -> i == 0 ? -1 : i)).build();
        assertThat(profileOf(d, "pdays").has(FlagKind.PLACEHOLDER_VALUE)).isFalse();
        Dataset two = Fixtures.table().num("pdays", Fixtures.seq(200, i -> i < 2 ? -1 : i)).build();
        assertThat(profileOf(two, "pdays").has(FlagKind.PLACEHOLDER_VALUE)).isTrue();
    }

    @Test
    void bankMarketingFlagsDurationAsLeakageAndNotAgeOrBalance() throws Exception {
        DatasetProfile p = ColumnProfiler.profile(BankData.load(), Optional.of("y"), Progress.none());
        ColumnProfile duration = p.column("duration").orElseThrow();
        assertThat(duration.targetAuc().getAsDouble()).isBetween(0.80, 0.82);
        assertThat(p.flagged(FlagKind.TARGET_LEAKAGE)).extracting(ColumnProfile::name).containsExactly("duration");
        assertThat(duration.flag(FlagKind.TARGET_LEAKAGE).orElseThrow().reason().key())
                .isEqualTo("clean.reason.leakage.afterOutcome");
        assertThat(p.column("age").orElseThrow().targetAuc().getAsDouble()).isLessThan(0.6);
        assertThat(p.column("balance").orElseThrow().targetAuc().getAsDouble()).isLessThan(0.6);
        assertThat(p.column("month").orElseThrow().targetAuc().getAsDouble()).isCloseTo(0.654, within(0.002));
        assertThat(p.column("balance").orElseThrow().has(FlagKind.SKEWED)).isTrue();
        assertThat(p.column("job").orElseThrow().topCategories().get(0).value()).isEqualTo("blue-collar");
        // pdays = -1 means "not contacted in an earlier campaign": 36,954 of 45,211 rows, the rest 1 to 871
        assertThat(p.flagged(FlagKind.PLACEHOLDER_VALUE)).extracting(ColumnProfile::name).containsExactly("pdays");
        assertThat(p.column("pdays").orElseThrow().flag(FlagKind.PLACEHOLDER_VALUE).orElseThrow().reason().args())
                .containsExactly("-1", 36954.0 / 45211, 1.0, 871.0);
    }

    @Test
    void unknownTargetIsAClearError() {
        Dataset d = Fixtures.table().num("x", 1, 2).build();
        assertThatThrownBy(() -> ColumnProfiler.profile(d, Optional.of("nope"), Progress.none()))
                .isInstanceOf(CleanException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void profilingStopsWhenCancelled() {
        Dataset d = Fixtures.table().num("x", 1, 2).num("y", 3, 4).build();
        Progress progress = Progress.none();
        progress.cancel();
        assertThatThrownBy(() -> ColumnProfiler.profile(d, Optional.empty(), progress)).isInstanceOf(CancelledException.class);
    }

    @Test
    void automaticHistogramsHaveFewBarsWithRoundEdges() throws Exception {
        java.util.Random random = new java.util.Random(7);
        Dataset d = Fixtures.table().num("age", Fixtures.seq(20_000, i -> 18 + random.nextInt(78))).build();
        Distribution h = Distributions.histogram(d, "age", Distributions.AUTO, Optional.empty());
        assertThat(h.binCount()).isBetween(5, Distributions.MAX_AUTO_BINS);
        double width = h.edges()[1] - h.edges()[0];
        assertThat(width).as("whole-number data gets whole-number bins").isEqualTo(Math.rint(width));
        for (double edge : h.edges()) {
            assertThat(edge % width).isZero();
        }
        assertThat(h.edges()[0]).isLessThanOrEqualTo(18);
        assertThat(h.edges()[h.binCount()]).isGreaterThan(95);
        long total = 0;
        for (int b = 0; b < h.binCount(); b++) {
            total += h.total(b);
        }
        assertThat(total).isEqualTo(20_000);
        assertThat(h.binLabels().get(0)).doesNotContain(".");
    }

    @Test
    void histogramSplitByTargetCountsEveryRowOnce() throws Exception {
        Dataset d = Fixtures.table()
                .num("x", Fixtures.seq(100, i -> i == 50 ? Double.NaN : i))
                .cat("y", Fixtures.strs(100, i -> i % 2 == 0 ? "yes" : "no")).build();
        Distribution h = Distributions.histogram(d, "x", 10, Optional.of("y"));
        assertThat(h.binCount()).isEqualTo(10);
        assertThat(h.groups()).containsExactlyInAnyOrder("yes", "no");
        long total = 0;
        for (int b = 0; b < h.binCount(); b++) {
            total += h.total(b);
        }
        assertThat(total).isEqualTo(99);
        assertThat(h.missing()[h.groups().indexOf("yes")]).isEqualTo(1);
        assertThat(h.total(0)).isEqualTo(10);
    }

    @Test
    void automaticBinsFollowFreedmanDiaconis() {
        double[] v = Fixtures.seq(1000, i -> i);
        // IQR = 499.5, width = 2 * 499.5 / 10 = 99.9, range 999 → 10 bins
        assertThat(Distributions.autoBinCount(v)).isEqualTo(10);
        assertThat(Distributions.autoBinCount(Fixtures.seq(64, i -> i < 60 ? 1 : i))).isEqualTo(7); // IQR 0: Sturges
    }

    @Test
    void categoryBarsKeepTopNAndGroupTheRestAsOther() throws Exception {
        Dataset d = Fixtures.table().cat("c", "a", "a", "a", "b", "b", "c", "d", "").build();
        Distribution bars = Distributions.categories(d, "c", 2, Optional.empty());
        assertThat(bars.binLabels()).containsExactly("a", "b", Distribution.OTHER);
        assertThat(bars.counts()[0]).containsExactly(3, 2, 2);
        assertThat(bars.missing()[0]).isEqualTo(1);
    }

    @Test
    void profileJsonCarriesFiguresAndLocalisedReasons() throws Exception {
        Dataset d = Fixtures.table().num("x", 1, 2, 3, 4, Double.NaN, 100).cat("c", "a", "a", "b", "", "a", "a").build();
        DatasetProfile p = ColumnProfiler.profile(d, Optional.empty(), Progress.none());
        var json = org.marketingworkbench.core.clean.profile.ProfileJson.toJson(p, Locale.SIMPLIFIED_CHINESE);
        assertThat(json.get("rows").asInt()).isEqualTo(6);
        assertThat(json.get("target").isNull()).isTrue();
        var x = json.get("columns").get(0);
        assertThat(x.get("numeric").get("median").asDouble()).isEqualTo(3);
        assertThat(x.get("flags").get(0).get("kind").asText()).isEqualTo("skewed");
        assertThat(x.get("flags").get(0).get("reason").asText()).contains("偏度");
        assertThat(json.get("columns").get(1).get("topCategories").get(0).get("count").asInt()).isEqualTo(4);
    }
}
