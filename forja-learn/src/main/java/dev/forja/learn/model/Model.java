package dev.forja.learn.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forja.core.frame.Frame;
import dev.forja.core.task.Task;
import dev.forja.learn.features.FeatureMatrix;
import dev.forja.learn.features.FeaturePipeline;
import dev.forja.learn.features.InputRow;
import dev.forja.learn.learners.Predictor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained model: the framing, the inputs it expects, the fitted feature pipeline and predictor, the
 * test metrics next to its baseline's, the drift reference and where it came from. The same object
 * whether it was just trained or read back from its directory ({@link ModelArtifact}); both predict
 * the same numbers.
 */
public final class Model {
    private final Task task;
    private final Signature signature;
    private final FeaturePipeline pipeline;
    private final String learner;
    private final ObjectNode predictorJson;
    private final Predictor predictor;
    private final Map<String, Double> metrics;
    private final Map<String, Double> baselineMetrics;
    private final Provenance provenance;
    private final ObjectNode reference;

    public Model(Task task, Signature signature, FeaturePipeline pipeline, String learner, ObjectNode predictorJson, Predictor predictor,
                 Map<String, Double> metrics, Map<String, Double> baselineMetrics, Provenance provenance, ObjectNode reference) {
        this.task = task;
        this.signature = signature;
        this.pipeline = pipeline;
        this.learner = learner;
        this.predictorJson = predictorJson;
        this.predictor = predictor;
        this.metrics = new LinkedHashMap<>(metrics);
        this.baselineMetrics = new LinkedHashMap<>(baselineMetrics);
        this.provenance = provenance;
        this.reference = reference;
    }

    public Task task() {
        return task;
    }

    public Signature signature() {
        return signature;
    }

    public FeaturePipeline pipeline() {
        return pipeline;
    }

    public String learner() {
        return learner;
    }

    /** What the predictor saved (null until the model has been written once). */
    ObjectNode predictorJson() {
        return predictorJson;
    }

    public Predictor predictor() {
        return predictor;
    }

    public Map<String, Double> metrics() {
        return java.util.Collections.unmodifiableMap(metrics);
    }

    public Map<String, Double> baselineMetrics() {
        return java.util.Collections.unmodifiableMap(baselineMetrics);
    }

    public Provenance provenance() {
        return provenance;
    }

    /**
     * The same fitted model deciding with another task: what a new binary threshold changes (the
     * predictor and its probabilities stay the same).
     */
    public Model withTask(Task newTask) {
        if (!newTask.classes().equals(task.classes()) || newTask.kind() != task.kind()) {
            throw new IllegalArgumentException("a model's classes and kind cannot change");
        }
        return new Model(newTask, signature, pipeline, learner, predictorJson, predictor, metrics, baselineMetrics, provenance, reference);
    }

    /**
     * The same pipeline, signature and task with another predictor of the same outputs, e.g. the old
     * one wrapped by a calibration; {@code provenance} says how it was made. The headline metrics stay
     * those measured at training time.
     */
    public Model withPredictor(Predictor newPredictor, Provenance newProvenance) {
        if (newPredictor.outputs() != predictor.outputs()) {
            throw new IllegalArgumentException("the new predictor has " + newPredictor.outputs() + " outputs, not " + predictor.outputs());
        }
        return new Model(task, signature, pipeline, learner, null, newPredictor, metrics, baselineMetrics, newProvenance, reference);
    }

    /** The same model, its provenance naming the tracking run it was logged as. */
    public Model withRunId(String runId) {
        Provenance p = provenance;
        return new Model(task, signature, pipeline, learner, predictorJson, predictor, metrics, baselineMetrics,
                new Provenance(runId, p.dataSource(), p.dataFingerprint(), p.trainingRows(), p.split(), p.learner(), p.params(), p.seed(),
                        p.versions()), reference);
    }

    public ObjectNode reference() {
        return reference;
    }

    /**
     * Outputs for every row of {@code frame} (row-major, {@code task().outputs()} per row): class
     * probabilities or values. The frame is checked against the signature first.
     */
    public double[] predict(Frame frame, String source) {
        signature.check(frame, source);
        FeatureMatrix x = pipeline.transform(frame);
        double[] out = new double[frame.rowCount() * task.outputs()];
        predictor.predict(x, out);
        return out;
    }

    /** One row, as serving does it: {@code features} has the pipeline's width, {@code out} the task's outputs. */
    public void predictRow(InputRow row, double[] features, double[] out) {
        pipeline.transformRow(row, features);
        predictor.predict(features, out);
    }
}
