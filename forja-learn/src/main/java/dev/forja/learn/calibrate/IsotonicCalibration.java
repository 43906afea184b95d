package dev.forja.learn.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/**
 * Isotonic calibration: the non-decreasing step function of the probability that best fits the 0/1
 * outcomes in squared error (pool adjacent violators), interpolated linearly between its points and
 * clipped outside them, as scikit-learn's {@code IsotonicRegression(out_of_bounds="clip")}. Equal
 * probabilities are pooled first, so ties get one value. Written here because pool-adjacent-violators
 * is a dozen lines and no JVM library we already carry offers it.
 *
 * @param x increasing probabilities (the fitted points)
 * @param y the calibrated probability at each, non-decreasing
 */
public record IsotonicCalibration(double[] x, double[] y) implements Calibrator {
    static IsotonicCalibration fit(double[] probability, double[] outcome) {
        int n = probability.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (i, j) -> Double.compare(probability[i], probability[j]));
        // pool ties: one block per distinct probability, weighted by its count
        double[] bx = new double[n];
        double[] by = new double[n];
        double[] bw = new double[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (blocks > 0 && bx[blocks - 1] == probability[i]) {
                by[blocks - 1] += outcome[i];
                bw[blocks - 1] += 1;
            } else {
                bx[blocks] = probability[i];
                by[blocks] = outcome[i];
                bw[blocks] = 1;
                blocks++;
            }
        }
        for (int b = 0; b < blocks; b++) {
            by[b] /= bw[b];
        }
        // pool adjacent violators over the blocks: a stack of merged runs (mean, weight, first block)
        double[] mean = new double[blocks];
        double[] weight = new double[blocks];
        int[] start = new int[blocks];
        int runs = 0;
        for (int b = 0; b < blocks; b++) {
            mean[runs] = by[b];
            weight[runs] = bw[b];
            start[runs] = b;
            runs++;
            while (runs > 1 && mean[runs - 2] >= mean[runs - 1]) {
                double w = weight[runs - 2] + weight[runs - 1];
                mean[runs - 2] = (mean[runs - 2] * weight[runs - 2] + mean[runs - 1] * weight[runs - 1]) / w;
                weight[runs - 2] = w;
                runs--;
            }
        }
        double[] fitted = new double[blocks];
        for (int r = 0; r < runs; r++) {
            int end = r + 1 < runs ? start[r + 1] : blocks;
            Arrays.fill(fitted, start[r], end, Math.min(1, Math.max(0, mean[r])));
        }
        return new IsotonicCalibration(Arrays.copyOf(bx, blocks), fitted);
    }

    static IsotonicCalibration fromJson(JsonNode n) {
        double[] x = new double[n.path("x").size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = n.path("x").get(i).asDouble();
            y[i] = n.path("y").get(i).asDouble();
        }
        return new IsotonicCalibration(x, y);
    }

    @Override
    public double apply(double probability) {
        if (Double.isNaN(probability)) {
            return probability;
        }
        if (probability <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (probability >= x[last]) {
            return y[last];
        }
        int i = Arrays.binarySearch(x, probability);
        if (i >= 0) {
            return y[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double share = (probability - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + share * (y[hi] - y[lo]);
    }

    @Override
    public String method() {
        return "isotonic";
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("method", method());
        var xs = n.putArray("x");
        var ys = n.putArray("y");
        for (int i = 0; i < x.length; i++) {
            xs.add(x[i]);
            ys.add(y[i]);
        }
        return n;
    }
}
