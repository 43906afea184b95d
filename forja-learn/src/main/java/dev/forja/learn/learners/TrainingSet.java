package dev.forja.learn.learners;

import dev.forja.core.task.Task;
import dev.forja.learn.features.FeatureMatrix;

/**
 * What a learner fits on: features, the encoded target ({@link Task#encode}: class index or value, never
 * missing here) and optional row weights (class weights for imbalance; {@code null} = all 1).
 */
public record TrainingSet(FeatureMatrix x, double[] y, double[] weights, Task task) {
    public TrainingSet {
        if (y.length != x.rows() || (weights != null && weights.length != x.rows())) {
            throw new IllegalArgumentException("features, target and weights differ in rows");
        }
    }

    public int rows() {
        return x.rows();
    }

    public double weight(int row) {
        return weights == null ? 1.0 : weights[row];
    }
}
