package org.dealreg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(delimiter = '|', value = {
            "75000          | 75000",
            "75,000         | 75000",
            "75,000.50      | 75000.50",
            "75 000,50      | 75000.50",
            "75.000         | 75000",
            "75.000,5       | 75000.5",
            "1,234,567.89   | 1234567.89",
            "1.234.567,89   | 1234567.89",
            "75000.5        | 75000.5",
            "75000,25       | 75000.25",
            "-5             | -5",
            "0              | 0",
            "75 000         | 75000",
            "1 000 000,50   | 1000000.50",
            "1\u00A0000\u00A0000 | 1000000",
            "1234,567       | 1234.567",
    })
    void readsAmountsAsPeopleTypeThem(String text, BigDecimal expected) {
        assertThat(Amounts.parse(text)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @Test
    void readsFrenchNarrowNoBreakSpaces() {
        assertThat(Amounts.parse("75\u202F000,00")).hasValueSatisfying(
                v -> assertThat(v).isEqualByComparingTo("75000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "12a", "1,2,3", "75,00,000", "1e5", "$75000", "75000.", ".5", "1.2.3,4,5", "--120000", "-", "12-3",
            "1_000_000", "12 0 0 0 0", "1'000'000", "1,000 000", "1.000,000.00", "75,000,50", "1,000.000.00",
            " 75000", "75000 ", "75  000", "١٢٣"})
    void refusesWhatIsNotAnAmount(String text) {
        assertThat(Amounts.parse(text)).isEmpty();
    }
}
