package dev.forja.core.metrics;

import java.util.function.IntToDoubleFunction;

/** A (weighted) confusion matrix: rows are true classes, columns predicted ones. */
public final class Confusion {
    private final double[][] m;
    private final int k;

    private Confusion(double[][] m) {
        this.m = m;
        this.k = m.length;
    }

    public static Confusion of(int[] truth, int[] predicted, int classes, double[] weights) {
        double[][] m = new double[classes][classes];
        for (int r = 0; r < truth.length; r++) {
            m[truth[r]][predicted[r]] += weights == null ? 1 : weights[r];
        }
        return new Confusion(m);
    }

    public double count(int truth, int predicted) {
        return m[truth][predicted];
    }

    private double row(int c) {
        double s = 0;
        for (int j = 0; j < k; j++) {
            s += m[c][j];
        }
        return s;
    }

    private double col(int c) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += m[i][c];
        }
        return s;
    }

    private double total() {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += row(i);
        }
        return s;
    }

    public double accuracy() {
        double d = 0;
        for (int c = 0; c < k; c++) {
            d += m[c][c];
        }
        return d / total();
    }

    /** Mean recall over the classes present in the labels. */
    public double balancedAccuracy() {
        double s = 0;
        int n = 0;
        for (int c = 0; c < k; c++) {
            if (row(c) > 0) {
                s += m[c][c] / row(c);
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    public double precision(int c) {
        double p = col(c);
        return p == 0 ? 0 : m[c][c] / p;
    }

    public double recall(int c) {
        double t = row(c);
        return t == 0 ? 0 : m[c][c] / t;
    }

    public double f1(int c) {
        double denom = row(c) + col(c);
        return denom == 0 ? 0 : 2 * m[c][c] / denom;
    }

    /** Mean of a per-class score over the classes present in the labels or the predictions. */
    double macro(IntToDoubleFunction score) {
        double s = 0;
        int n = 0;
        for (int c = 0; c < k; c++) {
            if (row(c) > 0 || col(c) > 0) {
                s += score.applyAsDouble(c);
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Matthews correlation, multiclass form (Gorodkin's R_K, as scikit-learn computes it). */
    public double mcc() {
        double s = total();
        double c = 0;
        double sumPT = 0;
        double sumP2 = 0;
        double sumT2 = 0;
        for (int i = 0; i < k; i++) {
            c += m[i][i];
            double t = row(i);
            double p = col(i);
            sumPT += p * t;
            sumP2 += p * p;
            sumT2 += t * t;
        }
        double denom = Math.sqrt((s * s - sumP2) * (s * s - sumT2));
        return denom == 0 ? 0 : (c * s - sumPT) / denom;
    }
}
