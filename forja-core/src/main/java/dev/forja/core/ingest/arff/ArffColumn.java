package dev.forja.core.ingest.arff;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import dev.forja.core.ingest.DataFormatException;
import dev.forja.core.ingest.ReadReport;
import dev.forja.core.ingest.TextCells;
import dev.forja.core.schema.DatetimeSyntax;
import dev.forja.core.schema.MissingMarkers;
import dev.forja.core.schema.NumberSyntax;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntToLongFunction;

/**
 * Collects one attribute's values while the data section is read, and builds its column. Each
 * declared type has its own collector; an attribute whose kind the user overrides collects text and
 * converts it at the end through {@link TextCells}.
 *
 * <p>Sparse rows leave attributes out; an omitted value is the one Weka stores as 0: {@code 0.0} for a
 * numeric attribute, the <em>first declared value</em> for a nominal one, 1970-01-01T00:00:00Z for a
 * date, and for a string attribute the attribute's first string value in the file (Weka's string
 * index 0). Omitted values are never missing: a sparse row marks those with an explicit {@code ?}.
 */
abstract class ArffColumn {
    /** Where values come from and what to do with bad ones. */
    record Context(String source, boolean lenient, ReadReport.Builder report) {
    }

    final ArffAttribute attribute;

    ArffColumn(ArffAttribute attribute) {
        this.attribute = attribute;
    }

    /**
     * @param userMarkers markers the user added (they apply to every attribute)
     * @param allMarkers  every marker, applied when an override parses text as numbers or dates, as CSV does
     */
    static ArffColumn create(ArffAttribute a, ColumnKind override, MissingMarkers userMarkers, MissingMarkers allMarkers) {
        if (override != null && override != a.type().kind()) {
            boolean parsesText = override == ColumnKind.NUMERIC || override == ColumnKind.DATETIME;
            return new Converted(a, override, parsesText ? allMarkers : MissingMarkers.of(List.of()));
        }
        switch (a.type()) {
            case NUMERIC:
                return new Numeric(a);
            case NOMINAL:
                return new Nominal(a, userMarkers);
            case STRING:
                return new Strings(a);
            case DATE:
                return new Dates(a);
            default:
                throw new IllegalStateException("unhandled type " + a.type());
        }
    }

    /** A present value (not {@code ?}). */
    abstract void add(String value, long line, int charPosition, Context ctx);

    abstract void addMissing();

    /** The value of an attribute a sparse row leaves out. */
    abstract void addOmitted();

    abstract Column build(Context ctx, IntToLongFunction lineOfRow);

    /**
     * A bad value: an error naming where it is, or under {@code --lenient} a count in the report (the
     * caller then adds a missing value).
     */
    final void reject(String value, long line, int charPosition, Context ctx, String problem, String hint) {
        if (!ctx.lenient()) {
            throw new DataFormatException(ctx.source(), line, "'" + attribute.name() + "'", charPosition,
                    "'" + shorten(value) + "' " + problem, hint + ", or pass --lenient to read such values as missing and count them");
        }
        ctx.report().coerced(attribute.name());
    }

    final void rejectUndeclared(String value, long line, int charPosition, Context ctx) {
        reject(value, line, charPosition, ctx, "is not a declared value of attribute '" + attribute.name() + "' "
                + declared(attribute.levels()), "add it to the attribute's {...} list");
    }

