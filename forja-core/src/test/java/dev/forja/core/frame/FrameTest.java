package dev.forja.core.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTest {
    private static Frame sample() {
        CategoricalColumn.Builder sex = new CategoricalColumn.Builder();
        for (String s : new String[] {"male", "female", null, "female"}) {
            sex.add(s);
        }
        TextColumn.Builder name = new TextColumn.Builder();
        for (String s : new String[] {"Ann", null, "Bo", "Cy"}) {
            name.add(s);
        }
        DatetimeColumn.Builder when = new DatetimeColumn.Builder();
        when.add(0L);
        when.addMissing();
        when.add(86_400_000L);
        when.add(1_000L);
        return Frame.of(NumericColumn.of("age", new double[] {22, Double.NaN, 35, 4}), sex.build("sex"),
                name.build("name"), when.build("when"));
    }

    @Test
    void columnsKeepTheirKindsAndMissingCounts() {
        Frame f = sample();
        assertThat(f.rowCount()).isEqualTo(4);
        assertThat(f.columnNames()).containsExactly("age", "sex", "name", "when");
        assertThat(f.column("age").missingCount()).isEqualTo(1);
        assertThat(f.categorical("sex").missingCount()).isEqualTo(1);
        assertThat(f.text("name").missingCount()).isEqualTo(1);
        assertThat(f.datetime("when").missingCount()).isEqualTo(1);
    }

    @Test
    void categoricalLevelsKeepFirstAppearanceOrderAndCounts() {
        CategoricalColumn sex = sample().categorical("sex");
        assertThat(sex.levels()).containsExactly("male", "female");
        assertThat(sex.levelCounts()).containsExactly(1, 2);
        assertThat(sex.code(2)).isEqualTo(CategoricalColumn.MISSING);
        assertThat(sex.get(2)).isNull();
    }

    @Test
    void declaredLevelsComeFirstEvenIfUnused() {
        CategoricalColumn.Builder b = new CategoricalColumn.Builder();
        b.declare("low");
        b.declare("mid");
        b.declare("high");
        b.add("high");
        CategoricalColumn c = b.build("level");
        assertThat(c.levels()).containsExactly("low", "mid", "high");
        assertThat(c.levelCounts()).containsExactly(0, 0, 1);
        assertThat(c.code(0)).isEqualTo(2);
    }

    @Test
    void selectIsAViewInTheGivenOrderWithRepeats() {
        Frame v = sample().select(new int[] {3, 0, 3});
        assertThat(v.rowCount()).isEqualTo(3);
        assertThat(v.numeric("age").get(0)).isEqualTo(4.0);
        assertThat(v.numeric("age").get(1)).isEqualTo(22.0);
        assertThat(v.categorical("sex").get(2)).isEqualTo("female");
        assertThat(v.text("name").get(0)).isEqualTo("Cy");
        assertThat(v.datetime("when").millis(0)).isEqualTo(1_000L);
    }

    @Test
    void aViewOfAViewComposesRowNumbers() {
        Frame v = sample().select(new int[] {3, 2, 1, 0}).select(new int[] {1, 3});
        assertThat(v.numeric("age").toArray()).containsExactly(35.0, 22.0);
        assertThat(v.column("name").format(0)).isEqualTo("Bo");
    }

    @Test
    void headTakesAtMostTheRowsThereAre() {
        assertThat(sample().head(2).rowCount()).isEqualTo(2);
        assertThat(sample().head(99).rowCount()).isEqualTo(4);
    }

    @Test
    void formatWritesNumbersShortestAndDatetimesIso() {
        Frame f = sample();
        assertThat(f.column("age").format(0)).isEqualTo("22");
        assertThat(f.column("age").format(1)).isNull();
        assertThat(f.column("when").format(2)).isEqualTo("1970-01-02T00:00:00Z");
    }

    @Test
    void unknownColumnNamesTheColumnsThereAre() {
        assertThatThrownBy(() -> sample().column("Age"))
                .hasMessageContaining("Age").hasMessageContaining("age, sex, name, when");
    }

    @Test
    void typedAccessToTheWrongKindSaysWhatTheColumnIs() {
        assertThatThrownBy(() -> sample().numeric("sex")).hasMessageContaining("categorical");
    }

    @Test
    void columnsOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> Frame.of(NumericColumn.of("a", new double[2]), NumericColumn.of("b", new double[3])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateColumnNamesAreRejected() {
        assertThatThrownBy(() -> Frame.of(NumericColumn.of("a", new double[2]), NumericColumn.of("a", new double[2])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a");
    }

    @Test
    void selectDropAndWithBuildNewFramesWithoutTouchingTheOld() {
        Frame f = sample();
        assertThat(f.selectColumns(List.of("name", "age")).columnNames()).containsExactly("name", "age");
        assertThat(f.drop("sex", "nope").columnNames()).containsExactly("age", "name", "when");
        Frame g = f.with(NumericColumn.of("age", new double[] {1, 2, 3, 4}));
        assertThat(g.numeric("age").get(0)).isEqualTo(1.0);
        assertThat(f.numeric("age").get(0)).isEqualTo(22.0);
        assertThat(g.columnNames()).containsExactly("age", "sex", "name", "when");
    }

    @Test
    void schemaListsNamesAndKinds() {
        assertThat(sample().schema().toJson().toString()).isEqualTo(
                "{\"columns\":[{\"name\":\"age\",\"kind\":\"numeric\"},{\"name\":\"sex\",\"kind\":\"categorical\"},"
                        + "{\"name\":\"name\",\"kind\":\"text\"},{\"name\":\"when\",\"kind\":\"datetime\"}]}");
    }
}
