package dev.forja.serve.monitor;

import dev.forja.core.frame.ColumnKind;
import dev.forja.core.task.Task;
import dev.forja.learn.features.InputRow;
import dev.forja.serve.model.ServedModel;
import dev.forja.serve.monitor.drift.DriftReference;
import dev.forja.serve.monitor.drift.DriftWindow;
import dev.forja.serve.monitor.drift.FeatureWindow;

/**
 * Feeds the rows a served model scores into a drift window: each reference input read from its
 * position in the model's input row, and the row's outputs as the prediction. Swapping in a fresh
 * window starts a new time window; feeding and swapping are synchronised, so the serving threads and
 * the reader of the finished window never see half a row.
 */
public final class DriftFeed implements ServedModel.RowObserver {
    private final DriftReference reference;
    private final Task task;
    private final int[] positions;
    private final boolean[] numeric;
    private DriftWindow window;

    public DriftFeed(DriftReference reference, ServedModel model) {
        this.reference = reference;
        this.task = model.task();
        this.positions = new int[reference.inputs().size()];
        this.numeric = new boolean[positions.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = model.column(reference.inputs().get(i).name());
            numeric[i] = positions[i] >= 0 && model.kind(positions[i]) != ColumnKind.CATEGORICAL && model.kind(positions[i]) != ColumnKind.TEXT;
        }
        this.window = reference.newWindow();
    }

    @Override
    public synchronized void observe(InputRow row, double[] outputs) {
        for (int i = 0; i < positions.length; i++) {
            int p = positions[i];
            if (p < 0) {
                continue;
            }
            FeatureWindow w = window.input(i);
            if (numeric[i]) {
                w.add(row.number(p));
            } else {
                w.add(row.string(p));
            }
        }
        window.addPredictions(task, outputs, 0, 1);
        window.countRows(1);
    }

    /** The window fed so far, replaced by an empty one. */
    public synchronized DriftWindow swap() {
        DriftWindow done = window;
        window = reference.newWindow();
        return done;
    }
}
