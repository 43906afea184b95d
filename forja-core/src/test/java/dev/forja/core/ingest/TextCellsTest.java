package dev.forja.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.schema.MissingMarkers;
import org.junit.jupiter.api.Test;

class TextCellsTest {
    private static final MissingMarkers NA = MissingMarkers.defaults();

    private static TextCells cells(String... values) {
        TextCells c = new TextCells("v");
        for (String s : values) {
            c.add(s);
        }
        return c;
    }

    @Test
    void infersOverEveryValueNotASample() {
        String[] values = new String[20_001];
        java.util.Arrays.fill(values, "1");
        values[20_000] = "x";
        assertThat(cells(values).inferKind(NA)).isEqualTo(ColumnKind.CATEGORICAL);
    }

    @Test
    void buildsNumbersWithNullAndMarkersAsMissing() {
        NumericColumn c = (NumericColumn) cells("1.5", null, "NA", "-2").build(ColumnKind.NUMERIC, NA, "d.jsonl", r -> r + 1, false, new ReadReport.Builder());
        assertThat(c.toArray()).containsExactly(1.5, Double.NaN, Double.NaN, -2.0);
    }

    @Test
    void aValueThatIsNotOfTheDeclaredKindFailsWithItsLine() {
        TextCells c = cells("1", "2", "three");
        assertThatThrownBy(() -> c.build(ColumnKind.NUMERIC, NA, "d.jsonl", r -> r + 1, false, new ReadReport.Builder()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith("d.jsonl:3: column 'v': 'three' is not a numeric value")
                .satisfies(e -> assertThat(((DataFormatException) e).hint()).contains("--lenient"));
    }

    @Test
    void lenientReadsItAsMissingAndCountsIt() {
        ReadReport.Builder report = new ReadReport.Builder();
        NumericColumn c = (NumericColumn) cells("1", "three", "x").build(ColumnKind.NUMERIC, NA, "d", r -> r + 1, true, report);
        assertThat(c.missingCount()).isEqualTo(2);
        assertThat(report.build().coercedToMissing()).containsEntry("v", 2L);
    }

    @Test
    void categoricalKeepsValuesVerbatim() {
        CategoricalColumn c = (CategoricalColumn) cells(" a", "a", "?").build(ColumnKind.CATEGORICAL, NA, "d", r -> r, false, new ReadReport.Builder());
        assertThat(c.levels()).containsExactly(" a", "a");
        assertThat(c.isMissing(2)).isTrue();
    }

    @Test
    void datetimesParseToEpochMillis() {
        var c = (dev.forja.core.frame.DatetimeColumn) cells("1970-01-02", "").build(ColumnKind.DATETIME, NA, "d", r -> r, false, new ReadReport.Builder());
        assertThat(c.millis(0)).isEqualTo(86_400_000L);
        assertThat(c.isMissing(1)).isTrue();
    }
}
