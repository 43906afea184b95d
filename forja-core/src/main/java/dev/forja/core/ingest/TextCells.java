package dev.forja.core.ingest;

import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.ColumnKind;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import dev.forja.core.schema.DatetimeSyntax;
import dev.forja.core.schema.KindSniffer;
import dev.forja.core.schema.MissingMarkers;
import dev.forja.core.schema.NumberSyntax;
import java.util.Arrays;

/**
 * One column's cells as text, collected in full and then turned into a typed {@link Column}. Readers
 * whose sources hand over strings (JSON lines, JDBC text columns, ARFF string attributes) use it, so
 * they infer kinds over <em>every</em> value rather than a sample, and share one set of coercion rules
 * and error messages.
 *
 * <p>{@code null} cells are missing; so is any cell equal to a missing marker.
 */
public final class TextCells {
    private final String name;
    private String[] cells = new String[1024];
    private int size;

    public TextCells(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    public void add(String cell) {
        if (size == cells.length) {
            cells = Arrays.copyOf(cells, cells.length * 2);
        }
        cells[size++] = cell;
    }

    /** Schema inference over every cell ({@link KindSniffer}). */
    public ColumnKind inferKind(MissingMarkers markers) {
        KindSniffer sniffer = new KindSniffer(markers);
        for (int i = 0; i < size; i++) {
            sniffer.accept(cells[i]);
        }
        return sniffer.decide();
    }

    /**
     * Builds the column as {@code kind}. A cell that does not parse as that kind fails the read with
     * its location, unless {@code lenient}, where it becomes missing and is counted in {@code report}.
     *
     * @param lineOfRow maps a row number to the 1-based line (or record number) to report
     */
    public Column build(ColumnKind kind, MissingMarkers markers, String source, java.util.function.IntToLongFunction lineOfRow,
                        boolean lenient, ReadReport.Builder report) {
        switch (kind) {
            case NUMERIC: {
                NumericColumn.Builder b = new NumericColumn.Builder(size);
                for (int i = 0; i < size; i++) {
                    String c = cells[i];
                    if (markers.isMissing(c)) {
                        b.addMissing();
                    } else if (NumberSyntax.isNumber(c)) {
                        b.add(NumberSyntax.parse(c));
                    } else {
                        reject(c, kind, source, lineOfRow.applyAsLong(i), lenient, report);
                        b.addMissing();
                    }
                }
                return b.build(name);
            }
            case DATETIME: {
                DatetimeColumn.Builder b = new DatetimeColumn.Builder(size);
                for (int i = 0; i < size; i++) {
                    String c = cells[i];
                    long t = markers.isMissing(c) ? DatetimeSyntax.NOT_A_DATETIME : DatetimeSyntax.parse(c.strip());
                    if (t == DatetimeSyntax.NOT_A_DATETIME && !markers.isMissing(c)) {
                        reject(c, kind, source, lineOfRow.applyAsLong(i), lenient, report);
                    }
                    if (t == DatetimeSyntax.NOT_A_DATETIME) {
                        b.addMissing();
                    } else {
                        b.add(t);
                    }
                }
                return b.build(name);
            }
            case CATEGORICAL: {
                CategoricalColumn.Builder b = new CategoricalColumn.Builder(size);
                for (int i = 0; i < size; i++) {
                    String c = cells[i];
                    b.add(markers.isMissing(c) ? null : c);
                }
                return b.build(name);
            }
            case TEXT: {
                TextColumn.Builder b = new TextColumn.Builder(size);
                for (int i = 0; i < size; i++) {
                    String c = cells[i];
                    b.add(markers.isMissing(c) ? null : c);
                }
                return b.build(name);
            }
            default:
                throw new IllegalStateException("unhandled kind " + kind);
        }
    }

    private void reject(String cell, ColumnKind kind, String source, long line, boolean lenient, ReadReport.Builder report) {
        if (!lenient) {
            throw new DataFormatException(source, line, "'" + name + "'", 0,
                    "'" + shorten(cell) + "' is not a " + kind.id() + " value",
                    "fix the value, declare the column's kind with --column '" + name + ":categorical' (or text), "
                            + "add the value as a missing marker with --na, or pass --lenient to read such values as missing and count them");
        }
        report.coerced(name);
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
