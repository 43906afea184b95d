package dev.forja.learn.features;

import java.util.List;

/**
 * Numeric features, row-major ({@code values[row * width + column]}), with their names: what a fitted
 * {@link FeaturePipeline} produces and what learners train on. Missing values are {@code NaN} (learners
 * that cannot take them get an imputing pipeline). Row-major because the serving path fills one row at
 * a time into a {@code double[]} of the same layout, and XGBoost takes rows.
 */
public final class FeatureMatrix {
    private final List<String> names;
    private final int rows;
    private final double[] values;

    public FeatureMatrix(List<String> names, int rows, double[] values) {
        if ((long) rows * names.size() != values.length) {
            throw new IllegalArgumentException(rows + " rows x " + names.size() + " features != " + values.length + " values");
        }
        this.names = List.copyOf(names);
        this.rows = rows;
        this.values = values;
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return rows;
    }

    public int width() {
        return names.size();
    }

    public double get(int row, int column) {
        return values[row * names.size() + column];
    }

    /** The backing array, row-major; callers must not change it. */
    public double[] values() {
        return values;
    }

    /** Copies one row into {@code out} (length {@link #width()}). */
    public void row(int row, double[] out) {
        System.arraycopy(values, row * names.size(), out, 0, names.size());
    }

    /** The given rows, copied, in the given order. */
    public FeatureMatrix select(int[] rowNumbers) {
        int w = names.size();
        double[] out = new double[rowNumbers.length * w];
        for (int i = 0; i < rowNumbers.length; i++) {
            System.arraycopy(values, rowNumbers[i] * w, out, i * w, w);
        }
        return new FeatureMatrix(names, rowNumbers.length, out);
    }
}
