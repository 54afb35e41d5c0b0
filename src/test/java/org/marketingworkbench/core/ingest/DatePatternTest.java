package org.marketingworkbench.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/** Dates parsed from the buffer are what java.time and Tablesaw's packing make of them. */
class DatePatternTest {

    @Test
    void everyCommonPatternGivesTablesawsPackedDateTime() {
        Random rnd = new Random(42);
        for (String pattern : DatePattern.COMMON) {
            DatePattern p = DatePattern.compile(pattern);
            DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
            boolean millis = pattern.contains("SSS");
            boolean seconds = pattern.contains("ss");
            boolean time = pattern.contains("HH");
            for (int i = 0; i < 5_000; i++) {
                LocalDateTime t = LocalDateTime.of(1900 + rnd.nextInt(250), 1 + rnd.nextInt(12), 1, 0, 0)
                        .plusDays(rnd.nextInt(31));
                if (time && rnd.nextInt(10) > 0) {
                    t = t.withHour(rnd.nextInt(24)).withMinute(rnd.nextInt(60))
                            .withSecond(seconds ? rnd.nextInt(60) : 0)
                            .withNano(millis ? rnd.nextInt(1000) * 1_000_000 : 0);
                }
                String text = t.format(f);
                assertThat(p.parse(text.toCharArray(), 0, text.length())).as(pattern + " " + text)
                        .isEqualTo(PackedLocalDateTime.pack(t));
                assertThat(p.parseToDateTime(text)).isEqualTo(t);
            }
        }
    }

    @Test
    void daysAMonthDoesNotHaveAreNotDates() {
        DatePattern p = DatePattern.compile("yyyy-MM-dd");
        assertThat(p.matches("2024-02-29")).isTrue();
        assertThat(p.matches("2000-02-29")).isTrue();
        assertThat(p.matches("2023-02-29")).isFalse();
        assertThat(p.matches("1900-02-29")).isFalse();
        assertThat(p.matches("2023-02-30")).isFalse();
        assertThat(p.matches("2023-04-31")).isFalse();
        assertThat(p.matches("2023-05-31")).isTrue();
        assertThat(p.matches("2023-12-32")).isFalse();
        for (int year = 1890; year <= 2110; year++) {
            for (int month = 1; month <= 12; month++) {
                assertThat(DatePattern.lengthOfMonth(year, month))
                        .isEqualTo(java.time.YearMonth.of(year, month).lengthOfMonth());
            }
        }
    }

    @Test
    void midnightAndTheLastMillisecondOfADay() {
        DatePattern p = DatePattern.compile("yyyy-MM-dd HH:mm:ss.SSS");
        for (String text : new String[] {"2011-12-09 00:00:00.000", "2011-12-09 23:59:59.999", "2011-12-09 12:00:00.001"}) {
            LocalDateTime t = LocalDateTime.parse(text.replace(' ', 'T'));
            assertThat(p.parse(text.toCharArray(), 0, text.length())).isEqualTo(PackedLocalDateTime.pack(t));
        }
        assertThat(p.matches("2011-12-09 24:00:00.000")).isFalse();
        assertThat(p.matches("2011-12-09 23:60:00.000")).isFalse();
    }
}
