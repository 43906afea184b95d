package dev.forja.core.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader did besides producing the frame: rows read, rows skipped and values coerced to
 * missing under {@code --lenient} (per column), and notes such as a kind promoted during the read.
 * Nothing a reader drops or changes goes unreported here.
 *
 * @param rowsRead        data rows in the frame
 * @param rowsSkipped     ragged rows skipped (lenient mode only)
 * @param coercedToMissing per column, values that did not parse as the column's kind and were read as missing
 * @param notes           human-readable remarks, one per event
 */
public record ReadReport(long rowsRead, long rowsSkipped, Map<String, Long> coercedToMissing, List<String> notes) {
    public ReadReport {
        coercedToMissing = Map.copyOf(coercedToMissing);
        notes = List.copyOf(notes);
    }

    public static ReadReport clean(long rows) {
        return new ReadReport(rows, 0, Map.of(), List.of());
    }

    public long totalCoerced() {
        long n = 0;
        for (long v : coercedToMissing.values()) {
            n += v;
        }
        return n;
    }

    /** Mutable collector used while reading. */
    public static final class Builder {
        private long rowsRead;
        private long rowsSkipped;
        private final Map<String, Long> coerced = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();

        public Builder rowsRead(long n) {
            rowsRead = n;
            return this;
        }

        public Builder skipRow() {
            rowsSkipped++;
            return this;
        }

        public Builder coerced(String column) {
            coerced.merge(column, 1L, Long::sum);
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public ReadReport build() {
            return new ReadReport(rowsRead, rowsSkipped, coerced, notes);
        }
    }
}
