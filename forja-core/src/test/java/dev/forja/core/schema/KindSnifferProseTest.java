package dev.forja.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link KindSniffer#readsLikeProse()}: rule 3 alone, as typed text sources (SQL) use it. */
class KindSnifferProseTest {
    private static KindSniffer of(String... values) {
        KindSniffer s = new KindSniffer(MissingMarkers.defaults());
        for (String v : values) {
            s.accept(v);
        }
        return s;
    }

    @Test
    void threeWordsOnAverageReadLikeProse() {
        assertThat(of("one two three", "four five six", "seven").readsLikeProse()).isFalse();
        assertThat(of("one two three", "four five six", "seven eight nine").readsLikeProse()).isTrue();
    }

    @Test
    void longMostlyDistinctValuesReadLikeProse() {
        assertThat(of("2011-01-02T03:04:05.123+02:00", "2011-01-03T03:04:05.123+02:00").readsLikeProse()).isTrue();
        assertThat(of("a-very-long-identifier-that-repeats", "a-very-long-identifier-that-repeats",
                "a-very-long-identifier-that-repeats").readsLikeProse()).isFalse();
    }

    @Test
    void numbersAndEmptyColumnsAreNotProse() {
        assertThat(of("01234", "99999").readsLikeProse()).isFalse();
        assertThat(of("", "NA").readsLikeProse()).isFalse();
    }
}