    private static String declared(List<String> levels) {
        if (levels.size() <= 20) {
            return "{" + String.join(", ", levels) + "}";
        }
        return "{" + String.join(", ", levels.subList(0, 20)) + ", ... (" + levels.size() + " values)}";
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    private static final class Numeric extends ArffColumn {
        private final NumericColumn.Builder values = new NumericColumn.Builder();

        Numeric(ArffAttribute a) {
            super(a);
        }

        @Override
        void add(String value, long line, int charPosition, Context ctx) {
            if (NumberSyntax.isNumber(value)) {
                values.add(NumberSyntax.parse(value));
            } else if (value.equals("NaN")) {
                // Weka reads NaN as a number, and a NaN value is how Weka stores "missing".
                values.addMissing();
            } else {
                reject(value, line, charPosition, ctx, "is not a number (attribute '" + attribute.name() + "' is numeric)",
                        "fix the value or write ? for a missing one");
                values.addMissing();
            }
        }

        @Override
        void addMissing() {
            values.addMissing();
        }

        @Override
        void addOmitted() {
            values.add(0.0);
        }

        @Override
        Column build(Context ctx, IntToLongFunction lineOfRow) {
            return values.build(attribute.name());
        }
    }

    private static final class Nominal extends ArffColumn {
        private final CategoricalColumn.Builder values = new CategoricalColumn.Builder();
        private final Map<String, Integer> codes = new HashMap<>();
        private final int omittedCode;

        Nominal(ArffAttribute a, MissingMarkers userMarkers) {
            super(a);
            for (String level : a.levels()) {
                // A declared value the user marked as missing (--na) reads as missing and is no level.
                codes.put(level, userMarkers.isMissing(level) ? CategoricalColumn.MISSING : values.declare(level));
            }
            omittedCode = a.levels().isEmpty() ? CategoricalColumn.MISSING : codes.get(a.levels().get(0));
        }

        @Override
        void add(String value, long line, int charPosition, Context ctx) {
            Integer code = codes.get(value);
            if (code != null) {
                values.addCode(code);
            } else {
                rejectUndeclared(value, line, charPosition, ctx);
                values.addMissing();
            }
        }

        @Override
        void addMissing() {
            values.addMissing();
        }

        @Override
        void addOmitted() {
            values.addCode(omittedCode);
        }

        @Override
        Column build(Context ctx, IntToLongFunction lineOfRow) {
            return values.build(attribute.name());
        }
    }

    private static final class Dates extends ArffColumn {
        private final DatetimeColumn.Builder values = new DatetimeColumn.Builder();

        Dates(ArffAttribute a) {
            super(a);
        }

        @Override
        void add(String value, long line, int charPosition, Context ctx) {
            long t = attribute.dateFormat().parse(value);
            if (t == DatetimeSyntax.NOT_A_DATETIME) {
                reject(value, line, charPosition, ctx, "does not match the date format '" + attribute.dateFormat().pattern() + "'",
                        "fix the value or the format in the @attribute line");
                values.addMissing();
            } else {
                values.add(t);
            }
        }

        @Override
        void addMissing() {
            values.addMissing();
        }

        @Override
        void addOmitted() {
            values.add(0L);
        }

        @Override
        Column build(Context ctx, IntToLongFunction lineOfRow) {
            return values.build(attribute.name());
        }
    }

    /** Strings, with Weka's fill-in for values that sparse rows leave out (see the class comment). */
    private static class Strings extends ArffColumn {
        String[] cells = new String[1024];
        int size;
        private int[] omitted = new int[0];
        private int omittedCount;

        Strings(ArffAttribute a) {
            super(a);
        }

        final void put(String cell) {
            if (size == cells.length) {
                cells = Arrays.copyOf(cells, size * 2);
            }
            cells[size++] = cell;
        }

        @Override
        void add(String value, long line, int charPosition, Context ctx) {
            put(value);
        }

        @Override
        void addMissing() {
            put(null);
        }

        @Override
        void addOmitted() {
            if (attribute.type() != ArffAttribute.Type.STRING) {
                put(omittedText());
                return;
            }
            if (omittedCount == omitted.length) {
                omitted = Arrays.copyOf(omitted, Math.max(16, omittedCount * 2));
            }
            omitted[omittedCount++] = size;
            put(null);
        }

        /** Text of an omitted value of a non-string attribute whose kind was overridden. */
        private String omittedText() {
            switch (attribute.type()) {
                case NUMERIC:
                    return "0";
                case NOMINAL:
                    return attribute.levels().isEmpty() ? null : attribute.levels().get(0);
                case DATE:
                    return "1970-01-01T00:00:00Z";
                default:
                    throw new IllegalStateException("unhandled type " + attribute.type());
            }
        }

        /** Fills omitted string values with the first string value of the attribute, as Weka reads them. */
        final void fillOmitted(Context ctx) {
            if (omittedCount == 0) {
                return;
            }
            String first = null;
            for (int i = 0; i < size && first == null; i++) {
                first = cells[i];
            }
            if (first == null) {
                ctx.report().note("string attribute '" + attribute.name() + "': " + omittedCount
                        + " sparse rows leave it out and it has no string value to stand for them (Weka's string index 0); "
                        + "they are read as missing");
                return;
            }
            for (int k = 0; k < omittedCount; k++) {
                cells[omitted[k]] = first;
            }
            ctx.report().note("string attribute '" + attribute.name() + "': " + omittedCount
                    + " sparse rows leave it out; as in Weka they hold its first string value '" + shorten(first) + "'");
        }

        @Override
        Column build(Context ctx, IntToLongFunction lineOfRow) {
            fillOmitted(ctx);
            return TextColumn.of(attribute.name(), size == cells.length ? cells : Arrays.copyOf(cells, size));
        }
    }

    /**
     * An attribute read as another kind than its type gives ({@code --column name:kind}): its values are
     * kept as text and converted at the end, with the same rules and messages as text formats. Parsing
     * text as numbers or dates recognises all missing markers ({@code NA} included), as CSV does.
     */
    private static final class Converted extends Strings {
        private final ColumnKind kind;
        private final MissingMarkers markers;
        private final Set<String> declared;

        Converted(ArffAttribute a, ColumnKind kind, MissingMarkers markers) {
            super(a);
            this.kind = kind;
            this.markers = markers;
            this.declared = a.type() == ArffAttribute.Type.NOMINAL ? new HashSet<>(a.levels()) : null;
        }

        @Override
        void add(String value, long line, int charPosition, Context ctx) {
            // A nominal value must still be one the header declares, whatever kind it is read as.
            if (declared != null && !declared.contains(value)) {
                rejectUndeclared(value, line, charPosition, ctx);
                put(null);
                return;
            }
            put(value);
        }

        @Override
        Column build(Context ctx, IntToLongFunction lineOfRow) {
            fillOmitted(ctx);
            TextCells text = new TextCells(attribute.name());
            for (int i = 0; i < size; i++) {
                text.add(cells[i]);
            }
            return text.build(kind, markers, ctx.source(), lineOfRow, ctx.lenient(), ctx.report());
        }
    }
}
