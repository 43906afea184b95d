package dev.forja.learn.calibrate;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.Frame;
import dev.forja.core.task.Task;
import dev.forja.learn.learners.Predictor;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calibrates a trained classifier on labelled rows it was not trained on (scikit-learn's
 * {@code CalibratedClassifierCV(cv="prefit")}): the model's probabilities on those rows against their
 * outcomes fit one {@link Calibrator} per class (one for binary). The result is a new model whose
 * predictor wraps the old one; pipeline, signature and task are unchanged.
 */
public final class ModelCalibration {
    private ModelCalibration() {
    }

    public static Model calibrate(Model model, Frame calibrationRows, String source, String method) {
        Task task = model.task();
        if (!task.isClassification()) {
            throw new ForjaException("calibration maps class probabilities; " + source + "'s model is " + task.kind().id(),
                    "calibrate a binary or multiclass model");
        }
        if (model.predictor() instanceof CalibratedPredictor) {
            throw new ForjaException("the model is already calibrated", "calibrate the model it was made from instead");
        }
        double[] p = model.predict(calibrationRows, source);
        double[] y = task.encode(calibrationRows);
        int k = task.outputs();
        int labelled = 0;
        for (double v : y) {
            labelled += Double.isNaN(v) ? 0 : 1;
        }
        List<Calibrator> calibrators = new ArrayList<>();
        for (int c = k == 2 ? 1 : 0; c < k; c++) {
            double[] probability = new double[labelled];
            double[] outcome = new double[labelled];
            int i = 0;
            for (int r = 0; r < y.length; r++) {
                if (!Double.isNaN(y[r])) {
                    probability[i] = p[r * k + c];
                    outcome[i] = y[r] == c ? 1 : 0;
                    i++;
                }
            }
            try {
                calibrators.add(Calibrator.fit(method, probability, outcome));
            } catch (ForjaException e) {
                throw new ForjaException(e.getMessage() + " ('" + task.classes().get(c) + "', " + labelled + " labelled rows of " + source + ")",
                        e.hint(), e);
            }
        }
        Predictor calibrated = new CalibratedPredictor(model.predictor(), calibrators);
        Provenance old = model.provenance();
        Map<String, String> params = new LinkedHashMap<>(old.params());
        params.put("calibration", method);
        params.put("calibration_source", source);
        params.put("calibration_rows", Integer.toString(labelled));
        Provenance provenance = new Provenance(null, old.dataSource(), old.dataFingerprint(), old.trainingRows(), old.split(), old.learner(),
                params, old.seed(), old.versions());
        return model.withPredictor(calibrated, provenance);
    }
}
