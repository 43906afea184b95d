package dev.forja.serve.monitor.drift;

/**
 * Jensen–Shannon distance between two distributions over the same categories, in base 2: the square
 * root of the divergence, so it is a metric between 0 (the same) and 1 (no category in common), as
 * scipy's {@code jensenshannon(p, q, base=2)}.
 */
public final class JensenShannon {
    private JensenShannon() {
    }

    /** {@code p} and {@code q} are counts or shares (each normalised here); NaN when either is all zero. */
    public static double distance(double[] p, double[] q) {
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        if (sp == 0 || sq == 0) {
            return Double.NaN;
        }
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double a = p[i] / sp;
            double b = q[i] / sq;
            double m = (a + b) / 2;
            if (a > 0) {
                divergence += a * Math.log(a / m) / 2;
            }
            if (b > 0) {
                divergence += b * Math.log(b / m) / 2;
            }
        }
        return Math.sqrt(Math.max(0, divergence / Math.log(2)));
    }
}
