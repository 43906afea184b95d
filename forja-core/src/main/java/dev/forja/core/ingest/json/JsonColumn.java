package dev.forja.core.ingest.json;

import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.ingest.ReadReport;
import dev.forja.core.ingest.TextCells;
import dev.forja.core.schema.MissingMarkers;
import java.util.Arrays;
import java.util.function.IntToLongFunction;

/**
 * One key's values across the records. Numbers are kept as doubles and everything else as text, each
 * array allocated only when a value of that sort arrives, so a numeric column costs 8 bytes a row. A
 * row without the key (or with {@code null}) holds neither: it is missing.
 */
final class JsonColumn {
    private final String name;
    private double[] numbers;
    private String[] texts;
    private long numberCount;
    private long stringCount;
    private long booleanCount;
    private long nestedCount;
    private long roundedIntegers;

    JsonColumn(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void number(int row, double value) {
        if (numbers == null || row >= numbers.length) {
            numbers = grow(numbers, row);
        }
        numbers[row] = value;
        numberCount++;
    }

    /** An integer too large for a double to hold exactly: counted, for the report's note. */
    void roundedInteger() {
        roundedIntegers++;
    }

    void string(int row, String value) {
        text(row, value);
        stringCount++;
    }

    void bool(int row, boolean value) {
        text(row, value ? "true" : "false");
        booleanCount++;
    }

    /** A nested object or array, kept as its compact JSON text. */
    void nested(int row, String json) {
        text(row, json);
        nestedCount++;
    }

    private void text(int row, String value) {
        if (texts == null || row >= texts.length) {
            texts = texts == null ? new String[Math.max(1024, row + 1)] : Arrays.copyOf(texts, Math.max(texts.length * 2, row + 1));
        }
        texts[row] = value;
    }

    private static double[] grow(double[] old, int row) {
        int length = old == null ? Math.max(1024, row + 1) : Math.max(old.length * 2, row + 1);
        double[] out = new double[length];
        int from = 0;
        if (old != null) {
            System.arraycopy(old, 0, out, 0, old.length);
            from = old.length;
        }
        Arrays.fill(out, from, length, Double.NaN);
        return out;
    }

    /**
     * The column for {@code rows} rows. Without an override: any nested value → text (the JSON text);
     * only numbers → numeric; only booleans → categorical {@code true}/{@code false}; otherwise every
     * value as text through {@link TextCells} inference (so ISO dates become datetime and {@code "NA"}
     * is missing), with numbers written in shortest form.
     */
    Column build(int rows, ColumnKind override, MissingMarkers markers, String source, IntToLongFunction lineOfRow,
                 boolean lenient, ReadReport.Builder report) {
        if (roundedIntegers > 0) {
            report.note("column '" + name + "': " + roundedIntegers + " integer" + (roundedIntegers == 1 ? "" : "s")
                    + " beyond 2^53 were rounded to the nearest double");
        }
        boolean onlyNumbers = stringCount == 0 && booleanCount == 0 && nestedCount == 0;
        if (onlyNumbers && (override == null || override == ColumnKind.NUMERIC)) {
            double[] values = new double[rows];
            Arrays.fill(values, Double.NaN);
            if (numbers != null) {
                System.arraycopy(numbers, 0, values, 0, Math.min(rows, numbers.length));
            }
            return NumericColumn.of(name, values);
        }
        TextCells cells = new TextCells(name);
        for (int i = 0; i < rows; i++) {
            cells.add(cell(i));
        }
        ColumnKind kind = override;
        if (kind == null) {
            if (nestedCount > 0) {
                kind = ColumnKind.TEXT;
                report.note("column '" + name + "': " + nestedCount + " value" + (nestedCount == 1 ? " is" : "s are")
                        + " nested JSON (objects or arrays), kept as JSON text in a text column; flatten the records first "
                        + "(e.g. jq) to use their fields");
            } else if (numberCount == 0 && stringCount == 0) {
                kind = ColumnKind.CATEGORICAL;
            } else {
                kind = cells.inferKind(markers);
                if (numberCount > 0 && stringCount > 0) {
                    report.note("column '" + name + "' mixes JSON numbers (" + numberCount + ") and strings (" + stringCount
                            + "); its kind, " + kind.id() + ", was inferred from all values as text");
                }
            }
        }
        return cells.build(kind, markers, source, lineOfRow, lenient, report);
    }

    private String cell(int row) {
        if (texts != null && row < texts.length && texts[row] != null) {
            return texts[row];
        }
        if (numbers != null && row < numbers.length && !Double.isNaN(numbers[row])) {
            double v = numbers[row];
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return null;
    }
}
