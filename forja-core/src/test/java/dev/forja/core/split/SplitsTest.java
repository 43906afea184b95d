package dev.forja.core.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Property-style checks on seeded random data: partitions, proportions, groups, time order, determinism. */
class SplitsTest {
    private static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    private static double[] classes(int n, long seed, double... shares) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            int c = 0;
            double acc = shares[0];
            while (u > acc && c < shares.length - 1) {
                acc += shares[++c];
            }
            y[i] = c;
        }
        return y;
    }

    private static void isPartition(int n, int[]... parts) {
        Set<Integer> seen = new HashSet<>();
        int total = 0;
        for (int[] p : parts) {
            for (int r : p) {
                assertThat(seen.add(r)).as("row %d in two parts", r).isTrue();
            }
            total += p.length;
        }
        assertThat(total).isEqualTo(n);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void stratifiedHoldoutPartitionsAndKeepsClassShares(long seed) {
        int n = 1000 + (int) seed * 37;
        double[] y = classes(n, seed, 0.7, 0.2, 0.1);
        Split s = Splits.holdout(all(n), y, 0.2, 0.1, seed);
        isPartition(n, s.train(), s.valid(), s.test());
        for (int c = 0; c < 3; c++) {
            int cc = c;
            long inAll = Arrays.stream(y).filter(v -> v == cc).count();
            long inTest = Arrays.stream(s.test()).filter(r -> y[r] == cc).count();
            assertThat(inTest).as("class %d in test", c).isEqualTo(Math.round(inAll * 0.2));
        }
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        double[] y = classes(500, 9, 0.5, 0.5);
        assertThat(Splits.holdout(all(500), y, 0.25, 0, 7).test()).containsExactly(Splits.holdout(all(500), y, 0.25, 0, 7).test());
        assertThat(Splits.holdout(all(500), y, 0.25, 0, 7).test()).isNotEqualTo(Splits.holdout(all(500), y, 0.25, 0, 8).test());
    }

    @Test
    void randomHoldoutTakesTheRoundedFraction() {
        Split s = Splits.holdout(all(101), null, 0.2, 0, 1);
        assertThat(s.test()).hasSize(20);
        assertThat(s.train()).hasSize(81);
        assertThat(s.valid()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 10})
    void stratifiedKFoldCoversEveryRowOnceWithBalancedClasses(int k) {
        int n = 503;
        double[] y = classes(n, k, 0.6, 0.3, 0.1);
        Frame f = Frame.of(NumericColumn.of("y", y));
        List<Fold> folds = Splits.kFold(f, all(n), y, null, k, 11);
        int[][] valids = folds.stream().map(Fold::valid).toArray(int[][]::new);
        isPartition(n, valids);
        for (Fold fold : folds) {
            isPartition(n, fold.train(), fold.valid());
        }
        for (int c = 0; c < 3; c++) {
            int cc = c;
            long[] perFold = folds.stream().mapToLong(fo -> Arrays.stream(fo.valid()).filter(r -> y[r] == cc).count()).toArray();
            assertThat(Arrays.stream(perFold).max().getAsLong() - Arrays.stream(perFold).min().getAsLong()).isLessThanOrEqualTo(1);
        }
        int[] sizes = folds.stream().mapToInt(fo -> fo.valid().length).toArray();
        assertThat(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt()).isLessThanOrEqualTo(1);
    }

    @Test
    void plainKFoldSizesDifferByAtMostOne() {
        Frame f = Frame.of(NumericColumn.of("x", new double[23]));
        List<Fold> folds = Splits.kFold(f, all(23), null, null, 5, 3);
        assertThat(folds).extracting(fo -> fo.valid().length).containsExactlyInAnyOrder(5, 5, 5, 4, 4);
    }

    private static Frame grouped(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CategoricalColumn.Builder g = new CategoricalColumn.Builder();
        for (int i = 0; i < n; i++) {
            g.add(r.nextInt(20) == 0 ? null : "customer" + r.nextInt(60));
        }
        return Frame.of(g.build("customer"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void groupSplitNeverPutsAGroupOnBothSides(long seed) {
        Frame f = grouped(800, seed);
        Split s = Splits.byGroup(f, "customer", all(800), 0.2, 0.1, seed);
        isPartition(800, s.train(), s.valid(), s.test());
        Set<String> train = new HashSet<>();
        for (int r : s.train()) {
            train.add(String.valueOf(f.column("customer").format(r)));
        }
        for (int r : s.test()) {
            assertThat(train).doesNotContain(String.valueOf(f.column("customer").format(r)));
        }
        for (int r : s.valid()) {
            assertThat(train).doesNotContain(String.valueOf(f.column("customer").format(r)));
        }
        assertThat(s.test().length).isBetween(140, 220);
    }

    @Test
    void groupKFoldKeepsGroupsWhole() {
        Frame f = grouped(600, 4);
        List<Fold> folds = Splits.kFold(f, all(600), null, "customer", 4, 1);
        for (Fold fold : folds) {
            Set<String> valid = new HashSet<>();
            for (int r : fold.valid()) {
                valid.add(String.valueOf(f.column("customer").format(r)));
            }
            for (int r : fold.train()) {
                assertThat(valid).doesNotContain(String.valueOf(f.column("customer").format(r)));
            }
        }
    }

    @Test
    void timeSplitPutsTheLatestRowsInTestAndKeepsTiesTogether() {
        DatetimeColumn.Builder t = new DatetimeColumn.Builder();
        long[] days = {5, 1, 9, 3, 9, 7, 2, 8, 6, 4};
        for (long d : days) {
            t.add(d * 86_400_000L);
        }
        Frame f = Frame.of(t.build("when"));
        Split s = Splits.byTime(f, "when", all(10), 0.2, 0);
        // the two latest rows (both day 9) are the test part
        assertThat(s.test()).containsExactly(2, 4);
        Split ties = Splits.byTime(f, "when", all(10), 0.1, 0);
        assertThat(ties.test()).as("a boundary inside the day-9 tie moves before it").containsExactly(2, 4);
        for (int tr : s.train()) {
            for (int te : s.test()) {
                assertThat(days[tr]).isLessThan(days[te]);
            }
        }
    }

    @Test
    void timeOrderedFoldsTrainOnThePastAndValidateOnTheBlockThatFollows() {
        long[] days = {11, 3, 7, 1, 10, 5, 2, 8, 12, 4, 6, 9};
        DatetimeColumn.Builder t = new DatetimeColumn.Builder();
        for (long d : days) {
            t.add(d * 86_400_000L);
        }
        Frame f = Frame.of(t.build("when"));
        List<Fold> folds = Splits.timeFolds(f, "when", all(12), 3);
        assertThat(folds).hasSize(3);
        int previousTrain = 0;
        for (Fold fold : folds) {
            assertThat(fold.valid()).hasSize(3);
            assertThat(fold.train().length).as("an expanding window").isGreaterThan(previousTrain);
            previousTrain = fold.train().length;
            long latestTrained = java.util.Arrays.stream(fold.train()).mapToLong(r -> days[r]).max().orElseThrow();
            long earliestValidated = java.util.Arrays.stream(fold.valid()).mapToLong(r -> days[r]).min().orElseThrow();
            assertThat(latestTrained).isLessThan(earliestValidated);
        }
        // the first fold trains on days 1-3 and validates on days 4-6
        assertThat(folds.get(0).train()).containsExactly(1, 3, 6);
        assertThat(folds.get(0).valid()).containsExactly(5, 9, 10);
    }

    @Test
    void timeSplitRefusesMissingTimes() {
        DatetimeColumn.Builder t = new DatetimeColumn.Builder();
        t.add(1);
        t.addMissing();
        t.add(3);
        Frame f = Frame.of(t.build("when"));
        assertThatThrownBy(() -> Splits.byTime(f, "when", all(3), 0.3, 0)).isInstanceOf(ForjaException.class).hasMessageContaining("missing in 1 row");
    }

    @Test
    void impossibleRequestsAreExplained() {
        double[] y = {0, 0, 0, 1, 1, 0, 0, 0, 0, 0};
        Frame f = Frame.of(NumericColumn.of("y", y));
        assertThatThrownBy(() -> Splits.kFold(f, all(10), y, null, 3, 1)).hasMessageContaining("class 1 has 2 row(s), fewer than the 3 folds");
        assertThatThrownBy(() -> Splits.holdout(all(10), null, 1.5, 0, 1)).hasMessageContaining("test size 1.5");
    }

    @Test
    void balancedWeightsFollowScikitLearn() {
        double[] y = {0, 0, 0, 1};
        // n / (k * n_c): 4 / (2*3) and 4 / (2*1)
        assertThat(Rebalance.balancedWeights(y, 2)).containsExactly(2.0 / 3, 2.0 / 3, 2.0 / 3, 2.0);
    }

    @Test
    void overAndUnderSamplingEqualiseClasses() {
        double[] y = classes(300, 5, 0.8, 0.2);
        int[] over = Rebalance.oversample(y, 2, 1);
        int[] under = Rebalance.undersample(y, 2, 1);
        long minority = Arrays.stream(y).filter(v -> v == 1).count();
        long majority = y.length - minority;
        assertThat(Arrays.stream(over).filter(r -> y[r] == 1).count()).isEqualTo(majority);
        assertThat(Arrays.stream(under).filter(r -> y[r] == 0).count()).isEqualTo(minority);
        assertThat(new HashSet<>(Arrays.stream(under).boxed().toList())).hasSize(under.length);
        assertThat(Rebalance.oversample(y, 2, 1)).containsExactly(over);
    }
}
