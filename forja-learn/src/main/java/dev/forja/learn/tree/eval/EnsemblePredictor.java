package dev.forja.learn.tree.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.Predictor;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A {@link Predictor} that scores with a {@link TreeEnsemble}: one row allocation-free, many rows in
 * cache-friendly blocks across the common fork-join pool. Saved as {@value #TREES_FILE} plus the
 * ensemble's header under {@code "ensemble"} in the returned JSON.
 */
public class EnsemblePredictor implements Predictor {
    public static final String TREES_FILE = "trees.bin";

    private final TreeEnsemble ensemble;

    public EnsemblePredictor(TreeEnsemble ensemble) {
        this.ensemble = ensemble;
    }

    public TreeEnsemble ensemble() {
        return ensemble;
    }

    @Override
    public int outputs() {
        return ensemble.outputs();
    }

    @Override
    public void predict(double[] features, double[] out) {
        ensemble.predict(features, out);
    }

    @Override
    public void predict(FeatureMatrix x, double[] out) {
        if (x.width() != ensemble.features()) {
            throw new IllegalArgumentException(x.width() + " features given to trees that read " + ensemble.features());
        }
        ensemble.predictParallel(x.values(), x.rows(), out);
    }

    @Override
    public ObjectNode save(Path dir) throws IOException {
        ObjectNode saved = JsonNodeFactory.instance.objectNode();
        saved.set("ensemble", TreeEnsembleFile.save(ensemble, dir.resolve(TREES_FILE)));
        return saved;
    }

    /** Reads the ensemble that {@link #save} wrote. */
    public static TreeEnsemble loadEnsemble(JsonNode saved, Path dir) throws IOException {
        JsonNode header = saved.path("ensemble");
        String file = header.path("file").asText(TREES_FILE);
        if (file.contains("/") || file.contains("\\") || file.startsWith(".")) {
            throw new IOException("tree ensemble file name '" + file + "' must be a plain file name in " + dir);
        }
        return TreeEnsembleFile.load(header, dir.resolve(file));
    }
}
