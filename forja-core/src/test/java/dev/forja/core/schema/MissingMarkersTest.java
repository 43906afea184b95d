package dev.forja.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MissingMarkersTest {
    private static boolean missingAsBytes(MissingMarkers m, String s) {
        byte[] b = ("<" + s + ">").getBytes(StandardCharsets.UTF_8);
        return m.isMissing(b, 1, b.length - 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?", "NA", "N/A", "n/a", "null", "NULL", "NaN", "nan", "  ", " NA ", "\t?"})
    void defaultMarkersAreMissingAlsoWithBlanksAround(String cell) {
        MissingMarkers m = MissingMarkers.defaults();
        assertThat(m.isMissing(cell)).isTrue();
        assertThat(missingAsBytes(m, cell)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "na", "None", "unknown", "-", "NAN ", "Na"})
    void otherValuesAreNotMissingByDefault(String cell) {
        MissingMarkers m = MissingMarkers.defaults();
        boolean expected = cell.strip().equals("NaN") || cell.strip().equals("nan");
        assertThat(m.isMissing(cell)).as(cell).isEqualTo(expected);
        assertThat(missingAsBytes(m, cell)).as(cell).isEqualTo(expected);
    }

    @Test
    void extraMarkersAddToTheDefaults() {
        MissingMarkers m = MissingMarkers.withExtra(List.of("unknown", "-999"));
        assertThat(m.isMissing("unknown")).isTrue();
        assertThat(missingAsBytes(m, "-999")).isTrue();
        assertThat(m.isMissing("?")).isTrue();
    }

    @Test
    void exactMarkersReplaceTheDefaults() {
        MissingMarkers m = MissingMarkers.of(List.of(""));
        assertThat(m.isMissing("")).isTrue();
        assertThat(m.isMissing("NA")).isFalse();
        assertThat(missingAsBytes(m, "?")).isFalse();
    }

    @Test
    void nullIsAlwaysMissing() {
        assertThat(MissingMarkers.of(List.of()).isMissing((String) null)).isTrue();
    }

    @Test
    void nonAsciiMarkersMatchAsUtf8Bytes() {
        MissingMarkers m = MissingMarkers.withExtra(List.of("désconocido"));
        assertThat(missingAsBytes(m, "désconocido")).isTrue();
        assertThat(missingAsBytes(m, "desconocido")).isFalse();
    }
}
