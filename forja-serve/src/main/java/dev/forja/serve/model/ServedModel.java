package dev.forja.serve.model;

import dev.forja.core.frame.ColumnKind;
import dev.forja.core.schema.DatetimeSyntax;
import dev.forja.core.task.Task;
import dev.forja.learn.features.InputRow;
import dev.forja.learn.model.InputSpec;
import dev.forja.learn.model.Model;
import dev.forja.serve.protocol.BadInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One loaded model version as the server scores with it: the model's own one-row path (the feature
 * pipeline's {@code transformRow} and the compiled predictor), per-thread buffers so scoring a row
 * allocates nothing, and the checks a request's values get against the signature.
 */
public final class ServedModel {
    private final String name;
    private final String version;
    private final String uri;
    private final Model model;
    private final List<String> columns;
    private final ColumnKind[] kinds;
    private final Map<String, Integer> index = new HashMap<>();
    private final ThreadLocal<Scratch> scratch;
    private volatile java.util.concurrent.atomic.LongAdder predictions;
    private volatile RowObserver observer;

    /** Sees every row this version scores, with its outputs, on the scoring thread (monitoring). Must not keep the arrays. */
    @FunctionalInterface
    public interface RowObserver {
        void observe(InputRow row, double[] outputs);
    }

    /** A thread's reusable row holder, feature vector and output vector. */
    public static final class Scratch {
        public final InputRow row;
        final double[] features;
        final double[] out;
        final boolean[] seen;

        Scratch(Model m, int columns) {
            row = m.pipeline().newRow();
            features = new double[m.pipeline().width()];
            out = new double[m.task().outputs()];
            seen = new boolean[columns];
        }
    }

    public ServedModel(String name, String version, String uri, Model model) {
        this.name = name;
        this.version = version;
        this.uri = uri;
        this.model = model;
        this.columns = model.pipeline().inputColumns();
        this.kinds = new ColumnKind[columns.size()];
        Map<String, InputSpec> specs = new HashMap<>();
        for (InputSpec s : model.signature().inputs()) {
            specs.put(s.name(), s);
        }
        for (int c = 0; c < columns.size(); c++) {
            index.put(columns.get(c), c);
            InputSpec s = specs.get(columns.get(c));
            kinds[c] = s == null ? ColumnKind.NUMERIC : s.kind();
        }
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(model, columns.size()));
    }

    public String name() {
        return name;
    }

    /** The metrics counter of rows this version scored (set once by the server's metrics). */
    public java.util.concurrent.atomic.LongAdder predictionCounter() {
        return predictions;
    }

    public void predictionCounter(java.util.concurrent.atomic.LongAdder counter) {
        this.predictions = counter;
    }

    /** Sets (or with null, removes) the observer of scored rows. */
    public void observe(RowObserver rowObserver) {
        this.observer = rowObserver;
    }

    public String version() {
        return version;
    }

    public String uri() {
        return uri;
    }

    public Model model() {
        return model;
    }

    public Task task() {
        return model.task();
    }

    public List<String> columns() {
        return columns;
    }

    public int outputs() {
        return model.task().outputs();
    }

    /** The input position of a column name, or -1 for a name the model does not use (ignored). */
    public int column(String columnName) {
        Integer c = index.get(columnName);
        return c == null ? -1 : c;
    }

    public ColumnKind kind(int column) {
        return kinds[column];
    }

    /** This thread's buffers, cleared for a new row. */
    public Scratch begin() {
        Scratch s = scratch.get();
        java.util.Arrays.fill(s.seen, false);
        return s;
    }

    public void setNumber(Scratch s, int c, double v) {
        if (!Double.isFinite(v)) {
            throw new BadInput("column '" + columns.get(c) + "' is " + v + "; send a finite number, or null for a missing value", columns.get(c));
        }
        if (kinds[c] == ColumnKind.DATETIME) {
            s.row.setTime(c, (long) v);
        } else {
            s.row.setNumber(c, v);
        }
        s.seen[c] = true;
    }

    public void setText(Scratch s, int c, String v) {
        switch (kinds[c]) {
            case NUMERIC -> throw new BadInput("column '" + columns.get(c) + "' is numeric; got the string \"" + shorten(v) + "\"", columns.get(c));
            case DATETIME -> {
                long t = DatetimeSyntax.parse(v);
                if (t == DatetimeSyntax.NOT_A_DATETIME) {
                    throw new BadInput("column '" + columns.get(c) + "' is a datetime; \"" + shorten(v) + "\" is not one (use ISO 8601)",
                            columns.get(c));
                }
                s.row.setTime(c, t);
            }
            default -> s.row.setCategory(c, v);
        }
        s.seen[c] = true;
    }

    public void setBoolean(Scratch s, int c, boolean v) {
        if (kinds[c] == ColumnKind.NUMERIC || kinds[c] == ColumnKind.DATETIME) {
            throw new BadInput("column '" + columns.get(c) + "' is " + kinds[c].id() + "; got " + v, columns.get(c));
        }
        s.row.setCategory(c, Boolean.toString(v));
        s.seen[c] = true;
    }

    /** A missing value: the pipeline imputes it exactly as batch scoring does, so both paths agree. */
    public void setNull(Scratch s, int c) {
        s.row.setMissing(c);
        s.seen[c] = true;
    }

    /** Scores the row in {@code s} into {@code out} at {@code offset}; every input must have been set. */
    public void score(Scratch s, double[] out, int offset) {
        for (int c = 0; c < s.seen.length; c++) {
            if (!s.seen[c]) {
                throw new BadInput("missing required column '" + columns.get(c) + "' (" + kinds[c].id() + ")", columns.get(c));
            }
        }
        model.predictRow(s.row, s.features, s.out);
        System.arraycopy(s.out, 0, out, offset, s.out.length);
        RowObserver o = observer;
        if (o != null) {
            o.observe(s.row, s.out);
        }
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
