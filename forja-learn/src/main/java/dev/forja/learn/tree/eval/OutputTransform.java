package dev.forja.learn.tree.eval;

import java.util.Locale;

/**
 * Turns a row's summed tree outputs (its margins) into the predictor's outputs, in place.
 *
 * <p>With {@code float32} set, the arithmetic follows XGBoost's CPU code, which works in single
 * precision ({@code common::Sigmoid(float)}, {@code common::Softmax}, {@code expf}), so a compiled
 * XGBoost model gives XGBoost's numbers, not a more precise neighbour of them. Java's float
 * arithmetic is IEEE single precision; {@code exp} is computed in double and rounded to float, which
 * can differ from glibc's {@code expf} by one unit in the last place (about 6e-8 on a probability).
 */
public enum OutputTransform {
    /** Regression, or margins that already are the outputs (forest class probabilities). */
    IDENTITY("identity"),
    /** Binary logistic: one margin {@code m} gives {@code [1 - p, p]} with {@code p = 1 / (1 + e^-m)}. */
    SIGMOID("sigmoid"),
    /** Multiclass: K margins give K probabilities {@code e^m_k / sum_j e^m_j}. */
    SOFTMAX("softmax"),
    /** Binary probability stored in the leaves: one margin {@code p} gives {@code [1 - p, p]}. */
    COMPLEMENT("complement"),
    /** Log link (Poisson, gamma, Tweedie regression): one margin {@code m} gives {@code e^m}. */
    EXP("exp");

    private final String id;

    OutputTransform(String id) {
        this.id = id;
    }

    /** The name in saved headers. */
    public String id() {
        return id;
    }

    public static OutputTransform parse(String id) {
        for (OutputTransform t : values()) {
            if (t.id.equals(id.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown output transform '" + id + "'");
    }

    /** Outputs per row for the given number of margins. */
    public int outputs(int margins) {
        return switch (this) {
            case SIGMOID, COMPLEMENT -> 2;
            default -> margins;
        };
    }

    /** Whether this transform accepts that many margins. */
    public boolean accepts(int margins) {
        return switch (this) {
            case SIGMOID, COMPLEMENT, EXP -> margins == 1;
            case SOFTMAX -> margins >= 2;
            case IDENTITY -> margins >= 1;
        };
    }

    /**
     * Replaces the {@code margins} values at {@code v[off...]} by the outputs ({@link #outputs} of
     * them, starting at {@code off}); {@code v} must have room for them.
     */
    public void apply(double[] v, int off, int margins, boolean float32) {
        switch (this) {
            case IDENTITY -> {
                if (float32) {
                    for (int k = 0; k < margins; k++) {
                        v[off + k] = (float) v[off + k];
                    }
                }
            }
            case SIGMOID -> {
                double p = float32 ? sigmoid32((float) v[off]) : 1.0 / (1.0 + Math.exp(-v[off]));
                v[off] = 1.0 - p;
                v[off + 1] = p;
            }
            case COMPLEMENT -> {
                double p = v[off];
                v[off] = 1.0 - p;
                v[off + 1] = p;
            }
            case EXP -> v[off] = float32 ? (float) Math.exp((float) v[off]) : Math.exp(v[off]);
            case SOFTMAX -> {
                if (float32) {
                    softmax32(v, off, margins);
                } else {
                    softmax(v, off, margins);
                }
            }
        }
    }

    /** XGBoost's {@code common::Sigmoid(float)}: the exponent is capped at 88.7 so expf cannot overflow. */
    static float sigmoid32(float m) {
        float e = (float) Math.exp(Math.min(-m, 88.7f));
        return 1.0f / (e + 1.0f);
    }

    /** XGBoost's {@code common::Softmax}: float max and exponentials, a double sum, float division. */
    private static void softmax32(double[] v, int off, int k) {
        float max = (float) v[off];
        for (int i = 1; i < k; i++) {
            max = Math.max((float) v[off + i], max);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            float e = (float) Math.exp((float) v[off + i] - max);
            v[off + i] = e;
            sum += e;
        }
        float s = (float) sum;
        for (int i = 0; i < k; i++) {
            v[off + i] = (float) v[off + i] / s;
        }
    }

    private static void softmax(double[] v, int off, int k) {
        double max = v[off];
        for (int i = 1; i < k; i++) {
            max = Math.max(v[off + i], max);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double e = Math.exp(v[off + i] - max);
            v[off + i] = e;
            sum += e;
        }
        for (int i = 0; i < k; i++) {
            v[off + i] /= sum;
        }
    }
}
