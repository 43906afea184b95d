package dev.forja.core.ingest;

import dev.forja.core.ForjaException;

/**
 * Bad input data, located: the source, the line (1-based; 0 when unknown) and, where it applies, the
 * column (by name, or 1-based position when the header is not known yet) and the character position.
 * The message reads like a compiler's: {@code data.csv:12:7: unterminated quoted field}.
 */
public class DataFormatException extends ForjaException {
    private final String source;
    private final long line;
    private final String column;
    private final int charPosition;

    public DataFormatException(String source, long line, String column, int charPosition, String problem, String hint) {
        super(locate(source, line, charPosition) + ": " + (column == null ? "" : "column " + column + ": ") + problem, hint);
        this.source = source;
        this.line = line;
        this.column = column;
        this.charPosition = charPosition;
    }

    public DataFormatException(String source, long line, String column, String problem, String hint) {
        this(source, line, column, 0, problem, hint);
    }

    private static String locate(String source, long line, int charPosition) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (charPosition > 0) {
                sb.append(':').append(charPosition);
            }
        }
        return sb.toString();
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when not known. */
    public long line() {
        return line;
    }

    /** The column's name (quoted) or position, or {@code null}. */
    public String column() {
        return column;
    }

    /** 1-based character position in the line, or 0. */
    public int charPosition() {
        return charPosition;
    }
}
