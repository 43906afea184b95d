package dev.forja.core.ingest.sql;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.ingest.DataFormatException;
import dev.forja.core.ingest.ReadReport;
import dev.forja.core.ingest.TextCells;
import dev.forja.core.schema.DatetimeSyntax;
import dev.forja.core.schema.KindSniffer;
import dev.forja.core.schema.MissingMarkers;
import dev.forja.core.schema.NumberSyntax;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads one result-set column, row by row, into a typed column. The subclass is chosen from the
 * column's SQL type once, before the first row ({@link SqlTypes}); each row then costs one typed
 * getter and {@code wasNull}. SQL {@code NULL} is a missing value.
 */
abstract class SqlColumn {
    /** What the columns share while reading. */
    record Context(String source, boolean lenient, ReadReport.Builder report, MissingMarkers userMarkers,
                   MissingMarkers allMarkers) {
    }

    /**
     * @param name     the column's label
     * @param index    its 1-based position in the result
     * @param typeName the SQL type as the driver names it
     * @param capacity rows expected (builders are sized for them), or a small guess
     */
    record Spec(String name, int index, String typeName, int capacity) {
    }

    final String name;
    final int index;
    final String typeName;
    final int capacity;

    SqlColumn(Spec spec) {
        this.name = spec.name();
        this.index = spec.index();
        this.typeName = spec.typeName();
        this.capacity = spec.capacity();
    }

    /** Reads the current row (0-based {@code row}) of {@code rs}. */
    abstract void read(ResultSet rs, int row, Context ctx) throws SQLException;

    abstract Column build(Context ctx);

