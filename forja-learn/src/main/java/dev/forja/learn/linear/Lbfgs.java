package dev.forja.learn.linear;

import java.util.Arrays;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Algorithm 7.4) with a backtracking Armijo line search, for
 * the smooth objectives of logistic (L2 or no penalty) regression. Written here because no maintained,
 * permissively licensed JVM library offers it without a large dependency; it is short, deterministic
 * (no threads, no randomness) and converges to the same optimum scikit-learn's lbfgs finds.
 * Stops when the largest gradient component is below {@code tol} (scikit-learn's {@code pgtol}
 * criterion) or after {@code maxIter} iterations.
 */
final class Lbfgs {
    private static final int MEMORY = 10;

    private Lbfgs() {
    }

    /** Minimises {@code f} starting from {@code w} (updated in place); returns the iterations used. */
    static int minimize(SmoothObjective f, double[] w, double tol, int maxIter) {
        int n = w.length;
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        double[] g = new double[n];
        double[] gNew = new double[n];
        double[] d = new double[n];
        double[] wNew = new double[n];
        double fx = f.evaluate(w, g);
        int stored = 0;
        int head = 0;
        int iter = 0;
        while (iter < maxIter && maxAbs(g) > tol) {
            // two-loop recursion: d = -H g
            System.arraycopy(g, 0, d, 0, n);
            for (int k = 0; k < stored; k++) {
                int i = Math.floorMod(head - 1 - k, MEMORY);
                alpha[i] = rho[i] * dot(s[i], d);
                axpy(-alpha[i], y[i], d);
            }
            if (stored > 0) {
                int last = Math.floorMod(head - 1, MEMORY);
                double gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
                scale(d, gamma);
            }
            for (int k = stored - 1; k >= 0; k--) {
                int i = Math.floorMod(head - 1 - k, MEMORY);
                double beta = rho[i] * dot(y[i], d);
                axpy(alpha[i] - beta, s[i], d);
            }
            scale(d, -1);
            double slope = dot(g, d);
            if (slope >= 0) {
                // not a descent direction (numerical trouble): restart from steepest descent
                System.arraycopy(g, 0, d, 0, n);
                scale(d, -1);
                slope = dot(g, d);
                stored = 0;
            }
            double step = stored == 0 ? Math.min(1.0, 1.0 / Math.max(1e-12, Math.sqrt(dot(g, g)))) : 1.0;
            double fNew;
            int tries = 0;
            boolean accepted;
            while (true) {
                for (int j = 0; j < n; j++) {
                    wNew[j] = w[j] + step * d[j];
                }
                fNew = f.evaluate(wNew, gNew);
                accepted = fNew <= fx + 1e-4 * step * slope;
                if (accepted || ++tries > 60) {
                    break;
                }
                step *= 0.5;
            }
            if (!accepted) {
                break; // no step along a descent direction lowers f: the optimum to machine precision
            }
            int i = head;
            for (int j = 0; j < n; j++) {
                s[i][j] = wNew[j] - w[j];
                y[i][j] = gNew[j] - g[j];
            }
            double sy = dot(s[i], y[i]);
            System.arraycopy(wNew, 0, w, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            double improvement = fx - fNew;
            fx = fNew;
            iter++;
            if (sy > 1e-12) {
                rho[i] = 1.0 / sy;
                head = (head + 1) % MEMORY;
                stored = Math.min(stored + 1, MEMORY);
            }
            if (improvement <= 1e-15 * Math.max(1, Math.abs(fx))) {
                break; // no measurable progress: at the optimum to machine precision
            }
        }
        return iter;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    static double maxAbs(double[] g) {
        double m = 0;
        for (double v : g) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double[] zeros(int n) {
        double[] z = new double[n];
        Arrays.fill(z, 0);
        return z;
    }
}
