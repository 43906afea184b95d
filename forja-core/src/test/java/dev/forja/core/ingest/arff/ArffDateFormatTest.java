package dev.forja.core.ingest.arff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.schema.DatetimeSyntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ArffDateFormatTest {
    /** 2011-01-02T03:04:05Z, worked out by hand: 14,976 days after 1970-01-01 plus 3 h 4 min 5 s. */
    private static final long JAN_2_2011_030405 = 14_976L * 86_400_000L + (3 * 3600 + 4 * 60 + 5) * 1000L;
    private static final long JAN_2_2011 = 14_976L * 86_400_000L;

    @Test
    void wekaDefaultIsIsoDateAndTime() {
        ArffDateFormat f = ArffDateFormat.of(ArffDateFormat.WEKA_DEFAULT);
        assertThat(f.parse("2011-01-02T03:04:05")).isEqualTo(JAN_2_2011_030405);
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "yyyy-MM-dd HH:mm:ss | 2011-01-02 03:04:05",
        "dd/MM/yyyy HH:mm:ss | 02/01/2011 03:04:05",
        "d/M/yyyy H:m:s | 2/1/2011 3:4:5",
        "yyyyMMddHHmmss | 20110102030405",
        "yyyy.MM.dd 'at' HH:mm:ss | 2011.01.02 at 03:04:05",
        "dd MMM yyyy HH:mm:ss | 02 Jan 2011 03:04:05",
        "dd MMM yyyy HH:mm:ss | 02 january 2011 03:04:05",
        "EEE, d MMMM yyyy HH:mm:ss | Sun, 2 January 2011 03:04:05",
        "yyyy-MM-dd hh:mm:ss a | 2011-01-02 03:04:05 AM",
        "yyyy-MM-dd HH:mm:ssZ | 2011-01-02 05:04:05+0200",
        "yyyy-MM-dd'T'HH:mm:ssXXX | 2011-01-01T22:04:05-05:00",
        "yyyy-MM-dd'T'HH:mm:ssX | 2011-01-02T03:04:05Z",
        "yy-MM-dd HH:mm:ss | 11-01-02 03:04:05",
        "yyyy-D HH:mm:ss | 2011-2 03:04:05",
        "yyyy-MM-dd HH:mm:ss z | 2011-01-02 03:04:05 UTC",
        "yyyy-MM-dd'T'HH:mm:ss.SSS | 2011-01-02T03:04:05.000",
        "''yyyy-MM-dd'' HH:mm:ss | '2011-01-02' 03:04:05",
    })
    void simpleDateFormatPatternsReadTheSameInstant(String pattern, String value) {
        assertThat(ArffDateFormat.of(pattern).parse(value)).isEqualTo(JAN_2_2011_030405);
    }

    @Test
    void missingFieldsDefaultToStartOfDayAndYear1970() {
        assertThat(ArffDateFormat.of("yyyy-MM-dd").parse("2011-01-02")).isEqualTo(JAN_2_2011);
        assertThat(ArffDateFormat.of("HH:mm").parse("01:30")).isEqualTo(90 * 60_000L);
        assertThat(ArffDateFormat.of("yyyy-MM").parse("1970-02")).isEqualTo(31 * 86_400_000L);
    }

    @Test
    void millisecondsAreMilliseconds() {
        assertThat(ArffDateFormat.of("yyyy-MM-dd HH:mm:ss.SSS").parse("1970-01-01 00:00:01.250")).isEqualTo(1250);
    }

    @Test
    void twoDigitYearsFallIn1950To2049() {
        ArffDateFormat f = ArffDateFormat.of("dd/MM/yy");
        assertThat(f.parse("01/01/50")).isEqualTo(ArffDateFormat.of("yyyy-MM-dd").parse("1950-01-01"));
        assertThat(f.parse("01/01/49")).isEqualTo(ArffDateFormat.of("yyyy-MM-dd").parse("2049-01-01"));
    }

    @Test
    void impossibleDatesAndTrailingTextDoNotParse() {
        ArffDateFormat f = ArffDateFormat.of("yyyy-MM-dd");
        assertThat(f.parse("2011-02-29")).isEqualTo(DatetimeSyntax.NOT_A_DATETIME);
        assertThat(f.parse("2011-13-01")).isEqualTo(DatetimeSyntax.NOT_A_DATETIME);
        assertThat(f.parse("2011-01-02x")).isEqualTo(DatetimeSyntax.NOT_A_DATETIME);
        assertThat(f.parse("2012-02-29")).isNotEqualTo(DatetimeSyntax.NOT_A_DATETIME);
        assertThat(ArffDateFormat.of("EEE yyyy-MM-dd").parse("Mon 2011-01-02")).isEqualTo(DatetimeSyntax.NOT_A_DATETIME);
    }

    @Test
    void unsupportedLettersAreRefusedByName() {
        assertThatThrownBy(() -> ArffDateFormat.of("YYYY-ww")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letter 'Y'").hasMessageContaining("supported");
        assertThatThrownBy(() -> ArffDateFormat.of("yyyy 'open")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not closed");
    }
}
