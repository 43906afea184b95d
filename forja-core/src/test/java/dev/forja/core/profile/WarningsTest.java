package dev.forja.core.profile;

import static dev.forja.core.profile.Columns.NA;
import static dev.forja.core.profile.Columns.cat;
import static dev.forja.core.profile.Columns.concat;
import static dev.forja.core.profile.Columns.num;
import static dev.forja.core.profile.Columns.range;
import static dev.forja.core.profile.Columns.repeat;
import static dev.forja.core.profile.Columns.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forja.core.ProgressListener;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.Frame;
import dev.forja.core.profile.Warning.Kind;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each warning: a frame where it fires (with its numbers in the message) and one just short of it. */
class WarningsTest {

    private static DataProfile profile(String target, Column... columns) {
        return Profiler.profile(Frame.of(columns), "test.csv", null, target, ProgressListener.NONE);
    }

    private static DataProfile profile(Column... columns) {
        return profile(null, columns);
    }

    private static List<Kind> kinds(DataProfile p, String column) {
        return p.warningsFor(column).stream().map(Warning::kind).toList();
    }

    private static Warning only(DataProfile p, String column, Kind kind) {
        List<Warning> found = p.warningsFor(column).stream().filter(w -> w.kind() == kind).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    // ------------------------------------------------------------------ constant, all_missing, high_missing

    @Test
    void aSingleValueIsConstant() {
        DataProfile p = profile(num("x", 3, 3, NA, 3));
        assertThat(only(p, "x", Kind.CONSTANT).message()).contains("'3'", "3 non-missing rows");
    }

    @Test
    void twoValuesAreNotConstant() {
        assertThat(kinds(profile(num("x", 3, 3, 4)), "x")).doesNotContain(Kind.CONSTANT);
    }

    @Test
    void noValueAtAllIsAllMissing() {
        DataProfile p = profile(cat("c", null, null, null), num("x", 1, 2, 3));
        assertThat(kinds(p, "c")).containsExactly(Kind.ALL_MISSING);
    }

    @Test
    void oneValueIsNotAllMissing() {
        assertThat(kinds(profile(cat("c", null, "a", null)), "c")).doesNotContain(Kind.ALL_MISSING);
    }

    @Test
    void moreThanHalfMissingIsHighMissing() {
        DataProfile p = profile(num("x", 1, NA, NA, NA, 2));
        assertThat(only(p, "x", Kind.HIGH_MISSING).message()).contains("3 of 5", "60.0 %");
    }

    @Test
    void exactlyHalfMissingIsNotHighMissing() {
        assertThat(kinds(profile(num("x", 1, NA, NA, 2)), "x")).doesNotContain(Kind.HIGH_MISSING);
    }

    // ------------------------------------------------------------------ id_like

    @Test
    void distinctWholeNumbersAreIdLike() {
        assertThat(only(profile(num("id", 7, 3, 9, 1)), "id", Kind.ID_LIKE).message()).contains("all 4");
    }

    @Test
    void distinctFractionsAreNotIdLike() {
        assertThat(kinds(profile(num("x", 0.5, 1.25, 3.5)), "x")).doesNotContain(Kind.ID_LIKE);
    }

    @Test
    void distinctLevelsAreIdLike() {
        assertThat(kinds(profile(cat("name", "Ann", "Bob", "Cy", null)), "name")).contains(Kind.ID_LIKE);
    }

    @Test
    void oneRepeatedLevelIsNotIdLike() {
        assertThat(kinds(profile(cat("name", "Ann", "Bob", "Ann")), "name")).doesNotContain(Kind.ID_LIKE);
    }

    @Test
    void shortDistinctTextsAreIdLikeButLongOnesAreProse() {
        DataProfile p = profile(text("name", "Braund, Mr. Owen Harris", "Heikkinen, Miss. Laina"),
                text("review", "This was a long and winding review of a product that anyone could have written",
                        "Another long review that says nothing in particular about anything at all, really"));
        assertThat(kinds(p, "name")).contains(Kind.ID_LIKE);
        assertThat(kinds(p, "review")).doesNotContain(Kind.ID_LIKE);
    }

    @Test
    void theTargetIsNeverIdLike() {
        DataProfile p = profile("price", num("price", 100, 250, 175, 320), num("x", 1, 1, 2, 2));
        assertThat(kinds(p, "price")).doesNotContain(Kind.ID_LIKE);
    }

    // ------------------------------------------------------------------ high_cardinality

    @Test
    void moreThanFiftyLevelsIsHighCardinality() {
        String[] values = new String[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = "L" + (i % 51);
        }
        assertThat(only(profile(cat("c", values)), "c", Kind.HIGH_CARDINALITY).message()).contains("51 distinct levels for 200 values");
    }

    @Test
    void fiftyLevelsOverManyRowsIsNotHighCardinality() {
        String[] values = new String[200];
        for (int i = 0; i < values.length; i++) {
            values[i] = "L" + (i % 50);
        }
        assertThat(kinds(profile(cat("c", values)), "c")).doesNotContain(Kind.HIGH_CARDINALITY);
    }

    @Test
    void levelsForMoreThanHalfTheValuesIsHighCardinality() {
        // 10 levels for 15 values (67 %).
        String[] values = concat(new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"}, repeat("a", 5));
        assertThat(kinds(profile(cat("c", values)), "c")).contains(Kind.HIGH_CARDINALITY);
    }

    @Test
    void nineLevelsAreTooFewForTheRatioRule() {
        String[] values = concat(new String[] {"a", "b", "c", "d", "e", "f", "g", "h", "i"}, repeat("a", 3));
        assertThat(kinds(profile(cat("c", values)), "c")).doesNotContain(Kind.HIGH_CARDINALITY);
    }

    @Test
    void idLikeColumnsAreNotAlsoHighCardinality() {
        String[] values = new String[60];
        for (int i = 0; i < values.length; i++) {
            values[i] = "id" + i;
        }
        assertThat(kinds(profile(cat("c", values)), "c")).contains(Kind.ID_LIKE).doesNotContain(Kind.HIGH_CARDINALITY);
    }

    // ------------------------------------------------------------------ mixed_type

    @Test
    void someNumericLevelsAmongTextAreMixedType() {
        DataProfile p = profile(cat("ticket", "A/5 21171", "113803", "113803", "PC 17599", "373450"));
        assertThat(only(p, "ticket", Kind.MIXED_TYPE).message())
                .contains("2 of 4 levels are numbers", "'113803'", "2 are not", "'A/5 21171'", "60.0 %");
    }

    @Test
    void allNumericOrNoNumericLevelsAreNotMixedType() {
        DataProfile p = profile(cat("zip", "02139", "10001", "02139"), cat("city", "Boston", "NYC", "Boston"));
        assertThat(kinds(p, "zip")).doesNotContain(Kind.MIXED_TYPE);
        assertThat(kinds(p, "city")).doesNotContain(Kind.MIXED_TYPE);
    }

    // ------------------------------------------------------------------ sentinel

    /** pdays in the bank-marketing data: 999 means "never contacted". */
    private static double[] pdays(double sentinel, double othersFrom, int sentinels) {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < sentinels ? sentinel : othersFrom + i % 20;
        }
        return v;
    }

    @Test
    void nineHundredNinetyNineFarAboveTheRestIsASentinel() {
        DataProfile p = profile(num("pdays", pdays(999, 0, 96)));
        assertThat(only(p, "pdays", Kind.SENTINEL).message()).contains("999 holds 96 of 100 values (96.0 %)", "top end");
    }

    @Test
    void minusOneBelowNonNegativeValuesIsASentinel() {
        DataProfile p = profile(num("days", pdays(-1, 0, 10)));
        assertThat(only(p, "days", Kind.SENTINEL).message()).contains("-1 holds 10 of 100", "bottom end");
    }

    @Test
    void ninesCloseToTheOtherValuesAreNotASentinel() {
        // 99 next to values up to 95 (as in hours per week): no gap, a real value.
        assertThat(kinds(profile(num("hours", pdays(99, 76, 10))), "hours")).doesNotContain(Kind.SENTINEL);
    }

    @Test
    void aMinusOneToOneScaleIsNotASentinel() {
        double[] v = new double[90];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 3 - 1;
        }
        assertThat(kinds(profile(num("sentiment", v)), "sentiment")).doesNotContain(Kind.SENTINEL);
    }

