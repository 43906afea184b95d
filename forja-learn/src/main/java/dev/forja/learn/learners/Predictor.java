package dev.forja.learn.learners;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.learn.features.FeatureMatrix;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted model's prediction function over feature rows. Thread-safe and allocation-free per row: it
 * is what serving calls. Outputs per row: one probability per class (summing to 1, in
 * {@link dev.forja.core.task.Task#classes()} order) for classification, one value for regression.
 */
public interface Predictor {
    /** Outputs per row. */
    int outputs();

    /** Predicts one row of features ({@code features.length} = the pipeline's width) into {@code out}. */
    void predict(double[] features, double[] out);

    /** Predicts every row into {@code out} (row-major, {@code rows * outputs()}). */
    default void predict(FeatureMatrix x, double[] out) {
        double[] row = new double[x.width()];
        double[] one = new double[outputs()];
        int k = outputs();
        for (int r = 0; r < x.rows(); r++) {
            x.row(r, row);
            predict(row, one);
            System.arraycopy(one, 0, out, r * k, k);
        }
    }

    /**
     * Writes what is needed to rebuild this predictor: small parameters in the returned JSON (it goes
     * into the model manifest), large arrays as files under {@code dir}. Never Java serialization:
     * loading a model must not run code from the file. {@link Learner#load} reads it back.
     */
    ObjectNode save(Path dir) throws IOException;
}
