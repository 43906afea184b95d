package dev.forja.learn.features;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import java.util.List;

/**
 * One input row for the one-row path, by position in the pipeline's input columns. Reused across rows
 * and requests: setting values allocates nothing. Numbers given for a categorical input are read as
 * their shortest text ({@code 3} → {@code "3"}), so a code column typed either way scores the same.
 */
public final class InputRow {
    private final List<String> names;
    private final ColumnKind[] kinds;
    final double[] numbers;
    final String[] strings;
    final boolean[] missing;

    InputRow(List<String> names, ColumnKind[] kinds) {
        this.names = names;
        this.kinds = kinds;
        this.numbers = new double[kinds.length];
        this.strings = new String[kinds.length];
        this.missing = new boolean[kinds.length];
    }

    public int size() {
        return kinds.length;
    }

    /** The number (or epoch millis) bound to {@code column}; NaN when missing. For monitoring, which reads what was scored. */
    public double number(int column) {
        return missing[column] ? Double.NaN : numbers[column];
    }

    /** The category or text bound to {@code column}; null when missing. */
    public String string(int column) {
        return missing[column] ? null : strings[column];
    }

    public boolean isMissing(int column) {
        return missing[column];
    }

    public ColumnKind kind(int column) {
        return kinds[column];
    }

    public void setNumber(int column, double v) {
        if (kinds[column] == ColumnKind.CATEGORICAL || kinds[column] == ColumnKind.TEXT) {
            setCategory(column, Double.isNaN(v) ? null : dev.forja.core.task.Task.label(v));
            return;
        }
        numbers[column] = v;
        missing[column] = Double.isNaN(v);
    }

    public void setCategory(int column, String level) {
        strings[column] = level;
        missing[column] = level == null;
    }

    public void setText(int column, String v) {
        setCategory(column, v);
    }

    public void setTime(int column, long epochMillis) {
        numbers[column] = epochMillis;
        missing[column] = epochMillis == DatetimeColumn.MISSING;
    }

    public void setMissing(int column) {
        missing[column] = true;
        strings[column] = null;
        numbers[column] = Double.NaN;
    }

    /** Copies row {@code row} of {@code frame}, by column name, into this holder. */
    public void fill(Frame frame, int row) {
        for (int c = 0; c < kinds.length; c++) {
            fill(c, frame.column(names.get(c)), row);
        }
    }

    /** Copies one cell; {@code column} must be the frame column for input {@code c}. */
    void fill(int c, Column column, int row) {
        if (column.isMissing(row)) {
            setMissing(c);
        } else if (column instanceof NumericColumn n) {
            setNumber(c, n.get(row));
        } else if (column instanceof CategoricalColumn cat) {
            setCategory(c, cat.get(row));
        } else if (column instanceof TextColumn t) {
            setCategory(c, t.get(row));
        } else if (column instanceof DatetimeColumn d) {
            setTime(c, d.millis(row));
        }
    }
}
