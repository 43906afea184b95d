package dev.forja.core.export;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes RFC 4180 CSV that Forja's reader (and pandas, R, spreadsheets) read back unchanged: fields
 * with the delimiter, a quote, a line end or surrounding blanks are quoted with doubled quotes;
 * missing values are empty fields; numbers in shortest round-trip form, so a double survives a
 * write and a read exactly.
 */
public final class CsvWriter implements Closeable {
    private final BufferedWriter out;
    private boolean lineStarted;

    public CsvWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    public CsvWriter text(String value) {
        separator();
        if (value == null) {
            return this;
        }
        boolean quote = value.isEmpty() ? false : needsQuotes(value);
        try {
            if (quote) {
                out.write('"');
                out.write(value.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CsvWriter number(double value) {
        if (Double.isNaN(value)) {
            return text(null);
        }
        return text(format(value));
    }

    /**
     * A finite number as Forja writes it everywhere a prediction leaves as text (CSV here, JSON in the
     * serving server), so batch and online scores are byte-identical: whole numbers without a decimal
     * point, others in {@link Double#toString}'s round-trip form.
     */
    public static String format(double value) {
        return format(new StringBuilder(24), value).toString();
    }

    /** {@link #format(double)} appended to {@code sb} without an intermediate String (the serving hot path). */
    public static StringBuilder format(StringBuilder sb, double value) {
        // StringBuilder.append(double) writes exactly Double.toString's digits.
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? sb.append((long) value) : sb.append(value);
    }

    public CsvWriter endRow() {
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lineStarted = false;
        return this;
    }

    private void separator() {
        if (lineStarted) {
            try {
                out.write(',');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        lineStarted = true;
    }

    private static boolean needsQuotes(String v) {
        if (v.charAt(0) == ' ' || v.charAt(v.length() - 1) == ' ' || v.charAt(0) == '\t' || v.charAt(v.length() - 1) == '\t') {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
