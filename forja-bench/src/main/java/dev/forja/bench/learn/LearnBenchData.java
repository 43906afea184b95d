package dev.forja.bench.learn;

import java.util.SplittableRandom;

/**
 * In-memory data for the learning benchmarks, generated with a fixed seed: rows × 20 gaussian
 * features (row-major doubles, as a {@code FeatureMatrix} holds them) and a binary label that depends
 * non-linearly on 8 of them, with noise, so boosted trees of depth 6 use their depth.
 */
final class LearnBenchData {
    static final int FEATURES = 20;

    final int rows;
    final double[] x;
    final double[] y;

    LearnBenchData(int rows, long seed) {
        this.rows = rows;
        this.x = new double[rows * FEATURES];
        this.y = new double[rows];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < rows; i++) {
            int o = i * FEATURES;
            for (int j = 0; j < FEATURES; j++) {
                x[o + j] = r.nextGaussian();
            }
            double s = x[o] + 0.8 * x[o + 1] * x[o + 2] - 0.6 * Math.abs(x[o + 3]) + 0.5 * Math.sin(2 * x[o + 4])
                    + 0.4 * x[o + 5] * (x[o + 6] > 0 ? 1 : -1) + 0.3 * x[o + 7] * x[o + 7] + r.nextGaussian() * 0.8;
            y[i] = s > 0.2 ? 1 : 0;
        }
    }

    float[] floats() {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }

    float[] floatLabels() {
        float[] f = new float[rows];
        for (int i = 0; i < rows; i++) {
            f[i] = (float) y[i];
        }
        return f;
    }
}
