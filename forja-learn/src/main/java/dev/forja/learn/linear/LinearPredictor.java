package dev.forja.learn.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * A fitted linear model: one coefficient vector and intercept per score, then a link — identity
 * (regression), logistic (binary: outputs {@code [1 - p, p]}) or softmax (multiclass). Small enough to
 * live in the manifest as JSON.
 */
final class LinearPredictor implements dev.forja.learn.learners.Predictor {
    enum Link { IDENTITY, LOGISTIC, SOFTMAX }

    private final Link link;
    private final double[][] coefficients;
    private final double[] intercepts;
    private final int outputs;

    LinearPredictor(Link link, double[][] coefficients, double[] intercepts) {
        this.link = link;
        this.coefficients = coefficients;
        this.intercepts = intercepts;
        this.outputs = link == Link.LOGISTIC ? 2 : coefficients.length;
    }

    double[][] coefficients() {
        return coefficients;
    }

    double[] intercepts() {
        return intercepts;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public void predict(double[] features, double[] out) {
        switch (link) {
            case IDENTITY:
                out[0] = score(0, features);
                break;
            case LOGISTIC: {
                double p = 1 / (1 + Math.exp(-score(0, features)));
                out[0] = 1 - p;
                out[1] = p;
                break;
            }
            default: {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < outputs; k++) {
                    out[k] = score(k, features);
                    max = Math.max(max, out[k]);
                }
                double sum = 0;
                for (int k = 0; k < outputs; k++) {
                    out[k] = Math.exp(out[k] - max);
                    sum += out[k];
                }
                for (int k = 0; k < outputs; k++) {
                    out[k] /= sum;
                }
            }
        }
    }

    private double score(int k, double[] x) {
        double[] w = coefficients[k];
        double s = intercepts[k];
        for (int j = 0; j < w.length; j++) {
            s += w[j] * x[j];
        }
        return s;
    }

    @Override
    public ObjectNode save(Path dir) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("link", link.name().toLowerCase(java.util.Locale.ROOT));
        var c = n.putArray("coefficients");
        for (double[] row : coefficients) {
            var a = c.addArray();
            for (double v : row) {
                a.add(v);
            }
        }
        var i = n.putArray("intercepts");
        for (double v : intercepts) {
            i.add(v);
        }
        return n;
    }

    static LinearPredictor load(JsonNode n) {
        Link link = Link.valueOf(n.path("link").asText().toUpperCase(java.util.Locale.ROOT));
        JsonNode c = n.path("coefficients");
        double[][] coef = new double[c.size()][];
        for (int k = 0; k < coef.length; k++) {
            coef[k] = new double[c.get(k).size()];
            for (int j = 0; j < coef[k].length; j++) {
                coef[k][j] = c.get(k).get(j).asDouble();
            }
        }
        double[] b = new double[n.path("intercepts").size()];
        for (int k = 0; k < b.length; k++) {
            b[k] = n.path("intercepts").get(k).asDouble();
        }
        return new LinearPredictor(link, coef, b);
    }

    /** Refuses NaN features: linear models need imputation first. */
    static void requireComplete(dev.forja.learn.features.FeatureMatrix x, String model) {
        double[] v = x.values();
        int w = x.width();
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new dev.forja.core.ForjaException("feature '" + x.names().get(i % w) + "' has missing values, which the " + model
                        + " model cannot take", "impute them: --impute median (or mean, most_frequent, constant:V)");
            }
        }
    }
}
