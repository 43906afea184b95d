package dev.forja.learn.linear;

/**
 * FISTA (Beck &amp; Teboulle 2009) with backtracking, for a smooth objective plus an L1 penalty
 * {@code lambda * sum |w_j|} over the penalised coordinates (intercepts are not penalised): the L1 and
 * elastic-net logistic regressions. The proximal step is soft-thresholding. Deterministic. Written
 * here for the same reason as {@link Lbfgs}. Stops when no coordinate moves more than {@code tol}
 * (relative to the largest coefficient) in an iteration, or after {@code maxIter} iterations.
 */
final class ProximalGradient {
    private ProximalGradient() {
    }

    static int minimize(SmoothObjective f, double[] w, boolean[] penalised, double lambda, double tol, int maxIter) {
        int n = w.length;
        double[] x = w.clone();
        double[] yv = w.clone();
        double[] g = new double[n];
        double[] xNew = new double[n];
        double[] scratch = new double[n];
        double step = 1.0;
        double t = 1.0;
        int iter = 0;
        for (; iter < maxIter; iter++) {
            double fy = f.evaluate(yv, g);
            while (true) {
                for (int j = 0; j < n; j++) {
                    double z = yv[j] - step * g[j];
                    xNew[j] = penalised[j] ? Math.signum(z) * Math.max(0, Math.abs(z) - step * lambda) : z;
                }
                double fx = f.evaluate(xNew, scratch);
                double quad = fy;
                double dist = 0;
                for (int j = 0; j < n; j++) {
                    double d = xNew[j] - yv[j];
                    quad += g[j] * d;
                    dist += d * d;
                }
                quad += dist / (2 * step);
                if (fx <= quad + 1e-12 * Math.abs(quad) || step < 1e-20) {
                    break;
                }
                step *= 0.5;
            }
            double tNew = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
            double moved = 0;
            double largest = 1;
            for (int j = 0; j < n; j++) {
                double d = xNew[j] - x[j];
                moved = Math.max(moved, Math.abs(d));
                largest = Math.max(largest, Math.abs(xNew[j]));
                yv[j] = xNew[j] + ((t - 1) / tNew) * d;
                x[j] = xNew[j];
            }
            t = tNew;
            if (moved <= tol * largest) {
                iter++;
                break;
            }
        }
        System.arraycopy(x, 0, w, 0, n);
        return iter;
    }
}