    /**
     * A value that does not fit the column's type (SQLite lets any column hold any value): an error
     * naming the row, or under {@code --lenient} a counted missing value (the caller adds it).
     */
    final void reject(Object value, int row, Context ctx, String expected) {
        if (!ctx.lenient()) {
            throw new DataFormatException(ctx.source(), row + 1L, "'" + name + "'", 0,
                    "result row " + (row + 1) + ": '" + shorten(String.valueOf(value)) + "' is not " + expected
                            + " (the column is declared " + typeName + ")",
                    "fix the value, CAST the column in the query, or pass --lenient to read such values as missing and count them");
        }
        ctx.report().coerced(name);
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** Doubles, from any SQL number type the driver converts with {@code getDouble}. */
    static final class Doubles extends SqlColumn {
        private final NumericColumn.Builder values = new NumericColumn.Builder(capacity);
        private final String precisionNote;

        Doubles(Spec spec, String precisionNote) {
            super(spec);
            this.precisionNote = precisionNote;
        }

        @Override
        void read(ResultSet rs, int row, Context ctx) throws SQLException {
            double v = rs.getDouble(index);
            if (rs.wasNull()) {
                values.addMissing();
            } else {
                values.add(v);
            }
        }

        @Override
        Column build(Context ctx) {
            if (precisionNote != null) {
                ctx.report().note("column '" + name + "' (" + typeName + "): " + precisionNote);
            }
            return values.build(name);
        }
    }

    /** 64-bit integers, counting those a double cannot hold exactly (beyond ±2^53). */
    static final class Longs extends SqlColumn {
        private static final long EXACT = 1L << 53;
        private final NumericColumn.Builder values = new NumericColumn.Builder(capacity);
        private long rounded;

        Longs(Spec spec) {
            super(spec);
        }

        @Override
        void read(ResultSet rs, int row, Context ctx) throws SQLException {
            long v = rs.getLong(index);
            if (rs.wasNull()) {
                values.addMissing();
                return;
            }
            if ((v > EXACT || v < -EXACT) && new BigDecimal((double) v).compareTo(BigDecimal.valueOf(v)) != 0) {
                rounded++;
            }
            values.add(v);
        }

        @Override
        Column build(Context ctx) {
            noteRounded(ctx, rounded);
            return values.build(name);
        }

        void noteRounded(Context ctx, long count) {
            if (count > 0) {
                ctx.report().note("column '" + name + "' (" + typeName + "): " + count + " value" + (count == 1 ? "" : "s")
                        + " beyond 2^53 were rounded to the nearest double");
            }
        }
    }

    /**
     * Numbers that arrive as objects: unsigned and 128-bit integers (DuckDB's {@code UBIGINT},
     * {@code HUGEINT}) and every number of a dynamically typed database (SQLite), where a column
     * declared numeric may still hold text: text that reads as a number is taken, other text is
     * rejected.
     */
    static final class Objects extends SqlColumn {
        private final NumericColumn.Builder values = new NumericColumn.Builder(capacity);
        private long rounded;

        Objects(Spec spec) {
            super(spec);
        }

        @Override
        void read(ResultSet rs, int row, Context ctx) throws SQLException {
            Object o = rs.getObject(index);
            if (o == null) {
                values.addMissing();
            } else if (o instanceof Double || o instanceof Float || o instanceof Integer || o instanceof Short || o instanceof Byte) {
                values.add(((Number) o).doubleValue());
            } else if (o instanceof Number) {
                BigDecimal exact = o instanceof BigDecimal ? (BigDecimal) o
                        : o instanceof BigInteger ? new BigDecimal((BigInteger) o) : new BigDecimal(o.toString());
                double v = exact.doubleValue();
                if (exact.scale() <= 0 && (Double.isInfinite(v) || new BigDecimal(v).compareTo(exact) != 0)) {
                    rounded++;
                }
                values.add(v);
            } else if (o instanceof String && NumberSyntax.isNumber((String) o)) {
                values.add(NumberSyntax.parse((String) o));
            } else if (o instanceof String && ctx.userMarkers().isMissing((String) o)) {
                values.addMissing();
            } else {
                reject(o instanceof byte[] ? "(binary data)" : o, row, ctx, "a number");
                values.addMissing();
            }
        }

        @Override
        Column build(Context ctx) {
            if (rounded > 0) {
                ctx.report().note("column '" + name + "' (" + typeName + "): " + rounded + " integer" + (rounded == 1 ? "" : "s")
                        + " beyond 2^53 were rounded to the nearest double");
            }
            return values.build(name);
        }
    }

    /** SQL booleans as a categorical column of {@code true} / {@code false}. */
    static final class Booleans extends SqlColumn {
        private final CategoricalColumn.Builder values = new CategoricalColumn.Builder(capacity);
        private final boolean dynamic;

        Booleans(Spec spec, boolean dynamic) {
            super(spec);
            this.dynamic = dynamic;
        }

        @Override
        void read(ResultSet rs, int row, Context ctx) throws SQLException {
            if (!dynamic) {
                boolean b = rs.getBoolean(index);
                values.add(rs.wasNull() ? null : b ? "true" : "false");
                return;
            }
            // SQLite stores booleans as 0/1 (or whatever text was inserted).
            Object o = rs.getObject(index);
            String text = o == null ? null : o.toString().strip().toLowerCase(Locale.ROOT);
            if (text == null) {
                values.addMissing();
            } else if (text.equals("1") || text.equals("true") || text.equals("1.0")) {
                values.add("true");
            } else if (text.equals("0") || text.equals("false") || text.equals("0.0")) {
                values.add("false");
            } else {
                reject(o, row, ctx, "a boolean (0, 1, true or false)");
                values.addMissing();
            }
        }

        @Override
        Column build(Context ctx) {
            return values.build(name);
        }
    }

    /** {@code DATE} → midnight UTC of that day. */
    static final class Dates extends SqlColumn {
        private final DatetimeColumn.Builder values = new DatetimeColumn.Builder(capacity);

        Dates(Spec spec) {
            super(spec);
        }

        @Override
        void read(ResultSet rs, int row, Context ctx) throws SQLException {
            LocalDate d = rs.getObject(index, LocalDate.class);
            if (d == null) {
                values.addMissing();
            } else {
                values.add(Math.multiplyExact(d.toEpochDay(), 86_400_000L));
            }
        }

        @Override
        Column build(Context ctx) {
            return values.build(name);
        }
    }

    /** {@code TIMESTAMP} without a zone: the wall-clock time read as UTC (no JVM time zone involved). */
    static final class Timestamps extends SqlColumn {
        private final DatetimeColumn.Builder values = new DatetimeColumn.Builder(capacity);

        Timestamps(Spec spec) {
            super(spec);
        }

        @Override
        void read(ResultSet rs, int row, Context ctx) throws SQLException {
            LocalDateTime t = rs.getObject(index, LocalDateTime.class);
            if (t == null) {
                values.addMissing();
            } else {
                values.add(t.toInstant(ZoneOffset.UTC).toEpochMilli());
            }
        }

        @Override
        Column build(Context ctx) {
            return values.build(name);
        }
    }

    /** {@code TIMESTAMP WITH TIME ZONE}: the instant it denotes. */
    static final class ZonedTimestamps extends SqlColumn {
        private final DatetimeColumn.Builder values = new DatetimeColumn.Builder(capacity);

        ZonedTimestamps(Spec spec) {
            super(spec);
        }

        @Override
        void read(ResultSet rs, int row, Context ctx) throws SQLException {
            OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
            if (t == null) {
                values.addMissing();
            } else {
                values.add(t.toInstant().toEpochMilli());
            }
        }

        @Override
        Column build(Context ctx) {
            return values.build(name);
        }
    }

    /**
     * Dates and timestamps of a dynamically typed database (SQLite keeps them as text or numbers): ISO
     * text is parsed ({@link DatetimeSyntax}); integers are epoch milliseconds, the convention of the
     * SQLite JDBC driver; anything else is rejected.
     */
    static final class DynamicDatetimes extends SqlColumn {
        private final DatetimeColumn.Builder values = new DatetimeColumn.Builder(capacity);

        DynamicDatetimes(Spec spec) {
            super(spec);
        }

        @Override
        void read(ResultSet rs, int row, Context ctx) throws SQLException {
            Object o = rs.getObject(index);
            long t = DatetimeSyntax.NOT_A_DATETIME;
            if (o == null || (o instanceof String && ctx.userMarkers().isMissing((String) o))) {
                values.addMissing();
                return;
            }
            if (o instanceof String) {
                t = DatetimeSyntax.parse((String) o);
            } else if (o instanceof Long || o instanceof Integer) {
                t = ((Number) o).longValue();
            }
            if (t == DatetimeSyntax.NOT_A_DATETIME) {
                reject(o, row, ctx, "an ISO date or date-time, or epoch milliseconds");
                values.addMissing();
            } else {
                values.add(t);
            }
        }

        @Override
        Column build(Context ctx) {
            return values.build(name);
        }
    }

    /**
     * A column read with {@code getString}. Without {@code kind}, it is text kept as SQL typed it: a
     * text column is categorical, or text when its values read like prose ({@link
     * KindSniffer#readsLikeProse()}), but never re-typed as numbers or dates, so a {@code VARCHAR} of
     * zip codes stays categorical; only missing markers the user added count, besides {@code NULL}.
     * With {@code kind} (a {@code --column} override), the text is converted to that kind; converting
     * to numeric or datetime parses text as CSV does, so all missing markers count there.
     */
    static final class Texts extends SqlColumn {
        private final ColumnKind kind;
        private String[] cells = new String[Math.max(16, capacity)];
        private int size;

        Texts(Spec spec, ColumnKind kind) {
            super(spec);
            this.kind = kind;
        }

        @Override
        void read(ResultSet rs, int row, Context ctx) throws SQLException {
            if (size == cells.length) {
                cells = Arrays.copyOf(cells, size * 2);
            }
            cells[size++] = rs.getString(index);
        }

        @Override
        Column build(Context ctx) {
            ColumnKind k = kind;
            if (k == null) {
                KindSniffer sniffer = new KindSniffer(ctx.userMarkers());
                for (int i = 0; i < size; i++) {
                    sniffer.accept(cells[i]);
                }
                k = sniffer.readsLikeProse() ? ColumnKind.TEXT : ColumnKind.CATEGORICAL;
            }
            MissingMarkers markers = k == ColumnKind.NUMERIC || k == ColumnKind.DATETIME ? ctx.allMarkers() : ctx.userMarkers();
            TextCells text = new TextCells(name);
            for (int i = 0; i < size; i++) {
                text.add(cells[i]);
            }
            cells = null;
            return text.build(k, markers, ctx.source(), row -> row + 1L, ctx.lenient(), ctx.report());
        }
    }
}
