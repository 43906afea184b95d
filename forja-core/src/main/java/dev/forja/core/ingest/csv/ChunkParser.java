package dev.forja.core.ingest.csv;

import dev.forja.core.ingest.DataFormatException;
import java.nio.charset.StandardCharsets;

/**
 * Parses the records that start in one byte range of a CSV file into one {@link ColumnSink} per column.
 * The last record may run past the range's end (a quoted newline near the boundary); {@link Result#end}
 * says where parsing really stopped, which lets the driver check that the next chunk started on a true
 * record boundary.
 */
final class ChunkParser {
    private ChunkParser() {
    }

    static final class Result {
        ColumnSink[] sinks;
        int end;
        long newlines;
        long raggedSkipped;
        long blankLines;
        long[] coerced;
        int rows;
    }

    /**
     * @param from       first byte of the first record (a true record start for the first chunk)
     * @param nominalEnd parse records that start before this offset
     * @param fileEnd    end of the data; the last record may extend up to here
     * @param firstLine  line number of {@code from}, for errors (0 when only relative lines matter)
     */
    static Result parse(byte[] b, int from, int nominalEnd, int fileEnd, long firstLine, CsvLayout layout) {
        int n = layout.columns();
        int estimate = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, (nominalEnd - from) / Math.max(2, 6L * n)));
        ColumnSink[] sinks = new ColumnSink[n];
        for (int c = 0; c < n; c++) {
            sinks[c] = ColumnSink.of(layout.kinds()[c], layout.markers(), estimate);
        }
        return parse(b, from, nominalEnd, fileEnd, firstLine, layout, sinks);
    }

    /** Parses into the given sinks, one per column. */
    static Result parse(byte[] b, int from, int nominalEnd, int fileEnd, long firstLine, CsvLayout layout, ColumnSink[] given) {
        int n = layout.columns();
        Result r = new Result();
        r.sinks = given;
        r.coerced = new long[n];
        CsvTokenizer tok = new CsvTokenizer(b, from, fileEnd, layout.delimiter(), firstLine, layout.source());
        ColumnSink[] sinks = r.sinks;
        int rows = 0;
        while (tok.position() < nominalEnd && tok.next()) {
            if (tok.blank() && n > 1) {
                r.blankLines++;
                continue;
            }
            if (tok.count() != n) {
                if (layout.lenient()) {
                    r.raggedSkipped++;
                    continue;
                }
                throw new DataFormatException(layout.source(), tok.recordLine(), null, 0,
                        "this row has " + tok.count() + " field" + (tok.count() == 1 ? "" : "s") + " but the header has " + n,
                        "quote fields that contain the delimiter '" + printable(layout.delimiter()) + "' (\"a, b\"), "
                                + "set the delimiter with --delimiter, or pass --lenient to skip such rows and count them");
            }
            for (int c = 0; c < n; c++) {
                if (!sinks[c].accept(tok.buffer(c), tok.start(c), tok.end(c))) {
                    rejected(tok, c, layout, r);
                }
            }
            rows++;
        }
        r.rows = rows;
        r.end = tok.position();
        r.newlines = tok.line() - firstLine;
        return r;
    }

    private static void rejected(CsvTokenizer tok, int c, CsvLayout layout, Result r) {
        String value = new String(tok.buffer(c), tok.start(c), tok.end(c) - tok.start(c), StandardCharsets.UTF_8);
        String name = layout.names()[c];
        if (!layout.declared()[c]) {
            throw new KindConflict(c, tok.recordLine(), value);
        }
        if (layout.lenient()) {
            r.sinks[c].acceptMissing();
            r.coerced[c]++;
            return;
        }
        String kind = layout.kinds()[c].id();
        throw new DataFormatException(layout.source(), tok.recordLine(), "'" + name + "'", tok.charPosition(c),
                "'" + shorten(value) + "' is not a " + kind + " value",
                "the column was declared " + kind + "; fix the value, declare another kind (--column '" + name
                        + ":categorical'), add the value as a missing marker (--na '" + shorten(value)
                        + "'), or pass --lenient to read such values as missing and count them");
    }

    static String printable(byte d) {
        return d == '\t' ? "\\t" : String.valueOf((char) d);
    }

    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
