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
