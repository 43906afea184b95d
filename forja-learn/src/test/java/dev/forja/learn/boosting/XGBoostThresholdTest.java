package dev.forja.learn.boosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The double threshold must decide every double exactly as XGBoost's float comparison does. */
class XGBoostThresholdTest {
    private static void check(float t, double x) {
        double td = XGBoostModelCompiler.thresholdAsDouble(t);
        assertThat(x < td).as("x=%s t=%s t'=%s", x, t, td).isEqualTo((float) x < t);
    }

    /** Doubles around t: the float neighbours, the midpoints between them and the doubles next to those. */
    private static void checkAround(float t) {
        float[] near = {Math.nextDown(Math.nextDown(t)), Math.nextDown(t), t, Math.nextUp(t), Math.nextUp(Math.nextUp(t))};
        for (int i = 0; i < near.length; i++) {
            double a = near[i];
            check(t, a);
            check(t, Math.nextUp(a));
            check(t, Math.nextDown(a));
            if (i + 1 < near.length) {
                double mid = (a + (double) near[i + 1]) / 2;
                check(t, mid);
                check(t, Math.nextUp(mid));
                check(t, Math.nextDown(mid));
            }
        }
    }

    @Test
    void agreesWithFloatComparisonAroundRandomThresholds() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            float t = switch (i % 4) {
                case 0 -> (float) r.nextGaussian();
                case 1 -> (float) (r.nextDouble() * 1e6);
                case 2 -> Float.intBitsToFloat(r.nextInt()); // any bit pattern: tiny, huge, subnormal
                default -> (float) Math.scalb(1.0, r.nextInt(-140, 120)) * (r.nextBoolean() ? 1 : -1); // powers of two
            };
            if (Float.isNaN(t) || Float.isInfinite(t)) {
                continue;
            }
            checkAround(t);
            check(t, t + r.nextGaussian() * Math.ulp(t) * 4);
        }
    }

    @Test
    void agreesAtZeroAndTheExtremes() {
        for (float t : new float[] {0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, 1.0f, -1.0f}) {
            checkAround(t);
            check(t, Double.MAX_VALUE);
            check(t, -Double.MAX_VALUE);
            check(t, Double.POSITIVE_INFINITY);
            check(t, Double.NEGATIVE_INFINITY);
            check(t, 0.0);
            check(t, -0.0);
            check(t, Double.MIN_VALUE);
        }
    }
}
