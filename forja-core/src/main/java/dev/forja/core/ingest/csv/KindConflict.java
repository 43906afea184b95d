package dev.forja.core.ingest.csv;

/**
 * Control flow, not an error a user sees: a column whose kind was <em>inferred</em> from the sample met
 * a value of another kind further down. The parser re-decides that column's kind and reads again, so
 * inference never fails a read that a declared kind would not.
 */
final class KindConflict extends RuntimeException {
    final int column;
    final long line;
    final String value;

    KindConflict(int column, long line, String value) {
        super(null, null, false, false);
        this.column = column;
        this.line = line;
        this.value = value;
    }
}
