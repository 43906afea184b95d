package dev.forja.core.frame;

import java.time.Instant;
import java.util.Arrays;

/** A column of instants stored as epoch milliseconds (UTC); {@link #MISSING} marks a missing value. */
public final class DatetimeColumn implements Column {
    public static final long MISSING = Long.MIN_VALUE;

    private final String name;
    private final long[] millis;
    private final int[] index;
    private final int size;

    private DatetimeColumn(String name, long[] millis, int[] index, int size) {
        this.name = name;
        this.millis = millis;
        this.index = index;
        this.size = size;
    }

    /** Wraps the array without copying it. */
    public static DatetimeColumn of(String name, long[] epochMillis) {
        return new DatetimeColumn(name, epochMillis, null, epochMillis.length);
    }

    /** Wraps the first {@code length} values without copying; see {@link NumericColumn#of(String, double[], int)}. */
    public static DatetimeColumn of(String name, long[] epochMillis, int length) {
        if (length < 0 || length > epochMillis.length) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + epochMillis.length);
        }
        return new DatetimeColumn(name, epochMillis, null, length);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ColumnKind kind() {
        return ColumnKind.DATETIME;
    }

    @Override
    public int size() {
        return size;
    }

    /** Epoch milliseconds of a row, or {@link #MISSING}. */
    public long millis(int row) {
        return millis[index == null ? row : index[row]];
    }

    @Override
    public boolean isMissing(int row) {
        return millis(row) == MISSING;
    }

    @Override
    public DatetimeColumn select(int[] rows) {
        return new DatetimeColumn(name, millis, RowIndex.compose(index, rows, size), rows.length);
    }

    @Override
    public DatetimeColumn rename(String newName) {
        return new DatetimeColumn(newName, millis, index, size);
    }

    @Override
    public String format(int row) {
        long m = millis(row);
        return m == MISSING ? null : Instant.ofEpochMilli(m).toString();
    }

    @Override
    public String toString() {
        return "DatetimeColumn[" + name + ", " + size + " rows]";
    }

    public static final class Builder {
        private long[] values;
        private int size;

        public Builder() {
            this(1024);
        }

        public Builder(int capacity) {
            values = new long[Math.max(16, capacity)];
        }

        public void add(long epochMillis) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length + (values.length >> 1));
            }
            values[size++] = epochMillis;
        }

        public void addMissing() {
            add(MISSING);
        }

        public int size() {
            return size;
        }

        public DatetimeColumn build(String name) {
            return DatetimeColumn.of(name, size == values.length ? values : Arrays.copyOf(values, size));
        }
    }
}
