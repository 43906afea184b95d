package dev.forja.learn.linear;

import dev.forja.learn.features.FeatureMatrix;

/**
 * scikit-learn's logistic regression objective, scaled by 1/C so the optimum is the same:
 * {@code sum_i w_i * loss_i + (l2 / 2) * ||beta||^2} (intercepts not penalised), where {@code l2} is
 * {@code 1/C} times the L2 share. Binary: one coefficient vector and the logistic loss; multiclass:
 * one vector per class and the softmax (multinomial) loss, all classes penalised, as sklearn does.
 * Parameter layout: per output row of {@code p} coefficients followed by its intercept.
 */
final class LogisticLoss implements SmoothObjective {
    private final FeatureMatrix x;
    private final double[] y;
    private final double[] weights;
    private final int outputs;
    private final double l2;
    private final boolean intercept;
    private final double[] z;

    LogisticLoss(FeatureMatrix x, double[] y, double[] weights, int classes, double l2, boolean intercept) {
        this.x = x;
        this.y = y;
        this.weights = weights;
        this.outputs = classes == 2 ? 1 : classes;
        this.l2 = l2;
        this.intercept = intercept;
        this.z = new double[outputs];
    }

    int outputs() {
        return outputs;
    }

    int stride() {
        return x.width() + 1;
    }

    @Override
    public double evaluate(double[] w, double[] gradient) {
        int p = x.width();
        int stride = p + 1;
        java.util.Arrays.fill(gradient, 0);
        double[] v = x.values();
        double loss = 0;
        for (int r = 0; r < x.rows(); r++) {
            double wr = weights == null ? 1 : weights[r];
            int base = r * p;
            for (int k = 0; k < outputs; k++) {
                double s = intercept ? w[k * stride + p] : 0;
                for (int j = 0; j < p; j++) {
                    s += w[k * stride + j] * v[base + j];
                }
                z[k] = s;
            }
            int label = (int) y[r];
            if (outputs == 1) {
                double m = label == 1 ? z[0] : -z[0];
                // log(1 + exp(-m)), stable
                loss += wr * (m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m)));
                double prob = 1 / (1 + Math.exp(-z[0]));
                double d = wr * (prob - label);
                for (int j = 0; j < p; j++) {
                    gradient[j] += d * v[base + j];
                }
                if (intercept) {
                    gradient[p] += d;
                }
            } else {
                double max = z[0];
                for (int k = 1; k < outputs; k++) {
                    max = Math.max(max, z[k]);
                }
                double sum = 0;
                for (int k = 0; k < outputs; k++) {
                    sum += Math.exp(z[k] - max);
                }
                double logSum = max + Math.log(sum);
                loss += wr * (logSum - z[label]);
                for (int k = 0; k < outputs; k++) {
                    double d = wr * (Math.exp(z[k] - logSum) - (k == label ? 1 : 0));
                    int off = k * stride;
                    for (int j = 0; j < p; j++) {
                        gradient[off + j] += d * v[base + j];
                    }
                    if (intercept) {
                        gradient[off + p] += d;
                    }
                }
            }
        }
        if (l2 > 0) {
            for (int k = 0; k < outputs; k++) {
                for (int j = 0; j < p; j++) {
                    double c = w[k * stride + j];
                    loss += 0.5 * l2 * c * c;
                    gradient[k * stride + j] += l2 * c;
                }
            }
        }
        return loss;
    }
}
