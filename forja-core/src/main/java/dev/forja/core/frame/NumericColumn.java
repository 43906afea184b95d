package dev.forja.core.frame;

import java.util.Arrays;

/** A column of doubles; {@code NaN} marks a missing value. */
public final class NumericColumn implements Column {
    private final String name;
    private final double[] values;
    private final int[] index; // null = rows 0..values.length-1
    private final int size;

    private NumericColumn(String name, double[] values, int[] index, int size) {
        this.name = name;
        this.values = values;
        this.index = index;
        this.size = size;
    }

    /** Wraps the array without copying it: the caller hands it over and must not change it afterwards. */
    public static NumericColumn of(String name, double[] values) {
        return new NumericColumn(name, values, null, values.length);
    }

    /**
     * Wraps the first {@code length} values without copying (readers fill arrays sized by an upper
     * bound on the rows, and trimming would copy the whole column once more).
     */
    public static NumericColumn of(String name, double[] values, int length) {
        if (length < 0 || length > values.length) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + values.length);
        }
        return new NumericColumn(name, values, null, length);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.NUMERIC;
    }

    @Override
    public int size() {
        return size;
    }

    public double get(int row) {
        return values[index == null ? row : index[row]];
    }

    @Override
    public boolean isMissing(int row) {
        return Double.isNaN(get(row));
    }

    /** A fresh copy of the values in row order. */
    public double[] toArray() {
        if (index == null) {
            return Arrays.copyOf(values, size);
        }
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = values[index[i]];
        }
        return out;
    }

    @Override
    public NumericColumn select(int[] rows) {
        return new NumericColumn(name, values, RowIndex.compose(index, rows, size), rows.length);
    }

    @Override
    public NumericColumn rename(String newName) {
        return new NumericColumn(newName, values, index, size);
    }

    @Override
    public String format(int row) {
        double v = get(row);
        if (Double.isNaN(v)) {
            return null;
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    @Override
    public String toString() {
        return "NumericColumn[" + name + ", " + size + " rows]";
    }

    /** Growable builder; {@link #build(String)} hands the array over without another copy when it is full. */
    public static final class Builder {
        private double[] values;
        private int size;

        public Builder() {
            this(1024);
        }

        public Builder(int capacity) {
            values = new double[Math.max(16, capacity)];
        }

        public void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length + (values.length >> 1));
            }
            values[size++] = v;
        }

        public void addMissing() {
            add(Double.NaN);
        }

        public int size() {
            return size;
        }

        public NumericColumn build(String name) {
            return NumericColumn.of(name, size == values.length ? values : Arrays.copyOf(values, size));
        }
    }
}
