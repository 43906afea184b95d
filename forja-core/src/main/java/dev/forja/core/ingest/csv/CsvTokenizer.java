package dev.forja.core.ingest.csv;

import dev.forja.core.ingest.DataFormatException;
import java.util.Arrays;

/**
 * Splits RFC 4180 records out of a byte range without allocating: after {@link #next()} the fields of
 * one record are byte ranges ({@link #start(int)} .. {@link #end(int)} of {@link #buffer(int)}).
 *
 * <p>Rules: a field that begins with {@code "} is quoted and may hold delimiters, newlines and doubled
 * quotes ({@code ""} for one {@code "}); blanks may follow its closing quote. A quote anywhere else is an
 * ordinary character. Lines end with {@code \n} or {@code \r\n}. A quoted field with doubled quotes is
 * unescaped into a scratch buffer (so its range points there); every other field points into the input.
 * Line numbers count every newline, also those inside quoted fields, so errors name physical lines.
 */
final class CsvTokenizer {
    private final byte[] b;
    private final int end;
    private final byte delimiter;
    private final String source;

    private int pos;
    private long line;
    private int lineStart;

    private int count;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] scratched = new boolean[32];
    private byte[] scratch = new byte[256];
    private int scratchUsed;

    private long recordLine;
    private int recordStart;

    /**
     * @param from      first byte of the first record
     * @param to        end of input (exclusive)
     * @param firstLine the line number of {@code from}
     */
    CsvTokenizer(byte[] b, int from, int to, byte delimiter, long firstLine, String source) {
        this.b = b;
        this.pos = from;
        this.end = to;
        this.delimiter = delimiter;
        this.line = firstLine;
        this.lineStart = from;
        this.source = source;
    }

    /** Reads the next record; false at the end of input. */
    boolean next() {
        if (pos >= end) {
            return false;
        }
        count = 0;
        scratchUsed = 0;
        recordLine = line;
        recordStart = pos;
        final byte[] b = this.b;
        final byte d = delimiter;
        int i = pos;
        while (true) {
            if (i < end && b[i] == '"') {
                i = quoted(i);
                if (i >= end || b[i] == '\n') {
                    if (i < end) {
                        newline(i);
                    }
                    pos = i + 1;
                    return true;
                }
                // quoted() stops only at a delimiter, a newline or the end
                i++;
                continue;
            }
            int fieldStart = i;
            while (i < end) {
                byte c = b[i];
                if (c == d || c == '\n') {
                    break;
                }
                i++;
            }
            int fieldEnd = i;
            if (i >= end || b[i] == '\n') {
                if (fieldEnd > fieldStart && b[fieldEnd - 1] == '\r') {
                    fieldEnd--;
                }
                add(fieldStart, fieldEnd, false);
                if (i < end) {
                    newline(i);
                }
                pos = i + 1;
                return true;
            }
            add(fieldStart, fieldEnd, false);
            i++;
        }
    }

    /** Parses a quoted field starting at the opening quote; returns the index of the byte after it. */
    private int quoted(int open) {
        long openLine = line;
        int openCol = open - lineStart;
        int i = open + 1;
        int contentStart = i;
        boolean escaped = false;
        while (true) {
            if (i >= end) {
                throw new DataFormatException(source, openLine, null, openCol + 1,
                        "unterminated quoted field: the quote opened here is never closed",
                        "close the quote, and write a quote inside a quoted field as two quotes (\"\")");
            }
            byte c = b[i];
            if (c == '"') {
                if (i + 1 < end && b[i + 1] == '"') {
                    escaped = true;
                    i += 2;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                newline(i);
            }
            i++;
        }
        int contentEnd = i;
        i++;
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
            i++;
        }
        if (i < end && b[i] != delimiter && b[i] != '\n') {
            throw new DataFormatException(source, line, null, i - lineStart + 1,
                    "unexpected character '" + (char) (b[i] & 0xff) + "' after a closing quote",
                    "quote the whole field and write a quote inside it as two quotes (\"\")");
        }
        if (escaped) {
            int n = contentEnd - contentStart;
            if (scratchUsed + n > scratch.length) {
                scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchUsed + n));
            }
            int o = scratchUsed;
            for (int k = contentStart; k < contentEnd; k++) {
                scratch[o++] = b[k];
                if (b[k] == '"') {
                    k++;
                }
            }
            add(scratchUsed, o, true);
            scratchUsed = o;
        } else {
            add(contentStart, contentEnd, false);
        }
        return i;
    }

    private void newline(int at) {
        line++;
        lineStart = at + 1;
    }

    private void add(int s, int e, boolean inScratch) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            scratched = Arrays.copyOf(scratched, count * 2);
        }
        starts[count] = s;
        ends[count] = e;
        scratched[count] = inScratch;
        count++;
    }

    /** Fields in the current record. */
    int count() {
        return count;
    }

    byte[] buffer(int field) {
        return scratched[field] ? scratch : b;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    /** True if the record is an empty line (one empty, unquoted field). */
    boolean blank() {
        return count == 1 && starts[0] == ends[0] && !scratched[0] && (recordStart == starts[0]);
    }

    /** The line the current record starts on. */
    long recordLine() {
        return recordLine;
    }

    /** Offset where the current record starts. */
    int recordStart() {
        return recordStart;
    }

    /** Offset of the next record (after the current one). */
    int position() {
        return pos;
    }

    /** The line {@link #position()} is on. */
    long line() {
        return line;
    }

    /** 1-based character position of a field of the current record within its line. */
    int charPosition(int field) {
        if (scratched[field]) {
            return 0;
        }
        int s = starts[field];
        int lineBegin = s;
        while (lineBegin > 0 && b[lineBegin - 1] != '\n') {
            lineBegin--;
        }
        int chars = 0;
        for (int k = lineBegin; k < s; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                chars++;
            }
        }
        // A quoted field's range starts after its quote; point at the quote.
        if (s > 0 && b[s - 1] == '"' && s - 1 >= lineBegin) {
            return chars;
        }
        return chars + 1;
    }
}
