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

    /**
     * Sinks for one column over all chunks. Numeric and datetime chunks write straight into one array
     * for the whole column, each from its own offset (chunk k's region holds as many slots as chunk k has
     * line ends, an upper bound on its rows), so joining them usually moves nothing; categorical and
     * text chunks keep their own arrays (their levels and strings are remapped or copied anyway).
     */
    static ColumnSink[] forChunks(ColumnKind kind, MissingMarkers markers, int[] capacities) {
        ColumnSink[] sinks = new ColumnSink[capacities.length];
        int total = 0;
        for (int c : capacities) {
            total += c;
        }
        double[] numbers = kind == ColumnKind.NUMERIC ? new double[total] : null;
        long[] times = kind == ColumnKind.DATETIME ? new long[total] : null;
        int base = 0;
        for (int k = 0; k < capacities.length; k++) {
            if (numbers != null) {
                sinks[k] = new Numbers(markers, numbers, base, capacities[k]);
            } else if (times != null) {
                sinks[k] = new Datetimes(markers, times, base, capacities[k]);
            } else {
                sinks[k] = of(kind, markers, capacities[k]);
            }
            base += capacities[k];
        }
        return sinks;
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
                Numbers first = (Numbers) parts.get(0);
                boolean inPlace = parts.stream().allMatch(p -> first.sharedWith((Numbers) p));
                double[] all = inPlace ? first.values : new double[total];
                int o = 0;
                for (ColumnSink p : parts) {
                    Numbers n = (Numbers) p;
                    if (n.values != all || n.base != o) {
                        System.arraycopy(n.values, n.base, all, o, n.size);
                    }
                    o += n.size;
                }
                return NumericColumn.of(name, all, total);
            }
            case DATETIME: {
                Datetimes first = (Datetimes) parts.get(0);
                boolean inPlace = parts.stream().allMatch(p -> first.sharedWith((Datetimes) p));
                long[] all = inPlace ? first.values : new long[total];
                int o = 0;
                for (ColumnSink p : parts) {
                    Datetimes d = (Datetimes) p;
                    if (d.values != all || d.base != o) {
                        System.arraycopy(d.values, d.base, all, o, d.size);
                    }
                    o += d.size;
                }
                return DatetimeColumn.of(name, all, total);
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
        final int base;
        private final int limit;
        private final boolean shared;
        /** A marker such as -999 looks like a number, so it must be checked before parsing. */
        private final boolean numericMarkers;

        /** Owns a growable array. */
        Numbers(MissingMarkers markers, int capacity) {
            this(markers, new double[Math.max(16, capacity)], 0, -1, false);
        }

        /** Writes into {@code shared} from {@code base}; the caller sized the region for every row. */
        Numbers(MissingMarkers markers, double[] shared, int base, int capacity) {
            this(markers, shared, base, base + capacity, true);
        }

        private Numbers(MissingMarkers markers, double[] values, int base, int limit, boolean shared) {
            super(markers);
            this.values = values;
            this.base = base;
            this.limit = limit;
            this.shared = shared;
            numericMarkers = markers.markers().stream().anyMatch(NumberSyntax::isNumber);
        }

        @Override
        boolean accept(byte[] b, int s, int e) {
            double v = NumberSyntax.parsePlainDecimal(b, s, e);
            if (v == v && !numericMarkers) {
                // the common case: a plain decimal, parsed in one pass
            } else if (numericMarkers && markers.isMissing(b, s, e - s)) {
                v = Double.NaN;
            } else if (NumberSyntax.isNumber(b, s, e - s)) {
                v = NumberSyntax.parse(b, s, e - s);
            } else if (markers.isMissing(b, s, e - s)) {
                v = Double.NaN;
            } else {
                return false;
            }
            put(v);
            return true;
        }

        @Override
        void acceptMissing() {
            put(Double.NaN);
        }

        private void put(double v) {
            int at = base + size;
            if (at == limit) {
                throw new IllegalStateException("more rows than line ends in a chunk");
            }
            if (at == values.length) {
                values = Arrays.copyOf(values, at + (at >> 1));
            }
            values[at] = v;
            size++;
        }

        boolean sharedWith(Numbers other) {
            return shared && other.shared && values == other.values;
        }
    }

    static final class Datetimes extends ColumnSink {
        long[] values;
        final int base;
        private final int limit;
        private final boolean shared;

        Datetimes(MissingMarkers markers, int capacity) {
            this(markers, new long[Math.max(16, capacity)], 0, -1, false);
        }

        Datetimes(MissingMarkers markers, long[] shared, int base, int capacity) {
            this(markers, shared, base, base + capacity, true);
        }

        private Datetimes(MissingMarkers markers, long[] values, int base, int limit, boolean shared) {
            super(markers);
            this.values = values;
            this.base = base;
            this.limit = limit;
            this.shared = shared;
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
            put(t);
            return true;
        }

        @Override
        void acceptMissing() {
            put(DatetimeColumn.MISSING);
        }

        private void put(long t) {
            int at = base + size;
            if (at == limit) {
                throw new IllegalStateException("more rows than line ends in a chunk");
            }
            if (at == values.length) {
                values = Arrays.copyOf(values, at + (at >> 1));
            }
            values[at] = t;
            size++;
        }

        boolean sharedWith(Datetimes other) {
            return shared && other.shared && values == other.values;
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
