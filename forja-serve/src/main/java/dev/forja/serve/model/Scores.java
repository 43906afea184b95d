package dev.forja.serve.model;

/**
 * The outputs of one request, row after row, as the rows are parsed: nothing is kept of a row but its
 * outputs (class probabilities or a value).
 */
public final class Scores {
    private final ServedModel model;
    private final int k;
    private double[] out;
    private int rows;

    public Scores(ServedModel model, int expectedRows) {
        this.model = model;
        this.k = model.outputs();
        this.out = new double[Math.max(1, expectedRows) * k];
    }

    public ServedModel model() {
        return model;
    }

    /** Starts a row: this thread's buffers, cleared. */
    public ServedModel.Scratch begin() {
        return model.begin();
    }

    /** Scores the row just bound. */
    public void end(ServedModel.Scratch s) {
        if ((rows + 1) * k > out.length) {
            out = java.util.Arrays.copyOf(out, out.length * 2);
        }
        model.score(s, out, rows * k);
        rows++;
    }

    public int rows() {
        return rows;
    }

    public int outputs() {
        return k;
    }

    public double[] values() {
        return out;
    }

    /** The predicted class index of a row (classification). */
    public int decide(int row) {
        return model.task().decide(out, row);
    }
}
