package dev.forja.serve.monitor.drift;

/**
 * Population Stability Index between a reference's bin shares and the current ones:
 * {@code Σ (a − e) · ln(a / e)}. An empty bin counts as a share of {@value #EMPTY} (as Evidently and
 * most credit-risk practice do), so a bin that empties or fills up gives a large but finite value.
 * Rules of thumb: below 0.1 stable, 0.1–0.25 a moderate shift, above 0.25 a major one.
 */
public final class Psi {
    public static final double EMPTY = 1e-4;

    private Psi() {
    }

    /** PSI of {@code actual} against {@code expected}: shares over the same bins, each summing to 1 (or all 0 for no rows). */
    public static double of(double[] expected, double[] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException(expected.length + " reference bins against " + actual.length + " current bins");
        }
        double psi = 0;
        for (int i = 0; i < expected.length; i++) {
            double e = expected[i] == 0 ? EMPTY : expected[i];
            double a = actual[i] == 0 ? EMPTY : actual[i];
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }
}
