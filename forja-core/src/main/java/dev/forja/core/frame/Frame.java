package dev.forja.core.frame;

import dev.forja.core.schema.ColumnSpec;
import dev.forja.core.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of typed, equally long columns. Immutable: every operation returns a new frame that shares
 * the column values (row selections are views holding only row numbers).
 */
public final class Frame {
    private final List<Column> columns;
    private final Map<String, Integer> positions;
    private final int rows;

    private Frame(List<Column> columns, int rows) {
        this.columns = columns;
        this.rows = rows;
        this.positions = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (positions.put(columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("column name '" + columns.get(i).name() + "' appears twice");
            }
        }
    }

    /**
     * A frame of the given columns.
     *
     * @throws IllegalArgumentException if the columns differ in length or repeat a name
     */
    public static Frame of(List<? extends Column> columns) {
        int rows = columns.isEmpty() ? 0 : columns.get(0).size();
        for (Column c : columns) {
            if (c.size() != rows) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size()
                        + " rows, but '" + columns.get(0).name() + "' has " + rows);
            }
        }
        return new Frame(List.copyOf(columns), rows);
    }

    public static Frame of(Column... columns) {
        return of(List.of(columns));
    }

    public int rowCount() {
        return rows;
    }

    public int columnCount() {
        return columns.size();
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (Column c : columns) {
            names.add(c.name());
        }
        return Collections.unmodifiableList(names);
    }

    public Column column(int position) {
        return columns.get(position);
    }

    public boolean has(String name) {
        return positions.containsKey(name);
    }

    public Optional<Column> find(String name) {
        Integer p = positions.get(name);
        return p == null ? Optional.empty() : Optional.of(columns.get(p));
    }

    /**
     * The column of that name.
     *
     * @throws IllegalArgumentException naming the columns there are, when there is none of that name
     */
    public Column column(String name) {
        Integer p = positions.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no column '" + name + "'; columns are " + columnNames());
        }
        return columns.get(p);
    }

    public int position(String name) {
        Integer p = positions.get(name);
        return p == null ? -1 : p;
    }

    public NumericColumn numeric(String name) {
        return as(name, NumericColumn.class, ColumnKind.NUMERIC);
    }

    public CategoricalColumn categorical(String name) {
        return as(name, CategoricalColumn.class, ColumnKind.CATEGORICAL);
    }

    public TextColumn text(String name) {
        return as(name, TextColumn.class, ColumnKind.TEXT);
    }

    public DatetimeColumn datetime(String name) {
        return as(name, DatetimeColumn.class, ColumnKind.DATETIME);
    }

    private <T extends Column> T as(String name, Class<T> type, ColumnKind kind) {
        Column c = column(name);
        if (!type.isInstance(c)) {
            throw new IllegalArgumentException("column '" + name + "' is " + c.kind().id() + ", not " + kind.id());
        }
        return type.cast(c);
    }

    /** A view of the given rows, in the given order (rows may repeat, as in bootstrap samples). */
    public Frame select(int[] rowNumbers) {
        List<Column> out = new ArrayList<>(columns.size());
        for (Column c : columns) {
            out.add(c.select(rowNumbers));
        }
        return new Frame(out, rowNumbers.length);
    }

    /** The first {@code n} rows (or all of them, if there are fewer). */
    public Frame head(int n) {
        int k = Math.min(n, rows);
        int[] idx = new int[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        return select(idx);
    }

    /** The named columns, in the given order. */
    public Frame selectColumns(List<String> names) {
        List<Column> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(column(n));
        }
        return Frame.of(out);
    }

    /** All columns but the named ones (names not present are ignored). */
    public Frame drop(String... names) {
        List<Column> out = new ArrayList<>(columns);
        for (String n : names) {
            out.removeIf(c -> c.name().equals(n));
        }
        return new Frame(out, rows);
    }

    /** This frame with one column added or replaced (by name). */
    public Frame with(Column column) {
        if (column.size() != rows && !columns.isEmpty()) {
            throw new IllegalArgumentException("column '" + column.name() + "' has " + column.size()
                    + " rows, the frame has " + rows);
        }
        List<Column> out = new ArrayList<>(columns);
        Integer p = positions.get(column.name());
        if (p == null) {
            out.add(column);
        } else {
            out.set(p, column);
        }
        return new Frame(out, column.size());
    }

    /** Names and kinds of the columns. */
    public Schema schema() {
        List<ColumnSpec> specs = new ArrayList<>(columns.size());
        for (Column c : columns) {
            specs.add(new ColumnSpec(c.name(), c.kind()));
        }
        return new Schema(specs);
    }

    @Override
    public String toString() {
        return "Frame[" + rows + " rows x " + columns.size() + " columns " + columnNames() + "]";
    }
}
