package dev.forja.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "3504|3,504",
            "-12|-12",
            "32.204207|32.2",
            "0.38383838|0.3838",
            "14.4542|14.45",
            "1234.5678|1,235",
            "0.00001234|1.234e-05",
            "12345678901.5|1.235e10",
            "0.5|0.5"})
    void formatsToFourSignificantDigits(double value, String expected) {
        assertThat(Numbers.format(value)).isEqualTo(expected);
    }

    @Test
    void formatsNonFiniteNumbers() {
        assertThat(Numbers.format(Double.NaN)).isEqualTo(Numbers.NONE);
        assertThat(Numbers.format(Double.POSITIVE_INFINITY)).isEqualTo("∞");
        assertThat(Numbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("−∞");
    }

    @Test
    void formatsCountsAndPercentages() {
        assertThat(Numbers.count(48842)).isEqualTo("48,842");
        assertThat(Numbers.percent(0.3838)).isEqualTo("38.4 %");
        assertThat(Numbers.percent(0.0004)).isEqualTo("<0.1 %");
        assertThat(Numbers.percent(0)).isEqualTo("0.0 %");
        assertThat(Numbers.coefficient(0.54321)).isEqualTo("0.543");
        assertThat(Numbers.coefficient(-0.0003)).isEqualTo("0.000");
    }
}
