package dev.forja.core.profile;

import static dev.forja.core.profile.Columns.NA;
import static dev.forja.core.profile.Columns.cat;
import static dev.forja.core.profile.Columns.num;
import static dev.forja.core.profile.Columns.text;
import static dev.forja.core.profile.Columns.time;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DuplicateRowsTest {

    @Test
    void countsRowsThatRepeatAnEarlierRow() {
        // Rows 0, 2 and 4 are alike; row 3 repeats row 1: 3 duplicates (pandas' duplicated().sum()).
        Frame f = Frame.of(num("x", 1, 2, 1, 2, 1), cat("c", "a", "b", "a", "b", "a"));
        assertThat(DuplicateRows.count(f)).isEqualTo(3);
    }

    @Test
    void distinctRowsHaveNoDuplicates() {
        Frame f = Frame.of(num("x", 1, 2, 1), cat("c", "a", "a", "b"));
        assertThat(DuplicateRows.count(f)).isZero();
    }

    @Test
    void rowsDifferingInOneColumnAreNotDuplicates() {
        Frame f = Frame.of(num("x", 1, 1), text("t", "same", "Same"));
        assertThat(DuplicateRows.count(f)).isZero();
    }

    @Test
    void missingValuesEqualEachOtherAndNegativeZeroEqualsZero() {
        Frame f = Frame.of(num("x", NA, NA, 0.0, -0.0), cat("c", null, null, "z", "z"),
                text("t", null, null, "a", "a"), time("d", null, null, "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z"));
        assertThat(DuplicateRows.count(f)).isEqualTo(2);
    }

    @Test
    void hashCollisionsAreNotCountedAsDuplicates() {
        // Keeping only 3 bits of the row hash puts ~2,000 distinct rows in 8 buckets; rows are then compared
        // value by value, so the count is the same as with the full hash.
        SplittableRandom random = new SplittableRandom(1);
        int n = 2000;
        double[] x = new double[n];
        CategoricalColumn.Builder c = new CategoricalColumn.Builder();
        for (int i = 0; i < n; i++) {
            x[i] = random.nextInt(40);
            c.add("L" + random.nextInt(40));
        }
        Frame f = Frame.of(NumericColumn.of("x", x), c.build("c"));
        long exact = DuplicateRows.count(f);
        assertThat(DuplicateRows.count(f, 0b111)).isEqualTo(exact);
        // 1,600 possible rows drawn 2,000 times: many repeats.
        assertThat(exact).isBetween(600L, 1200L);
        assertThat(exact).isEqualTo(n - java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> x[i] + "|" + f.categorical("c").get(i)).distinct().count());
    }
}
