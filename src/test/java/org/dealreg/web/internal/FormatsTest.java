package org.dealreg.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/** Amounts and dates as each language writes them, and the same from many threads at once (formats are kept). */
class FormatsTest {

    private final Formats fmt = new Formats();

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void eachLanguageWritesAmountsAndDatesItsOwnWay() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(fmt.money(new BigDecimal("120000.5"), "USD")).isEqualTo("$120,000.50");
        assertThat(fmt.longDate(LocalDate.of(2027, 2, 1))).isEqualTo("February 1, 2027");
        assertThat(fmt.dateTime(Instant.parse("2027-02-01T14:30:00Z"))).matches("Feb 1, 2027, 2:30\\h?PM Z");

        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(fmt.money(new BigDecimal("120000.5"), "EUR")).matches("120\\h000,50\\h€");
        assertThat(fmt.longDate(LocalDate.of(2027, 2, 1))).isEqualTo("1 février 2027");
        assertThat(fmt.date(LocalDate.of(2027, 2, 1))).isEqualTo("1 févr. 2027");
    }

    @Test
    void manyThreadsFormattingAtOnceEachGetTheirOwnAmount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = IntStream.range(0, 2000).<Callable<Boolean>>mapToObj(i -> () -> {
                LocaleContextHolder.setLocale(i % 2 == 0 ? Locale.ENGLISH : Locale.FRENCH);
                String written = fmt.money(BigDecimal.valueOf(i), i % 2 == 0 ? "USD" : "EUR");
                LocaleContextHolder.resetLocaleContext();
                return written.replaceAll("[^0-9]", "").equals(i + "00");
            }).toList();
            assertThat(pool.invokeAll(tasks)).allMatch(result -> {
                try {
                    return result.get();
                } catch (Exception e) {
                    return false;
                }
            });
        } finally {
            pool.shutdown();
        }
    }
}
