package dev.forja.core.frame;

import java.util.Arrays;

/** A column of free text; {@code null} marks a missing value. */
public final class TextColumn implements Column {
    private final String name;
    private final String[] values;
    private final int[] index;
    private final int size;

    private TextColumn(String name, String[] values, int[] index, int size) {
        this.name = name;
        this.values = values;
        this.index = index;
        this.size = size;
    }

    /** Wraps the array without copying it. */
    public static TextColumn of(String name, String[] values) {
        return new TextColumn(name, values, null, values.length);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.TEXT;
    }

    @Override
    public int size() {
        return size;
    }

    public String get(int row) {
        return values[index == null ? row : index[row]];
    }

    @Override
    public boolean isMissing(int row) {
        return get(row) == null;
    }

    @Override
    public TextColumn select(int[] rows) {
        return new TextColumn(name, values, RowIndex.compose(index, rows, size), rows.length);
    }

    @Override
    public TextColumn rename(String newName) {
        return new TextColumn(newName, values, index, size);
    }

    @Override
    public String format(int row) {
        return get(row);
    }

    @Override
    public String toString() {
        return "TextColumn[" + name + ", " + size + " rows]";
    }

    public static final class Builder {
        private String[] values;
        private int size;

        public Builder() {
            this(1024);
        }

        public Builder(int capacity) {
            values = new String[Math.max(16, capacity)];
        }

        /** Adds a value; {@code null} adds a missing value. */
        public void add(String value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length + (values.length >> 1));
            }
            values[size++] = value;
        }

        public void addMissing() {
            add(null);
        }

        public int size() {
            return size;
        }

        public TextColumn build(String name) {
            return TextColumn.of(name, size == values.length ? values : Arrays.copyOf(values, size));
        }
    }
}
