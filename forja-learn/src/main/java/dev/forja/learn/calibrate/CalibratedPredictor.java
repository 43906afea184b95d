package dev.forja.learn.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.learners.Predictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A classifier's predictor with its probabilities calibrated. Binary: the positive class's probability
 * goes through one calibrator and the negative class gets the rest. Multiclass: one calibrator per
 * class (one-vs-rest), then the row is normalised to sum to 1, as scikit-learn's
 * {@code CalibratedClassifierCV} does; a row whose calibrated values are all 0 becomes uniform.
 * The wrapped predictor is saved as it was, so the calibrated model scores exactly the old one's
 * probabilities before the map.
 */
public final class CalibratedPredictor implements Predictor {
    private final Predictor inner;
    private final Calibrator[] calibrators;

    /** {@code calibrators}: one for the positive class (binary, {@code inner.outputs() == 2}) or one per class. */
    public CalibratedPredictor(Predictor inner, List<Calibrator> calibrators) {
        int k = inner.outputs();
        int expected = k == 2 ? 1 : k;
        if (k < 2 || calibrators.size() != expected) {
            throw new IllegalArgumentException("a predictor with " + k + " outputs needs " + expected + " calibrators, not " + calibrators.size());
        }
        this.inner = inner;
        this.calibrators = calibrators.toArray(new Calibrator[0]);
    }

    public Predictor inner() {
        return inner;
    }

    public List<Calibrator> calibrators() {
        return List.of(calibrators);
    }

    public String method() {
        return calibrators[0].method();
    }

    @Override
    public int outputs() {
        return inner.outputs();
    }

    @Override
    public void predict(double[] features, double[] out) {
        inner.predict(features, out);
        calibrate(out, 0);
    }

    @Override
    public void predict(FeatureMatrix x, double[] out) {
        inner.predict(x, out);
        int k = outputs();
        for (int offset = 0; offset < out.length; offset += k) {
            calibrate(out, offset);
        }
    }

    private void calibrate(double[] out, int offset) {
        int k = calibrators.length == 1 ? 2 : calibrators.length;
        if (k == 2) {
            double p = calibrators[0].apply(out[offset + 1]);
            out[offset] = 1 - p;
            out[offset + 1] = p;
            return;
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            out[offset + c] = calibrators[c].apply(out[offset + c]);
            sum += out[offset + c];
        }
        for (int c = 0; c < k; c++) {
            out[offset + c] = sum > 0 ? out[offset + c] / sum : 1.0 / k;
        }
    }

    /** Saves the wrapped predictor; the calibration itself is {@link #calibrationJson()}, kept in the manifest. */
    @Override
    public ObjectNode save(Path dir) throws IOException {
        return inner.save(dir);
    }

    public ObjectNode calibrationJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("method", method());
        ArrayNode list = n.putArray("calibrators");
        for (Calibrator c : calibrators) {
            list.add(c.toJson());
        }
        return n;
    }

    public static CalibratedPredictor fromJson(Predictor inner, JsonNode calibration) {
        List<Calibrator> list = new ArrayList<>();
        calibration.path("calibrators").forEach(c -> list.add(Calibrator.fromJson(c)));
        return new CalibratedPredictor(inner, list);
    }
}