    @Test
    void aSentinelInFewerThanOnePercentOfValuesIsNotFlagged() {
        double[] v = new double[300];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 2 ? 999 : i % 20;
        }
        assertThat(kinds(profile(num("x", v)), "x")).doesNotContain(Kind.SENTINEL);
    }

    // ------------------------------------------------------------------ infinite, skewed

    @Test
    void infiniteValuesAreFlagged() {
        assertThat(only(profile(num("x", 1, Double.POSITIVE_INFINITY, 2, 2)), "x", Kind.INFINITE).message()).contains("1 values");
    }

    @Test
    void finiteValuesAreNotFlaggedInfinite() {
        assertThat(kinds(profile(num("x", 1, 2, 2)), "x")).doesNotContain(Kind.INFINITE);
    }

    @Test
    void aLongRightTailIsSkewed() {
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.exp(i / 20.0);
        }
        // Repeat a value so the column is not id-like (fractions are not id-like anyway).
        assertThat(only(profile(num("income", v)), "income", Kind.SKEWED).message()).contains("right tail");
    }

    @Test
    void aSymmetricColumnIsNotSkewed() {
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 20;
        }
        assertThat(kinds(profile(num("x", v)), "x")).doesNotContain(Kind.SKEWED);
    }

    @Test
    void aRareBinaryFlagIsNotSkewed() {
        double[] v = new double[200];
        v[0] = 1;
        assertThat(kinds(profile(num("holiday", v)), "holiday")).doesNotContain(Kind.SKEWED);
    }

    // ------------------------------------------------------------------ duplicate_rows

    @Test
    void repeatedRowsAreDuplicates() {
        DataProfile p = profile(num("x", 1, 2, 1, 1), cat("c", "a", "b", "a", "a"));
        assertThat(p.duplicateRows()).isEqualTo(2);
        assertThat(only(p, null, Kind.DUPLICATE_ROWS).message()).contains("2 of 4 rows (50.0 %)");
    }

    @Test
    void distinctRowsAreNotDuplicates() {
        DataProfile p = profile(num("x", 1, 2, 1), cat("c", "a", "b", "b"));
        assertThat(p.duplicateRows()).isZero();
        assertThat(kinds(p, null)).isEmpty();
    }

    // ------------------------------------------------------------------ target: class_imbalance, target_missing

    @Test
    void aSmallClassUnderAFifthOfTheLargestIsImbalanced() {
        DataProfile p = profile("y", cat("y", concat(repeat("no", 90), repeat("yes", 10))), num("x", range(0, 100)));
        assertThat(only(p, "y", Kind.CLASS_IMBALANCE).message()).contains("'yes' has 10 rows against 90 for 'no'", "0.111");
    }

    @Test
    void aSmallClassOfAQuarterIsNotImbalanced() {
        DataProfile p = profile("y", cat("y", concat(repeat("no", 80), repeat("yes", 20))), num("x", range(0, 100)));
        assertThat(kinds(p, "y")).doesNotContain(Kind.CLASS_IMBALANCE);
    }

    @Test
    void rowsWithoutATargetAreFlagged() {
        DataProfile p = profile("y", cat("y", "a", null, "b", "a"), num("x", 1, 2, 3, 4));
        assertThat(only(p, "y", Kind.TARGET_MISSING).message()).contains("1 of 4 rows");
    }

    @Test
    void aCompleteTargetIsNotFlaggedMissing() {
        DataProfile p = profile("y", cat("y", "a", "b", "b", "a"), num("x", 1, 2, 3, 4));
        assertThat(kinds(p, "y")).doesNotContain(Kind.TARGET_MISSING);
    }

    // ------------------------------------------------------------------ leakage

    private static final int N = 2000;

    private static double[] gaussian(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    @Test
    void aCopyOfTheTargetLeaks() {
        double[] y = gaussian(1);
        DataProfile p = profile("y", num("y", y), num("y_copy", y.clone()), num("noise", gaussian(2)));
        assertThat(only(p, "y_copy", Kind.TARGET_LEAKAGE).message()).contains("'y'", "R² 0.9");
        assertThat(kinds(p, "noise")).isEmpty();
    }

    @Test
    void aLabelDerivedFromAFeatureLeaks() {
        double[] x = gaussian(3);
        String[] label = new String[N];
        for (int i = 0; i < N; i++) {
            label[i] = x[i] > 0.5 ? "yes" : "no";
        }
        DataProfile p = profile("label", cat("label", label), num("score", x));
        assertThat(only(p, "score", Kind.TARGET_LEAKAGE).message()).contains("balanced accuracy");
    }

    @Test
    void aStrongButImperfectFeatureIsPossibleLeakage() {
        // y = x + noise with var(noise) = 0.1 var(x): R² about 0.9.
        double[] x = gaussian(4);
        double[] noise = gaussian(5);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = x[i] + Math.sqrt(0.1) * noise[i];
        }
        DataProfile p = profile("y", num("y", y), num("x", x));
        assertThat(p.association("x").power()).isBetween(WarningRules.POSSIBLE_LEAKAGE_POWER, WarningRules.LEAKAGE_POWER);
        assertThat(kinds(p, "x")).containsExactly(Kind.POSSIBLE_LEAKAGE);
    }

    @Test
    void aModerateFeatureIsNoLeakage() {
        double[] x = gaussian(6);
        double[] noise = gaussian(7);
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            y[i] = x[i] + noise[i];
        }
        DataProfile p = profile("y", num("y", y), num("x", x));
        assertThat(kinds(p, "x")).isEmpty();
    }

    @Test
    void idLikeColumnsAreNotReportedAsLeakage() {
        // The target is sorted along the row id, so id bins predict it well; an id is not a leak.
        double[] y = range(0, N);
        DataProfile p = profile("y", num("y", y), num("row_id", range(1, N + 1)));
        assertThat(p.association("row_id").power()).isGreaterThan(0.95);
        assertThat(kinds(p, "row_id")).containsExactly(Kind.ID_LIKE);
    }

    // ------------------------------------------------------------------ order

    @Test
    void warningsComeMostImportantFirstThenInColumnOrder() {
        DataProfile p = profile(num("a", 1, NA, NA, NA), num("b", 5, 5, 5, 5), num("c", 2, NA, NA, NA),
                num("at", 0.5, 1.5, 2.5, 3.5));
        assertThat(p.warnings()).extracting(w -> w.kind() + ":" + w.column())
                .containsExactly("CONSTANT:a", "CONSTANT:b", "CONSTANT:c", "HIGH_MISSING:a", "HIGH_MISSING:c");
    }
}
