package dev.forja.core.ingest.csv;

import dev.forja.core.frame.ColumnKind;
import dev.forja.core.schema.MissingMarkers;

/**
 * What the chunk parsers need to know about a file: its delimiter, columns, kinds (and which kinds the
 * user declared), the missing markers and whether to be lenient.
 */
record CsvLayout(String source, byte delimiter, String[] names, ColumnKind[] kinds, boolean[] declared,
                 MissingMarkers markers, boolean lenient) {
    int columns() {
        return names.length;
    }
}
