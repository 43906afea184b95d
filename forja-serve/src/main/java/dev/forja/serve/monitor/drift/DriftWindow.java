package dev.forja.serve.monitor.drift;

import dev.forja.core.ForjaException;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.task.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Current rows, feature by feature and for the prediction, in constant memory; fed a whole frame
 * ({@code forja drift}) or row by row (a replayed prediction log, the serving process), then compared
 * with the reference into a {@link DriftReport}.
 */
public final class DriftWindow {
    private final DriftReference reference;
    private final FeatureWindow[] inputs;
    private final FeatureWindow prediction;
    private long rows;

    DriftWindow(DriftReference reference) {
        this.reference = reference;
        this.inputs = reference.inputs().stream().map(FeatureReference::newWindow).toArray(FeatureWindow[]::new);
        this.prediction = reference.prediction() == null ? null : reference.prediction().newWindow();
    }

    public DriftReference reference() {
        return reference;
    }

    /** The window of input {@code i} (in {@link DriftReference#inputs()} order), for row-by-row feeding. */
    public FeatureWindow input(int i) {
        return inputs[i];
    }

    /**
     * Every input column of {@code frame}; a column the reference has but the frame lacks is an error
     * naming it. Columns are counted in parallel: each feature's window is touched by one thread only.
     */
    public void addFrame(Frame frame, String source) {
        Column[] columns = new Column[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            String name = reference.inputs().get(i).name();
            columns[i] = frame.find(name).orElseThrow(() -> new ForjaException(source + " has no column '" + name + "', which the reference has",
                    "compare data with the same columns"));
        }
        java.util.stream.IntStream.range(0, inputs.length).parallel().forEach(i -> feed(inputs[i], columns[i], frame.rowCount()));
        rows += frame.rowCount();
    }

    private static void feed(FeatureWindow w, Column c, int n) {
        if (c instanceof NumericColumn num) {
            for (int r = 0; r < n; r++) {
                w.add(num.get(r));
            }
        } else if (c instanceof DatetimeColumn d) {
            for (int r = 0; r < n; r++) {
                w.add(d.isMissing(r) ? Double.NaN : d.millis(r));
            }
        } else if (c instanceof CategoricalColumn cat) {
            for (int r = 0; r < n; r++) {
                w.add(cat.isMissing(r) ? null : cat.get(r));
            }
        } else {
            for (int r = 0; r < n; r++) {
                w.add(c.isMissing(r) ? null : c.format(r));
            }
        }
    }

    /** The model's outputs for {@code count} rows (row-major, {@code task.outputs()} per row). */
    public void addPredictions(Task task, double[] outputs, int offset, int count) {
        if (prediction == null) {
            return;
        }
        int k = task.outputs();
        for (int r = offset; r < offset + count; r++) {
            if (!task.isClassification()) {
                prediction.add(outputs[r]);
            } else if (k == 2) {
                prediction.add(outputs[r * 2 + 1]);
            } else {
                prediction.add(task.classes().get(DriftReference.argmax(outputs, r, k)));
            }
        }
    }

    /** Counts rows fed one by one through {@link #input}. */
    public void countRows(long n) {
        rows += n;
    }

    public long rows() {
        return rows;
    }

    public DriftReport report(DriftThresholds thresholds) {
        List<FeatureDrift> features = new ArrayList<>();
        for (FeatureWindow w : inputs) {
            features.add(w.drift(thresholds));
        }
        features.sort(Comparator.comparing((FeatureDrift f) -> f.severity().ordinal()).reversed()
                .thenComparing(Comparator.comparingDouble((FeatureDrift f) -> Double.isNaN(f.psi()) ? -1 : f.psi()).reversed()));
        FeatureDrift p = prediction == null ? null : prediction.drift(thresholds);
        return new DriftReport(reference.rows(), rows, features, p, reference.skipped());
    }
}
