package org.marketingworkbench.core.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;
import org.marketingworkbench.core.data.Dataset;
import org.marketingworkbench.core.pipeline.Progress;

/** Each bad input stops the Segment step with its own clear message, in English and Chinese. */
class BadInputTest {

    private final Dataset customers = Tables.create()
            .text("customer_id", ColumnType.IDENTIFIER, "C1", "C2", "C3", "C4", "C5", "C6")
            .text("review", ColumnType.TEXT, "great", "meh", "ok", "good", "bad", "fine")
            .text("signup", ColumnType.DATETIME, "", "", "", "", "", "")
            .number("income", 20, 40, 60, 20, 40, 60)
            .number("visits", 1, 1, 1, 1, 1, 1)
            .category("plan", "gold", "gold", "gold", "gold", "gold", "gold")
            .number("score", Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
            .number("age", 30, Double.NaN, 50, Double.NaN, 70, Double.NaN)
            .build();

    private SegmentException refused(List<String> features, int k) {
        return catchThrowableOfType(SegmentException.class,
                () -> new SegmentStep().run(customers, SegmentationSettings.kMeans(features, k), Progress.none()));
    }

    private static void readable(SegmentException e, String... englishParts) {
        String en = e.userMessage().format(Locale.ENGLISH);
        String zh = e.userMessage().format(Locale.SIMPLIFIED_CHINESE);
        assertThat(en).contains(englishParts).doesNotContainPattern("segment\\.[a-z]");
        assertThat(zh).doesNotContainPattern("segment\\.[a-z]").isNotEqualTo(en);
    }

    @Test
    void fewerRowsThanSegments() {
        SegmentException e = refused(List.of("income"), 7);
        assertThat(e.reason()).isEqualTo(SegmentException.Reason.FEWER_ROWS_THAN_K);
        readable(e, "Only 6 customers", "7 segments");
    }

    @Test
    void fewerCompleteRowsThanSegmentsSaysHowManyWereLeftOut() {
        SegmentException e = refused(List.of("age"), 4);
        assertThat(e.reason()).isEqualTo(SegmentException.Reason.FEWER_ROWS_THAN_K);
        readable(e, "Only 3 customers", "3 are left out");
    }

    @Test
    void everyFeatureConstant() {
        SegmentException e = refused(List.of("visits", "plan"), 2);
        assertThat(e.reason()).isEqualTo(SegmentException.Reason.ALL_CONSTANT);
        readable(e, "visits, plan");
    }

    @Test
    void oneConstantFeature() {
        SegmentException e = refused(List.of("visits"), 2);
        assertThat(e.reason()).isEqualTo(SegmentException.Reason.ALL_CONSTANT);
        readable(e, "\"visits\" has the same value for every customer");
    }

    @Test
    void aFeatureMissingEverywhere() {
        SegmentException e = refused(List.of("income", "score"), 2);
        assertThat(e.reason()).isEqualTo(SegmentException.Reason.ALL_MISSING);
        readable(e, "\"score\" is missing for every customer");
    }

    @Test
    void moreSegmentsThanDifferentCustomers() {
        SegmentException e = refused(List.of("income"), 4);
        assertThat(e.reason()).isEqualTo(SegmentException.Reason.TOO_FEW_DISTINCT);
        readable(e, "differ in only 3 ways", "4 segments");
    }

    @Test
    void anUnknownFeatureNamesTheColumnsThereAre() {
        SegmentException e = refused(List.of("Income"), 2);
        assertThat(e.reason()).isEqualTo(SegmentException.Reason.UNKNOWN_FEATURE);
        readable(e, "no column \"Income\"", "customer_id, review, signup, income");
    }

    @Test
    void anIdentifierTextOrDateIsRefusedWithTheReason() {
        SegmentException id = refused(List.of("customer_id", "income"), 2);
        assertThat(id.reason()).isEqualTo(SegmentException.Reason.UNUSABLE_FEATURE);
        readable(id, "\"customer_id\" is an identifier");
        readable(refused(List.of("review"), 2), "\"review\" is free text");
        readable(refused(List.of("signup"), 2), "\"signup\" is a date", "Clean step");
    }

    @Test
    void settingsThatCannotRun() {
        assertThat(refused(List.of(), 2).reason()).isEqualTo(SegmentException.Reason.INVALID_SETTINGS);
        readable(refused(List.of("income"), 1), "at least 2 segments");
        readable(refused(List.of("income", "income"), 2), "chosen twice");
        SegmentException auto = catchThrowableOfType(SegmentException.class, () -> new SegmentStep().run(customers,
                SegmentationSettings.kMeans(List.of("income"), SegmentationSettings.AUTOMATIC_K), Progress.none()));
        readable(auto, "k-means needs a number of segments");
    }

    @Test
    void theKChooserRefusesABackwardRange() {
        SegmentException e = catchThrowableOfType(SegmentException.class, () -> new KChooser().choose(customers,
                SegmentationSettings.kMeans(List.of("income"), 2), 5, 3, Progress.none()));
        assertThat(e.reason()).isEqualTo(SegmentException.Reason.INVALID_SETTINGS);
        readable(e, "5 to 3");
    }

    @Test
    void everySegmentKeyHasAnEnglishAndAChineseText() throws Exception {
        Properties en = load("/org/marketingworkbench/i18n/messages.properties");
        Properties zh = load("/org/marketingworkbench/i18n/messages_zh_CN.properties");
        List<String> enKeys = en.stringPropertyNames().stream()
                .filter(k -> k.startsWith("segment.") || k.startsWith("cli.segment.")).toList();
        assertThat(enKeys).hasSizeGreaterThan(50);
        assertThat(zh.stringPropertyNames().stream().filter(k -> k.startsWith("segment.") || k.startsWith("cli.segment."))
                .toList()).containsExactlyInAnyOrderElementsOf(enKeys);
        for (String k : enKeys) {
            assertThat(zh.getProperty(k)).as(k).isNotEqualTo(en.getProperty(k).isEmpty() ? "x" : "")
                    .doesNotContain("'");
            assertThat(en.getProperty(k)).as(k).doesNotContain("'");
        }
    }

    private static Properties load(String resource) throws Exception {
        Properties p = new Properties();
        try (var in = BadInputTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }
}
