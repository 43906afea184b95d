package dev.forja.learn.tree.grow;

/**
 * How a node's impurity is measured, as in scikit-learn: Gini and entropy (base-2 logarithm) for
 * classes, the weighted variance for regression. Splits are chosen by the largest decrease.
 */
public enum Criterion {
    GINI("gini"),
    ENTROPY("entropy"),
    SQUARED_ERROR("squared_error");

    private static final double LN2 = Math.log(2);
    private final String id;

    Criterion(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean forClasses() {
        return this != SQUARED_ERROR;
    }

    public static Criterion parse(String id) {
        for (Criterion c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown criterion " + id);
    }

    /**
     * Impurity of a node from its statistics: class weights {@code s[off .. off+k)} for classes, or
     * {@code (sum w, sum w*y, sum w*y^2)} for regression; {@code weight} is the node's total weight.
     */
    double impurity(double[] s, int off, int k, double weight) {
        switch (this) {
            case GINI: {
                double sq = 0;
                for (int c = 0; c < k; c++) {
                    sq += s[off + c] * s[off + c];
                }
                return 1.0 - sq / (weight * weight);
            }
            case ENTROPY: {
                double h = 0;
                for (int c = 0; c < k; c++) {
                    double v = s[off + c];
                    if (v > 0) {
                        double p = v / weight;
                        h -= p * Math.log(p) / LN2;
                    }
                }
                return h;
            }
            default: {
                double mean = s[off + 1] / weight;
                return s[off + 2] / weight - mean * mean;
            }
        }
    }

    /**
     * A quantity that orders candidate splits like the decrease of weighted child impurity does
     * (scikit-learn's "proxy impurity improvement"): larger is better. Cheaper than the impurities.
     */
    double proxy(double[] left, double[] right, int k, double wl, double wr) {
        switch (this) {
            case GINI: {
                double a = 0;
                double b = 0;
                for (int c = 0; c < k; c++) {
                    a += left[c] * left[c];
                    b += right[c] * right[c];
                }
                return a / wl + b / wr;
            }
            case ENTROPY: {
                double v = 0;
                for (int c = 0; c < k; c++) {
                    if (left[c] > 0) {
                        v += left[c] * Math.log(left[c] / wl);
                    }
                    if (right[c] > 0) {
                        v += right[c] * Math.log(right[c] / wr);
                    }
                }
                return v;
            }
            default:
                return left[1] * left[1] / wl + right[1] * right[1] / wr;
        }
    }
}
