package dev.forja.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSortTest {
    private static final double[] SPECIAL = {Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1, -1, 999,
        Double.longBitsToDouble(0xfff8000000000001L)}; // a NaN with the sign bit set

    /** Random doubles of several shapes: wide, whole numbers, few values, and the special values. */
    private static double[] sample(long seed, int n) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(4)) {
                case 0: a[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-20, 20)); break;
                case 1: a[i] = random.nextInt(-1000, 1000); break;
                case 2: a[i] = random.nextInt(3) * 0.5; break;
                default: a[i] = SPECIAL[random.nextInt(SPECIAL.length)];
            }
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 100, NumberSort.RADIX_THRESHOLD - 1, NumberSort.RADIX_THRESHOLD, 50_000})
    void sortsDoublesExactlyAsArraysSortDoes(int n) {
        for (long seed = 1; seed <= 5; seed++) {
            double[] a = sample(seed, n);
            double[] expected = a.clone();
            Arrays.sort(expected);
            NumberSort.sort(a);
            // Compare bit patterns, so -0.0 / 0.0 order counts; every NaN is expected last.
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(expected[i])) {
                    assertThat(a[i]).isNaN();
                } else {
                    assertThat(Double.doubleToRawLongBits(a[i])).as("index %d", i).isEqualTo(Double.doubleToRawLongBits(expected[i]));
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 50_000})
    void sortsLongsAsArraysSortDoes(int n) {
        SplittableRandom random = new SplittableRandom(n);
        long[] a = new long[n + 2];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextInt(3) == 0 ? random.nextInt(100) : random.nextLong();
        }
        long[] expected = a.clone();
        Arrays.sort(expected, 1, n + 1);
        NumberSort.sort(a, 1, n + 1);
        assertThat(a).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {50_000})
    void sortsEqualValuesWithoutMovingThem(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 42.5);
        NumberSort.sort(a);
        assertThat(a).containsOnly(42.5);
    }
}
