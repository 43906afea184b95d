package dev.forja.app.evaluate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.app.cli.Console;
import dev.forja.app.tracking.ModelLogging;
import dev.forja.app.tracking.Tracking;
import dev.forja.core.ForjaException;
import dev.forja.core.frame.Frame;
import dev.forja.core.split.Split;
import dev.forja.core.split.Splits;
import dev.forja.learn.calibrate.ModelCalibration;
import dev.forja.learn.evaluate.Evaluation;
import dev.forja.learn.evaluate.Evaluator;
import dev.forja.learn.model.Model;
import dev.forja.learn.model.ModelArtifact;
import dev.forja.store.Store;
import dev.forja.store.registry.ModelVersion;
import dev.forja.store.tracking.NewRun;
import dev.forja.store.tracking.RunStatus;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code forja evaluate --calibrate}: the labelled data is cut (stratified, seeded) into a calibration
 * part, on which the calibrator is fitted, and an evaluation part, on which the calibrated model is
 * evaluated and compared with the original. Neither part is training data: the user gives data the
 * model has not seen, and the calibrator never sees the rows it is judged on.
 */
final class CalibrationStep {
    /** The calibrated model, the rows it is evaluated on, and the original's calibration on the same rows. */
    record Calibrated(Model model, Frame evaluationRows, int calibrationRows, Evaluation before) {
    }

    private CalibrationStep() {
    }

    static Calibrated fit(Model model, Frame frame, String source, String method, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new ForjaException("--calibration-fraction " + fraction + " is not strictly between 0 and 1", "give e.g. 0.5");
        }
        double[] y = model.task().encode(frame);
        int[] labelled = IntStream.range(0, y.length).filter(r -> !Double.isNaN(y[r])).toArray();
        Split split = Splits.holdout(labelled, y, fraction, 0, seed);
        Frame calibration = frame.select(split.test());
        Frame evaluation = frame.select(split.train());
        Model calibrated = ModelCalibration.calibrate(model, calibration, source + " (calibration part)", method);
        Evaluation before = Evaluator.evaluate(model, evaluation, source + " (evaluation part)", new Evaluator.Options(0, seed, List.of(), null));
        return new Calibrated(calibrated, evaluation, split.test().length, before);
    }

    /** Writes the calibrated model to {@code out}, and with {@code registerAs} logs it as a run and registers it as the next version. */
    static ObjectNode save(Calibrated c, Evaluation after, String method, String modelUri, Path out, String registerAs, Tracking tracking) {
        ObjectNode doc = Console.mapper().createObjectNode().put("method", method).put("calibration_rows", c.calibrationRows())
                .put("evaluation_rows", c.evaluationRows().rowCount());
        doc.set("before", summary(c.before()));
        doc.set("after", summary(after));
        if (out != null) {
            ModelArtifact.write(c.model(), out);
            doc.put("model_dir", out.toString());
        }
        if (registerAs != null) {
            Store store = tracking.store();
            String experimentId = store.experimentIdFor("Default");
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("forja.calibration.from", modelUri);
            Map<String, String> params = new LinkedHashMap<>(c.model().provenance().params());
            params.put("model", c.model().learner());
            long now = System.currentTimeMillis();
            List<dev.forja.store.tracking.Metric> metrics = List.of(
                    new dev.forja.store.tracking.Metric("ece", after.calibration().ece(), now, 0),
                    new dev.forja.store.tracking.Metric("brier", after.calibration().brier(), now, 0));
            ModelLogging.Logged logged = ModelLogging.log(tracking, experimentId, c.model(), null, runId -> store.recordRun(new NewRun(runId,
                    experimentId, registerAs + "-" + method, System.getProperty("user.name", ""), now, tags), params, metrics, List.of(),
                    RunStatus.FINISHED, System.currentTimeMillis()));
            ModelVersion created = store.registerModel(registerAs, "runs:/" + logged.run().id() + "/" + ModelLogging.MODEL_PATH,
                    logged.run().id(), Map.of("forja.calibration", method, "forja.calibration.from", modelUri));
            doc.put("run_id", logged.run().id());
            doc.put("model_uri", "models:/" + registerAs + "/" + created.version());
        }
        return doc;
    }

    private static ObjectNode summary(Evaluation e) {
        return Console.mapper().createObjectNode().put("ece", e.calibration().ece()).put("brier", e.calibration().brier())
                .put("log_loss", e.metrics().get("log_loss"));
    }
}
