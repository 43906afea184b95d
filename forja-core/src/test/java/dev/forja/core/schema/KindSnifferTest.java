package dev.forja.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forja.core.frame.ColumnKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class KindSnifferTest {
    private static KindSniffer sniff(String... values) {
        KindSniffer s = new KindSniffer(MissingMarkers.defaults());
        for (String v : values) {
            s.accept(v);
        }
        return s;
    }

    @Test
    void numbersWithMissingMarkersAreNumeric() {
        assertThat(sniff("1", "2.5", "NA", "", "3504.", "?").decide()).isEqualTo(ColumnKind.NUMERIC);
    }

    @Test
    void aColumnWithOnlyMissingValuesIsNumeric() {
        assertThat(sniff("", "NA").decide()).isEqualTo(ColumnKind.NUMERIC);
    }

    @Test
    void isoDatesAreDatetime() {
        assertThat(sniff("2011-01-01", "2011-01-02 10:00", "").decide()).isEqualTo(ColumnKind.DATETIME);
    }

    @Test
    void oneWordLabelsAreCategorical() {
        assertThat(sniff("male", "female", "male").decide()).isEqualTo(ColumnKind.CATEGORICAL);
    }

    @Test
    void booleansAreCategorical() {
        assertThat(sniff("true", "false", "true").decide()).isEqualTo(ColumnKind.CATEGORICAL);
    }

    @Test
    void sentencesAreText() {
        assertThat(sniff("Go until jurong point, crazy", "Ok lar joking wif u oni", "Free entry in 2 a wkly comp")
                .decide()).isEqualTo(ColumnKind.TEXT);
    }

    @Test
    void longMostlyDistinctValuesAreTextEvenWithFewBlanks() {
        assertThat(sniff("Braund,_Mr._Owen_Harris_long_name", "Cumings,_Mrs._John_Bradley_Florence", "Heikkinen,_Miss._Laina_of_Finland")
                .decide()).isEqualTo(ColumnKind.TEXT);
    }

    @Test
    void mixedNumbersAndWordsAreCategoricalAndRememberTheFirstWord() {
        KindSniffer s = sniff("21171", "PC 17599", "113803");
        assertThat(s.decide()).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(s.firstNonNumber()).isEqualTo("PC 17599");
        assertThat(s.numbers()).isEqualTo(2);
        assertThat(s.present()).isEqualTo(3);
    }

    @Test
    void kindWordsParseWithTheirSynonyms() {
        for (String w : List.of("numeric", "Number", "integer", "real")) {
            assertThat(ColumnKind.parse(w)).isEqualTo(ColumnKind.NUMERIC);
        }
        assertThat(ColumnKind.parse("boolean")).isEqualTo(ColumnKind.CATEGORICAL);
        assertThat(ColumnKind.parse("string")).isEqualTo(ColumnKind.TEXT);
        assertThat(ColumnKind.parse("date")).isEqualTo(ColumnKind.DATETIME);
    }
}
