package dev.forja.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatetimeSyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2011-01-01|2011-01-01T00:00:00Z",
        "2012/02/29|2012-02-29T00:00:00Z",
        "2011-01-01 13:45|2011-01-01T13:45:00Z",
        "2011-01-01T13:45:07|2011-01-01T13:45:07Z",
        "2011-01-01T13:45:07.25Z|2011-01-01T13:45:07.250Z",
        "2011-01-01T13:45:07.123456789|2011-01-01T13:45:07.123Z",
        "2011-01-01T13:45:07+02:00|2011-01-01T11:45:07Z",
        "2011-01-01T00:30:00-0130|2011-01-01T02:00:00Z",
        "1969-12-31T23:59:59Z|1969-12-31T23:59:59Z",
        "  2020-06-15  |2020-06-15T00:00:00Z"})
    void parsesIsoSpellingsToUtcEpochMillis(String text, String instant) {
        assertThat(DatetimeSyntax.parse(text)).isEqualTo(java.time.Instant.parse(instant).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2011-02-29", "2011-13-01", "2011-00-10", "2011-01-32", "01/02/2011", "2011-1-1",
        "2011-01-01T25:00", "2011-01-01T12:60", "2011-01-01T12", "2011-01-01X", "2011-01-01T12:00+19:00",
        "20110101", "yesterday", "2011-01-01T12:00:00."})
    void rejectsWhatIsNotAnUnambiguousIsoDatetime(String text) {
        assertThat(DatetimeSyntax.parse(text)).as(text).isEqualTo(DatetimeSyntax.NOT_A_DATETIME);
    }

    @Test
    void agreesWithJavaTimeOnRandomDatetimesAcrossFourCenturies() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextLong(LocalDate.of(1800, 1, 1).toEpochDay(), LocalDate.of(2200, 1, 1).toEpochDay()));
            LocalDateTime t = date.atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1000) * 1_000_000);
            String text = t.toString();
            assertThat(DatetimeSyntax.parse(text)).as(text).isEqualTo(t.toInstant(ZoneOffset.UTC).toEpochMilli());
        }
    }
}
