package dev.forja.learn.calibrate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Platt scaling: {@code p' = 1 / (1 + exp(a * logit(p) + b))}, fitted by maximum likelihood with
 * Platt's smoothed targets ({@code (N+ + 1) / (N+ + 2)} and {@code 1 / (N- + 2)}), as scikit-learn's
 * {@code CalibratedClassifierCV(method="sigmoid")} does.
 *
 * <p>The input is the log-odds of the model's probability rather than the probability itself (what
 * scikit-learn feeds it for models without a decision function), so that {@code a = -1, b = 0} is the
 * identity and a model that is already calibrated stays so; a sigmoid of the raw probability cannot
 * express that. Two parameters make a hand-written Newton method (Lin, Lin and Weng 2007, with a
 * backtracking line search) simpler and more exact than a general optimiser.
 */
public record PlattScaling(double a, double b) implements Calibrator {
    private static final double EDGE = 1e-15;

    static PlattScaling fit(double[] probability, double[] outcome) {
        int n = probability.length;
        double[] f = new double[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            f[i] = logit(probability[i]);
            positives += outcome[i] == 1 ? 1 : 0;
        }
        int negatives = n - positives;
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = outcome[i] == 1 ? hi : lo;
        }
        double a = 0;
        double b = Math.log((negatives + 1.0) / (positives + 1.0));
        double loss = loss(f, t, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            // gradient and Hessian of the negative log likelihood in (a, b); p = P(y = 1) = 1 / (1 + exp(a f + b))
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(-(a * f[i] + b));
                double d = t[i] - p;
                double w = p * (1 - p);
                ga += f[i] * d;
                gb += d;
                haa += f[i] * f[i] * w;
                hab += f[i] * w;
                hbb += w;
            }
            if (Math.abs(ga) < 1e-10 && Math.abs(gb) < 1e-10) {
                break;
            }
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det;
            double db = -(-hab * ga + haa * gb) / det;
            double step = 1;
            double next = loss(f, t, a + da, b + db);
            while (next > loss + 1e-4 * step * (ga * da + gb * db) && step > 1e-10) {
                step /= 2;
                next = loss(f, t, a + step * da, b + step * db);
            }
            a += step * da;
            b += step * db;
            boolean converged = Math.abs(loss - next) < 1e-14 * Math.max(1, Math.abs(loss));
            loss = next;
            if (converged) {
                break;
            }
        }
        return new PlattScaling(a, b);
    }

    private static double loss(double[] f, double[] t, double a, double b) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double z = a * f[i] + b;
            // -[t log p + (1 - t) log(1 - p)] with p = 1 / (1 + e^z), written to stay finite for large |z|
            s += z >= 0 ? t[i] * z + Math.log1p(Math.exp(-z)) : (t[i] - 1) * z + Math.log1p(Math.exp(z));
        }
        return s;
    }

    private static double logit(double p) {
        double q = Math.min(1 - EDGE, Math.max(EDGE, p));
        return Math.log(q / (1 - q));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Override
    public double apply(double probability) {
        return sigmoid(-(a * logit(probability) + b));
    }

    @Override
    public String method() {
        return "platt";
    }

    @Override
    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("method", method()).put("a", a).put("b", b);
    }
}
