package dev.forja.serve.monitor.drift;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.task.Task;
import dev.forja.learn.model.InputSpec;
import dev.forja.learn.model.Model;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What current data is compared with: one reference per input feature and one for the model's
 * prediction (the positive class's probability, the predicted value, or the predicted class), taken
 * either from a model's reference.json (training-time statistics) or from a reference dataset.
 *
 * @param prediction null when there is no model to predict with
 * @param skipped    inputs that cannot be compared, with why (free text)
 */
public record DriftReference(long rows, List<FeatureReference> inputs, FeatureReference prediction, List<String> skipped) {
    /** The name the prediction's drift is reported under. */
    public static final String PREDICTION = "prediction";

    /** The model's training-time statistics (reference.json) and signature. */
    public static DriftReference of(Model model) {
        JsonNode ref = model.reference();
        if (!ref.has("inputs")) {
            throw new ForjaException("the model has no reference statistics (reference.json)", "train it again with this Forja, or compare with a reference dataset");
        }
        long rows = ref.path("rows").asLong();
        List<FeatureReference> inputs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (InputSpec spec : model.signature().inputs()) {
            JsonNode n = ref.path("inputs").path(spec.name());
            double missing = n.path("missing_rate").asDouble();
            switch (spec.kind()) {
                case NUMERIC, DATETIME -> inputs.add(NumericReference.fromSummary(spec.name(), n.path("bins"), missing, rows, spec.min(), spec.max()));
                case CATEGORICAL -> {
                    Map<String, Double> shares = new LinkedHashMap<>();
                    n.path("frequencies").fields().forEachRemaining(e -> shares.put(e.getKey(), e.getValue().asDouble()));
                    inputs.add(CategoricalReference.fromShares(spec.name(), shares, missing, rows, Set.copyOf(spec.categories())));
                }
                default -> skipped.add(spec.name() + " (" + spec.kind().id() + ": free text is not compared)");
            }
        }
        return new DriftReference(rows, inputs, predictionOf(model.task(), ref.path("prediction"), rows), skipped);
    }

    private static FeatureReference predictionOf(Task task, JsonNode p, long rows) {
        if (p.has("positive_probability_bins")) {
            return NumericReference.fromSummary(PREDICTION, p.path("positive_probability_bins"), 0, rows, Double.NaN, Double.NaN);
        }
        if (p.has("value_bins")) {
            return NumericReference.fromSummary(PREDICTION, p.path("value_bins"), 0, rows, Double.NaN, Double.NaN);
        }
        if (p.has("predicted_class_rate")) {
            Map<String, Double> shares = new LinkedHashMap<>();
            p.path("predicted_class_rate").fields().forEachRemaining(e -> shares.put(e.getKey(), e.getValue().asDouble()));
            return CategoricalReference.fromShares(PREDICTION, shares, 0, rows, Set.copyOf(task.classes()));
        }
        return null;
    }

    /**
     * A reference dataset's columns (every column but {@code exclude}, e.g. the target); with a model,
     * its predictions on the reference rows too.
     */
    public static DriftReference of(Frame frame, Set<String> exclude, Model model, String source) {
        List<FeatureReference> inputs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> names = model == null ? frame.columnNames() : model.signature().names();
        for (String name : names) {
            if (exclude.contains(name)) {
                continue;
            }
            Column c = frame.find(name).orElseThrow(() -> new ForjaException(source + " has no column '" + name + "', an input of the model",
                    "give reference data with the model's inputs"));
            FeatureReference r = fromColumn(c);
            if (r == null) {
                skipped.add(name + " (" + c.kind().id() + ": free text is not compared)");
            } else {
                inputs.add(r);
            }
        }
        FeatureReference prediction = null;
        if (model != null) {
            prediction = predictionFromValues(model.task(), model.predict(frame, source), frame.rowCount());
        }
        return new DriftReference(frame.rowCount(), inputs, prediction, skipped);
    }

    static FeatureReference fromColumn(Column c) {
        int n = c.size();
        if (c instanceof NumericColumn num) {
            return NumericReference.fromValues(c.name(), num.toArray());
        }
        if (c instanceof DatetimeColumn d) {
            double[] v = new double[n];
            for (int r = 0; r < n; r++) {
                v[r] = d.isMissing(r) ? Double.NaN : d.millis(r);
            }
            return NumericReference.fromValues(c.name(), v);
        }
        if (c instanceof CategoricalColumn cat) {
            String[] v = new String[n];
            for (int r = 0; r < n; r++) {
                v[r] = cat.isMissing(r) ? null : cat.get(r);
            }
            return CategoricalReference.fromValues(c.name(), v);
        }
        return null;
    }

    /** The prediction's reference from the model's outputs on reference rows. */
    static FeatureReference predictionFromValues(Task task, double[] outputs, int rows) {
        int k = task.outputs();
        if (!task.isClassification()) {
            return NumericReference.fromValues(PREDICTION, outputs);
        }
        if (k == 2) {
            double[] positive = new double[rows];
            for (int r = 0; r < rows; r++) {
                positive[r] = outputs[r * 2 + 1];
            }
            return NumericReference.fromValues(PREDICTION, positive);
        }
        String[] classes = new String[rows];
        for (int r = 0; r < rows; r++) {
            classes[r] = task.classes().get(argmax(outputs, r, k));
        }
        return CategoricalReference.fromValues(PREDICTION, classes);
    }

    static int argmax(double[] outputs, int row, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (outputs[row * k + c] > outputs[row * k + best]) {
                best = c;
            }
        }
        return best;
    }

    /** An empty window of current rows to compare with this reference. */
    public DriftWindow newWindow() {
        return new DriftWindow(this);
    }
}
