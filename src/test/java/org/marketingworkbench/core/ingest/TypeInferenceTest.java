package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marketingworkbench.core.data.ColumnType;

class TypeInferenceTest {

    private final MissingMarkers missing = new MissingMarkers(ImportSettings.DEFAULT_MISSING_MARKERS);
    private final NumberParser numbers = new NumberParser('.', (char) 0);
    private final List<DatePattern> dates = DatePattern.COMMON.stream().map(DatePattern::compile).toList();

    private TypeInference.Inferred infer(String name, List<String> values) {
        return TypeInference.infer(name, values, missing, numbers, dates);
    }

    @Test
    void idsWithAFewDuplicateRowsAreStillIdentifiers() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add("C" + (1000 + i));
        }
        ids.add("C1003");
        ids.add("C1017");
        TypeInference.Inferred inf = infer("customer_id", ids);
        assertThat(inf.type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(inf.reason().key()).isEqualTo("ingest.reason.nearlyUnique");
        assertThat(inf.reason().args()).containsExactly(2);
    }

    @Test
    void fewDistinctWordsAreACategoryWithTheirCountAsReason() {
        TypeInference.Inferred inf = infer("tier", List.of("gold", "silver", "gold", "bronze", "NA", "silver"));
        assertThat(inf.type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(inf.reason().args()).containsExactly(3);
    }

    @Test
    void zeroOneFlagsAreCategoriesButOtherSmallIntegersAreNumbers() {
        assertThat(infer("newsletter", List.of("0", "1", "1", "0")).type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(infer("children", List.of("0", "1", "2", "3", "1")).type()).isEqualTo(ColumnType.NUMBER);
    }

    @Test
    void aColumnNamedLikeACodeWithWholeNumbersIsACategory() {
        assertThat(infer("zip", List.of("10115", "20095", "80331")).type()).isEqualTo(ColumnType.CATEGORY);
    }

    private static List<String> repeat(int n, java.util.function.IntFunction<String> value) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(value.apply(i));
        }
        return out;
    }

    // ---------------------------------------------------------------- codes (letter prefix, fixed length)

    @Test
    void invoiceNumbersWithCancellationPrefixAreCodesKeptWhole() {
        // 2 % cancellations (C536379): before, a number column whose cancellations became missing
        List<String> v = repeat(500, i -> (i % 50 == 7 ? "C" : "") + (536365 + i / 4));
        for (String name : List.of("InvoiceNo", "Invoice", "beleg")) {
            TypeInference.Inferred inf = infer(name, v);
            assertThat(inf.type()).as(name).isEqualTo(ColumnType.IDENTIFIER);
            assertThat(inf.reason().key()).as(name).isEqualTo("ingest.reason.codesKey");
            assertThat(inf.note()).as(name).isNull();
        }
    }

    @Test
    void stockCodesWithLetterSuffixesAndAFewSpecialCodesAreCodes() {
        List<String> v = repeat(400, i -> i % 97 == 3 ? "POST" : (20000 + (i * 37) % 300) + (i % 9 == 0 ? "A" : ""));
        TypeInference.Inferred inf = infer("StockCode", v);
        assertThat(inf.type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(inf.reason().key()).isEqualTo("ingest.reason.codesKey");
    }

    @Test
    void fewDifferentCodesWithoutAKeyNameAreACategory() {
        List<String> v = repeat(200, i -> i % 10 == 0 ? "B" + (i % 3) : String.valueOf(10 + i % 5));
        TypeInference.Inferred inf = infer("tariff", v);
        assertThat(inf.type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(inf.reason().key()).isEqualTo("ingest.reason.codesCategory");
    }

    @Test
    void aNumberColumnWithATypoOrAWordIsStillANumber() {
        List<String> typo = repeat(200, i -> i == 17 ? "12O" : String.valueOf(100 + i));
        assertThat(infer("amount", typo).type()).isEqualTo(ColumnType.NUMBER);
        List<String> words = repeat(200, i -> i % 40 == 0 ? "n.a." : String.valueOf(i % 70));
        assertThat(infer("visits", words).type()).isEqualTo(ColumnType.NUMBER);
        List<String> decimals = repeat(200, i -> i % 40 == 0 ? "X" + i : i + ".5");
        assertThat(infer("price", decimals).type()).as("decimals are no codes").isEqualTo(ColumnType.NUMBER);
    }

    // ---------------------------------------------------------------- keys named like keys

    @Test
    void repeatingWholeNumbersNamedLikeAKeyAreIdentifiers() {
        List<String> v = repeat(300, i -> i % 4 == 0 ? "" : String.valueOf(12000 + (i * 7) % 90));
        for (String name : List.of("CustomerID", "Customer ID", "customer_id", "customerId", "ID", "id",
                "customer_no", "InvoiceNo", "Order No.", "account number", "house_nr", "StockCode", "product key",
                "订单号", "客户编号", "会员ID", "客户 ID", "id_customer")) {
            TypeInference.Inferred inf = infer(name, v);
            assertThat(inf.type()).as(name).isEqualTo(ColumnType.IDENTIFIER);
        }
        assertThat(infer("CustomerID", v).reason().key()).isEqualTo("ingest.reason.keyName");
    }

    @Test
    void countsNamedWithNumberOrNumAreNotKeys() {
        List<String> v = repeat(300, i -> String.valueOf(i % 7));
        for (String name : List.of("num_purchases", "number_of_children", "NumberOfChildren", "no_of_visits",
                "Number of orders", "numPurchases", "idle_days", "identity_score", "keyAccount", "video", "kidney",
                "Spending Score (1-100)", "children", "visits")) {
            assertThat(infer(name, v).type()).as(name).isEqualTo(ColumnType.NUMBER);
        }
    }

    @Test
    void pandasStyleWholeNumberKeysAndCodeKeysAreIdentifiersToo() {
        List<String> floats = repeat(300, i -> i % 5 == 0 ? "" : (17000 + i % 40) + ".0");
        assertThat(infer("CustomerID", floats).type()).isEqualTo(ColumnType.IDENTIFIER);
        List<String> codes = repeat(300, i -> "C" + (1000 + i % 30));
        TypeInference.Inferred inf = infer("customer_id", codes);
        assertThat(inf.type()).isEqualTo(ColumnType.IDENTIFIER);
        assertThat(inf.reason().key()).isEqualTo("ingest.reason.keyName");
    }

    @Test
    void aKeyNameOnWordsOrAFlagChangesNothing() {
        assertThat(infer("segment_code", repeat(100, i -> List.of("gold", "silver", "bronze").get(i % 3))).type())
                .isEqualTo(ColumnType.CATEGORY);
        assertThat(infer("has_id", repeat(100, i -> String.valueOf(i % 2))).type()).isEqualTo(ColumnType.CATEGORY);
        assertThat(infer("region_code", repeat(100, i -> String.valueOf(1 + i % 9))).type())
                .as("a classification code with few values stays a category").isEqualTo(ColumnType.CATEGORY);
    }

    // ---------------------------------------------------------------- free text

    @Test
    void chineseReviewsAreTextNotIdentifiers() {
        List<String> parts = List.of("质量很好", "物流很快", "包装精美", "价格实惠", "客服态度好", "做工一般", "尺寸偏小");
        List<String> v = repeat(60, i -> parts.get(i % 7) + "，" + parts.get(i / 7 % 7) + "，第" + i + "次购买");
        TypeInference.Inferred inf = infer("评论", v);
        assertThat(inf.type()).isEqualTo(ColumnType.TEXT);
        assertThat(inf.reason().key()).isEqualTo("ingest.reason.freeText");
        assertThat(ColumnType.TEXT.isFeature()).isFalse();
    }

    @Test
    void longUniqueSentencesAreTextAndShortUniqueCodesStayIdentifiers() {
        assertThat(infer("comment", repeat(60, i -> "Delivered on time, would order again, ticket " + i)).type())
                .isEqualTo(ColumnType.TEXT);
        assertThat(infer("remark", repeat(60, i -> "Great!Thanks#" + i)).type()).isEqualTo(ColumnType.TEXT);
        assertThat(infer("ref", repeat(60, i -> "7590-VHV" + (char) ('A' + i % 26) + i)).type())
                .isEqualTo(ColumnType.IDENTIFIER);
        assertThat(infer("email", repeat(60, i -> "user" + i + "@example.com")).type())
                .isEqualTo(ColumnType.IDENTIFIER);
    }

    @Test
    void numberParserAgreesWithParseDouble() {
        NumberParser p = new NumberParser('.', ',');
        for (String s : List.of("0", "-0.5", "3.14159", "1e5", "1.7976931348623157E308", "123456789012345678",
                "0.1", "2.5E-3", "1,234,567.891", "+42")) {
            assertThat(p.parse(s)).as(s).isEqualTo(Double.parseDouble(s.replace(",", "")));
        }
        assertThat(p.parse("1,23")).isNaN();
        assertThat(p.parse("12,34,567")).isNaN();
        assertThat(p.parse("abc")).isNaN();
    }

    @Test
    void datePatternPacksLikeTablesaw() {
        DatePattern p = DatePattern.compile("dd.MM.yyyy HH:mm:ss");
        assertThat(p.parseToDateTime("03.02.2024 13:45:07"))
                .isEqualTo(java.time.LocalDateTime.of(2024, 2, 3, 13, 45, 7));
        assertThat(p.matches("30.02.2024 00:00:00")).isFalse();
        assertThat(p.matches("3.2.2024 1:05:00")).isTrue();
    }
}
