package dev.forja.core.ingest.csv;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import dev.forja.core.schema.DatetimeSyntax;
import dev.forja.core.schema.MissingMarkers;
import dev.forja.core.schema.NumberSyntax;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Receives one column's cells of one chunk as byte ranges and keeps them typed. {@link #accept} returns
 * false when a cell is neither missing nor of the column's kind; the parser decides what that means
 * (an error, a lenient coercion, or a kind re-decided). Chunks are joined in order by {@link #join}.
 */
abstract class ColumnSink {
    protected final MissingMarkers markers;
    protected int size;

    ColumnSink(MissingMarkers markers) {
        this.markers = markers;
    }

    static ColumnSink of(ColumnKind kind, MissingMarkers markers, int capacity) {
        switch (kind) {
            case NUMERIC:
                return new Numbers(markers, capacity);
            case CATEGORICAL:
                return new Levels(markers, capacity);
            case TEXT:
                return new Texts(markers, capacity);
            case DATETIME:
                return new Datetimes(markers, capacity);
            default:
                throw new IllegalStateException("no sink for " + kind);
        }
    }

    /** Takes a cell; false if it is not missing and does not parse as this column's kind. */
    abstract boolean accept(byte[] b, int s, int e);

    /** Takes a missing value (a coerced cell, or the cell of a blank line in a one-column file). */
    abstract void acceptMissing();

    int size() {
        return size;
    }

    /** One column from the chunks' sinks of the same column, in chunk order. */
    static Column join(String name, ColumnKind kind, List<ColumnSink> parts) {
        int total = 0;
        for (ColumnSink p : parts) {
            total += p.size;
        }
        switch (kind) {
            case NUMERIC: {
                double[] all = new double[total];
                int o = 0;
                for (ColumnSink p : parts) {
                    System.arraycopy(((Numbers) p).values, 0, all, o, p.size);
                    o += p.size;
                }
                return NumericColumn.of(name, all);
            }
            case DATETIME: {
                long[] all = new long[total];
                int o = 0;
                for (ColumnSink p : parts) {
                    System.arraycopy(((Datetimes) p).values, 0, all, o, p.size);
                    o += p.size;
                }
                return DatetimeColumn.of(name, all);
            }
            case TEXT: {
                TextColumn.Builder builder = new TextColumn.Builder(total);
                for (ColumnSink p : parts) {
                    String[] v = ((Texts) p).values;
                    for (int i = 0; i < p.size; i++) {
                        builder.add(v[i]);
                    }
                }
                return builder.build(name);
            }
            case CATEGORICAL: {
                // Levels in order of first appearance across the file: chunk 0's first, then new ones.
                CategoricalColumn.Builder builder = new CategoricalColumn.Builder(total);
                for (ColumnSink p : parts) {
                    Levels l = (Levels) p;
                    int[] remap = new int[l.levels.size()];
                    for (int c = 0; c < remap.length; c++) {
                        remap[c] = builder.declare(l.levels.level(c));
                    }
                    for (int i = 0; i < p.size; i++) {
                        int c = l.codes[i];
                        builder.addCode(c < 0 ? CategoricalColumn.MISSING : remap[c]);
                    }
                }
                return builder.build(name);
            }
            default:
                throw new IllegalStateException("no join for " + kind);
        }
    }

    static final class Numbers extends ColumnSink {
        double[] values;
        /** A marker such as -999 looks like a number, so it must be checked before parsing. */
        private final boolean numericMarkers;

        Numbers(MissingMarkers markers, int capacity) {
            super(markers);
            values = new double[Math.max(16, capacity)];
            numericMarkers = markers.markers().stream().anyMatch(NumberSyntax::isNumber);
        }

        @Override
        boolean accept(byte[] b, int s, int e) {
            double v;
            if (numericMarkers && markers.isMissing(b, s, e - s)) {
                v = Double.NaN;
            } else if (NumberSyntax.isNumber(b, s, e - s)) {
                v = NumberSyntax.parse(b, s, e - s);
            } else if (markers.isMissing(b, s, e - s)) {
                v = Double.NaN;
            } else {
                return false;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size + (size >> 1));
            }
            values[size++] = v;
            return true;
        }

        @Override
        void acceptMissing() {
            if (size == values.length) {
                values = Arrays.copyOf(values, size + (size >> 1));
            }
            values[size++] = Double.NaN;
        }
    }

    static final class Datetimes extends ColumnSink {
        long[] values;

        Datetimes(MissingMarkers markers, int capacity) {
            super(markers);
            values = new long[Math.max(16, capacity)];
        }

        @Override
        boolean accept(byte[] b, int s, int e) {
            long t = DatetimeSyntax.parse(b, s, e - s);
            if (t == DatetimeSyntax.NOT_A_DATETIME) {
                if (!markers.isMissing(b, s, e - s)) {
                    return false;
                }
                t = DatetimeColumn.MISSING;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size + (size >> 1));
            }
            values[size++] = t;
            return true;
        }

        @Override
        void acceptMissing() {
            if (size == values.length) {
                values = Arrays.copyOf(values, size + (size >> 1));
            }
            values[size++] = DatetimeColumn.MISSING;
        }
    }

    static final class Levels extends ColumnSink {
        final ByteLevels levels = new ByteLevels();
        int[] codes;

        Levels(MissingMarkers markers, int capacity) {
            super(markers);
            codes = new int[Math.max(16, capacity)];
        }

        @Override
        boolean accept(byte[] b, int s, int e) {
            add(markers.isMissing(b, s, e - s) ? -1 : levels.code(b, s, e));
            return true;
        }

        @Override
        void acceptMissing() {
            add(-1);
        }

        private void add(int code) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, size + (size >> 1));
            }
            codes[size++] = code;
        }
    }

    static final class Texts extends ColumnSink {
        String[] values;

        Texts(MissingMarkers markers, int capacity) {
            super(markers);
            values = new String[Math.max(16, capacity)];
        }

        @Override
        boolean accept(byte[] b, int s, int e) {
            add(markers.isMissing(b, s, e - s) ? null : new String(b, s, e - s, StandardCharsets.UTF_8));
            return true;
        }

        @Override
        void acceptMissing() {
            add(null);
        }

        private void add(String v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size + (size >> 1));
            }
            values[size++] = v;
        }
    }
}
